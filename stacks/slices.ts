/**
 * The stack plan: which stacks exist and which slice of the model each receives. No cdktf here,
 * so `govcloud stacks` and selective synth can decide without building any construct.
 */
import { CityModel, Cluster, County, Replica, Site, Tenant, ZoneName } from '../config/model';

export interface PlatformSlice {
  readonly kind: 'platform';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly site: Site;
  readonly zones: readonly { readonly name: ZoneName | 'intranet'; readonly cidr: string }[];
  readonly egress?: {
    readonly namespace: string;
    readonly cidr: string;
    readonly allowList: readonly { tenant: string; hosts: readonly string[]; ports: readonly number[] }[];
  };
  readonly registries: readonly string[];
  readonly logRetentionDays: number;
  readonly tenantLevels: readonly Tenant['mlpsLevel'][];
  readonly state: CityModel['state'];
}

/** Where a flow's other end lives, so a stack can build a peer without seeing the whole model. */
export interface PeerLocation {
  readonly tenant: string;
  readonly cluster: string;
  readonly zone: ZoneName | 'intranet';
  readonly zoneCidr: string;
}

export interface CountySlice {
  readonly kind: 'county';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly county: County;
  /** Tenants whose primary cluster is this one. */
  readonly tenants: readonly Tenant[];
  /** Replicas hosted on this cluster, with their tenant. */
  readonly replicas: readonly { readonly tenant: Tenant; readonly replica: Replica; readonly sourceCluster: string }[];
  readonly peers: readonly PeerLocation[];
  readonly egressNamespace: string;
  readonly syncImage: string;
  readonly state: CityModel['state'];
}

export type StackSlice = PlatformSlice | CountySlice;

export function platformStackName(cluster: string): string {
  return `platform-${cluster}`;
}

export function countyStackName(county: string, cluster: string): string {
  return `county-${county}-${cluster}`;
}

/** All stacks of the city in apply order: platform stacks first, then county stacks, each sorted by name. */
export function planStacks(model: CityModel): StackSlice[] {
  const siteOf = new Map(model.sites.map((s) => [s.name, s]));
  const zoneCidr = new Map<string, string>(model.zones.map((z) => [z.name, z.cidr]));
  zoneCidr.set('intranet', model.intranetCidr);
  const tenantsByName = new Map(model.tenants.map((t) => [t.name, t]));

  const platforms: PlatformSlice[] = model.clusters.map((c) => {
    const here = model.tenants.filter((t) => t.cluster === c.name || t.replicas.some((r) => r.cluster === c.name));
    const allowList =
      c.network === 'extranet'
        ? here
            .filter((t) => t.cluster === c.name)
            .flatMap((t) =>
              t.flows.filter((f) => f.kind === 'internet').map((f) => ({ tenant: t.name, hosts: f.kind === 'internet' ? f.hosts : [], ports: f.ports })),
            )
        : [];
    const site = siteOf.get(c.site);
    if (!site) throw new Error(`planStacks: cluster ${c.name} names unknown site ${c.site}; validate the model first`);
    return {
      kind: 'platform',
      name: platformStackName(c.name),
      network: c.network,
      cluster: c,
      site,
      zones: c.network === 'extranet' ? model.zones : [{ name: 'intranet', cidr: model.intranetCidr }],
      egress: c.network === 'extranet' ? { ...model.egress, allowList } : undefined,
      registries: model.registries,
      logRetentionDays: model.logRetentionDays,
      tenantLevels: [...new Set(here.map((t) => t.mlpsLevel))].sort(),
      state: model.state,
    };
  });

  const counties: CountySlice[] = [];
  for (const county of model.counties) {
    for (const c of model.clusters) {
      const tenants = model.tenants.filter((t) => t.county === county.code && t.cluster === c.name);
      const replicas = model.tenants
        .filter((t) => t.county === county.code)
        .flatMap((t) => t.replicas.filter((r) => r.cluster === c.name).map((replica) => ({ tenant: t, replica, sourceCluster: t.cluster })));
      if (tenants.length === 0 && replicas.length === 0) continue;
      const peerNames = new Set<string>();
      for (const t of tenants) {
        for (const f of t.flows) if (f.kind === 'tenant') peerNames.add(f.tenant);
        for (const i of t.inbound) peerNames.add(i.tenant);
      }
      const peers: PeerLocation[] = [...peerNames].sort().flatMap((n) => {
        const p = tenantsByName.get(n);
        return p ? [{ tenant: n, cluster: p.cluster, zone: p.zone, zoneCidr: zoneCidr.get(p.zone) ?? '' }] : [];
      });
      counties.push({
        kind: 'county',
        name: countyStackName(county.code, c.name),
        network: c.network,
        cluster: c,
        county,
        tenants,
        replicas,
        peers,
        egressNamespace: model.egress.namespace,
        syncImage: `${model.registries[0].replace(/\/$/, '')}/govcloud/dr-sync:1.4.2`,
        state: model.state,
      });
    }
  }
  const byName = (a: StackSlice, b: StackSlice) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...platforms.sort(byName), ...counties.sort(byName)];
}

/**
 * A county stack that no longer holds anything (its last tenant or replica on that cluster was
 * removed) but may still have state: synthesized with its providers and backend and no resources,
 * so that a plan destroys what it held instead of leaving it behind.
 */
export interface RetiredSlice {
  readonly kind: 'retired';
  readonly name: string;
  readonly network: Cluster['network'];
  readonly cluster: Cluster;
  readonly state: CityModel['state'];
}

/** The retired slice for a stack name of this city that the model no longer plans, or undefined. */
export function retiredSlice(model: CityModel, name: string): RetiredSlice | undefined {
  if (planStacks(model).some((s) => s.name === name)) return undefined;
  for (const county of model.counties) {
    for (const c of model.clusters) {
      if (countyStackName(county.code, c.name) === name) return { kind: 'retired', name, network: c.network, cluster: c, state: model.state };
    }
  }
  return undefined;
}
