/**
 * The evidence package holds the restore drill records of the tenants it covers, byte for byte as
 * committed, hashed like every other file; its reports show the last drill (issue 22).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, tmpDir } from '../helpers/env';
import { cityCopy, record } from '../helpers/drills';
import { writeDrillRecord } from '../../drill/record';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

describe('govcloud evidence with drill records', () => {
  const env = cityCopy('evidence-drills');
  const written = writeDrillRecord(env, record());
  const out = path.join(tmpDir('evidence-drills-out'), 'pkg');
  const run = spawnSync(process.execPath, [CLI, 'evidence', '--env', env, '--out', out, '--today', '2026-12-01'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  const rel = 'input/drills/hotline-12345/2026-11-30T02-14-09Z-ext-samecity.json';

  it('writes the package and includes the record as committed, in SHA256SUMS and the manifest', () => {
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(path.join(out, rel)).equals(fs.readFileSync(written))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toMatch(new RegExp(`^[0-9a-f]{64}  ${rel}$`, 'm'));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain(rel);
    expect(fs.readdirSync(path.join(out, 'input/drills'))).toEqual(['hotline-12345']);
  });

  it('shows the drill in the package reports', () => {
    const json = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { tenants: { name: string; drill: { state: string } }[] };
    const states = Object.fromEntries(json.tenants.map((t) => [t.name, t.drill.state]));
    expect(states['hotline-12345']).toBe('fresh');
    expect(states['tax-data-service']).toBe('none');
    expect(fs.readFileSync(path.join(out, 'report', 'tenants', 'hotline-12345.html'), 'utf8')).toContain('<dd>李四</dd>');
  });
});
