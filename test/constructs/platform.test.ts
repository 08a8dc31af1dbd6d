import { Release } from '@cdktf/provider-helm/lib/release';
import { CloudCenter, TENANT_ADMIN_RULES } from '../../constructs/platform/cloud-center';
import { NetworkSegment } from '../../constructs/network/network-segment';
import { IsolationZone } from '../../constructs/network/isolation-zone';
import { SecurityBaseline, SecurityBaselineProps } from '../../constructs/baseline/security-baseline';
import { DisasterRecoveryReplica, DisasterRecoveryReplicaProps } from '../../constructs/dr/disaster-recovery-replica';
import { Peer } from '../../constructs/common/peer';
import { get, synthOf } from '../helpers/synth';

const zones = [
  { name: 'public-service' as const, cidr: '10.10.0.0/16', addressPool: '10.244.0.0/27' },
  { name: 'administrative' as const, cidr: '10.20.0.0/16', addressPool: '10.244.0.32/27' },
  { name: 'exchange' as const, cidr: '10.30.0.0/16', addressPool: '10.244.0.64/27' },
];

describe('CloudCenter', () => {
  const s = synthOf(
    (scope) =>
      new CloudCenter(scope, 'c', {
        clusterName: 'ext-primary',
        siteName: 'primary',
        siteRole: 'primary',
        siteCity: '示例市',
        network: 'extranet',
        mlpsLevel: 3,
        capacity: { cpu: '512', memory: '2Ti', storage: '200Ti' },
        nodePools: [{ name: 'xc', kind: 'domestic', nodes: 8 }],
        systemPool: '10.244.0.96/27',
      }),
  );
  it('denies the system namespace everything in and out but DNS, and annotates its pool', () => {
    const policies = s.of('kubernetes_network_policy_v1');
    expect(policies.map((p) => get(p, 'metadata.name')).sort()).toEqual(['allow-platform-egress', 'default-deny']);
    const deny = policies.find((p) => get(p, 'metadata.name') === 'default-deny');
    expect(get(deny, 'spec')).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    const allow = policies.find((p) => get(p, 'metadata.name') === 'allow-platform-egress');
    expect(get(allow, 'spec.egress')).toEqual([
      {
        to: [
          { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } },
        ],
        ports: [
          { port: '53', protocol: 'TCP' },
          { port: '53', protocol: 'UDP' },
        ],
      },
    ]);
    const ns = s.of('kubernetes_namespace_v1')[0];
    expect((get(ns, 'metadata.annotations') as Record<string, string>)['govcloud.gov.cn/address-pool']).toBe('10.244.0.96/27');
  });
  it('records the site, level and capacity in cluster-info', () => {
    const cm = s.of('kubernetes_config_map_v1')[0];
    expect(get(cm, 'data')).toMatchObject({ cluster: 'ext-primary', siteRole: 'primary', mlpsLevel: '3', network: 'extranet' });
  });
  it('gives tenant admins no RBAC, no wildcard and no write on quotas or policies', () => {
    const role = s.of('kubernetes_cluster_role_v1')[0];
    expect(get(role, 'metadata.name')).toBe('govcloud-tenant-admin');
    const rules = get(role, 'rule') as { api_groups: string[]; resources: string[]; verbs: string[] }[];
    expect(rules).toHaveLength(TENANT_ADMIN_RULES.length);
    for (const r of rules) {
      expect(r.verbs).not.toContain('*');
      expect(r.resources).not.toContain('*');
      expect(r.api_groups).not.toContain('rbac.authorization.k8s.io');
      if (r.resources.includes('resourcequotas') || r.resources.includes('networkpolicies')) expect(r.verbs).toEqual(['get', 'list', 'watch']);
    }
  });
});

