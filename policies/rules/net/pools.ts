/** The namespaces' address pools as the NET rules read them: which namespace a CIDR is the pool of. */
import { CityModel, namespaceName, replicatedEnvironment, ZoneName } from '../../../config/model';
import { overlaps, readCidr } from '../../../config/cidr';

export interface PoolEntry {
  readonly cluster: string;
  readonly namespace: string;
  readonly cidr: string;
  /** The tenant whose namespace it is; absent for a platform namespace. */
  readonly tenant?: string;
  readonly zone?: ZoneName | 'intranet';
  readonly environment?: string;
  /** A DR replica namespace, with its mode. */
  readonly replica?: 'active' | 'standby' | 'backup';
}

export interface PoolIndex {
  readonly entries: readonly PoolEntry[];
  /** Entries by their CIDR. */
  readonly byCidr: ReadonlyMap<string, readonly PoolEntry[]>;
  /** `<cluster>/<namespace>` → its pool. */
  readonly byNamespace: ReadonlyMap<string, string>;
  /** Entries by their tenant. */
  readonly byTenant: ReadonlyMap<string, readonly PoolEntry[]>;
}

const indexes = new WeakMap<CityModel, PoolIndex>();

/** Every pool of the model (tenants, replicas, platform namespaces), indexed once per model. */
export function poolIndex(model: CityModel): PoolIndex {
  const known = indexes.get(model);
  if (known) return known;
  const entries: PoolEntry[] = [];
  for (const c of model.clusters) for (const [namespace, cidr] of Object.entries(c.platformPools)) entries.push({ cluster: c.name, namespace, cidr });
  for (const t of model.tenants) {
    for (const environment of t.environments) {
      const cidr = t.pools[environment];
      if (cidr) entries.push({ cluster: t.cluster, namespace: namespaceName(t.name, environment), cidr, tenant: t.name, zone: t.zone, environment });
    }
    for (const r of t.replicas) {
      const environment = replicatedEnvironment(t);
      entries.push({
        cluster: r.cluster,
        namespace: namespaceName(t.name, environment),
        cidr: r.pool,
        tenant: t.name,
        zone: t.zone,
        environment,
        replica: r.mode,
      });
    }
  }
  const byCidr = new Map<string, PoolEntry[]>();
  const byNamespace = new Map<string, string>();
  const byTenant = new Map<string, PoolEntry[]>();
  const push = (m: Map<string, PoolEntry[]>, k: string, e: PoolEntry) => {
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  };
  for (const e of entries) {
    push(byCidr, e.cidr, e);
    if (e.tenant !== undefined) push(byTenant, e.tenant, e);
    byNamespace.set(`${e.cluster}/${e.namespace}`, e.cidr);
  }
  const index = { entries, byCidr, byNamespace, byTenant };
  indexes.set(model, index);
  return index;
}

/** The ranges a pod's or a zone's address can come from: an ip_block touching one of them names pods. */
export function podFacingRanges(model: CityModel): string[] {
  return [...model.clusters.map((c) => c.podCidr), ...model.zones.map((z) => z.cidr), model.intranetCidr];
}

/** Whether a CIDR touches a range pods or zones take addresses from. */
export function namesPods(model: CityModel, cidr: string): boolean {
  return readCidr(cidr) !== undefined && podFacingRanges(model).some((r) => overlaps(cidr, r));
}
