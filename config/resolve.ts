/**
 * Turns checked files into the resolved model: placement on clusters, DR replicas per tier,
 * inbound flows, and capacity accounting per cluster (config/capacity.ts: error over the limit,
 * at the quota line of the request that overflows it; warning at 85 %).
 */
import { Issue } from './issues';
import { LoadedTenant } from './load';
import { locate } from './source';
import { suggest } from './suggest';
import { bytes, cpuMillis, cpuText } from './quantity';
import { CheckContext, at } from './checks/context';
import { ChangeScope, checkCapacity, TenantCharges } from './capacity';
import {
  CityModel,
  Cluster,
  DrTier,
  Flow,
  InboundFlow,
  MlpsLevel,
  Replica,
  Resources,
  Site,
  Tenant,
  ZoneName,
} from './model';

export { WARN_UTILISATION } from './capacity';

/** The DR sites a tier implies, with the replica's mode and its sync schedule (minute spread by name). */
export function replicaPlan(tier: DrTier, minute: number): { role: 'same-city' | 'remote'; mode: Replica['mode']; schedule: string }[] {
  const m = minute % 60;
  switch (tier) {
    case 'none':
      return [];
    case 'backup':
      return [{ role: 'remote', mode: 'backup', schedule: `${m} 2 * * *` }];
    case 'hot-standby':
      return [
        { role: 'same-city', mode: 'standby', schedule: '*/15 * * * *' },
        { role: 'remote', mode: 'backup', schedule: `${m} */6 * * *` },
      ];
    case 'active-active':
      return [
        { role: 'same-city', mode: 'active', schedule: '*/5 * * * *' },
        { role: 'remote', mode: 'backup', schedule: `${m} * * * *` },
      ];
  }
}

function spread(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 60;
}

export interface ResolveResult {
  readonly model?: CityModel;
  readonly issues: Issue[];
}

