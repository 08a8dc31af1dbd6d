/**
 * Two sites, three centres that restore (issue 22): `govcloud drill` backs a tenant up on its
 * primary cluster into a DR site's object store, the DR cluster finds the backup through its
 * read-only location and restores it into the replica namespace, the drill verifies what came back
 * and measures RPO and RTO against the tier's targets. The stores keep what they hold: a locked
 * backup cannot be deleted before its retention, a DR cluster cannot write its primary's prefix.
 * The hot-standby tenant runs an application with a PersistentVolumeClaim (the lab's local-path
 * storage): the drill writes a file into the volume before the backup, Velero's node agent backs the
 * volume's data up, and the drill reads the file back on the DR cluster with its checksum intact.
 * And a drill can fail: a stricter target than the lab can meet, and a corrupted backup, exit 1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { commitAll, explain, govcloud, kubes, model, repoDir, runDir } from './harness/suite';
import { readObjectStores } from './harness/object-store';
import { S3 } from './harness/s3';
import { DrillRecord } from '../../drill/record';
import { namespaceName, replicatedEnvironment } from '../../config/model';

const ENV_DIR = () => path.join(repoDir(), 'environments', 'example-city');

/** The tenant's application: one pod that keeps a claim mounted, as a database would (restricted, the probe image). */
function application(namespace: string, image: string, nodeSelector?: Record<string, string>): { claim: unknown; deployment: unknown } {
  return {
    claim: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'app-data', namespace },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', resources: { requests: { storage: '64Mi' } } },
    },
    deployment: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'drill-app' } },
        template: {
          metadata: { labels: { app: 'drill-app' } },
          spec: {
            automountServiceAccountToken: false,
            ...(nodeSelector ? { nodeSelector } : {}),
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'app',
                image,
                command: ['/bin/sh', '-c', 'while true; do sleep 3600; done'],
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
                resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
            volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'app-data' } }],
          },
        },
      },
    },
  };
}

function drill(args: string[]): { code: number | null; out: string; err: string; record?: DrillRecord; file?: string } {
  const r = govcloud(['drill', '--env', ENV_DIR(), '--by', 'e2e 演练', ...args]);
  const file = /record: (\S+\.json)/.exec(r.out)?.[1];
  const record = file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DrillRecord) : undefined;
  return { ...r, record, file };
}

