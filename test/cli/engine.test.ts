import * as fs from 'fs';
import * as path from 'path';
import { stackOrder, summarize } from '../../cli/engine';
import { tmpDir } from '../helpers/env';

describe('plan and apply order', () => {
  it('runs the extranet before the intranet, platform stacks before county stacks', () => {
    const out = tmpDir('order');
    for (const [net, name] of [
      ['intranet', 'county-a-int'],
      ['intranet', 'platform-int'],
      ['extranet', 'county-b-ext'],
      ['extranet', 'county-a-ext'],
      ['extranet', 'platform-ext-b'],
      ['extranet', 'platform-ext-a'],
    ]) {
      fs.mkdirSync(path.join(out, net, 'stacks', name), { recursive: true });
      fs.writeFileSync(path.join(out, net, 'stacks', name, 'cdk.tf.json'), '{}');
    }
    expect(stackOrder(out).map((s) => s.name)).toEqual(['platform-ext-a', 'platform-ext-b', 'county-a-ext', 'county-b-ext', 'platform-int', 'county-a-int']);
    expect(stackOrder(out, ['county-a-int', 'platform-ext-b']).map((s) => s.name)).toEqual(['platform-ext-b', 'county-a-int']);
    expect(() => stackOrder(out, ['county-z'])).toThrow('no synthesized stack "county-z"');
  });

  it('reads the lines Terraform and OpenTofu print', () => {
    expect(summarize('...\nPlan: 3 to add, 1 to change, 0 to destroy.\n')).toBe('Plan: 3 to add, 1 to change, 0 to destroy.');
    expect(summarize('No changes. Your infrastructure matches the configuration.')).toBe('No changes.');
    expect(summarize('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.\n')).toBe('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(summarize('\x1b[31m╷\n│ Error: Instance cannot be destroyed\n│ lifecycle.prevent_destroy\n')).toBe('Error: Instance cannot be destroyed');
  });
});