/** `change`: what a pull request changed, so that a capacity error points at the changed request. */
export function resolveModel(ctx: CheckContext, change?: ChangeScope): ResolveResult {
  const p = ctx.platform.data;
  const s = p.spec;
  const issues: Issue[] = [];
  const sites: Site[] = s.sites.map((x) => ({
    name: x.name,
    displayName: x.displayName ?? x.name,
    city: x.city,
    role: x.role,
    backupEndpoint: x.backupStorage.endpoint,
    backupCidr: x.backupStorage.cidr,
  }));
  const siteByName = new Map(sites.map((x) => [x.name, x]));
  const clusters: Cluster[] = s.clusters.map((c, i) => ({
    name: c.name,
    site: c.site,
    siteRole: siteByName.get(c.site)?.role ?? 'primary',
    network: c.network,
    mlpsLevel: c.mlpsLevel as MlpsLevel,
    kubeContext: c.kubeContext ?? c.name,
    capacity: {
      cpuMillis: cpuMillis(c.capacity.cpu),
      memoryBytes: bytes(c.capacity.memory),
      storageBytes: bytes(c.capacity.storage),
      pods: c.capacity.pods ?? 0,
    },
    nodePools: c.nodePools,
    source: { file: ctx.platform.source.file, line: locate(ctx.platform.source, ['spec', 'clusters', i]).line },
  }));
  const hasDomestic = (c: Cluster) => c.nodePools.some((np) => np.kind === 'domestic');
  const clusterNames = clusters.map((c) => c.name);

  const tenantsOut: Tenant[] = [];
  const charged: TenantCharges[] = [];
  const inbound = new Map<string, InboundFlow[]>();
  const zoneOf = (t: LoadedTenant): ZoneName | 'intranet' => (t.data.spec.network === 'intranet' ? 'intranet' : t.data.spec.zone ?? 'administrative');
  const byRef = new Map(ctx.tenants.map((t) => [`tenant/${t.data.metadata.county}/${t.data.metadata.name}`, t]));

  for (const t of ctx.tenants) {
    for (const f of t.data.spec.flows) {
      const target = f.to === 'internet' ? undefined : byRef.get(f.to);
      if (!target || target === t) continue;
      const list = inbound.get(target.data.metadata.name) ?? [];
      list.push({ tenant: t.data.metadata.name, county: t.data.metadata.county, zone: zoneOf(t), ports: f.ports });
      inbound.set(target.data.metadata.name, list);
    }
  }

  for (const t of ctx.tenants) {
    const m = t.data.metadata;
    const sp = t.data.spec;
    const candidates = (role: Site['role']) => clusters.filter((c) => c.siteRole === role && c.network === sp.network);
    const pickFor = (role: Site['role']): Cluster | 'none' | 'no-domestic' => {
      const list = candidates(role);
      if (list.length === 0) return 'none';
      if (!sp.placement.domestic) return list[0];
      return list.find(hasDomestic) ?? 'no-domestic';
    };
    let cluster: Cluster | undefined;
    if (sp.placement.cluster !== undefined) {
      const named = clusters.find((c) => c.name === sp.placement.cluster);
      const path = ['spec', 'placement', 'cluster'];
      if (!named) {
        issues.push(
          at(t, path, 'ref.unknownCluster', {
            value: JSON.stringify(sp.placement.cluster),
            known: clusterNames.join(', '),
            suggestion: `suggest:${suggest(sp.placement.cluster, clusterNames) ?? ''}`,
          }),
        );
      } else if (named.siteRole !== 'primary' || named.network !== sp.network) {
        issues.push(at(t, path, 'placement.clusterMismatch', { value: named.name, actual: named.network, site: named.site, network: sp.network }));
      } else if (sp.placement.domestic && !hasDomestic(named)) {
        issues.push(at(t, ['spec', 'placement', 'domestic'], 'placement.noDomestic', { network: sp.network, role: 'primary', clusters: named.name }));
      } else {
        cluster = named;
      }
    } else {
      const picked = pickFor('primary');
      if (picked === 'none') issues.push(at(t, ['spec', 'network'], 'placement.noCluster', { network: sp.network, role: 'primary' }));
      else if (picked === 'no-domestic') {
        const names = candidates('primary').map((c) => c.name).join(', ');
        issues.push(at(t, ['spec', 'placement', 'domestic'], 'placement.noDomestic', { network: sp.network, role: 'primary', clusters: names }));
      } else cluster = picked;
    }

    const replicas: Replica[] = [];
    for (const plan of replicaPlan(sp.dr.tier, spread(m.name))) {
      const picked = pickFor(plan.role);
      if (picked === 'none') {
        issues.push(at(t, ['spec', 'dr', 'tier'], 'dr.missingSite', { tier: sp.dr.tier, role: plan.role, network: sp.network }));
        continue;
      }
      if (picked === 'no-domestic') {
        const names = candidates(plan.role).map((c) => c.name).join(', ');
        issues.push(at(t, ['spec', 'placement', 'domestic'], 'placement.noDomestic', { network: sp.network, role: plan.role, clusters: names }));
        continue;
      }
      const site = siteByName.get(picked.site);
      if (!site) continue;
      replicas.push({
        site: site.name,
        siteRole: plan.role,
        cluster: picked.name,
        mode: plan.mode,
        schedule: plan.schedule,
        backupEndpoint: site.backupEndpoint,
        backupCidr: site.backupCidr,
      });
    }

    const quota: Resources = {
      cpuMillis: cpuMillis(sp.quota.cpu),
      memoryBytes: bytes(sp.quota.memory),
      storageBytes: bytes(sp.quota.storage),
      pods: sp.quota.pods,
    };
    const flows: Flow[] = sp.flows.flatMap((f): Flow[] => {
      if (f.to === 'internet') return [{ kind: 'internet', hosts: f.hosts ?? [], ports: f.ports }];
      const target = byRef.get(f.to);
      if (!target || target === t) return [];
      return [{ kind: 'tenant', tenant: target.data.metadata.name, county: target.data.metadata.county, zone: zoneOf(target), ports: f.ports }];
    });

    const tenant: Tenant = {
      name: m.name,
      county: m.county,
      department: m.department,
      displayName: m.displayName,
      approvalRef: m.approval.ref,
      classification: sp.classification,
      mlpsLevel: sp.mlpsLevel as MlpsLevel,
      network: sp.network,
      zone: zoneOf(t),
      environments: sp.environments,
      quota,
      quotaText: { cpu: cpuText(sp.quota.cpu), memory: sp.quota.memory, storage: sp.quota.storage, pods: sp.quota.pods },
      domestic: sp.placement.domestic,
      cluster: cluster?.name ?? '',
      dr: sp.dr.tier,
      replicas,
      exposedToInternet: sp.exposure.internet,
      flows,
      inbound: inbound.get(m.name) ?? [],
      admins: sp.admins,
      decommission: sp.decommission,
      waivers: sp.waivers.map((w, i) => ({ ...w, line: locate(t.source, ['spec', 'waivers', i]).line })),
      source: { file: t.source.file, line: 1 },
    };
    tenantsOut.push(tenant);
    charged.push({ file: t, tenant });
  }

  const capacity = checkCapacity(ctx.platform, clusters, charged, change);
  issues.push(...capacity.issues);

  const model: CityModel = {
    name: p.metadata.name,
    displayName: p.metadata.displayName,
    city: { code: s.city.code, name: s.city.name },
    counties: s.counties,
    sites,
    clusters,
    zones: (['public-service', 'administrative', 'exchange'] as const).map((z) => ({ name: z, cidr: s.zones[z].cidr })),
    intranetCidr: s.intranet.cidr,
    egress: s.egress,
    registries: s.registries,
    logRetentionDays: s.logRetentionDays,
    overcommit: s.overcommit,
    state: s.state,
    tenants: tenantsOut,
    utilisation: capacity.utilisation,
  };
  return { model, issues };
}
