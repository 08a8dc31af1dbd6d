/**
 * The stack plan: which stacks exist and which slice of the model each receives. No cdktf here,
 * so `govcloud stacks` and selective synth can decide without building any construct.
 */
import { runsPerDayAtMost } from '../config/cron';
import { CityModel, Cluster, County, EnvironmentName, NodeLabel, Replica, replicatedEnvironment, Site, Tenant, ZoneName } from '../config/model';
import { DNS_LABEL } from '../config/schema/common';
import { exposedOn, servedOn } from '../config/ingress';
import { departmentStackName } from '../config/stack-names';
import { readOnlyLocations, ReadOnlyLocation } from '../config/backup-locations';

export interface PlatformSlice {
  readonly kind: 'platform';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly site: Site;
  /**
   * The sites whose backup storage this cluster's Velero gets a location for: every site that hosts
   * a cluster of the same network (the intranet's backups never name the extranet's storage).
   */
  readonly backupSites: readonly Site[];
  /**
   * The other clusters' prefixes this cluster restores from (it holds replicas of their tenants),
   * each read through a ReadOnly location (config/backup-locations.ts); empty on a cluster without replicas.
   */
  readonly readOnlyBackups: readonly ReadOnlyLocation[];
  readonly zones: readonly { readonly name: ZoneName | 'intranet'; readonly cidr: string }[];
  /**
   * The unified egress of an extranet cluster; `allowList` holds the Internet flows of the tenants
   * served here — whose primary cluster this is, or whose serving (active-active, hot-standby)
   * replica runs here — each with the tenant's source ranges on this cluster (empty: no gateway).
   */
  readonly egress?: {
    readonly namespace: string;
    readonly cidr: string;
    readonly allowList: readonly { tenant: string; sources: readonly string[]; hosts: readonly string[]; ports: readonly number[] }[];
  };
  /**
   * The Internet ingress of an extranet cluster; `exposed` holds the exposed public-service tenants
   * served here (primary or serving replica), with the namespace they serve from (empty: no gateway).
   */
  readonly ingress?: {
    readonly namespace: string;
    readonly cidr?: string;
    readonly exposed: readonly { tenant: string; namespace: string; ports: readonly number[] }[];
  };
  /**
   * The pod ranges of every cluster of the model (platform.yaml clusters[].podCidr): addresses of the
   * platform's own pods, which the egress gateway never forwards to.
   */
  readonly podCidrs: readonly string[];
  readonly registries: readonly string[];
  readonly images: CityModel['images'];
  readonly charts: CityModel['charts'];
  readonly tenantLevels: readonly Tenant['mlpsLevel'][];
  /** Backups Velero runs at once on this cluster (concurrentBackups below). */
  readonly concurrentBackups: number;
  /** The label of the domestic (信创) nodes, which pods in domestic namespaces must select. */
  readonly domesticNodeLabel: NodeLabel;
  readonly state: CityModel['state'];
}

/** One namespace of a flow's other end: where it runs and the pool its pods' addresses come from there. */
export interface PeerNamespace {
  readonly cluster: string;
  readonly environment: EnvironmentName;
  readonly pool: string;
}

/**
 * Where a flow's other end lives, so a stack can build its peers without seeing the whole model:
 * every namespace of it that serves, each environment on its primary cluster and the replicated one
 * on each cluster with an active or standby replica (a backup replica serves nothing).
 */
export interface PeerLocation {
  readonly tenant: string;
  readonly zone: ZoneName | 'intranet';
  readonly namespaces: readonly PeerNamespace[];
}

/** The namespaces of a tenant that serve traffic, with their pools (see PeerLocation). */
export function servingNamespaces(t: Tenant): PeerNamespace[] {
  const out: PeerNamespace[] = t.environments.map((environment) => ({ cluster: t.cluster, environment, pool: t.pools[environment] ?? '' }));
  for (const r of t.replicas) if (r.mode !== 'backup') out.push({ cluster: r.cluster, environment: replicatedEnvironment(t), pool: r.pool });
  return out;
}

