import * as fs from 'fs';
import * as path from 'path';
import { DESTROY_MARK, missingProvider, plannedStacks, renderRuns, runStacks, stackOrder, summarize } from '../../deploy/engine';
import { checkStateSeparation, engineEnv, pgDatabase } from '../../deploy/engine-env';
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

describe('what plan and apply say and keep', () => {
  it('names a missing provider and how to build the mirror', () => {
    const out =
      '│ Error: Failed to query available provider packages\n│\n│ Could not retrieve the list of available versions for provider hashicorp/helm: provider registry.terraform.io/hashicorp/helm was not found in any of the search locations\n';
    expect(missingProvider(out)).toContain('provider hashicorp/helm is not installed');
    expect(missingProvider(out)).toContain('bash scripts/e2e/parts.sh providers');
    // terraform wraps the line inside its box
    expect(
      missingProvider(
        '│ Error: Failed to query available provider packages\n│ \n│ Could not retrieve the list of available versions for provider\n│ hashicorp/kubernetes: could not connect to registry.terraform.io\n',
      ),
    ).toContain('provider hashicorp/kubernetes is not installed');
    expect(missingProvider('Error: Unsupported argument')).toBeUndefined();
  });

  it('points to the full engine log of a failed stack', () => {
    const text = renderRuns([
      {
        stack: 'county-a-ext',
        network: 'extranet',
        status: 'failed',
        summary: 'plan: Error: x',
        seconds: 1,
        log: '/o/extranet/stacks/county-a-ext/govcloud-plan.log',
      },
      {
        stack: 'county-b-ext',
        network: 'extranet',
        status: 'changes',
        summary: 'Plan: 1 to add, 0 to change, 0 to destroy.',
        seconds: 1,
        log: '/o/extranet/stacks/county-b-ext/govcloud-plan.log',
      },
    ]);
    expect(text).toContain('full log: /o/extranet/stacks/county-a-ext/govcloud-plan.log');
    expect(text.match(/full log:/g)).toHaveLength(1);
    expect(text).toContain('engine logs: govcloud-plan.log in each stack folder');
  });

  it('applies with --planned only the stacks that hold a saved plan, destroy plans last and in reverse', () => {
    const out = tmpDir('planned');
    const mk = (net: string, name: string, plan: boolean, destroy = false) => {
      const dir = path.join(out, net, 'stacks', name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
      if (plan) fs.writeFileSync(path.join(dir, 'tfplan'), 'x');
      if (destroy) fs.writeFileSync(path.join(dir, DESTROY_MARK), 'x');
    };
    mk('extranet', 'platform-ext', true);
    mk('extranet', 'county-a-ext', false);
    mk('extranet', 'county-b-ext', true);
    mk('intranet', 'platform-int', true, true);
    mk('intranet', 'county-a-int', true, true);
    expect(plannedStacks(out).map((s) => s.name)).toEqual(['platform-ext', 'county-b-ext', 'platform-int', 'county-a-int']);
    // a fake engine that records the order it was called in
    const bin = tmpDir('fake-engine');
    const calls = path.join(bin, 'calls');
    fs.writeFileSync(
      path.join(bin, 'terraform'),
      `#!/bin/sh\nbasename "$PWD" >> ${calls}\necho "Apply complete! Resources: 0 added, 0 changed, 1 destroyed."\n`,
      { mode: 0o755 },
    );
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const runs = runStacks('apply', 'terraform', plannedStacks(out), () => undefined);
      expect(runs.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    } finally {
      process.env.PATH = saved;
    }
    expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toEqual(['platform-ext', 'county-b-ext', 'county-a-int', 'platform-int']);
    expect(fs.existsSync(path.join(out, 'intranet', 'stacks', 'platform-int', DESTROY_MARK))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'extranet', 'stacks', 'platform-ext', 'govcloud-apply.log'), 'utf8')).toContain('Apply complete!');
  });
});

describe('state connection per network', () => {
  const both = (ext: string, int: string) => ({ PG_CONN_STR_EXTRANET: ext, PG_CONN_STR_INTRANET: int });

  it('compares databases, not spellings', () => {
    expect(pgDatabase('postgres://u:secret@db.example:5432/state_ext?sslmode=disable')).toBe('db.example:5432/state_ext');
    expect(pgDatabase('postgresql://db.example/state_ext')).toBe('db.example:5432/state_ext');
    expect(pgDatabase("host=db.example port=5432 dbname='state_ext' password=x")).toBe('db.example:5432/state_ext');
  });

  it('refuses one database for both networks, and a missing one', () => {
    const nets = new Set(['extranet', 'intranet'] as const);
    expect(() => checkStateSeparation(nets, both('postgres://a@h/s', 'host=h port=5432 dbname=s'))).toThrow(
      'extranet and intranet state would share one database (h:5432/s)',
    );
    expect(() => checkStateSeparation(nets, { PG_CONN_STR: 'postgres://a@h/s' })).toThrow('would share one database');
    expect(() => checkStateSeparation(nets, both('postgres://h/ext', 'postgres://h/int'))).not.toThrow();
    expect(() => checkStateSeparation(new Set(['intranet'] as const), { PG_CONN_STR: 'postgres://h/int' })).not.toThrow();
    // an undefined CI secret arrives empty: it is unset, not a connection string
    expect(() => checkStateSeparation(new Set(['intranet'] as const), { PG_CONN_STR_INTRANET: '' })).toThrow('set PG_CONN_STR_INTRANET');
  });

  it("gives each stack its own network's kubeconfig and state connection, and none of the other's", () => {
    const env = { KUBE_CONFIG_PATH_EXTRANET: '/k/ext', KUBE_CONFIG_PATH_INTRANET: '/k/int', ...both('postgres://h/ext', 'postgres://h/int') };
    const ext = engineEnv('extranet', env);
    expect([ext.KUBE_CONFIG_PATH, ext.PG_CONN_STR]).toEqual(['/k/ext', 'postgres://h/ext']);
    expect(JSON.stringify(ext)).not.toContain('/k/int');
    expect(JSON.stringify(ext)).not.toContain('postgres://h/int');
    const int = engineEnv('intranet', env);
    expect([int.KUBE_CONFIG_PATH, int.PG_CONN_STR]).toEqual(['/k/int', 'postgres://h/int']);
    expect(JSON.stringify(int)).not.toContain('/k/ext');
  });
});

describe('a plan that errors after its "Plan:" line', () => {
  it('is a failure, summarized by its error, and leaves no saved plan', () => {
    const out = tmpDir('pd');
    const dir = path.join(out, 'extranet', 'stacks', 'county-a-ext');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{}');
    const bin = tmpDir('fake-engine');
    // what terraform prints for `plan -destroy` of a prevent_destroy resource: the plan line, then the error, exit 1
    fs.writeFileSync(
      path.join(bin, 'terraform'),
      '#!/bin/sh\nif [ "$1" = plan ]; then touch tfplan; echo "Plan: 0 to add, 0 to change, 1 to destroy."; echo "Error: Instance cannot be destroyed"; exit 1; fi\nexit 0\n',
      { mode: 0o755 },
    );
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved}`;
    try {
      const [r] = runStacks('plan', 'terraform', stackOrder(out), () => undefined, { destroy: true });
      expect([r.status, r.summary]).toEqual(['failed', 'plan: Error: Instance cannot be destroyed']);
    } finally {
      process.env.PATH = saved;
    }
    expect(fs.existsSync(path.join(dir, 'tfplan'))).toBe(false);
    expect(fs.existsSync(path.join(dir, DESTROY_MARK))).toBe(false);
  });
});
