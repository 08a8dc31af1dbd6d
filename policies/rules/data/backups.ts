/**
 * Shared by the DATA rules: a tenant's backups as deployed. A backup is a Velero Schedule in the
 * velero namespace of the tenant's primary cluster (the only one Velero watches) that covers the
 * tenant's namespaces, with the BackupStorageLocation it names on that cluster and the declared
 * site whose storage that location is.
 */
import { LABEL, BACKUP } from '../../../config/vocabulary';
import { CityModel, namespaceName, Site, SiteRole, Tenant } from '../../../config/model';
import { endpointOf, objectStore } from '../../../config/backup-storage';
import { Deployment, Json, NamespaceView, TfResource, block, get, labels } from '../../deployment';

const MANIFEST = 'kubernetes_manifest';

export interface Backup {
  readonly schedule: TfResource;
  readonly name: string;
  /** spec.schedule: the cron expression. */
  readonly cron: string;
  /** spec.template.ttl as written ('' when absent). */
  readonly ttl: string;
  /** The tenant's namespaces the Schedule covers. */
  readonly covers: readonly string[];
  /** spec.template.storageLocation ('' when absent: Velero's default location). */
  readonly locationName: string;
  /** The location of that name on the cluster, when synthesized. */
  readonly location?: TfResource;
  /** Where the location writes (`s3://…` or `https://…`), when it names a bucket. */
  readonly endpoint?: string;
  /** The declared site whose backup storage that is. */
  readonly site?: Site;
}

const manifest = (r: TfResource) => block(r.body, 'manifest');

/** Velero objects of a kind in the velero namespace of a cluster. */
export function veleroObjects(d: Deployment, cluster: string, kind: string): TfResource[] {
  return (d.byNamespace.get(`${cluster}/${BACKUP.namespace}`) ?? []).filter(
    (r) => r.type === MANIFEST && get(manifest(r), 'apiVersion') === BACKUP.apiVersion && get(manifest(r), 'kind') === kind,
  );
}

const nameOf = (r: TfResource): string => String(get(manifest(r), 'metadata.name') ?? '');
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.map(String) : []);

/** The storage URL a BackupStorageLocation writes to, read back from bucket, prefix and s3Url. */
export function locationEndpoint(location: TfResource): string | undefined {
  const spec = block(manifest(location), 'spec');
  const bucket = get(spec, 'objectStorage.bucket');
  if (typeof bucket !== 'string' || bucket === '') return undefined;
  const prefix = get(spec, 'objectStorage.prefix');
  const s3Url = get(spec, 'config.s3Url');
  return endpointOf({ bucket, prefix: typeof prefix === 'string' && prefix !== '' ? prefix : undefined, s3Url: typeof s3Url === 'string' ? s3Url : undefined });
}

/**
 * The declared site whose backup storage an endpoint is in: the same store (S3 address and bucket),
 * at the site's prefix or in a folder under it, as each cluster's own `<site prefix>/<cluster>` is.
 */
export function siteOfEndpoint(model: CityModel, endpoint: string | undefined): Site | undefined {
  if (endpoint === undefined) return undefined;
  const parts = (e: string) => {
    const s = objectStore(e);
    return 'error' in s ? undefined : { store: `${s.s3Url ?? ''}|${s.bucket}`, folders: (s.prefix ?? '').split('/').filter((p) => p !== '') };
  };
  const want = parts(endpoint);
  if (!want) return undefined;
  return model.sites.find((site) => {
    const have = parts(site.backupEndpoint);
    return have !== undefined && have.store === want.store && have.folders.every((f, i) => want.folders[i] === f);
  });
}

interface ParsedSchedule {
  readonly schedule: TfResource;
  readonly spec?: Json;
  readonly included: readonly string[];
  readonly excluded: ReadonlySet<string>;
}

/** A cluster's Velero objects, read once per deployment: locations by name, unpaused Schedules and which namespaces each names. */
interface ClusterVelero {
  readonly locations: ReadonlyMap<string, TfResource>;
  readonly defaultLocation?: TfResource;
  readonly schedules: readonly ParsedSchedule[];
  /** Positions in `schedules` of those that include a namespace by name. */
  readonly byNamespace: ReadonlyMap<string, readonly number[]>;
  /** Positions of those that include every namespace (includedNamespaces empty or '*'). */
  readonly everywhere: readonly number[];
}

const indexes = new WeakMap<Deployment, Map<string, ClusterVelero>>();
const cached = new WeakMap<Deployment, WeakMap<Tenant, Backup[]>>();

