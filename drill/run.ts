/**
 * A DR drill on the live clusters: one tenant's replicated environment is backed up on its primary
 * cluster to a DR site's storage (or an existing backup is used), the DR cluster finds it through
 * its read-only location, restores it into the tenant's replica namespace there, and the drill
 * compares what it marked and listed before the backup with what came back, volume data included
 * (drill/volumes.ts: a file written into each mounted claim, its SHA-256 read back). RPO is the backup's
 * age when the restore starts, RTO the time from the restore's start to restored and verified.
 *
 * What is restored is what the tenant made, never what the platform made: objects labelled as
 * managed by govcloud and the kinds that draw the namespace's boundary (NetworkPolicies, quota,
 * limit ranges, roles and bindings) stay as the replica declares them, so a restore cannot widen it.
 */
import * as crypto from 'crypto';
import { CityModel, namespaceName, Replica, replicatedEnvironment, Tenant } from '../config/model';
import { readOnlyLocationName } from '../config/backup-locations';
import { BACKUP, LABEL, MANAGED_BY } from '../config/vocabulary';
import { KubeClient } from '../probe/kube';
import { DrillCheck, DrillRecord } from './record';
import { checkVolumeMarks, MountedClaim, mountedClaims, writeVolumeMarks } from './volumes';

/** Kinds a drill compares by name, source against restored (`secrets`: names only, never data). */
const COMPARED = [
  ['configmaps', '/api/v1'],
  ['secrets', '/api/v1'],
  ['services', '/api/v1'],
  ['persistentvolumeclaims', '/api/v1'],
  ['deployments', '/apis/apps/v1'],
  ['statefulsets', '/apis/apps/v1'],
] as const;
/** The kinds a restore never brings back: the replica's own boundary, declared by govcloud. */
export const NOT_RESTORED = ['networkpolicies', 'resourcequotas', 'limitranges', 'roles.rbac.authorization.k8s.io', 'rolebindings.rbac.authorization.k8s.io'];
export const MARKER = 'govcloud-drill';

export interface DrillPlan {
  readonly tenant: Tenant;
  readonly environment: string;
  readonly namespace: string;
  readonly replica: Replica;
  /** Location of the primary that writes to the replica's site, and the DR cluster's read-only view of it. */
  readonly writeLocation: string;
  readonly readLocation: string;
}

/** The drill of a tenant to one of its replicas: `to` names the DR cluster (default: the same-city replica, else the first). */
export function planDrill(model: CityModel, tenantName: string, to?: string): DrillPlan | { error: string } {
  const tenant = model.tenants.find((t) => t.name === tenantName);
  if (!tenant) return { error: `there is no tenant ${JSON.stringify(tenantName)} / 没有租户 ${JSON.stringify(tenantName)}` };
  if (tenant.replicas.length === 0)
    return { error: `tenant ${tenant.name} has no DR replica (dr: ${tenant.dr}): there is nowhere to restore / 租户 ${tenant.name} 没有灾备副本，无处恢复` };
  const replica =
    to === undefined ? (tenant.replicas.find((r) => r.siteRole === 'same-city') ?? tenant.replicas[0]) : tenant.replicas.find((r) => r.cluster === to);
  if (!replica)
    return {
      error: `tenant ${tenant.name} has no replica on ${JSON.stringify(to)} (its replicas: ${tenant.replicas.map((r) => r.cluster).join(', ')}) / 租户 ${tenant.name} 在 ${JSON.stringify(to)} 上没有副本`,
    };
  const environment = replicatedEnvironment(tenant);
  return {
    tenant,
    environment,
    namespace: namespaceName(tenant.name, environment),
    replica,
    writeLocation: replica.site,
    readLocation: readOnlyLocationName(replica.site, tenant.cluster),
  };
}

export interface DrillOptions {
  readonly source: KubeClient;
  readonly target: KubeClient;
  /** Use this completed backup instead of taking one. */
  readonly backup?: string;
  readonly by: string;
  /** Image with sh and sha256sum (platform.yaml's images.probe) for the volume checks; needed when the namespace has claims. */
  readonly image?: string;
  /** Stricter targets than the tier's, seconds (a rehearsal before promising them); never looser. */
  readonly stricter?: { readonly rpoSeconds?: number; readonly rtoSeconds?: number };
  readonly timeoutMs?: number;
  readonly progress?: (line: string) => void;
  /** For tests: the clock. */
  readonly now?: () => Date;
}