describe('NetworkSegment and IsolationZone', () => {
  it('creates the three extranet zones and lets only the exchange zone accept the others', () => {
    const s = synthOf((scope) => new NetworkSegment(scope, 'n', { network: 'extranet', zones }));
    expect(
      s
        .of('kubernetes_namespace_v1')
        .map((n) => get(n, 'metadata.name'))
        .sort(),
    ).toEqual(['zone-administrative', 'zone-exchange', 'zone-public-service']);
    const allowIn = (zone: string) =>
      s
        .of('kubernetes_network_policy_v1')
        .find((p) => get(p, 'metadata.name') === 'allow-zone-traffic' && String(get(p, 'metadata.namespace')).includes(`_${zone}_namespace`));
    const zonesIn = (p: unknown) =>
      (get(p, 'spec.ingress') as { from: { namespace_selector: { match_labels: Record<string, string> } }[] }[]).map(
        (r) => r.from[0].namespace_selector.match_labels['govcloud.gov.cn/zone'],
      );
    expect(zonesIn(allowIn('public-service'))).toEqual(['public-service']);
    expect(zonesIn(allowIn('administrative'))).toEqual(['administrative']);
    expect(zonesIn(allowIn('exchange'))).toEqual(['exchange', 'public-service', 'administrative']);
  });

  it('gives the extranet an egress namespace that denies everything, and a gateway only when one is asked for', () => {
    const bare = synthOf(
      (scope) =>
        new NetworkSegment(scope, 'n', {
          network: 'extranet',
          zones,
          egress: { namespace: 'internet-egress', cidr: '10.99.0.0/24', addressPool: '10.244.0.128/27' },
        }),
    );
    const egressNs = bare.of('kubernetes_namespace_v1').find((n) => get(n, 'metadata.name') === 'internet-egress');
    expect((get(egressNs, 'metadata.labels') as Record<string, string>)['govcloud.gov.cn/role']).toBe('internet-egress');
    const inEgress = (s: typeof bare, type: string) => s.of(type).filter((r) => String(get(r, 'metadata.namespace')).includes('_egress_'));
    expect(inEgress(bare, 'kubernetes_network_policy_v1').map((p) => get(p, 'metadata.name'))).toEqual(['default-deny']);
    expect(bare.of('kubernetes_deployment_v1')).toEqual([]);
    expect(bare.of('kubernetes_config_map_v1').filter((c) => get(c, 'metadata.name') === 'egress-gateway')).toEqual([]);

    const withGateway = synthOf(
      (scope) =>
        new NetworkSegment(scope, 'n', {
          network: 'extranet',
          zones,
          egress: {
            namespace: 'internet-egress',
            cidr: '10.99.0.0/24',
            addressPool: '10.244.0.128/27',
            gateway: {
              clusterName: 'ext-primary',
              image: 'registry.example-city.gov.cn/platform/squid:5.7',
              allowList: [{ tenant: 'portal', sources: ['10.10.0.0/16'], hosts: ['api.example.cn'], ports: [443] }],
            },
          },
          ingress: {
            namespace: 'internet-ingress',
            addressPool: '10.244.0.160/27',
            gateway: {
              clusterName: 'ext-primary',
              image: 'registry.example-city.gov.cn/platform/squid:5.7',
              exposed: [{ tenant: 'portal', namespace: 'portal-prod', ports: [8080] }],
            },
          },
        }),
    );
    const ingressNs = withGateway.of('kubernetes_namespace_v1').find((n) => get(n, 'metadata.name') === 'internet-ingress');
    expect(get(ingressNs, 'metadata.labels')).toMatchObject({ 'govcloud.gov.cn/role': 'internet-ingress', 'govcloud.gov.cn/zone': 'public-service' });
    // the ingress namespace is a namespace govcloud creates: it carries its pool for the CNI's IPAM
    expect(get(ingressNs, 'metadata.annotations')).toMatchObject({ 'govcloud.gov.cn/address-pool': '10.244.0.160/27' });
    expect(withGateway.of('kubernetes_deployment_v1').map((d) => get(d, 'metadata.name'))).toEqual(['egress-gateway', 'ingress-gateway']);
    expect(
      inEgress(withGateway, 'kubernetes_network_policy_v1')
        .map((p) => get(p, 'metadata.name'))
        .sort(),
    ).toEqual(['default-deny', 'egress-gateway']);
  });

  it('refuses an ingress without an egress, or in the egress namespace', () => {
    expect(() =>
      synthOf(
        (scope) => new NetworkSegment(scope, 'n', { network: 'extranet', zones, ingress: { namespace: 'internet-ingress', addressPool: '10.244.0.160/27' } }),
      ),
    ).toThrow(/ingress given without egress/);
    expect(() =>
      synthOf(
        (scope) =>
          new NetworkSegment(scope, 'n', {
            network: 'extranet',
            zones,
            egress: { namespace: 'internet-egress', cidr: '10.99.0.0/24', addressPool: '10.244.0.128/27' },
            ingress: { namespace: 'internet-egress', addressPool: '10.244.0.160/27' },
          }),
      ),
    ).toThrow(/ingress namespace "internet-egress" is the egress namespace/);
  });

  it('refuses an egress or an extranet zone on the intranet', () => {
    expect(() =>
      synthOf(
        (scope) =>
          new NetworkSegment(scope, 'n', {
            network: 'intranet',
            zones: [{ name: 'intranet', cidr: '172.16.0.0/16', addressPool: '172.16.128.0/27' }],
            egress: { namespace: 'e', cidr: '10.99.0.0/24', addressPool: '10.244.0.128/27' },
          }),
      ),
    ).toThrow(/intranet is physically isolated and has no Internet egress/);
    expect(() => synthOf((scope) => new NetworkSegment(scope, 'n', { network: 'intranet', zones }))).toThrow(
      /zone "public-service" does not belong to this network/,
    );
    expect(() =>
      synthOf(
        (scope) =>
          new IsolationZone(scope, 'z', { zone: 'administrative', cidr: '10.20.0.0/16', addressPool: '10.244.0.32/27', acceptFrom: ['public-service'] }),
      ),
    ).toThrow(/only the exchange zone may accept traffic/);
  });
});