function veleroOf(d: Deployment, cluster: string): ClusterVelero {
  let byCluster = indexes.get(d);
  if (!byCluster) indexes.set(d, (byCluster = new Map()));
  const known = byCluster.get(cluster);
  if (known) return known;
  const locations = new Map(veleroObjects(d, cluster, 'BackupStorageLocation').map((l) => [nameOf(l), l]));
  const schedules: ParsedSchedule[] = [];
  const byNamespace = new Map<string, number[]>();
  const everywhere: number[] = [];
  for (const s of veleroObjects(d, cluster, 'Schedule')) {
    const spec = block(manifest(s), 'spec');
    if (get(spec, 'paused') === true) continue;
    const included = strings(get(spec, 'template.includedNamespaces'));
    const i = schedules.push({ schedule: s, spec, included, excluded: new Set(strings(get(spec, 'template.excludedNamespaces'))) }) - 1;
    // Velero backs up every namespace when includedNamespaces is empty or holds '*'
    if (included.length === 0 || included.includes('*')) everywhere.push(i);
    else for (const n of new Set(included)) byNamespace.set(n, [...(byNamespace.get(n) ?? []), i]);
  }
  const index: ClusterVelero = {
    locations,
    defaultLocation: [...locations.values()].find((l) => get(manifest(l), 'spec.default') === true),
    schedules,
    byNamespace,
    everywhere,
  };
  byCluster.set(cluster, index);
  return index;
}

/**
 * The tenant's backups: unpaused Schedules on its primary cluster covering any of its namespaces,
 * in the order they were synthesized. Read from an index of the cluster's Velero objects built once
 * per deployment, and kept per tenant, so the six DATA rules cost one pass over the tenant's own
 * Schedules instead of one over every Schedule of the cluster each.
 */
export function backupsOf(model: CityModel, d: Deployment, t: Tenant): Backup[] {
  let perTenant = cached.get(d);
  if (!perTenant) cached.set(d, (perTenant = new WeakMap()));
  const known = perTenant.get(t);
  if (known) return known;
  const mine = new Set(t.environments.map((e) => namespaceName(t.name, e)));
  const velero = veleroOf(d, t.cluster);
  const candidates = new Set<number>(velero.everywhere);
  for (const n of mine) for (const i of velero.byNamespace.get(n) ?? []) candidates.add(i);
  const out: Backup[] = [];
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const { schedule: s, spec, included, excluded } = velero.schedules[i];
    const all = included.length === 0 || included.includes('*');
    const covers = [...mine].filter((n) => (all || included.includes(n)) && !excluded.has(n));
    if (covers.length === 0) continue;
    const locationName = String(get(spec, 'template.storageLocation') ?? '');
    const location = locationName === '' ? velero.defaultLocation : velero.locations.get(locationName);
    const endpoint = location ? locationEndpoint(location) : undefined;
    out.push({
      schedule: s,
      name: nameOf(s),
      cron: String(get(spec, 'schedule') ?? ''),
      ttl: String(get(spec, 'template.ttl') ?? ''),
      covers,
      locationName,
      location,
      endpoint,
      site: siteOfEndpoint(model, endpoint),
    });
  }
  perTenant.set(t, out);
  return out;
}

/** Where a backup goes, for evidence. */
export const describe = (b: Backup): string =>
  `Schedule ${b.name} (${b.cron}) backs up ${b.covers.join(', ')} to location ${b.locationName || '(default)'}${b.site ? ` at site ${b.site.name} (${b.site.role})` : ''}`;

/** Hours of a Velero TTL (a Go duration such as 720h0m0s or 90m); undefined when it is none. */
export function ttlHours(ttl: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(ttl)) return undefined;
  let h = 0;
  for (const [, n, unit] of ttl.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    h += Number(n) / { h: 1, m: 60, s: 3600, ms: 3_600_000 }[unit as 'h' | 'm' | 's' | 'ms'];
  return h;
}

/** Mode of a replica namespace: its dr-role label. */
export const modeOf = (ns: NamespaceView): string | undefined => labels(ns.namespace)[LABEL.drRole];

export const siteRoleOf = (model: CityModel, cluster: string): SiteRole | undefined => model.clusters.find((c) => c.name === cluster)?.siteRole;

/** Longest gap in minutes between runs of a cron schedule, when it runs at least hourly; undefined otherwise. */
export function maxGapMinutes(schedule: string): number | undefined {
  const f = schedule.trim().split(/\s+/);
  if (f.length !== 5 || f.slice(1).some((x) => x !== '*')) return undefined;
  const m = f[0];
  if (m === '*') return 1;
  const step = /^\*\/(\d+)$/.exec(m);
  if (step) {
    const n = Number(step[1]);
    return n > 0 && n <= 60 ? Math.max(n, 60 - n * Math.floor(59 / n)) : undefined;
  }
  if (!/^\d+(,\d+)*$/.test(m)) return undefined;
  const mins = [...new Set(m.split(',').map(Number))].filter((x) => x < 60).sort((a, b) => a - b);
  if (mins.length === 0) return undefined;
  return Math.max(...mins.map((x, i) => (i + 1 < mins.length ? mins[i + 1] - x : 60 - x + mins[0])));
}
