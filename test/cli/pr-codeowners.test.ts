/**
 * `govcloud pr` is not Ready while a committed CODEOWNERS differs from what `govcloud codeowners`
 * writes for the head, and names the command that rewrites it (workflow/codeowners-drift.ts).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { baseRepo, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--lang', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOVCLOUD_TODAY: '2026-11-23' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const pr = (dir: string) => {
  const r = govcloud(dir, 'pr', '--base', 'HEAD', '--env', 'env', '--format', 'json');
  return { ...r, json: JSON.parse(r.out) as { blockers: string[]; issues: string[] } };
};

/** The base city with both CODEOWNERS files generated and committed, then portal raised to level 4 in the working tree. */
function repoWithCodeowners(): string {
  const dir = baseRepo('pr-codeowners');
  expect(govcloud(dir, 'codeowners', '--env', 'env').code).toBe(0);
  expect(govcloud(dir, 'codeowners', '--flavor', 'gitlab', '--env', 'env').code).toBe(0);
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['commit', '-qm', 'codeowners'], { cwd: dir });
  // relief at level 3: its file gets a line of its own, with security review
  const relief = path.join(dir, 'env/tenants/north/relief.yaml');
  fs.writeFileSync(relief, fs.readFileSync(relief, 'utf8').replace('mlpsLevel: 2', 'mlpsLevel: 3').replace('ref: XM-2026-0001', 'ref: XM-2026-0190'));
  return dir;
}

describe('govcloud pr and the committed CODEOWNERS', () => {
  it('blocks while CODEOWNERS is stale, naming the file, the line and the command, in both flavors', () => {
    const dir = repoWithCodeowners();
    const r = pr(dir);
    expect(r.code).toBe(1);
    expect(r.json.blockers).toEqual(
      expect.arrayContaining([
        'CODEOWNERS is not what govcloud codeowners writes for this change: run govcloud codeowners --flavor github --out CODEOWNERS --env env and commit it',
        '.gitlab/CODEOWNERS is not what govcloud codeowners writes for this change: run govcloud codeowners --flavor gitlab --out .gitlab/CODEOWNERS --env env and commit it',
      ]),
    );
    // relief's new line goes right after portal's, where the committed file has the blank line before the next county
    const committed = fs.readFileSync(path.join(dir, 'CODEOWNERS'), 'utf8').split('\n');
    const line = committed.findIndex((l) => l.startsWith('/env/tenants/north/portal.yaml ')) + 2;
    expect(committed[line - 1]).toBe('');
    expect(r.json.issues).toContain(
      `CODEOWNERS:${line}:1 CODEOWNERS is not what \`govcloud codeowners\` writes for this change, so the change would be routed to the wrong owners (here the generator writes "/env/tenants/north/relief.yaml @govcloud/platform @govcloud/county-north @govcloud/security-review", the file has ""); run govcloud codeowners --flavor github --out CODEOWNERS --env env and commit the file`,
    );
    const md = govcloud(dir, 'pr', '--base', 'HEAD', '--env', 'env', '--format', 'md');
    expect(md.out).not.toContain('Ready for approval');
  });

  it('lets the change through once the command is run', () => {
    const dir = repoWithCodeowners();
    expect(govcloud(dir, 'codeowners', '--flavor', 'github', '--out', 'CODEOWNERS', '--env', 'env').code).toBe(0);
    expect(govcloud(dir, 'codeowners', '--flavor', 'gitlab', '--out', '.gitlab/CODEOWNERS', '--env', 'env').code).toBe(0);
    const r = pr(dir);
    expect(r.json.blockers.filter((b) => b.includes('CODEOWNERS'))).toEqual([]);
    expect(r.json.issues).toEqual([]);
  });

  it('leaves a hand-written CODEOWNERS, and one generated for another city, alone', () => {
    const dir = repoWithCodeowners();
    fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '* @someone\n');
    const gitlab = path.join(dir, '.gitlab/CODEOWNERS');
    fs.writeFileSync(gitlab, fs.readFileSync(gitlab, 'utf8').split('from env:').join('from environments/other-city:'));
    expect(pr(dir).json.blockers.filter((b) => b.includes('CODEOWNERS'))).toEqual([]);
  });
});
