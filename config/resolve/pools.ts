/** The namespaces' address pools attached to the model: checked against address-pools.yaml, then read from it. */
import { Issue } from '../issues';
import { CheckContext } from '../checks/context';
import { checkAddressPools } from '../checks/address-pools';
import { CityModel, Cluster, namespaceName, replicatedEnvironment, Tenant } from '../model';
import { platformNamespaces, wantedNamespaces } from '../pools/namespaces';
import { PoolTable } from '../pools/allocate';

/** The file's table, per cluster; empty without a usable file. */
export function poolTable(ctx: Pick<CheckContext, 'pools'>): PoolTable {
  const clusters = ctx.pools?.loaded?.data.spec.clusters ?? {};
  return new Map(Object.entries(clusters).map(([c, entries]) => [c, new Map(Object.entries(entries))]));
}

/** Clusters and tenants with their pools, and the issues of the file; a namespace without a pool gets '' (validation has refused it). */
export function attachPools(
  ctx: CheckContext,
  m: Pick<CityModel, 'clusters' | 'zones' | 'egress' | 'ingress' | 'tenants'>,
): { clusters: Cluster[]; tenants: Tenant[]; issues: Issue[] } {
  const wanted = wantedNamespaces(m);
  const issues: Issue[] = [];
  if (ctx.pools) {
    const files = new Map(ctx.tenants.map((t) => [t.data.metadata.name, t]));
    issues.push(...checkAddressPools(ctx.pools, m.clusters, wanted, files));
  }
  const table = poolTable(ctx);
  const poolOf = (cluster: string, ns: string): string => table.get(cluster)?.get(ns) ?? '';
  const clusters = m.clusters.map((c) => ({
    ...c,
    platformPools: Object.fromEntries(
      platformNamespaces(c.network, m.zones, { egress: m.egress.namespace, ingress: m.ingress.namespace }).map((ns) => [ns, poolOf(c.name, ns)]),
    ),
  }));
  const tenants = m.tenants.map((t): Tenant => ({
    ...t,
    pools: Object.fromEntries(t.environments.map((e) => [e, poolOf(t.cluster, namespaceName(t.name, e))])),
    replicas: t.replicas.map((r) => ({ ...r, pool: poolOf(r.cluster, namespaceName(t.name, replicatedEnvironment(t))) })),
  }));
  return { clusters, tenants, issues };
}