type Obj = {
  metadata: { name: string; labels?: Record<string, string>; creationTimestamp?: string };
  status?: Record<string, unknown>;
  data?: Record<string, string>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ok(k: KubeClient, method: string, path: string, body?: unknown): Promise<Obj> {
  const r = await k.request(method, path, body);
  if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${path} on ${k.context}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body as Obj;
}

async function until<T>(what: string, ms: number, step: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await step().catch((e: Error & { final?: boolean }) => {
      if (e.final) throw e;
      return undefined;
    });
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not done after ${Math.round(ms / 1000)} s`);
    await sleep(2000);
  }
}

/** Names of the tenant's own objects of each compared kind (not govcloud's, not the service account's CA bundle). */
async function inventory(k: KubeClient, ns: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const [kind, api] of COMPARED) {
    const list = await ok(k, 'GET', `${api}/namespaces/${ns}/${kind}`);
    const items = ((list as unknown as { items?: Obj[] }).items ?? []).filter(
      (o) => o.metadata.labels?.[LABEL.managedBy] !== MANAGED_BY && o.metadata.name !== 'kube-root-ca.crt' && !/^default-token-/.test(o.metadata.name),
    );
    out.set(kind, items.map((o) => o.metadata.name).sort());
  }
  return out;
}

const seconds = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 1000);

export async function runDrill(plan: DrillPlan, o: DrillOptions): Promise<DrillRecord> {
  const now = o.now ?? (() => new Date());
  const say = o.progress ?? (() => undefined);
  const timeout = o.timeoutMs ?? 15 * 60_000;
  const { tenant, namespace, replica } = plan;
  const velero = `/apis/${BACKUP.apiVersion}/namespaces/${BACKUP.namespace}`;
  const stamp = now().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase();
  const token = crypto.randomBytes(16).toString('hex');

  // 1. the mark: a ConfigMap with a token nobody else knows, then the inventory the restore must give back
  let backupName = o.backup;
  if (backupName === undefined) {
    const marker = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: MARKER, namespace }, data: { token, at: now().toISOString() } };
    const put = await o.source.request('PUT', `/api/v1/namespaces/${namespace}/configmaps/${MARKER}`, marker);
    if (put.status === 404) await ok(o.source, 'POST', `/api/v1/namespaces/${namespace}/configmaps`, marker);
    else if (put.status >= 300) throw new Error(`marking ${namespace} on ${o.source.context}: ${put.status} ${put.text.slice(0, 200)}`);
  }
  // the volumes: the token written into every claim a running pod mounts (only for a backup the drill takes itself)
  const claims: MountedClaim[] = backupName === undefined ? await mountedClaims(o.source, namespace) : [];
  if (claims.length > 0 && !o.image)
    throw new Error(
      `${namespace} has PersistentVolumeClaims (${claims.map((c) => c.claim).join(', ')}): give the tool image (--image, or images.probe in platform.yaml) to check their data / 该命名空间有持久卷声明，请用 --image 或 platform.yaml 的 images.probe 指定工具镜像以校验卷数据`,
    );
  const sums = claims.length > 0 ? await writeVolumeMarks(o.source, namespace, o.image!, token, timeout) : new Map<string, string>();
  if (sums.size > 0) say(`wrote ${sums.size} volume mark(s) in ${namespace} on ${tenant.cluster}`);
  const before = await inventory(o.source, namespace);
  const mark = (await ok(o.source, 'GET', `/api/v1/namespaces/${namespace}/configmaps/${MARKER}`).catch(() => undefined))?.data?.token ?? '(none)';

  // 2. the backup on the primary, to the replica's site
  if (backupName === undefined) {
    backupName = `drill-${tenant.name}-${stamp}`.slice(0, 63);
    say(`backing up ${namespace} on ${tenant.cluster} to ${plan.writeLocation} as ${backupName}`);
    await ok(o.source, 'POST', `${velero}/backups`, {
      apiVersion: BACKUP.apiVersion,
      kind: 'Backup',
      metadata: { name: backupName, namespace: BACKUP.namespace, labels: { [LABEL.tenant]: tenant.name, 'govcloud.gov.cn/drill': 'true' } },
      spec: {
        includedNamespaces: [namespace],
        storageLocation: plan.writeLocation,
        ttl: `${replica.retentionDays * 24}h0m0s`,
        // the volumes' data too (Velero's node agent), not only the objects
        defaultVolumesToFsBackup: true,
      },
    });
  }
  const backup = await until(`backup ${backupName} on ${tenant.cluster}`, timeout, async () => {
    const b = await ok(o.source, 'GET', `${velero}/backups/${backupName}`);
    const phase = b.status?.phase as string | undefined;
    if (phase === 'Completed') return b;
    if (phase && /Failed/.test(phase)) throw Object.assign(new Error(`backup ${backupName} ended ${phase}`), { final: true });
    return undefined;
  });
  const backupStarted = String(backup.status?.startTimestamp);
  const backupDone = String(backup.status?.completionTimestamp);
  say(`backup ${backupName} completed at ${backupDone}`);

  // 3. the DR cluster finds it through its read-only location, and restores it into the replica namespace
  await until(`backup ${backupName} seen by ${replica.cluster} through ${plan.readLocation}`, timeout, async () => {
    const r = await o.target.request('GET', `${velero}/backups/${backupName}`);
    return r.status === 200 && (r.body as Obj).status?.phase === 'Completed' ? true : undefined;
  });
  // a mark left by an earlier drill must not pass for this one: only the restore may bring it back
  const gone = await o.target.request('DELETE', `/api/v1/namespaces/${namespace}/configmaps/${MARKER}`);
  if (gone.status >= 300 && gone.status !== 404)
    throw new Error(`clearing ${MARKER} in ${namespace} on ${o.target.context}: ${gone.status} ${gone.text.slice(0, 200)}`);
  const restoreName = `drill-${tenant.name}-${stamp}`.slice(0, 63);
  const restoreStarted = now().toISOString();
  say(`restoring ${backupName} into ${namespace} on ${replica.cluster} as ${restoreName}`);
  await ok(o.target, 'POST', `${velero}/restores`, {
    apiVersion: BACKUP.apiVersion,
    kind: 'Restore',
    metadata: { name: restoreName, namespace: BACKUP.namespace, labels: { [LABEL.tenant]: tenant.name, 'govcloud.gov.cn/drill': 'true' } },
    spec: {
      backupName,
      includedNamespaces: [namespace],
      excludedResources: NOT_RESTORED,
      labelSelector: { matchExpressions: [{ key: LABEL.managedBy, operator: 'NotIn', values: [MANAGED_BY] }] },
      existingResourcePolicy: 'update',
    },
  });
  const restore = await until(`restore ${restoreName} on ${replica.cluster}`, timeout, async () => {
    const r = await ok(o.target, 'GET', `${velero}/restores/${restoreName}`);
    const phase = r.status?.phase as string | undefined;
    return phase && !['New', 'InProgress', 'WaitingForPluginOperations', 'Finalizing'].includes(phase) ? r : undefined;
  }).catch(async (e: Error) => {
    await removeRestore(o.target, `${velero}/restores/${restoreName}`);
    throw e;
  });

  // 4. verify: the mark came back with its token, every listed object is there
  const after = await inventory(o.target, namespace);
  const back = (await ok(o.target, 'GET', `/api/v1/namespaces/${namespace}/configmaps/${MARKER}`).catch(() => undefined))?.data?.token ?? '(none)';
  const volumeChecks = claims.length > 0 ? await checkVolumeMarks(claims, sums, o.target, namespace, o.image!, timeout) : [];
  const readyAt = now().toISOString();
  // the record is the evidence: the Restore object goes, or its finalizer would hold the velero namespace when the platform stack is destroyed
  await removeRestore(o.target, `${velero}/restores/${restoreName}`);
  // Velero stamps whole seconds: a restore done within the second it started would read as ending before it
  const veleroDone = restore.status?.completionTimestamp ? String(restore.status.completionTimestamp) : readyAt;
  const restoreDone = Date.parse(veleroDone) < Date.parse(restoreStarted) ? restoreStarted : veleroDone;
  const checks: DrillCheck[] = [
    { what: `Restore/${restoreName} phase`, before: 'Completed', after: String(restore.status?.phase), ok: restore.status?.phase === 'Completed' },
    { what: `ConfigMap/${MARKER} token`, before: digest(mark), after: digest(back), ok: mark !== '(none)' && mark === back },
    ...COMPARED.map(([kind]) => {
      const b = before.get(kind) ?? [];
      const a = new Set(after.get(kind) ?? []);
      const missing = b.filter((n) => !a.has(n));
      return { what: `${kind} of ${namespace}`, before: String(b.length), after: String(b.length - missing.length), ok: missing.length === 0 };
    }),
    ...volumeChecks,
  ];
  const measured = { rpoSeconds: seconds(backupStarted, restoreStarted), rtoSeconds: seconds(restoreStarted, readyAt) };
  const tier = { rpoSeconds: (tenant.recovery?.rpoMinutes ?? 0) * 60, rtoSeconds: (tenant.recovery?.rtoMinutes ?? 0) * 60 };
  const tighter = (mine: number | undefined, theirs: number) => (mine !== undefined && (theirs === 0 || mine < theirs) ? mine : theirs);
  const targets = { rpoSeconds: tighter(o.stricter?.rpoSeconds, tier.rpoSeconds), rtoSeconds: tighter(o.stricter?.rtoSeconds, tier.rtoSeconds) };
  const stated = tenant.recovery !== undefined || o.stricter?.rpoSeconds !== undefined || o.stricter?.rtoSeconds !== undefined;
  const failures = [
    ...checks
      .filter((c) => !c.ok)
      .map((c) => `校验失败：${c.what}（之前 ${c.before}，之后 ${c.after}） / verification failed: ${c.what} (before ${c.before}, after ${c.after})`),
    ...(!stated ? ['平台未为该等级声明 RPO/RTO 目标 / the platform states no RPO/RTO target for this tier'] : []),
    ...(targets.rpoSeconds > 0 && measured.rpoSeconds > targets.rpoSeconds
      ? [`RPO ${measured.rpoSeconds} 秒超过目标 ${targets.rpoSeconds} 秒 / RPO ${measured.rpoSeconds} s exceeds the target of ${targets.rpoSeconds} s`]
      : []),
    ...(targets.rtoSeconds > 0 && measured.rtoSeconds > targets.rtoSeconds
      ? [`RTO ${measured.rtoSeconds} 秒超过目标 ${targets.rtoSeconds} 秒 / RTO ${measured.rtoSeconds} s exceeds the target of ${targets.rtoSeconds} s`]
      : []),
  ];
  const record: DrillRecord = {
    version: 1,
    tenant: tenant.name,
    environment: plan.environment,
    tier: tenant.dr,
    from: { cluster: tenant.cluster, namespace, site: replica.site },
    to: { cluster: replica.cluster, namespace, site: replica.site },
    backup: { name: backupName, location: plan.writeLocation, startedAt: backupStarted, completedAt: backupDone },
    restore: {
      name: restoreName,
      location: plan.readLocation,
      startedAt: restoreStarted,
      completedAt: restoreDone,
      readyAt,
    },
    measured,
    targets,
    checks,
    result: failures.length === 0 ? 'pass' : 'fail',
    failures,
    by: o.by,
    at: readyAt,
  };
  return record;
}

/**
 * Deletes a drill's Restore. Velero's finalizer on it first removes the restore's logs from the store;
 * when that has not happened within 30 s the drill lets the object go without it (the logs stay in the
 * store, locked like the backup beside them). A Restore left behind would keep the velero namespace
 * Terminating for ever once the server is gone (a platform stack's destroy).
 */
async function removeRestore(k: KubeClient, objectPath: string): Promise<void> {
  await k.request('DELETE', objectPath).catch(() => undefined);
  for (let i = 0; i < 15; i++) {
    const r = await k.request('GET', objectPath).catch(() => undefined);
    if (r?.status === 404) return;
    await sleep(2000);
  }
  const r = await k.request('GET', objectPath).catch(() => undefined);
  if (r?.status !== 200) return;
  const obj = r.body as { metadata: { finalizers?: string[] } };
  obj.metadata.finalizers = [];
  await k.request('PUT', objectPath, obj).catch(() => undefined);
}

/** The token is the drill's own secret until the record is written: the record keeps a digest of it. */
function digest(token: string): string {
  return token === '(none)' ? token : `sha256:${crypto.createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