describe('SecurityBaseline', () => {
  const props: SecurityBaselineProps = {
    clusterName: 'ext-primary',
    network: 'extranet',
    mlpsLevel: 3,
    tenantLevels: [3, 2, 3],
    registries: ['registry.example-city.gov.cn/'],
    domesticNodeLabel: { key: 'node.example-city.gov.cn/xinchuang', value: 'true' },
    namespace: 'govcloud-system',
    chart: { repository: 'charts/govcloud-baseline', version: '0.1.0' },
  };
  const s = synthOf((scope) => new SecurityBaseline(scope, 'b', props));
  it('deploys the project chart as a Helm release with the level, registries and domestic node label, at the version platform.yaml names', () => {
    expect(s.raw).toHaveResourceWithProperties(Release, { name: 'govcloud-baseline', chart: './charts/govcloud-baseline', version: '0.1.0', wait: false });
    const values = JSON.parse((s.of('helm_release')[0].values as string[])[0]) as Record<string, unknown>;
    expect(values).toEqual({
      cluster: 'ext-primary',
      network: 'extranet',
      mlpsLevel: 3,
      registries: ['registry.example-city.gov.cn/'],
      tenantLevels: ['2', '3'],
      domesticPlacement: {
        nodeLabel: { key: 'node.example-city.gov.cn/xinchuang', value: 'true' },
        namespaceLabel: { key: 'govcloud.gov.cn/placement', value: 'domestic' },
      },
    });
  });
  it('keeps no ConfigMap that only names a control: the audit settings are kube-apiserver files (config/cluster-config.ts)', () => {
    expect(s.of('kubernetes_config_map_v1')).toEqual([]);
  });
  it('refuses a domestic node label that is not a Kubernetes label', () => {
    expect(() => synthOf((scope) => new SecurityBaseline(scope, 'b', { ...props, domesticNodeLabel: { key: 'xin chuang', value: 'true' } }))).toThrow(
      'SecurityBaseline ext-primary: domesticNodeLabel "xin chuang=true" is not a Kubernetes label',
    );
    expect(() => synthOf((scope) => new SecurityBaseline(scope, 'b', { ...props, domesticNodeLabel: { key: 'pool', value: '' } }))).toThrow(
      /domesticNodeLabel "pool=" is not a Kubernetes label/,
    );
  });
});

describe('DisasterRecoveryReplica', () => {
  const props: DisasterRecoveryReplicaProps = {
    tenant: 'social-security',
    county: 'hengshan',
    department: 'hrss',
    displayName: '社保经办系统',
    approvalRef: 'XM-1',
    zone: 'administrative',
    mlpsLevel: 3,
    environment: 'prod',
    mode: 'standby',
    addressPool: '10.245.0.0/23',
    siteRole: 'same-city',
    sourceCluster: 'ext-primary',
    quota: { cpu: '24', memory: '96Gi', storage: '2Ti', pods: 300 },
    adminGroups: ['grp-hrss-ops'],
  };
  it('creates the replica namespace (the restore target) with the same name, its DR role and guard rails', () => {
    const s = synthOf((scope) => new DisasterRecoveryReplica(scope, 'dr', props));
    const ns = s.of('kubernetes_namespace_v1')[0];
    expect(get(ns, 'metadata.name')).toBe('social-security-prod');
    expect(get(ns, 'metadata.labels')).toMatchObject({
      'govcloud.gov.cn/dr-role': 'standby',
      'govcloud.gov.cn/dr-site-role': 'same-city',
      'govcloud.gov.cn/source-cluster': 'ext-primary',
    });
    expect(s.of('kubernetes_resource_quota_v1')).toHaveLength(1);
    expect(
      s
        .of('kubernetes_network_policy_v1')
        .map((p) => get(p, 'metadata.name'))
        .sort(),
    ).toEqual(['allow-same-namespace-and-dns', 'default-deny']);
  });
  it("gives an active or standby replica its tenant's flows, and refuses flows for a backup replica", () => {
    const flows = [{ peers: () => [Peer.cidr('10.244.3.0/24')], ports: [443] }];
    const s = synthOf((scope) => new DisasterRecoveryReplica(scope, 'dr', { ...props, egress: flows, ingress: flows }));
    const allow = s.of('kubernetes_network_policy_v1').find((p) => get(p, 'metadata.name') === 'allow-declared-flows');
    expect(get(allow, 'spec.egress')).toEqual([{ to: [{ ip_block: { cidr: '10.244.3.0/24' } }], ports: [{ port: '443', protocol: 'TCP' }] }]);
    expect(get(allow, 'spec.ingress')).toEqual([{ from: [{ ip_block: { cidr: '10.244.3.0/24' } }], ports: [{ port: '443', protocol: 'TCP' }] }]);
    expect(() => synthOf((scope) => new DisasterRecoveryReplica(scope, 'dr', { ...props, mode: 'backup', egress: flows }))).toThrow(
      /mode backup with 1 flows; a backup replica only holds restored data/,
    );
  });
  it('runs no copy job of its own: the backups are Velero Schedules on the primary cluster', () => {
    const s = synthOf((scope) => new DisasterRecoveryReplica(scope, 'dr', props));
    expect(s.of('kubernetes_cron_job_v1')).toEqual([]);
    expect(s.of('kubernetes_manifest')).toEqual([]);
  });
});
