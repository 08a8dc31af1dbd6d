import * as fs from 'fs';
import * as path from 'path';
import { readProbeFile } from '../../live/probe-file';
import { tmpDir } from '../helpers/env';

const DIR = tmpDir('probe-file');
function write(name: string, doc: unknown): string {
  const f = path.join(DIR, name);
  fs.writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
}
const row = (id: string, from: string, to: string, expect: string, observed: string) => ({ id, from, to, port: 8080, expect, observed, because: 'why' });

describe('the probe truth table as runtime evidence', () => {
  it('takes the time and the namespaces probed, and makes each mismatch a problem of the namespaces it went from and to', () => {
    const f = write('ok.json', {
      city: 'example-city',
      takenAt: '2026-12-07T10:00:00Z',
      results: [row('p1', 'c1/a-prod', 'c1/b-prod', 'connect', 'connect'), row('p2', 'c1/a-prod', 'internet/198.51.100.7', 'refused', 'connect')],
    });
    const p = readProbeFile(f, 'example-city');
    expect([p.takenAt, p.probes, p.mismatches, p.namespaces]).toEqual(['2026-12-07T10:00:00Z', 2, 1, ['c1/a-prod', 'c1/b-prod']]);
    expect(p.problems.map((x) => [x.kind, x.cluster, x.namespace, x.what])).toEqual([['traffic', 'c1', 'a-prod', 'p2']]);
    expect(p.problems[0].detail.en).toBe('probe p2 from c1/a-prod to internet/198.51.100.7 port 8080: expected refused (why), observed connect');
  });

  it('refuses a file that is not a probe result, or of another city, saying which', () => {
    expect(() => readProbeFile(write('bad.json', '{'), 'example-city')).toThrow(/not JSON/);
    expect(() => readProbeFile(write('none.json', { city: 'example-city' }), 'example-city')).toThrow(/not a probe result/);
    expect(() => readProbeFile(write('other.json', { city: 'other', takenAt: '2026-12-07T10:00:00Z', results: [] }), 'example-city')).toThrow(
      /a probe of city "other", not "example-city"/,
    );
  });
});