export interface DepartmentSlice {
  readonly kind: 'department';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly county: County;
  /** The department's code (metadata.department of its requests). */
  readonly department: string;
  /** The department's tenants whose primary cluster is this one. */
  readonly tenants: readonly Tenant[];
  /** Replicas of the department's tenants hosted on this cluster, with their tenant. */
  readonly replicas: readonly { readonly tenant: Tenant; readonly replica: Replica; readonly sourceCluster: string }[];
  readonly peers: readonly PeerLocation[];
  readonly egressNamespace: string;
  readonly ingressNamespace: string;
  readonly state: CityModel['state'];
}

export type StackSlice = PlatformSlice | DepartmentSlice;

export function platformStackName(cluster: string): string {
  return `platform-${cluster}`;
}

export { departmentStackName };

/**
 * The source ranges of a tenant's pods on a cluster, which its egress allow-list entries are allowed
 * from: the address pools of its serving namespaces there (every environment's on its primary
 * cluster, the replica namespace's on the cluster of an active-active or hot-standby replica). Never
 * the zone's range, which every tenant of the zone shares and no pod's address comes from.
 */
export function tenantSources(t: Tenant, cluster: string): string[] {
  const pools = servingNamespaces(t)
    .filter((ns) => ns.cluster === cluster && ns.pool !== '')
    .map((ns) => ns.pool);
  return [...new Set(pools)];
}

/**
 * How many backups Velero should run at once on a cluster whose Schedules are those of `tenants` (the
 * tenants whose primary it is). Velero queues backups and looks at its queue once a minute while its
 * running slots are full, so it starts at most that many backups a minute: with one slot (its default)
 * 15 tenants backed up every quarter hour already fill it, and the queue — a drill's backup in it —
 * only grows. Slots for twice the scheduled rate, at least 2 (a drill or a manual backup never waits
 * behind a whole minute), at most 16.
 */
export function concurrentBackups(tenants: readonly Pick<Tenant, 'replicas'>[]): number {
  let perDay = 0;
  for (const t of tenants) for (const r of t.replicas) perDay += runsPerDayAtMost(r.schedule) ?? 0;
  const perMinute = perDay / 1440;
  return Math.min(16, Math.max(2, Math.ceil(2 * perMinute)));
}

