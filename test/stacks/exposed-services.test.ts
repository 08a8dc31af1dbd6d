/**
 * Every route of every ingress gateway of the example city has its Service: named after the tenant,
 * in the namespace the gateway forwards to, on that cluster, on the exposed port, selecting the
 * tenant's pods that serve the Internet. A gateway route without its Service leads nowhere.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { ingressRoutes } from '../../config/ingress';
import { planStacks } from '../../stacks/slices';
import { synthInMemory } from '../../stacks/in-memory';
import { ExposedService } from '../../constructs/tenant/exposed-service';
import { Testing, TerraformStack } from 'cdktf';
import { EXAMPLE_CITY } from '../helpers/env';

type Json = Record<string, unknown>;
const model: CityModel = validateEnvironment(EXAMPLE_CITY).model!;

/** `cluster namespace/name:port` of every Service that selects serving pods, the namespace resolved from its reference. */
function exposedServices(): string[] {
  const clusterOf = new Map(planStacks(model).map((s) => [s.name, s.cluster.name]));
  const out: string[] = [];
  for (const s of synthInMemory(model)) {
    const res = (s.json.resource ?? {}) as Record<string, Record<string, Json>>;
    const namespaces = res.kubernetes_namespace_v1 ?? {};
    for (const svc of Object.values(res.kubernetes_service_v1 ?? {})) {
      const meta = svc.metadata as Json[] | Json as Json;
      const spec = svc.spec as Json;
      if ((spec.selector as Json | undefined)?.['govcloud.gov.cn/serves-internet'] !== 'true') continue;
      const ref = /^\$\{kubernetes_namespace_v1\.([^.]+)\.metadata\[0\]\.name\}$/.exec(String(meta.namespace));
      const ns = ref ? String(((namespaces[ref[1]].metadata as Json).name as string) ?? '') : String(meta.namespace);
      for (const p of spec.port as Json[]) out.push(`${clusterOf.get(s.name)} ${ns}/${String(meta.name)}:${Number(p.port)}`);
    }
  }
  return out.sort();
}

describe('the Services of the exposed tenants', () => {
  it('exist for exactly the routes of the ingress gateways, on the cluster of each gateway', () => {
    const routes = model.clusters.flatMap((c) => ingressRoutes(model, c.name).map((r) => `${c.name} ${r.namespace}/${r.service}:${r.port}`)).sort();
    expect(routes.length).toBeGreaterThan(0);
    // a failover site that serves gets the route and the Service too
    expect(new Set(routes.map((r) => r.split(' ')[0])).size).toBeGreaterThan(1);
    expect(exposedServices()).toEqual(routes);
  });

  it('refuse a Service without ports, or with a port that is not a TCP port', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => new ExposedService(stack, 'a', { tenant: 'portal', namespace: 'portal-prod', ports: [] })).toThrow(/ports is empty/);
    expect(() => new ExposedService(stack, 'b', { tenant: 'portal', namespace: 'portal-prod', ports: [70000] })).toThrow(/port 70000 is not a TCP port/);
  });
});
