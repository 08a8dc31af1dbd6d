/**
 * The gateways as the stacks lay them out over the example city: the egress allow-list on every
 * cluster that serves a tenant with Internet flows (its primary, and the clusters of its active-active
 * and hot-standby replicas, never a backup-only one), each entry with the tenant's source ranges; the
 * ingress gateway where an exposed tenant is served; and the tenants' namespaces opened to them.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { PlatformSlice, planStacks } from '../../stacks/slices';
import { synthInMemory } from '../../stacks/in-memory';
import { isolationMarkers } from '../../stacks/isolation';
import { EXAMPLE_CITY } from '../helpers/env';

type Json = Record<string, unknown>;
const model: CityModel = validateEnvironment(EXAMPLE_CITY).model!;
const platforms = planStacks(model).filter((s): s is PlatformSlice => s.kind === 'platform');
const platform = (cluster: string) => platforms.find((p) => p.cluster.name === cluster)!;

describe('the gateways in the stack plan', () => {
  it("gives each cluster that serves a tenant with Internet flows that tenant's entries, with its zone's range as its sources until address pools come", () => {
    const entries = (cluster: string) =>
      platform(cluster)
        .egress?.allowList.map((a) => [a.tenant, a.sources, a.hosts, a.ports])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const both = [
      ['gov-service-center', ['10.10.0.0/16'], ['api.example.cn'], [443]],
      ['hotline-12345', ['10.10.0.0/16'], ['sms.example.cn'], [443]],
    ];
    expect(entries('ext-primary')).toEqual(both);
    // both are hot-standby on the same-city cluster: a failover keeps their Internet flows
    expect(entries('ext-samecity')).toEqual(both);
    // the remote cluster holds backup replicas only, which do not serve
    expect(entries('ext-remote')).toEqual([]);
    expect(platform('int-primary').egress).toBeUndefined();
  });

  it('serves each exposed tenant from its prod namespace where it is served, and nowhere else', () => {
    const exposed = (cluster: string) =>
      platform(cluster)
        .ingress?.exposed.map((e) => `${e.tenant} ${e.namespace} ${e.ports.join(',')}`)
        .sort();
    expect(exposed('ext-primary')).toEqual(expect.arrayContaining(['school-enrollment school-enrollment-prod 8080', 'hotline-12345 hotline-12345-prod 8080']));
    expect(exposed('ext-samecity')).toEqual([
      'gov-service-center gov-service-center-prod 8080',
      'hotline-12345 hotline-12345-prod 8080',
      'online-service-hall online-service-hall-prod 8080',
    ]);
    expect(exposed('ext-remote')).toEqual([]);
    expect(platform('int-primary').ingress).toBeUndefined();
  });
});

describe('the tenant side of the gateways', () => {
  const stacks = synthInMemory(model);
  const policies = (stack: string): Json[] =>
    Object.values(((stacks.find((s) => s.name === stack)!.json.resource as Json).kubernetes_network_policy_v1 ?? {}) as Record<string, Json>);
  const flows = (stack: string, ns: string) =>
    policies(stack).find((p) => JSON.stringify(p.metadata).includes(`${ns}`) && (p.metadata as Json).name === 'allow-declared-flows');
  const ingressPods = { 'app.kubernetes.io/name': 'ingress-gateway' };
  const egressPods = { 'app.kubernetes.io/name': 'egress-gateway' };
  const stackOf = (tenant: string, cluster: string) => {
    const t = model.tenants.find((x) => x.name === tenant)!;
    return `dept-${t.county}-${t.department}-${cluster}`;
  };
  const peersOf = (policy: Json | undefined, direction: 'ingress' | 'egress') =>
    (((policy?.spec as Json | undefined)?.[direction] ?? []) as Json[]).flatMap((r) =>
      (r[direction === 'ingress' ? 'from' : 'to'] as Json[]).map((p) => [p.pod_selector, r.ports]),
    );

  it('admits the ingress gateway pods into the served (prod) namespace of an exposed tenant only, on its exposed ports', () => {
    const prod = peersOf(flows(stackOf('hotline-12345', 'ext-primary'), 'hotline-12345_prod'), 'ingress');
    expect(prod).toContainEqual([{ match_labels: ingressPods }, [{ port: '8080', protocol: 'TCP' }]]);
    const test = peersOf(flows(stackOf('hotline-12345', 'ext-primary'), 'hotline-12345_test'), 'ingress');
    expect(test.some(([pods]) => JSON.stringify(pods).includes('ingress-gateway'))).toBe(false);
    // the egress namespace is no longer admitted: it sends nothing
    expect(JSON.stringify(policies(stackOf('hotline-12345', 'ext-primary')))).not.toContain('"internet-egress"}},"ports":[{"port":"443"');
  });

  it('opens a hot-standby replica to both gateways, and a backup-only replica to neither', () => {
    const replica = flows(stackOf('hotline-12345', 'ext-samecity'), 'hotline-12345');
    expect(peersOf(replica, 'egress')).toEqual([[{ match_labels: egressPods }, [{ port: '3128', protocol: 'TCP' }]]]);
    expect(peersOf(replica, 'ingress')).toEqual([[{ match_labels: ingressPods }, [{ port: '8080', protocol: 'TCP' }]]]);
    expect(flows(stackOf('hotline-12345', 'ext-remote'), 'hotline-12345')).toBeUndefined();
  });
});

describe('the ingress in the physical-isolation scan', () => {
  it('marks the ingress namespace and range as the extranet, so the intranet output may not name them', () => {
    const extranet = isolationMarkers(model, planStacks(model)).extranet;
    expect(extranet).toContainEqual(expect.objectContaining({ value: 'internet-ingress', what: 'namespace' }));
    expect(extranet).toContainEqual({ value: '10.99.1.0/24', what: 'cidr', match: 'range' });
  });
});
