/**
 * The Internet ingress of the city, from the model alone: which exposed public-service tenants each
 * extranet cluster serves, and the listening port of each exposed tenant and port on that cluster's
 * ingress gateway. One source for the stacks (the gateway's configuration), the constructs and
 * `govcloud probe` (what an Internet-side client must reach), so they cannot disagree.
 */
import { CityModel, isServing, namespaceName, replicatedEnvironment, Tenant } from './model';
import { ExposedTenant, IngressRoute, routesOf } from './ingress-routes';

export type { ExposedTenant, IngressRoute };
export { ingressListenPorts, routesOf } from './ingress-routes';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a tenant is served on a cluster: its primary cluster, or one of its serving replicas'. */
export function servedOn(t: Tenant, cluster: string): boolean {
  return t.cluster === cluster || t.replicas.some((r) => r.cluster === cluster && isServing(r));
}

/** The exposed public-service tenants an extranet cluster serves (none on the intranet), sorted by name. */
export function exposedOn(model: CityModel, cluster: string): ExposedTenant[] {
  const c = model.clusters.find((x) => x.name === cluster);
  if (!c || c.network !== 'extranet') return [];
  return model.tenants
    .filter((t) => t.zone === 'public-service' && servedOn(t, cluster) && t.exposedToInternet && t.exposedPorts.length > 0)
    .map((t) => ({ tenant: t.name, namespace: namespaceName(t.name, replicatedEnvironment(t)), ports: t.exposedPorts }))
    .sort((a, b) => byText(a.tenant, b.tenant));
}

/** The routes of the ingress gateway of one cluster (empty: it runs none). */
export function ingressRoutes(model: CityModel, cluster: string): IngressRoute[] {
  return routesOf(exposedOn(model, cluster));
}
