/**
 * `govcloud evidence` never packages a credential, whoever wrote it (issue 21): a hand-written
 * Terraform file with a token is refused before anything is judged, a file of a synth output with a
 * password is refused at its line in both languages without printing the value, and the violations
 * city, which shows MLPS-DATA-006 failing, ships no password in its package.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { caseEnv, REPO, readTree, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--today', '2026-11-23'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('evidence with a credential in a hand-written Terraform file', () => {
  const env = caseEnv(undefined);
  const stack = path.join(env, 'overrides', 'dept-north-civil-affairs-ext-main');
  fs.mkdirSync(stack, { recursive: true });
  fs.writeFileSync(path.join(stack, 'token.tf.json'), '{\n  "locals": {\n    "ci": "glpat-xY9zExampleToken01"\n  }\n}\n');
  const out = path.join(tmpDir('evidence-override'), 'p');
  const r = govcloud(['evidence', '--env', env, '--out', out]);

  it('is refused at the line of the token, writing nothing, and the token is not printed', () => {
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/overrides\/dept-north-civil-affairs-ext-main\/token\.tf\.json:3:11 locals\.ci: looks like a credential \(access token\)/);
    expect(r.err + r.out).not.toContain('xY9zExample');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('evidence --from a synth output where a file holds a password', () => {
  const dir = tmpDir('evidence-from');
  const synth = path.join(dir, 'cdktf.out');
  spawnSync(process.execPath, [CLI, 'synth', '--out', synth, '--quiet'], { cwd: REPO });
  const stack = path.join(synth, 'extranet', 'stacks', 'platform-ext-primary');
  const secret = '{\n  "locals": {\n    "db": {\n      "password": "Vault@2026!"\n    }\n  }\n}\n';

  it.each([
    [
      'en',
      'refused: synth/extranet/stacks/platform-ext-primary/db.tf.json:4 holds a credential (literal value under a credential name); credentials never go into an evidence package, nothing was written',
    ],
    ['zh', '拒绝：synth/extranet/stacks/platform-ext-primary/db.tf.json:4 含有凭据（凭据名称下的明文值）；凭据不得进入证据包，未写入任何文件'],
  ])('is refused at the file and line (%s), writing nothing, without printing the password', (lang, message) => {
    fs.writeFileSync(path.join(stack, 'db.tf.json'), secret);
    const out = path.join(dir, `refused-${lang}`);
    const r = govcloud(['evidence', '--from', synth, '--out', out, '--lang', lang]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err + r.out).not.toContain('Vault@2026');
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    ['a Chinese password label in a chart', 'charts/govcloud-baseline/notes.txt', '运维说明\n数据库口令：Abc12345\n', 'Chinese password label', 2],
    ['a PGPASSWORD in a hand-added file', 'job.tf.json', '{"locals": {"run": "PGPASSWORD=hunter2 psql"}}', 'password assignment', 1],
  ])('refuses %s', (_n, rel, text, what, line) => {
    const file = path.join(stack, rel);
    fs.rmSync(path.join(stack, 'db.tf.json'), { force: true });
    fs.writeFileSync(file, text);
    const r = govcloud(['evidence', '--from', synth, '--out', path.join(dir, `refused-${path.basename(rel)}`)]);
    fs.rmSync(file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`synth/extranet/stacks/platform-ext-primary/${rel}:${line} holds a credential`);
    expect(r.err).toContain(what === 'Chinese password label' ? 'password after a Chinese label' : what);
  });
});

describe('evidence on the violations city', () => {
  const out = path.join(tmpDir('evidence-violations'), 'p');
  const r = govcloud(['evidence', '--env', 'environments/example-city-violations', '--out', out]);

  it('still shows the plaintext-secret finding, and packages no password', () => {
    expect(r.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      tenants: { name: string; findings: { rule: string; status: string; evidence: { detail: string }[] }[] }[];
    };
    const vault = report.tenants.find((t) => t.name === 'vault')?.findings.find((f) => f.rule === 'MLPS-DATA-006');
    expect(vault?.status).toBe('fail');
    expect(vault?.evidence.map((e) => e.detail)).toEqual(['Secret in ext-main/vault-prod holds literal values (data.username, data.url)']);
    for (const [f, data] of readTree(out)) expect([f, /Vault@?2026|password"\s*:\s*"[^$]/.test(data.toString('utf8'))]).toEqual([f, false]);
  });
});
