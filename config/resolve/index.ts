/**
 * Turns checked files into the resolved model: the platform (resolve/platform.ts), placement on
 * clusters and DR replicas per tier (resolve/placement.ts, resolve/replicas.ts), flows
 * (resolve/flows.ts), and capacity accounting per cluster (checks/capacity.ts: an error over the
 * limit, at the quota line of the request that overflows it; a warning from 85 %).
 */
import { Issue } from '../issues';
import { locate } from '../source';
import { bytes, cpuMillis, cpuText } from '../quantity';
import { CheckContext } from '../checks/context';
import { ChangeScope, checkCapacity, TenantCharges } from '../checks/capacity';
import { CityModel, MlpsLevel, Resources, Tenant } from '../model';
import { resolveClusters, resolveSites } from './platform';
import { imageRefs } from './images';
import { Placer } from './placement';
import { FlowIndex, zoneOf } from './flows';
import { INGRESS_GATEWAY } from '../vocabulary';
import { attachPools } from './pools';
import { recoveryTargets } from './recovery';
import { drillsByTenant } from '../drills';
import { durationMinutes } from '../duration';
import { DEFAULT_DRILL_VALID_FOR } from '../schema/platform';
import { DEFAULT_RECORDS_GRACE } from '../schema/mlps-records';
import { jointReviewGroups } from '../schema/approvals';

/**
 * A waiver with its line in the request file, found when first read: without the fast parser's
 * index (validate, pr) a line costs a second, careful parse of the file, which only the waivers a
 * report shows need. The line is an ordinary enumerable property to its readers (JSON included).
 */
function withLine<T extends object>(w: T, line: () => number): T & { readonly line: number } {
  let known: number | undefined;
  return Object.defineProperty(w, 'line', { enumerable: true, get: () => (known ??= line()) }) as T & { readonly line: number };
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
  const sites = resolveSites(ctx.platform);
  const clusters = resolveClusters(ctx.platform, sites);
  const placer = new Placer(clusters, sites);
  const flows = new FlowIndex(ctx.tenants);

  const recovery = recoveryTargets(s.recovery);
  const tenants: Tenant[] = [];
  const charged: TenantCharges[] = [];
  for (const t of ctx.tenants) {
    const m = t.data.metadata;
    const sp = t.data.spec;
    const cluster = placer.primary(t, issues);
    const replicas = placer.replicas(t, issues);
    const quota: Resources = {
      cpuMillis: cpuMillis(sp.quota.cpu),
      memoryBytes: bytes(sp.quota.memory),
      storageBytes: bytes(sp.quota.storage),
      pods: sp.quota.pods,
    };
    const tenant: Tenant = {
      name: m.name,
      county: m.county,
      department: m.department,
      displayName: m.displayName,
      approvalRef: m.approval.ref,
      approvedOn: m.approval.approvedOn,
      ...(sp.mlps ? { mlps: sp.mlps } : {}),
      classification: sp.classification,
      mlpsLevel: sp.mlpsLevel as MlpsLevel,
      network: sp.network,
      zone: zoneOf(t),
      environments: sp.environments,
      quota,
      quotaText: { cpu: cpuText(sp.quota.cpu), memory: sp.quota.memory, storage: sp.quota.storage, pods: sp.quota.pods },
      domestic: sp.placement.domestic,
      cluster: cluster?.name ?? '',
      pools: {}, // attachPools below
      dr: sp.dr.tier,
      replicas,
      ...(sp.dr.tier !== 'none' && recovery[sp.dr.tier] ? { recovery: recovery[sp.dr.tier] } : {}),
      exposedToInternet: sp.exposure.internet,
      exposedPorts: sp.exposure.internet ? [...new Set(sp.exposure.ports ?? [])].sort((a, b) => a - b) : [],
      flows: flows.outbound(t),
      inbound: flows.inbound(m.name),
      admins: sp.admins,
      decommission: sp.decommission,
      waivers: sp.waivers.map((w, i) => withLine({ ...w }, () => locate(t.source, ['spec', 'waivers', i]).line)),
      source: { file: t.source.file, line: 1, ...(t.source.index ? { index: t.source.index } : {}) },
    };
    tenants.push(tenant);
    charged.push({ file: t, tenant });
  }

  const capacity = checkCapacity(ctx.platform, clusters, charged, change);
  issues.push(...capacity.issues);

  const zones = (['public-service', 'administrative', 'exchange'] as const).map((z) => ({ name: z, cidr: s.zones[z].cidr }));
  const ingress = s.ingress ?? { namespace: INGRESS_GATEWAY.defaultNamespace };
  const pooled = attachPools(ctx, { clusters, zones, egress: s.egress, ingress, tenants });
  issues.push(...pooled.issues);

  const model: CityModel = {
    name: p.metadata.name,
    displayName: p.metadata.displayName,
    city: { code: s.city.code, name: s.city.name },
    counties: s.counties,
    sites,
    clusters: pooled.clusters,
    zones,
    intranetCidr: s.intranet.cidr,
    egress: s.egress,
    ingress,
    registries: s.registries,
    images: imageRefs(s.images),
    charts: { baseline: { ...s.charts.baseline } },
    logRetentionDays: s.logRetentionDays,
    ...(s.recovery ? { recovery } : {}),
    overcommit: s.overcommit,
    domesticNodeLabel: s.placement.domesticNodeLabel,
    state: s.state,
    tenants: pooled.tenants,
    utilisation: capacity.utilisation,
    drills: drillsByTenant(ctx.drills ?? []),
    drillValidity: { validFor: s.drills.validFor, minutes: durationMinutes(s.drills.validFor) ?? durationMinutes(DEFAULT_DRILL_VALID_FOR) ?? 0 },
    records: {
      gracePeriod: s.records.gracePeriod,
      graceDays: Math.ceil((durationMinutes(s.records.gracePeriod) ?? durationMinutes(DEFAULT_RECORDS_GRACE) ?? 0) / 1440),
      filingNumber: s.records.filingNumber,
    },
    approvals: { ...s.approvals, jointReview: jointReviewGroups(s.approvals) },
  };
  return { model, issues };
}