/** All stacks of the city in apply order: platform stacks first, then department stacks, each sorted by name. */
export function planStacks(model: CityModel): StackSlice[] {
  const siteOf = new Map(model.sites.map((s) => [s.name, s]));
  const tenantsByName = new Map(model.tenants.map((t) => [t.name, t]));
  const podCidrs = [...new Set(model.clusters.map((c) => c.podCidr))].sort();

  const platforms: PlatformSlice[] = model.clusters.map((c) => {
    const here = model.tenants.filter((t) => t.cluster === c.name || t.replicas.some((r) => r.cluster === c.name));
    // only the public-service zone may use the unified egress and be exposed (validation refuses the others)
    const served = c.network === 'extranet' ? here.filter((t) => t.zone === 'public-service' && servedOn(t, c.name)) : [];
    const allowList = served.flatMap((t) =>
      t.flows.flatMap((f) => (f.kind === 'internet' ? [{ tenant: t.name, sources: tenantSources(t, c.name), hosts: f.hosts, ports: f.ports }] : [])),
    );
    const exposed = exposedOn(model, c.name);
    const site = siteOf.get(c.site);
    if (!site) throw new Error(`planStacks: cluster ${c.name} names unknown site ${c.site}; validate the model first`);
    const sameNetwork = new Set(model.clusters.filter((x) => x.network === c.network).map((x) => x.site));
    return {
      kind: 'platform',
      name: platformStackName(c.name),
      network: c.network,
      cluster: c,
      site,
      backupSites: model.sites.filter((s) => sameNetwork.has(s.name)),
      readOnlyBackups: readOnlyLocations(model.tenants, c.name),
      zones: c.network === 'extranet' ? model.zones : [{ name: 'intranet', cidr: model.intranetCidr }],
      egress: c.network === 'extranet' ? { ...model.egress, allowList } : undefined,
      podCidrs,
      ingress: c.network === 'extranet' ? { ...model.ingress, exposed } : undefined,
      registries: model.registries,
      images: model.images,
      charts: model.charts,
      tenantLevels: [...new Set(here.map((t) => t.mlpsLevel))].sort(),
      concurrentBackups: concurrentBackups(model.tenants.filter((t) => t.cluster === c.name)),
      domesticNodeLabel: model.domesticNodeLabel,
      state: model.state,
    };
  });

  // group once, in a single pass: (county, department, cluster) -> tenants and replicas
  const groups = new Map<
    string,
    { county: string; department: string; cluster: Cluster; tenants: Tenant[]; replicas: DepartmentSlice['replicas'][number][] }
  >();
  const clusterOf = new Map(model.clusters.map((c) => [c.name, c]));
  // a cluster the platform does not declare gets no stack (validation reports it; the rules judge the model)
  const group = (t: Tenant, clusterName: string) => {
    const key = departmentStackName(t.county, t.department, clusterName);
    let g = groups.get(key);
    const cluster = clusterOf.get(clusterName);
    if (!g && cluster) {
      g = { county: t.county, department: t.department, cluster, tenants: [], replicas: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const t of model.tenants) {
    group(t, t.cluster)?.tenants.push(t);
    for (const replica of t.replicas) group(t, replica.cluster)?.replicas.push({ tenant: t, replica, sourceCluster: t.cluster });
  }
  const countyOf = new Map(model.counties.map((c) => [c.code, c]));
  const departments: DepartmentSlice[] = [...groups].flatMap(([name, g]): DepartmentSlice[] => {
    const county = countyOf.get(g.county);
    if (!county) return []; // an undeclared county: validation reports it
    const peerNames = new Set<string>();
    // the peers of the tenants here and of the replicas here that serve (active, standby)
    const serving = [...g.tenants, ...g.replicas.filter((r) => r.replica.mode !== 'backup').map((r) => r.tenant)];
    for (const t of serving) {
      for (const f of t.flows) if (f.kind === 'tenant') peerNames.add(f.tenant);
      for (const i of t.inbound) peerNames.add(i.tenant);
    }
    const peers: PeerLocation[] = [...peerNames].sort().flatMap((n) => {
      const p = tenantsByName.get(n);
      return p ? [{ tenant: n, zone: p.zone, namespaces: servingNamespaces(p) }] : [];
    });
    return [
      {
        kind: 'department',
        name,
        network: g.cluster.network,
        cluster: g.cluster,
        county,
        department: g.department,
        tenants: g.tenants,
        replicas: g.replicas,
        peers,
        egressNamespace: model.egress.namespace,
        ingressNamespace: model.ingress.namespace,
        state: model.state,
      },
    ];
  });
  const byName = (a: StackSlice, b: StackSlice) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...platforms.sort(byName), ...departments.sort(byName)];
}

/**
 * A department stack that no longer holds anything (the department's last tenant or replica on that
 * cluster was removed) but may still have state: synthesized with its providers and backend and no
 * resources, so that a plan destroys what it held instead of leaving it behind.
 */
export interface RetiredSlice {
  readonly kind: 'retired';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly state: CityModel['state'];
}

/**
 * The retired slice for a stack name of this city that the model no longer plans, or undefined. The
 * department may be gone from the model, so the name is read as `dept-<county>-<department>-<cluster>`
 * against the city's counties and clusters; a name that reads two ways is not taken.
 */
export function retiredSlice(model: CityModel, name: string): RetiredSlice | undefined {
  if (planStacks(model).some((s) => s.name === name)) return undefined;
  const readings: Cluster[] = [];
  for (const county of model.counties) {
    const prefix = `dept-${county.code}-`;
    if (!name.startsWith(prefix)) continue;
    for (const c of model.clusters) {
      const suffix = `-${c.name}`;
      if (!name.endsWith(suffix) || name.length <= prefix.length + suffix.length) continue;
      if (DNS_LABEL.test(name.slice(prefix.length, name.length - suffix.length))) readings.push(c);
    }
  }
  if (readings.length !== 1) return undefined;
  const c = readings[0];
  return { kind: 'retired', name, network: c.network, cluster: c, state: model.state };
}
