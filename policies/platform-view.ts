/**
 * What belongs to no tenant, per cluster: platform namespaces, `default` and any namespace the model
 * does not give a tenant, with what hand-written overrides put there. The rules that judge workloads
 * and cluster-wide rights look at it as at a tenant, at the platform's level, under a stand-in tenant
 * that owns nothing (no environments, flows or admins).
 */
import { CityModel, Cluster, Tenant } from '../config/model';
import { Deployment, NAMESPACE_TYPES, NamespaceView, TenantView, tenantOfNamespace } from './deployment';

/** Name of the stand-in tenant of a cluster's platform, as reports show it. */
export const platformName = (cluster: string): string => `platform:${cluster}`;

export function platformView(model: CityModel, d: Deployment, cluster: string): TenantView {
  const namespaces: NamespaceView[] = [];
  const prefix = `${cluster}/`;
  for (const [key, resources] of [...d.byNamespace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (tenantOfNamespace(model, name) !== undefined) continue;
    namespaces.push({
      cluster,
      name,
      role: 'primary',
      environment: '',
      namespace: resources.find((r) => NAMESPACE_TYPES.has(r.type)),
      resources: resources.filter((r) => !NAMESPACE_TYPES.has(r.type)),
    });
  }
  return { namespaces, strays: [] };
}

/** The stand-in tenant of a cluster's platform: its level, no environments, flows, admins or waivers. */
export function platformTenant(cluster: Cluster): Tenant {
  const none = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };
  return {
    name: platformName(cluster.name),
    county: '',
    department: '',
    displayName: platformName(cluster.name),
    approvalRef: '',
    approvedOn: '',
    classification: 'unclassified',
    mlpsLevel: cluster.mlpsLevel,
    network: cluster.network,
    zone: cluster.network === 'intranet' ? 'intranet' : 'exchange',
    environments: [],
    quota: none,
    quotaText: { cpu: '0', memory: '0', storage: '0', pods: 0 },
    domestic: false,
    cluster: cluster.name,
    pools: {},
    dr: 'none',
    replicas: [],
    exposedToInternet: false,
    exposedPorts: [],
    flows: [],
    inbound: [],
    admins: [],
    waivers: [],
    source: cluster.source,
  };
}
