/**
 * `govcloud evidence` as an assessor receives it: the same input gives a byte-identical package,
 * `sha256sum -c SHA256SUMS` verifies it, it holds the reports, the judged stacks, the cluster
 * configuration and the request files, and never a kubeconfig, state, plan or token.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, readTree, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const VIOLATIONS = 'environments/example-city-violations';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06YWRtaW4ifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

function govcloud(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--today', '2026-11-23'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('govcloud evidence on the example city', () => {
  const dir = tmpDir('evidence');
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  const runs = [govcloud(['evidence', '--out', a]), govcloud(['evidence', '--out', b])];

  it('exits 0 like check and says how to verify', () => {
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs[0].out).toContain('sha256sum -c SHA256SUMS');
  });

  it('gives a byte-identical package for the same input', () => {
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...ta.keys()].sort()).toEqual([...tb.keys()].sort());
    for (const [k, v] of ta) expect(tb.get(k)?.equals(v)).toBe(true);
  });

  it('holds the reports, the request files, every judged stack and the cluster configuration', () => {
    const files = [...readTree(a).keys()].map((f) => f.split(path.sep).join('/'));
    for (const f of ['report/index.html', 'report.json', 'report.sarif', 'input/platform.yaml', 'SHA256SUMS', 'manifest.json']) expect(files).toContain(f);
    const tenants = fs
      .readdirSync(path.join(REPO, 'environments/example-city/tenants'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'));
    for (const t of tenants) expect(files).toContain(`input/tenants/${t}`);
    // the HTML report as check --format html --out DIR writes it: a page per tenant beside the index
    for (const t of tenants) expect(files).toContain(`report/tenants/${path.basename(t, '.yaml')}.html`);
    const stacks = spawnSync(process.execPath, [CLI, 'stacks', '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
    const names = (stacks.stdout.match(/"name": "([a-z0-9-]+)"/g) ?? []).map((m) => m.slice(9, -1));
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(files.some((f) => f.endsWith(`/stacks/${n}/cdk.tf.json`))).toBe(true);
    expect(files).toContain('synth/extranet/clusters/ext-primary/audit/audit-policy.yaml');
    expect(files).toContain('synth/intranet/clusters/int-primary/audit/kube-apiserver.flags');
  });

  it('lists every file with its SHA-256, and sha256sum verifies them', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(a, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    const files = [...readTree(a).keys()].map((f) => f.split(path.sep).join('/')).filter((f) => f !== 'manifest.json' && f !== 'SHA256SUMS');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(files.sort());
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: a, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(files.length);
  });

  it('refuses a folder that is not empty, and a missing --out (usage errors)', () => {
    expect(govcloud(['evidence', '--out', a]).code).toBe(2);
    expect(govcloud(['evidence']).code).toBe(2);
  });
});

describe('govcloud evidence on the violations city', () => {
  const out = path.join(tmpDir('evidence-v'), 'p');
  const r = govcloud(['evidence', '--env', VIOLATIONS, '--out', out]);

  it('exits 1 like check, and still writes the package the assessor needs', () => {
    expect(r.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { summary: { blocking: number } };
    expect(report.summary.blocking).toBeGreaterThan(0);
    // the hand-written Terraform that was judged is part of it
    expect(fs.existsSync(path.join(out, 'input/overrides/dept-north-civil-affairs-ext-main/hand-added.tf.json'))).toBe(true);
  });
});

describe('govcloud evidence never packages credentials', () => {
  const dir = tmpDir('evidence-secrets');
  const synth = path.join(dir, 'cdktf.out');
  spawnSync(process.execPath, [CLI, 'synth', '--out', synth, '--quiet'], { cwd: REPO });
  // what a plan / apply leaves in a stack folder, and a kubeconfig someone put there
  const stack = path.join(synth, 'extranet', 'stacks', 'platform-ext-primary');
  const kubeconfig = `apiVersion: v1\nkind: Config\nusers:\n  - name: admin\n    user:\n      token: ${TOKEN}\n`;
  fs.mkdirSync(path.join(stack, '.terraform', 'providers'), { recursive: true });
  fs.writeFileSync(path.join(stack, '.terraform', 'providers', 'kubeconfig'), kubeconfig);
  fs.writeFileSync(path.join(stack, 'kubeconfig'), kubeconfig);
  fs.writeFileSync(path.join(stack, 'terraform.tfstate'), `{"token": "${TOKEN}"}`);
  fs.writeFileSync(path.join(stack, 'tfplan'), TOKEN);
  fs.writeFileSync(path.join(stack, 'govcloud-plan.log'), `Authorization: Bearer ${TOKEN}`);
  const out = path.join(dir, 'package');
  const r = govcloud(['evidence', '--from', synth, '--out', out]);

  it('leaves out kubeconfigs, state, plans and logs of a synth output', () => {
    expect(r.code).toBe(0);
    const tree = readTree(out);
    const names = [...tree.keys()].map((f) => f.split(path.sep).join('/'));
    expect(names.filter((f) => /kubeconfig|tfstate|tfplan|\.terraform\/|\.log$/.test(f))).toEqual([]);
    for (const [f, data] of tree) expect([f, data.includes(TOKEN)]).toEqual([f, false]);
    // what Terraform loads is there: the stack's JSON and its chart
    expect(names).toContain('synth/extranet/stacks/platform-ext-primary/cdk.tf.json');
    expect(names).toContain('synth/extranet/stacks/platform-ext-primary/charts/govcloud-baseline/Chart.yaml');
  });

  it('holds the same stacks, charts and cluster configuration as a package synthesized in memory', () => {
    const fresh = path.join(dir, 'in-memory');
    expect(govcloud(['evidence', '--out', fresh]).code).toBe(0);
    const synthOf = (d: string) => new Map([...readTree(d)].filter(([f]) => f.startsWith(`synth${path.sep}`)));
    const a = synthOf(out);
    const b = synthOf(fresh);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect([k, b.get(k)?.equals(v)]).toEqual([k, true]);
  });

  it('refuses, writing nothing, when a file it would package holds a token', () => {
    fs.writeFileSync(path.join(stack, 'leak.tf.json'), JSON.stringify({ locals: { t: TOKEN } }));
    const refused = path.join(dir, 'refused');
    const x = govcloud(['evidence', '--from', synth, '--out', refused]);
    expect(x.code).toBe(1);
    expect(x.err).toContain('synth/extranet/stacks/platform-ext-primary/leak.tf.json');
    expect(fs.existsSync(refused)).toBe(false);
  });
});
