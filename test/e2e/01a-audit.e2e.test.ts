/**
 * Audit logging the API servers really use (issue 13): every kube-apiserver of the suite was started
 * with the audit policy and flags synth writes for its cluster (`<network>/clusters/<cluster>/audit/`),
 * and deploying the example city (01-deploy) left audit records at the levels the policy sets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { model, outDir, runDir, topology } from './harness/suite';

interface AuditEvent {
  readonly level: string;
  readonly stage: string;
  readonly verb: string;
  readonly user?: { readonly username?: string };
  readonly objectRef?: { readonly resource?: string; readonly namespace?: string; readonly name?: string };
  readonly responseStatus?: { readonly code?: number };
  readonly requestObject?: unknown;
  readonly responseObject?: unknown;
}

/** Every event of a cluster's audit log (all rotated files too). */
function events(logDir: string): AuditEvent[] {
  return fs
    .readdirSync(logDir)
    .filter((f) => f.startsWith('audit'))
    .flatMap((f) => fs.readFileSync(path.join(logDir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AuditEvent);
}

describe('audit logging on the API servers', () => {
  const top = topology();
  const m = model();

  it('starts every API server with exactly the audit files synth wrote for its cluster', () => {
    for (const c of top.clusters) {
      const synthesized = path.join(outDir(), c.network, 'clusters', c.name, 'audit');
      const names = fs.readdirSync(synthesized).sort();
      expect([c.name, names]).toEqual([c.name, ['audit-policy.yaml', 'kube-apiserver.flags']]);
      expect(fs.readdirSync(c.audit.configDir).sort()).toEqual(names);
      for (const n of names)
        expect([c.name, n, fs.readFileSync(path.join(c.audit.configDir, n), 'utf8')]).toEqual([c.name, n, fs.readFileSync(path.join(synthesized, n), 'utf8')]);
      // what the process runs with: its command line holds every line of the file as written, the control plane's own
      // paths included (its mount namespace binds the synthesized folder and the cluster's log folder there)
      const pid = Number(fs.readFileSync(path.join(runDir(), 'pids', `apiserver-${c.name}.pid`), 'utf8'));
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(argv[0]).toMatch(/kube-apiserver$/);
      expect(argv).toEqual(expect.arrayContaining([...c.audit.args]));
      expect(argv).toEqual(
        expect.arrayContaining([
          '--audit-policy-file=/etc/kubernetes/audit/audit-policy.yaml',
          '--audit-log-path=/var/log/kubernetes/audit/audit.log',
          `--audit-log-maxage=${m.logRetentionDays}`,
          '--audit-log-maxbackup=0',
        ]),
      );
      // the host sees the folders only as empty mount points: the server's mounts are its own
      expect(fs.readdirSync('/var/log/kubernetes/audit')).toEqual([]);
    }
  });

  it('records the creation of every tenant namespace with request and response, by the deploying user', () => {
    for (const c of top.clusters) {
      const log = events(c.audit.logDir);
      const created = new Map(
        log
          .filter((e) => e.verb === 'create' && e.objectRef?.resource === 'namespaces' && e.stage === 'ResponseComplete' && e.responseStatus?.code === 201)
          .map((e) => [e.objectRef?.name ?? '', e]),
      );
      for (const t of m.tenants.filter((x) => x.cluster === c.name)) {
        for (const env of t.environments) {
          const e = created.get(`${t.name}-${env}`);
          expect([c.name, `${t.name}-${env}`, e?.level, e?.user?.username, e?.requestObject !== undefined, e?.responseObject !== undefined]).toEqual([
            c.name,
            `${t.name}-${env}`,
            'RequestResponse',
            'admin',
            true,
            true,
          ]);
        }
      }
    }
  });

  it('records ConfigMap and Secret changes as metadata only: their contents never reach the log', () => {
    for (const c of top.clusters) {
      const log = events(c.audit.logDir).filter((e) => e.objectRef?.resource === 'configmaps' || e.objectRef?.resource === 'secrets');
      const writes = log.filter((e) => e.verb === 'create' && e.stage === 'ResponseComplete');
      expect([c.name, writes.length > 0]).toEqual([c.name, true]);
      for (const e of log)
        expect([c.name, e.objectRef?.name, e.level, e.requestObject, e.responseObject]).toEqual([c.name, e.objectRef?.name, 'Metadata', undefined, undefined]);
    }
  });

  it('does not log reads below level 4 and logs them as metadata on the level-4 intranet platform', () => {
    for (const c of top.clusters) {
      const level = m.clusters.find((x) => x.name === c.name)!.mlpsLevel;
      const reads = events(c.audit.logDir).filter((e) => (e.verb === 'get' || e.verb === 'list') && e.objectRef?.resource === 'namespaces');
      expect([c.name, level, reads.length > 0]).toEqual([c.name, level, level >= 4]);
      for (const e of reads) expect(e.level).toBe('Metadata');
    }
  });
});
