/**
 * `govcloud evidence --live` without a reachable cluster: the API server's command line and audit log
 * given as copies from the control-plane node and the probe's truth table as its JSON, so the flags,
 * the audit sample and the traffic are judged here; the applied state needs the cluster and is said to
 * be missing. The whole path against running API servers is in test/e2e/01e-evidence-live.e2e.test.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO, tmpDir } from '../helpers/env';
import { validateEnvironment } from '../../config/validate';
import { auditFlags } from '../../config/cluster-config';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const ENV = path.join(REPO, 'environments', 'example-city');
const DIR = tmpDir('evidence-live');

function govcloud(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C', LC_ALL: '' };
  for (const k of Object.keys(env)) if (k.startsWith('KUBE_CONFIG_PATH')) delete env[k];
  const r = spawnSync(process.execPath, [CLI, 'evidence', ...args, '--today', '2026-11-23'], { cwd: REPO, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const model = validateEnvironment(ENV).model!;
const write = (name: string, text: string) => {
  const f = path.join(DIR, name);
  fs.writeFileSync(f, text);
  return f;
};
const cmdline = (flags: readonly string[]) => write(`cmdline-${flags.length}`, ['kube-apiserver', '--secure-port=6443', ...flags, ''].join('\0'));
const audit = write(
  'audit.log',
  `${JSON.stringify({ auditID: '1', level: 'RequestResponse', stage: 'ResponseComplete', verb: 'create', stageTimestamp: new Date().toISOString(), user: { username: 'admin' }, objectRef: { resource: 'namespaces', name: 'x' }, requestObject: {}, responseObject: {} })}\n`,
);
const hotline = model.tenants.find((t) => t.name === 'hotline-12345')!;
const probe = write(
  'probe.json',
  JSON.stringify({
    city: model.name,
    takenAt: '2026-11-23T01:30:00Z',
    results: [
      {
        id: 'p1',
        from: `${hotline.cluster}/hotline-12345-prod`,
        to: 'internet/198.51.100.7',
        port: 443,
        expect: 'refused',
        observed: 'refused',
        because: 'no flow',
      },
    ],
  }),
);

interface ReportJson {
  tenants: {
    name: string;
    clauses: { clause: string; open: { text: { en: string }; verified?: { kind: string }[]; lacking?: string[] }[] }[];
    runtime: { problems: { what: string }[] };
  }[];
}

describe('govcloud evidence --live, from copies of what the control plane shows', () => {
  it('refuses runtime inputs without --live (usage error), writing nothing', () => {
    const out = path.join(DIR, 'no-live');
    const r = govcloud(['--out', out, '--audit-log', `${hotline.cluster}=${audit}`]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('give them with --live')]);
    expect(fs.existsSync(out) && fs.readdirSync(out).length > 0).toBe(false);
  });

  it('refuses a cluster that platform.yaml does not declare', () => {
    const r = govcloud(['--out', path.join(DIR, 'bad'), '--live', '--audit-log', `nowhere=${audit}`]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('--audit-log nowhere=')]);
  });

  it('verifies the audit requirement with the running flags and a sample, says what it lacks, and packages it all with times', () => {
    const out = path.join(DIR, 'ok');
    const r = govcloud([
      '--out',
      out,
      '--live',
      '--apiserver-cmdline',
      `${hotline.cluster}=${cmdline(auditFlags(model))}`,
      '--audit-log',
      `${hotline.cluster}=${audit}`,
      '--probe-result',
      probe,
    ]);
    expect([r.code, r.err]).toEqual([0, expect.stringContaining(`${hotline.cluster}: no applied evidence: no kubeconfig for the extranet`)]);
    expect(r.out).toContain('Runtime evidence: 3 piece(s) taken, 0 difference(s) from what was judged');
    const live = JSON.parse(fs.readFileSync(path.join(out, 'live', hotline.network, `${hotline.cluster}.json`), 'utf8')) as {
      flags: { differences: unknown[]; takenAt: string };
      auditLog: { events: number; sample: { requestBody: boolean }[] };
    };
    expect([live.flags.differences, live.auditLog.events, live.auditLog.sample[0].requestBody]).toEqual([[], 1, true]);
    expect(fs.readFileSync(path.join(out, 'live', 'probe.json'), 'utf8')).toBe(fs.readFileSync(probe, 'utf8'));
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain('live/runtime.json');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    const audited = report.tenants.find((t) => t.name === 'hotline-12345')!.clauses.find((c) => c.clause === '8.1.4.3')!;
    const on = audited.open.find((a) => a.text.en.startsWith('Audit on'))!;
    expect([on.verified?.map((v) => v.kind), on.lacking]).toEqual([['flags', 'audit-log'], ['applied']]);
  });

  it('fails on a flag the running API server lacks, naming it, and still writes the package', () => {
    const out = path.join(DIR, 'differs');
    const flags = auditFlags(model).filter((f) => !f.startsWith('--audit-log-path='));
    const r = govcloud(['--out', out, '--live', '--apiserver-cmdline', `${hotline.cluster}=${cmdline(flags)}`]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${hotline.cluster}: [flags] the API server runs without --audit-log-path (synthesized: /var/log/kubernetes/audit/audit.log)`);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    expect(report.tenants.find((t) => t.name === 'hotline-12345')!.runtime.problems.map((p) => p.what)).toEqual(['--audit-log-path']);
    // the tenant's page and the cluster's platform section on the index both show it
    for (const page of ['report/tenants/hotline-12345.html', 'report/index.html'])
      expect([page, fs.readFileSync(path.join(out, page), 'utf8')]).toEqual([page, expect.stringContaining('class="runtime-problem" data-kind="flags"')]);
    // once in SARIF, at the line of platform.yaml that declares the cluster, though every tenant on it shares the difference
    const sarif = JSON.parse(fs.readFileSync(path.join(out, 'report.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const runtime = sarif.runs[0].results.filter((x) => x.ruleId.startsWith('govcloud-runtime/'));
    expect(runtime.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri.endsWith('platform.yaml')])).toEqual([
      ['govcloud-runtime/flags', true],
    ]);
  });
});
