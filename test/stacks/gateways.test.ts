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
import { within } from '../../config/cidr';

type Json = Record<string, unknown>;
const model: CityModel = validateEnvironment(EXAMPLE_CITY).model!;
const platforms = planStacks(model).filter((s): s is PlatformSlice => s.kind === 'platform');
const platform = (cluster: string) => platforms.find((p) => p.cluster.name === cluster)!;

describe('the gateways in the stack plan', () => {
  it("gives each cluster that serves a tenant with Internet flows that tenant's entries, from the pools of its namespaces there", () => {
    const entries = (cluster: string) =>
      platform(cluster)
        .egress?.allowList.map((a) => [a.tenant, a.sources, a.hosts, a.ports])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const tenant = (name: string) => model.tenants.find((t) => t.name === name)!;
    const onPrimary = (name: string) => tenant(name).environments.map((e) => tenant(name).pools[e]);
    const onReplica = (name: string, cluster: string) =>
      tenant(name)
        .replicas.filter((r) => r.cluster === cluster)
        .map((r) => r.pool);
    expect(entries('ext-primary')).toEqual([
      ['gov-service-center', onPrimary('gov-service-center'), ['api.example.cn'], [443]],
      ['hotline-12345', onPrimary('hotline-12345'), ['sms.example.cn'], [443]],
    ]);
    // both are hot-standby on the same-city cluster: a failover keeps their Internet flows, from the replica's pool there
    expect(entries('ext-samecity')).toEqual([
      ['gov-service-center', onReplica('gov-service-center', 'ext-samecity'), ['api.example.cn'], [443]],
      ['hotline-12345', onReplica('hotline-12345', 'ext-samecity'), ['sms.example.cn'], [443]],
    ]);
    // every source is a pool of the cluster's pod range, never a zone's range that every tenant of the zone shares
    for (const cluster of ['ext-primary', 'ext-samecity']) {
      const podCidr = platform(cluster).cluster.podCidr;
      for (const a of platform(cluster).egress!.allowList) {
        expect(a.sources.length).toBeGreaterThan(0);
        for (const src of a.sources) expect(within(src, podCidr)).toBe(true);
      }
    }
    // the remote cluster holds backup replicas only, which do not serve
    expect(entries('ext-remote')).toEqual([]);
    expect(platform('int-primary').egress).toBeUndefined();
  });

  it("keeps every cluster's pod range out of reach of the egress gateway", () => {
    const podCidrs = model.clusters.map((c) => c.podCidr);
    expect([...platform('ext-primary').podCidrs].sort()).toEqual([...new Set(podCidrs)].sort());
    const stacks = synthInMemory(model);
    const gateway = Object.values(
      ((stacks.find((s) => s.name === 'platform-ext-primary')!.json.resource as Json).kubernetes_network_policy_v1 ?? {}) as Record<string, Json>,
    ).find((p) => (p.metadata as Json).name === 'egress-gateway')!;
    const except = ((((gateway.spec as Json).egress as Json[])[0].to as Json[])[0].ip_block as Json).except as string[];
    for (const c of podCidrs) expect(except.some((x) => within(c, x))).toBe(true);
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
    // beside its tenant's flows to and from other tenants (NET-012), which its policy holds too
    expect(peersOf(replica, 'egress')).toContainEqual([{ match_labels: egressPods }, [{ port: '3128', protocol: 'TCP' }]]);
    expect(peersOf(replica, 'ingress')).toContainEqual([{ match_labels: ingressPods }, [{ port: '8080', protocol: 'TCP' }]]);
    const gateways = (d: 'ingress' | 'egress') => peersOf(replica, d).filter(([pods]) => JSON.stringify(pods ?? {}).includes('-gateway'));
    expect([gateways('egress').length, gateways('ingress').length]).toEqual([1, 1]);
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
