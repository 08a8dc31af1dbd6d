/**
 * Runtime evidence from the running city (issue 23): `govcloud evidence --live` reads every API
 * server's running command line (/proc/<pid>/cmdline, as an operator copies it from the control-plane
 * node), its audit log and every object of the judged stacks, with the probe's truth table of
 * 01b-traffic. The city as deployed is the city as judged: no difference, and the requirements the
 * evidence verifies pass. Then a NetworkPolicy widened by hand and one added beside the pipeline are
 * both found, and the check fails, until they are put back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { govcloud, kubes, model, runDir, topology } from './harness/suite';
import { namespaceName } from '../../config/model';

interface LiveFile {
  flags: { differences: unknown[]; source: string };
  auditLog: { events: number; problems: unknown[] };
  applied: { compared: number; notCompared: Record<string, number>; differences: { what: string; object: string }[] };
}
interface ReportJson {
  tenants: {
    name: string;
    clauses: { clause: string; status: string }[];
    runtime: { verified: Record<string, string>; problems: { kind: string; what: string }[] };
  }[];
}

describe('runtime evidence from the running clusters', () => {
  const top = topology();
  const city = model();
  const kube = kubes(top);
  const args = (out: string): string[] => [
    'evidence',
    '--out',
    out,
    '--live',
    ...top.clusters.flatMap((c) => {
      const pid = fs.readFileSync(path.join(runDir(), 'pids', `apiserver-${c.name}.pid`), 'utf8').trim();
      return ['--apiserver-cmdline', `${c.name}=/proc/${pid}/cmdline`, '--audit-log', `${c.name}=${path.join(c.audit.logDir, 'audit.log')}`];
    }),
    '--probe-result',
    path.join(runDir(), 'probe.json'),
    '--lang',
    'en',
  ];
  const tenant = city.tenants.find((t) => t.network === 'extranet' && t.replicas.length > 0)!;
  const ns = namespaceName(tenant.name, tenant.environments[0]);
  const NP = `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`;

  it('finds what was judged applied on every cluster, the running flags as synthesized and the audit log recording', () => {
    const out = path.join(runDir(), 'evidence-live');
    const r = govcloud(args(out));
    process.stderr.write(`\n[e2e] evidence --live: ${r.out.trim()}\n${r.err.trim()}\n`);
    expect([r.code, r.err]).toEqual([0, '']);
    for (const c of top.clusters) {
      const live = JSON.parse(fs.readFileSync(path.join(out, 'live', c.network, `${c.name}.json`), 'utf8')) as LiveFile;
      expect([c.name, live.flags.differences, live.auditLog.problems, live.applied.differences]).toEqual([c.name, [], [], []]);
      expect(live.auditLog.events).toBeGreaterThan(100);
      expect(live.applied.compared).toBeGreaterThan(20);
      expect(live.flags.source).toContain('/cmdline');
    }
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    const t = report.tenants.find((x) => x.name === tenant.name)!;
    expect(Object.keys(t.runtime.verified).sort()).toEqual(['applied', 'audit-log', 'flags', 'traffic']);
    // access control at the virtual boundary: configured, applied, and the traffic shows it enforced
    expect(t.clauses.find((c) => c.clause.endsWith('.2.3.1'))?.status).toBe('pass');
  });

  it('finds a NetworkPolicy widened by hand and one added beside the pipeline, and fails until they are put back', async () => {
    const k = kube.get(tenant.cluster)!;
    const judged = (await k.list(NP)).find((p: { spec: { ingress?: unknown[] } }) => (p.spec.ingress ?? []).length > 0);
    expect(judged).toBeDefined();
    const original = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', ...(JSON.parse(JSON.stringify(judged)) as object) } as unknown as {
      metadata: { name: string; resourceVersion?: string };
      spec: { ingress: unknown[] };
    };
    const widened = await k.request('PUT', `${NP}/${original.metadata.name}`, {
      ...original,
      spec: { ...original.spec, ingress: [...original.spec.ingress, {}] },
    });
    expect(widened.status).toBe(200);
    const stray = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'e2e-allow-all', namespace: ns },
      spec: { podSelector: {}, ingress: [{}] },
    };
    expect((await k.request('POST', NP, stray)).status).toBe(201);
    try {
      const r = govcloud(args(path.join(runDir(), 'evidence-live-changed')));
      expect(r.code).toBe(1);
      expect(r.err).toContain(`NetworkPolicy ${ns}/e2e-allow-all is on the cluster but in no judged stack`);
      expect(r.err).toContain(`NetworkPolicy ${ns}/${original.metadata.name} (`);
      expect(r.err).toMatch(/differs from the judged one: spec\.ingress: 1 item\(s\) → 2 item\(s\)|differs from the judged one: spec\.ingress/);
      const report = JSON.parse(fs.readFileSync(path.join(runDir(), 'evidence-live-changed', 'report.json'), 'utf8')) as ReportJson;
      const t = report.tenants.find((x) => x.name === tenant.name)!;
      expect(t.runtime.problems.map((p) => p.kind)).toEqual(['applied', 'applied']);
      expect(t.clauses.find((c) => c.clause.endsWith('.2.3.1'))?.status).toBe('fail');
    } finally {
      await k.request('DELETE', `${NP}/e2e-allow-all`);
      const now = (await k.get(`${NP}/${original.metadata.name}`)).body as { metadata: { resourceVersion: string } };
      await k.request('PUT', `${NP}/${original.metadata.name}`, {
        ...original,
        metadata: { ...original.metadata, resourceVersion: now.metadata.resourceVersion },
      });
    }
    expect(govcloud(args(path.join(runDir(), 'evidence-live-again'))).code).toBe(0);
  });
});