describe('DR drills on the running city', () => {
  const city = model();
  const kube = kubes();
  const stores = readObjectStores(runDir());
  const ca = fs.readFileSync(stores.caFile);
  const store = (site: string) => stores.stores.find((s) => s.site === site)!;
  const hot = city.tenants.find((t) => t.dr === 'hot-standby' && t.network === 'extranet' && t.replicas.some((r) => r.siteRole === 'same-city'))!;
  let first: DrillRecord | undefined;
  // the records are the platform engineer's evidence: committed, as they would be
  afterAll(() => commitAll('DR drill records'));

  it('restores a hot-standby tenant on its same-city DR cluster, volume data included, verified, within its RPO and RTO, and writes the record', async () => {
    // the tenant's application with its volume, running on the primary before the drill
    const ns = namespaceName(hot.name, replicatedEnvironment(hot));
    const primary = kube.get(hot.cluster)!;
    const image = city.images.probe!;
    const app = application(ns, image, hot.domestic ? { [city.domesticNodeLabel.key]: city.domesticNodeLabel.value } : undefined);
    for (const [at, body] of [
      [`/api/v1/namespaces/${ns}/persistentvolumeclaims`, app.claim],
      [`/apis/apps/v1/namespaces/${ns}/deployments`, app.deployment],
    ] as const) {
      const made = await primary.request('POST', at, body);
      expect(made.status === 201 ? 201 : `${made.status} ${JSON.stringify(made.body).slice(0, 400)}`).toBe(201);
    }
    let running = false;
    for (let i = 0; i < 120 && !running; i++) {
      const pods = await primary.list(`/api/v1/namespaces/${ns}/pods?labelSelector=app%3Ddrill-app`);
      running = pods.some((p) => p.status?.phase === 'Running');
      if (!running) await new Promise((res) => setTimeout(res, 2000));
    }
    const claim = await primary.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/app-data`);
    expect([running, claim.body?.status?.phase]).toEqual([true, 'Bound']);

    // nobody adds a debug container beside a level-3 workload: the baseline's admission refuses it
    const [appPod] = await primary.list(`/api/v1/namespaces/${ns}/pods?labelSelector=app%3Ddrill-app`);
    // restricted in every other way, so that only the baseline's policy has a reason to refuse it
    appPod.spec.ephemeralContainers = [
      {
        name: 'debug',
        image,
        command: ['/bin/sh'],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
      },
    ];
    const debug = await primary.request('PUT', `/api/v1/namespaces/${ns}/pods/${appPod.metadata.name}/ephemeralcontainers?dryRun=All`, appPod);
    expect([hot.mlpsLevel >= 3, debug.status >= 400, String(debug.body?.message)]).toEqual([
      true,
      true,
      expect.stringContaining('no ephemeral (debug) container'),
    ]);

    const r = drill(['--tenant', hot.name]);
    first = r.record; // the tests below use its backup, whatever this one finds
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('drill passed')]);
    const rec = r.record!;
    const replica = hot.replicas.find((x) => x.siteRole === 'same-city')!;
    expect([rec.tenant, rec.from.cluster, rec.to.cluster, rec.to.site, rec.result, rec.by]).toEqual([
      hot.name,
      hot.cluster,
      replica.cluster,
      replica.site,
      'pass',
      'e2e 演练',
    ]);
    expect(rec.checks.every((c) => c.ok)).toBe(true);
    expect(rec.checks.find((c) => c.what.startsWith('ConfigMap/govcloud-drill'))?.after).toMatch(/^sha256:[0-9a-f]{16}$/);
    // the volume's bytes came back: the file the drill wrote on the primary, same checksum on the DR cluster
    const file = rec.checks.find((c) => c.what === 'file .govcloud-drill in PersistentVolumeClaim/app-data');
    expect(file).toEqual({ what: expect.any(String), before: expect.stringMatching(/^sha256:[0-9a-f]{16}$/), after: file?.before, ok: true });
    const back = await kube.get(replica.cluster)!.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/app-data`);
    expect(back.body?.status?.phase).toBe('Bound');
    expect(rec.measured.rpoSeconds).toBeLessThanOrEqual(hot.recovery!.rpoMinutes * 60);
    expect(rec.measured.rtoSeconds).toBeLessThanOrEqual(hot.recovery!.rtoMinutes * 60);
    expect(rec.restore.location).toBe(`${replica.site}-from-${hot.cluster}`);
    expect(r.file!.startsWith(path.join(ENV_DIR(), 'drills', hot.name) + path.sep)).toBe(true);
    // the drill takes its Restore away (its finalizer would hold the velero namespace at a platform stack's destroy)
    const left = await kube
      .get(replica.cluster)!
      .list(`/apis/velero.io/v1/namespaces/velero/restores?labelSelector=${encodeURIComponent('govcloud.gov.cn/drill=true')}`);
    expect(left.map((x) => x.metadata.name)).toEqual([]);
    process.stderr.write(`\n[e2e] drill ${hot.name}: RPO ${rec.measured.rpoSeconds} s, RTO ${rec.measured.rtoSeconds} s\n`);
  }, 1_200_000);

  it("keeps the backup in the same-city store under the primary's own prefix, locked: nobody deletes it, the DR cluster cannot write there", async () => {
    const st = store(first!.to.site);
    const prefix = `${st.prefix}/${first!.from.cluster}/backups/${first!.backup.name}/`;
    const admin = new S3(st.url, ca, stores.admin);
    const versions = await admin.versions(st.bucket, prefix);
    expect(versions.length).toBeGreaterThan(0);
    const del = await admin.request('DELETE', `/${st.bucket}/${versions[0].key}`, { query: { versionId: versions[0].versionId } });
    expect(del.status).toBe(403);
    expect((await admin.versions(st.bucket, prefix)).length).toBe(versions.length);
    const dr = new S3(st.url, ca, stores.clusters[first!.to.cluster]);
    expect((await dr.request('GET', `/${st.bucket}/${versions[0].key}`)).status).toBe(200);
    expect((await dr.request('PUT', `/${st.bucket}/${prefix}planted.json`, { body: '{}' })).status).toBe(403);
    expect((await dr.request('DELETE', `/${st.bucket}/${versions[0].key}`, { query: { versionId: versions[0].versionId } })).status).toBe(403);
  });

  it('restores a backup-tier tenant on its remote DR cluster', () => {
    const basic = city.tenants.find((t) => t.dr === 'backup' && t.network === 'extranet' && t.replicas.some((r) => r.siteRole === 'remote'))!;
    const remote = basic.replicas.find((r) => r.siteRole === 'remote')!;
    const r = drill(['--tenant', basic.name, '--to', remote.cluster]);
    expect([r.code, r.record?.to.cluster, r.record?.to.site, r.record?.result]).toEqual([0, remote.cluster, remote.site, 'pass']);
    expect(explain({ code: r.code, out: r.out, err: r.err })).not.toContain('FAILED');
  }, 1_200_000);

  it('fails, and says why, when a stricter target than the lab meets is asked (RTO 1 s)', () => {
    // a rehearsal's record goes where --record says, outside the environment: it is not the tier's evidence
    const r = drill(['--tenant', hot.name, '--rto', '1s', '--backup', first!.backup.name, '--record', path.join(runDir(), 'drills', 'rto-1s.json')]);
    expect(r.code).toBe(1);
    expect(r.record?.result).toBe('fail');
    expect(r.record?.targets.rtoSeconds).toBe(1);
    expect(r.record?.failures.join('\n')).toMatch(/RTO \d+ s exceeds the target of 1 s/);
  }, 1_200_000);

  it('fails verification when the backup in the store was corrupted', async () => {
    const st = store(first!.to.site);
    // the primary may write its own prefix: a new version of the backup's contents, garbage (the locked one stays)
    const primary = new S3(st.url, ca, stores.clusters[first!.from.cluster]);
    const key = `${st.prefix}/${first!.from.cluster}/backups/${first!.backup.name}/${first!.backup.name}.tar.gz`;
    expect((await primary.request('PUT', `/${st.bucket}/${key}`, { body: Buffer.from('not a tarball') })).status).toBe(200);
    const r = drill(['--tenant', hot.name, '--backup', first!.backup.name, '--record', path.join(runDir(), 'drills', 'corrupted.json')]);
    expect(r.code).toBe(1);
    expect(r.record?.result).toBe('fail');
    expect(r.record?.failures.join('\n')).toMatch(/verification failed/);
  }, 1_200_000);
});
