/**
 * `govcloud check --format html --out FILE.html` as users run it, on the violations city (exit 1,
 * every failing finding of the JSON report on the page) and on a synth output read back (`--from`);
 * and `--out DIR`, the report as a folder: an index and a page per tenant, replacing a report folder
 * written before, never a folder holding anything else.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--today', '2026-11-23'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface ReportJson {
  tenants: { name: string; findings: { rule: string; status: string }[] }[];
}

describe('check --format html', () => {
  const dir = tmpDir('check-html');

  it('exits 1 on the violations city and shows every failing finding of the JSON report', () => {
    const env = 'environments/example-city-violations';
    const html = path.join(dir, 'v.html');
    const json = path.join(dir, 'v.json');
    expect(govcloud(['check', '--env', env, '--format', 'html', '--out', html]).code).toBe(1);
    expect(govcloud(['check', '--env', env, '--format', 'json', '--out', json]).code).toBe(1);
    const page = fs.readFileSync(html, 'utf8');
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as ReportJson;
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    const failing = report.tenants.flatMap((t) => t.findings.filter((f) => f.status === 'fail').map((f) => [t.name, f.rule] as const));
    expect(failing.length).toBeGreaterThan(0);
    for (const [t, rule] of failing) expect(page).toContain(`id="finding-${t}-${rule.toLowerCase()}" data-rule="${rule}" data-status="fail"`);
  });

  it('judges a synth output with --from, and writes the same bytes twice', () => {
    const out = path.join(dir, 'cdktf.out');
    expect(spawnSync(process.execPath, [CLI, 'synth', '--out', out, '--quiet'], { cwd: REPO }).status).toBe(0);
    const a = path.join(dir, 'a.html');
    const b = path.join(dir, 'b.html');
    expect(govcloud(['check', '--from', out, '--format', 'html', '--out', a, '--lang', 'zh']).code).toBe(0);
    expect(govcloud(['check', '--from', out, '--format', 'html', '--out', b, '--lang', 'zh']).code).toBe(0);
    const page = fs.readFileSync(a, 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('data-tenant="party-office-documents"');
    expect(fs.readFileSync(b).equals(fs.readFileSync(a))).toBe(true);
  });

  it('writes a folder with --out DIR: an index and a page per tenant holding its failing findings', () => {
    const env = 'environments/example-city-violations';
    const out = path.join(dir, 'site');
    const json = path.join(dir, 'site.json');
    expect(govcloud(['check', '--env', env, '--format', 'html', '--out', out]).code).toBe(1);
    expect(govcloud(['check', '--env', env, '--format', 'json', '--out', json]).code).toBe(1);
    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as ReportJson;
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<p class="verdict verdict-fail" data-blocking="[1-9]/);
    expect(fs.readdirSync(path.join(out, 'tenants')).sort()).toEqual(report.tenants.map((t) => `${t.name}.html`).sort());
    for (const t of report.tenants) {
      const page = fs.readFileSync(path.join(out, 'tenants', `${t.name}.html`), 'utf8');
      for (const f of t.findings.filter((x) => x.status === 'fail'))
        expect(page).toContain(`id="finding-${t.name}-${f.rule.toLowerCase()}" data-rule="${f.rule}" data-status="fail"`);
    }
    // written again: the folder is replaced whole, with the same bytes
    const before = fs.readFileSync(path.join(out, 'index.html'));
    fs.writeFileSync(path.join(out, 'tenants', 'gone.html'), 'a page of an earlier report');
    expect(govcloud(['check', '--env', env, '--format', 'html', '--out', out]).code).toBe(1);
    expect(fs.existsSync(path.join(out, 'tenants', 'gone.html'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'index.html')).equals(before)).toBe(true);
  });

  it('refuses --out DIR when the folder holds something other than a report (usage error, nothing written)', () => {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'mine');
    const r = govcloud(['check', '--format', 'html', '--out', other]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${other} is a folder that holds something other than an HTML report`);
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);
  });
});
