import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { TenantEnvironment, TenantEnvironmentProps } from '../../constructs/tenant/tenant-environment';
import { Peer } from '../../constructs/common/peer';
import { get, synthOf } from '../helpers/synth';

const base: TenantEnvironmentProps = {
  tenant: 'civil-affairs-relief',
  county: 'hengshan',
  department: 'civil-affairs',
  displayName: '民政局社会救助系统',
  approvalRef: 'XM-2026-0142',
  zone: 'administrative',
  mlpsLevel: 3,
  environments: ['prod', 'test'],
  pools: { prod: '10.244.0.0/24', test: '10.244.1.0/24' },
  quota: { cpu: '16', memory: '64Gi', storage: '500Gi', pods: 200 },
  adminGroups: ['grp-civil-affairs-ops'],
};

describe('TenantEnvironment', () => {
  it('creates one labelled namespace per environment', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    expect(s.raw).toHaveResourceWithProperties(NamespaceV1, {
      metadata: expect.objectContaining({ name: 'civil-affairs-relief-prod' }),
    });
    const namespaces = s.of('kubernetes_namespace_v1');
    expect(namespaces.map((n) => get(n, 'metadata.name'))).toEqual(['civil-affairs-relief-prod', 'civil-affairs-relief-test']);
    const labels = get(namespaces[0], 'metadata.labels') as Record<string, string>;
    expect(labels).toMatchObject({
      'govcloud.gov.cn/county': 'hengshan',
      'govcloud.gov.cn/department': 'civil-affairs',
      'govcloud.gov.cn/zone': 'administrative',
      'govcloud.gov.cn/mlps-level': '3',
      'govcloud.gov.cn/environment': 'prod',
      'govcloud.gov.cn/network': 'extranet',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    expect(get(namespaces[0], 'metadata.annotations')).toMatchObject({ 'govcloud.gov.cn/approval-ref': 'XM-2026-0142' });
  });

  it('enforces Pod Security by level: baseline at level 2 (restricted warned), restricted at 3 and 4', () => {
    for (const [level, enforce, warn] of [
      [1, 'baseline', 'baseline'],
      [2, 'baseline', 'restricted'],
      [3, 'restricted', 'restricted'],
      [4, 'restricted', 'restricted'],
    ] as const) {
      const s = synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, mlpsLevel: level, environments: ['prod'] }));
      const labels = get(s.of('kubernetes_namespace_v1')[0], 'metadata.labels') as Record<string, string>;
      expect([labels['pod-security.kubernetes.io/enforce'], labels['pod-security.kubernetes.io/warn']]).toEqual([enforce, warn]);
    }
  });

  it('sets the quota per namespace and forbids NodePort and LoadBalancer services', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    const quotas = s.of('kubernetes_resource_quota_v1');
    expect(quotas).toHaveLength(2);
    expect(get(quotas[0], 'spec.hard')).toEqual({
      'requests.cpu': '16',
      'limits.cpu': '16',
      'requests.memory': '64Gi',
      'limits.memory': '64Gi',
      'requests.storage': '500Gi',
      pods: '200',
      'services.nodeports': '0',
      'services.loadbalancers': '0',
    });
    const limits = s.of('kubernetes_limit_range_v1');
    expect(get(limits[0], 'spec.limit')).toEqual([
      expect.objectContaining({ type: 'Container', max: { cpu: '16', memory: '64Gi' }, default: { cpu: '500m', memory: '512Mi' } }),
    ]);
  });

  it('binds each admin group to the least-privilege tenant role in each namespace, never cluster-admin', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, adminGroups: ['grp-a', 'grp-b'] }));
    const bindings = s.of('kubernetes_role_binding_v1');
    expect(bindings).toHaveLength(4);
    for (const b of bindings) {
      expect(get(b, 'role_ref')).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'govcloud-tenant-admin' });
      expect(get(b, 'subject')).toEqual([expect.objectContaining({ kind: 'Group' })]);
    }
    expect(s.raw).not.toContain('cluster-admin');
  });

  it('turns off the default service-account token', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    const sas = s.of('kubernetes_default_service_account_v1');
    expect(sas.map((x) => x.automount_service_account_token)).toEqual([false, false]);
  });

  it('denies everything by default and opens only the namespace itself and DNS', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, environments: ['prod'] }));
    const policies = s.of('kubernetes_network_policy_v1');
    const byName = new Map(policies.map((p) => [get(p, 'metadata.name'), p]));
    expect([...byName.keys()].sort()).toEqual(['allow-same-namespace-and-dns', 'default-deny']);
    expect(get(byName.get('default-deny'), 'spec')).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    const egress = get(byName.get('allow-same-namespace-and-dns'), 'spec.egress') as unknown[];
    // DNS goes to the DNS pods of kube-system only, UDP and TCP 53
    expect(egress).toContainEqual({
      to: [
        { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } },
      ],
      ports: [
        { port: '53', protocol: 'TCP' },
        { port: '53', protocol: 'UDP' },
      ],
    });
    expect(JSON.stringify(egress)).not.toContain('0.0.0.0/0');
  });

  it('opens declared flows like environment to like environment, in and out', () => {
    const s = synthOf(
      (scope) =>
        new TenantEnvironment(scope, 't', {
          ...base,
          egress: [{ peers: (env) => [Peer.tenant('social-security', env)], ports: [443] }],
          ingress: [{ peers: (env) => [Peer.tenant('front-desk', env)], ports: [8443] }],
        }),
    );
    const flows = s.of('kubernetes_network_policy_v1').filter((p) => get(p, 'metadata.name') === 'allow-declared-flows');
    expect(flows).toHaveLength(2);
    const test = flows[1];
    expect(get(test, 'spec.egress')).toEqual([
      {
        to: [{ namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': 'social-security', 'govcloud.gov.cn/environment': 'test' } } }],
        ports: [{ port: '443', protocol: 'TCP' }],
      },
    ]);
    expect(get(test, 'spec.ingress')).toEqual([
      {
        from: [{ namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': 'front-desk', 'govcloud.gov.cn/environment': 'test' } } }],
        ports: [{ port: '8443', protocol: 'TCP' }],
      },
    ]);
  });

  it('labels the namespaces of domestic tenants for the 信创 placement policy and records Internet hosts for the egress allow-list', () => {
    const s = synthOf(
      (scope) => new TenantEnvironment(scope, 't', { ...base, zone: 'public-service', domestic: true, internetHosts: ['b.example.cn', 'a.example.cn'] }),
    );
    for (const ns of s.of('kubernetes_namespace_v1')) expect(get(ns, 'metadata.labels')).toMatchObject({ 'govcloud.gov.cn/placement': 'domestic' });
    expect(get(s.of('kubernetes_namespace_v1')[0], 'metadata.annotations')).toEqual({
      'govcloud.gov.cn/display-name': expect.any(String),
      'govcloud.gov.cn/approval-ref': expect.any(String),
      'govcloud.gov.cn/egress-hosts': 'a.example.cn,b.example.cn',
      'govcloud.gov.cn/address-pool': '10.244.0.0/24',
    });
    const general = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    for (const ns of general.of('kubernetes_namespace_v1')) expect(get(ns, 'metadata.labels')).not.toHaveProperty(['govcloud.gov.cn/placement']);
  });

  it('protects the namespaces from destroy only when asked (level 2+ until decommission)', () => {
    const on = synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, protect: true }));
    expect(on.of('kubernetes_namespace_v1').map((n) => n.lifecycle)).toEqual([{ prevent_destroy: true }, { prevent_destroy: true }]);
    const off = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    expect(off.of('kubernetes_namespace_v1').map((n) => n.lifecycle)).toEqual([undefined, undefined]);
  });

  it('refuses misuse with the value and what is allowed', () => {
    expect(() => synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, environments: [] }))).toThrow(
      'TenantEnvironment civil-affairs-relief: environments is empty; give at least one (allowed: prod, staging, test, dev)',
    );
    expect(() => synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, adminGroups: [] }))).toThrow(/adminGroups is empty/);
    expect(() => synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, zone: 'intranet', internetHosts: ['x.example.cn'] }))).toThrow(
      /intranet is physically isolated/,
    );
    expect(() => Peer.cidr('0.0.0.0/0')).toThrow(/unified egress/);
    expect(() => Peer.cidr('10.0.0.0')).toThrow('Peer.cidr: "10.0.0.0" is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.20.0.0/16)');
    // the right shape with numbers out of range once slipped through
    expect(() => Peer.cidr('999.0.0.0/99')).toThrow(
      'Peer.cidr: "999.0.0.0/99" is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.20.0.0/16): a, b, c and d from 0 to 255, n from 0 to 32',
    );
    expect(() => Peer.cidr('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33" is not an IPv4 CIDR/);
    expect(Peer.cidr('10.20.0.0/16').spec).toEqual({ ipBlock: { cidr: '10.20.0.0/16' } });
  });

  it('annotates each namespace with its address pool, the contract with the IPAM', () => {
    const s = synthOf((scope) => new TenantEnvironment(scope, 't', base));
    const namespaces = s.of('kubernetes_namespace_v1');
    expect(namespaces.map((n) => (get(n, 'metadata.annotations') as Record<string, string>)['govcloud.gov.cn/address-pool'])).toEqual([
      '10.244.0.0/24',
      '10.244.1.0/24',
    ]);
  });

  it('refuses an environment without a pool, and a pool that is not a CIDR', () => {
    expect(() => synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, pools: { prod: '10.244.0.0/24' } }))).toThrow(
      /no address pool for environment test/,
    );
    expect(() => synthOf((scope) => new TenantEnvironment(scope, 't', { ...base, pools: { prod: '10.244.0.0/24', test: '10.244.1.5/24' } }))).toThrow(
      /addressPool "10.244.1.5\/24" is not an IPv4 CIDR at its network address/,
    );
  });

  it('names a peer on another cluster by its pool, one rule per peer', () => {
    const s = synthOf(
      (scope) =>
        new TenantEnvironment(scope, 't', {
          ...base,
          environments: ['prod'],
          egress: [{ peers: (env) => [Peer.tenant('social-security', env), Peer.cidr('10.245.0.0/26')], ports: [443] }],
        }),
    );
    const flows = s.of('kubernetes_network_policy_v1').filter((p) => get(p, 'metadata.name') === 'allow-declared-flows');
    expect(get(flows[0], 'spec.egress')).toEqual([
      {
        to: [{ namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': 'social-security', 'govcloud.gov.cn/environment': 'prod' } } }],
        ports: [{ port: '443', protocol: 'TCP' }],
      },
      { to: [{ ip_block: { cidr: '10.245.0.0/26' } }], ports: [{ port: '443', protocol: 'TCP' }] },
    ]);
  });
});
