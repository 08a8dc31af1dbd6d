import { RuleCase, platformOf, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

const TCP = (port: string) => ({ port, protocol: 'TCP' });

/** A hand-added NetworkPolicy in a namespace, with the given ingress and egress rules. */
function policy(namespace: string, rules: { ingress?: Json[]; egress?: Json[] }): Json {
  const types = [...(rules.ingress ? ['Ingress'] : []), ...(rules.egress ? ['Egress'] : [])];
  return {
    resource: {
      kubernetes_network_policy_v1: { hand: { metadata: { name: 'hand-added', namespace }, spec: { pod_selector: {}, policy_types: types, ...rules } } },
    },
  };
}

const nsLabel = (name: string) => ({ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': name } } });
const gatewayPods = { match_labels: { 'app.kubernetes.io/name': 'egress-gateway' } };

/** Rewrites the Envoy configuration of the gateway on a tenant's cluster. */
function editGateway(tenant: string, change: (envoy: Json) => void) {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    for (const cm of Object.values(resourcesOf(stacks, platformOf(tenant), 'kubernetes_config_map_v1'))) {
      const data = cm.data as Record<string, string> | undefined;
      if (!data?.['envoy.json']) continue;
      const envoy = JSON.parse(data['envoy.json']) as Json;
      change(envoy);
      data['envoy.json'] = JSON.stringify(envoy);
    }
  };
}

/** The virtual hosts of the proxy listener of an Envoy configuration. */
const virtualHosts = (envoy: Json): Json[] =>
  (((envoy.static_resources as Json).listeners as Json[])[0].filter_chains as Json[]).flatMap((c) =>
    (c.filters as Json[]).flatMap((f) => ((f.typed_config as Json).route_config as Json).virtual_hosts as Json[]),
  );

const tenantPeer = (tenant: string, env: string) => ({
  namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': tenant, 'govcloud.gov.cn/environment': env } },
});

/** Sets (or with undefined, removes) a label on a synthesized namespace. */
function relabel(stack: string, ns: string, key: string, value: string | undefined) {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    for (const body of Object.values(resourcesOf(stacks, stack, 'kubernetes_namespace_v1'))) {
      const meta = body.metadata as { name: string; labels: Record<string, string> };
      if (meta.name !== ns) continue;
      if (value === undefined) delete meta.labels[key];
      else meta.labels[key] = value;
    }
  };
}

export const CASES: RuleCase[] = [
  { name: 'passes with the default-deny policy TenantEnvironment creates', rule: 'MLPS-NET-001', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails when a namespace loses its default-deny policy',
    rule: 'MLPS-NET-001',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      const policies = resourcesOf(stacks, stackOf('relief'), 'kubernetes_network_policy_v1');
      for (const [k, v] of Object.entries(policies))
        if ((v.metadata as { name: string }).name === 'default-deny' && k.startsWith('relief_prod')) delete policies[k];
    },
  },

  {
    name: 'passes for the synthesized policies of a public-service tenant with flows and a DR replica',
    rule: 'MLPS-NET-002',
    tenant: 'portal',
    expect: 'pass',
  },
  {
    name: 'passes for a hand-added peer with a pod selector only (the own namespace)',
    rule: 'MLPS-NET-002',
    tenant: 'relief',
    expect: 'pass',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [{ pod_selector: { match_labels: { app: 'web' } } }], ports: [TCP('8080')] }] }) },
  },
  {
    name: 'fails for an empty namespace selector',
    rule: 'MLPS-NET-002',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [{ namespace_selector: {} }], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for an empty namespace selector narrowed only by pod labels',
    rule: 'MLPS-NET-002',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: policy('relief-prod', {
        egress: [{ to: [{ namespace_selector: {}, pod_selector: { match_labels: { app: 'db' } } }], ports: [TCP('5432')] }],
      }),
    },
  },
  {
    name: 'fails for an egress to ip_block 0.0.0.0/0',
    rule: 'MLPS-NET-002',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { egress: [{ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for an ingress rule without from (every source)',
    rule: 'MLPS-NET-002',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ ports: [TCP('443')] }] }) },
  },

  { name: 'passes with the labels TenantNamespace sets', rule: 'MLPS-NET-003', tenant: 'portal', expect: 'pass' },
  { name: 'passes for the intranet tenant labelled zone and network intranet', rule: 'MLPS-NET-003', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails when a namespace is labelled with another zone',
    rule: 'MLPS-NET-003',
    tenant: 'relief',
    expect: 'fail',
    edit: relabel(stackOf('relief'), 'relief-test', 'govcloud.gov.cn/zone', 'public-service'),
  },
  {
    name: 'fails when the network label is missing',
    rule: 'MLPS-NET-003',
    tenant: 'relief',
    expect: 'fail',
    edit: relabel(stackOf('relief'), 'relief-prod', 'govcloud.gov.cn/network', undefined),
  },

  { name: 'passes for the exchange tenant between public-service and administrative tenants', rule: 'MLPS-NET-004', tenant: 'exchange-hub', expect: 'pass' },
  { name: 'passes for an administrative tenant reached from the exchange', rule: 'MLPS-NET-004', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails for a flow from public-service straight to an administrative tenant',
    rule: 'MLPS-NET-004',
    tenant: 'portal',
    expect: 'fail',
    model: (m) =>
      withTenant(m, 'portal', (t) => ({ flows: [...t.flows, { kind: 'tenant', tenant: 'relief', county: 'north', zone: 'administrative', ports: [443] }] })),
  },
  {
    name: 'fails for an egress to the address range of the public-service zone from an administrative tenant',
    rule: 'MLPS-NET-004',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { egress: [{ to: [{ ip_block: { cidr: '10.10.0.0/16' } }], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for an ingress from the public-service zone selector',
    rule: 'MLPS-NET-004',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: policy('relief-prod', {
        ingress: [{ from: [{ namespace_selector: { match_labels: { 'govcloud.gov.cn/zone': 'public-service' } } }], ports: [TCP('443')] }],
      }),
    },
  },

  {
    name: 'passes for a public-service tenant with a declared internet flow and backup egress',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'pass',
    detail: /egress-gateway \(ext-main\/internet-egress\) forwards the declared api\.example\.cn:443/,
  },
  {
    name: 'fails when no gateway Deployment runs on the tenant cluster',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    detail: /has no Deployment: no proxy carries the flows/,
    edit: (stacks) => {
      const deployments = resourcesOf(stacks, platformOf('portal'), 'kubernetes_deployment_v1');
      for (const k of Object.keys(deployments)) delete deployments[k];
    },
  },
  {
    name: 'fails when the gateway allow-list lacks a declared host:port',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    detail: /lacks the declared api\.example\.cn:443/,
    edit: editGateway('portal', (envoy) => {
      const hcm = ((((envoy.static_resources as Json).listeners as Json[])[0].filter_chains as Json[])[0].filters as Json[])[0].typed_config as Json;
      const rc = hcm.route_config as Json;
      rc.virtual_hosts = (rc.virtual_hosts as Json[]).filter((v) => !(v.domains as string[]).includes('api.example.cn:443'));
    }),
  },
  {
    name: 'fails when the gateway forwards any destination',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    detail: /forwards \*: more than the declared host:port pairs/,
    edit: editGateway('portal', (envoy) => {
      const open = virtualHosts(envoy).find((v) => (v.domains as string[]).includes('*'));
      if (open) open.routes = [{ match: { connect_matcher: {} }, route: { cluster: 'internet' } }];
    }),
  },
  {
    name: 'fails for an egress to every pod of the egress namespace',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    detail: /selects every pod of the egress namespace, not the gateway pods/,
    add: { [stackOf('portal')]: policy('portal-prod', { egress: [{ to: [nsLabel('internet-egress')], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for an egress to the gateway pods on a port other than the proxy port',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    detail: /opens 443 instead of the proxy port 3128 only/,
    add: {
      [stackOf('portal')]: policy('portal-prod', { egress: [{ to: [{ ...nsLabel('internet-egress'), pod_selector: gatewayPods }], ports: [TCP('443')] }] }),
    },
  },
  { name: 'passes for an administrative tenant without Internet path', rule: 'MLPS-NET-005', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails for an internet flow of an administrative tenant',
    rule: 'MLPS-NET-005',
    tenant: 'relief',
    expect: 'fail',
    detail: /reaches the Internet egress from zone administrative; only public-service tenants may/,
    model: (m) => withTenant(m, 'relief', (t) => ({ flows: [...t.flows, { kind: 'internet', hosts: ['api.example.cn'], ports: [443] }] })),
  },
  {
    name: 'fails for an ip_block outside the platform ranges (around the egress)',
    rule: 'MLPS-NET-005',
    tenant: 'portal',
    expect: 'fail',
    add: { [stackOf('portal')]: policy('portal-prod', { egress: [{ to: [{ ip_block: { cidr: '203.0.113.0/24' } }], ports: [TCP('443')] }] }) },
  },

  { name: 'passes with the ResourceQuota TenantNamespace creates', rule: 'MLPS-NET-006', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails for a NodePort service',
    rule: 'MLPS-NET-006',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: {
        resource: { kubernetes_service_v1: { np: { metadata: { name: 'web', namespace: 'relief-prod' }, spec: { type: 'NodePort', port: [{ port: 443 }] } } } },
      },
    },
  },
  {
    name: 'fails for a LoadBalancer service of a public-service tenant',
    rule: 'MLPS-NET-006',
    tenant: 'portal',
    expect: 'fail',
    add: {
      [stackOf('portal')]: {
        resource: {
          kubernetes_service_v1: { lb: { metadata: { name: 'web', namespace: 'portal-prod' }, spec: { type: 'LoadBalancer', port: [{ port: 443 }] } } },
        },
      },
    },
  },
  {
    name: 'fails when the quota no longer holds services.loadbalancers at 0',
    rule: 'MLPS-NET-006',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      for (const [k, v] of Object.entries(resourcesOf(stacks, stackOf('relief'), 'kubernetes_resource_quota_v1'))) {
        if (k.startsWith('relief_test')) delete (v.spec as { hard: Record<string, string> }).hard['services.loadbalancers'];
      }
    },
  },

  { name: 'passes for the classified intranet tenant', rule: 'MLPS-NET-007', tenant: 'case-files', expect: 'pass' },
  {
    name: 'passes for an intranet egress to a backup-storage range',
    rule: 'MLPS-NET-007',
    tenant: 'case-files',
    expect: 'pass',
    add: { [stackOf('case-files')]: policy('case-files-prod', { egress: [{ to: [{ ip_block: { cidr: '10.90.0.0/24' } }], ports: [TCP('443')] }] }) },
  },
  { name: 'is not applicable to an extranet tenant', rule: 'MLPS-NET-007', tenant: 'relief', expect: 'not-applicable' },
  {
    name: 'fails for an intranet egress to an extranet zone range',
    rule: 'MLPS-NET-007',
    tenant: 'case-files',
    expect: 'fail',
    add: { [stackOf('case-files')]: policy('case-files-prod', { egress: [{ to: [{ ip_block: { cidr: '10.30.0.0/16' } }], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for an intranet egress to the Internet egress namespace',
    rule: 'MLPS-NET-007',
    tenant: 'case-files',
    expect: 'fail',
    add: { [stackOf('case-files')]: policy('case-files-prod', { egress: [{ to: [nsLabel('internet-egress')], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for a namespace of the intranet tenant on an extranet cluster',
    rule: 'MLPS-NET-007',
    tenant: 'case-files',
    expect: 'fail',
    add: {
      [stackOf('exchange-hub')]: {
        resource: { kubernetes_namespace_v1: { leak: { metadata: { name: 'case-files-prod', labels: { 'govcloud.gov.cn/tenant': 'case-files' } } } } },
      },
    },
  },

  { name: 'passes for declared flows with ports', rule: 'MLPS-NET-008', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails for declared flows without ports',
    rule: 'MLPS-NET-008',
    tenant: 'exchange-hub',
    expect: 'fail',
    model: (m) => withTenant(m, 'exchange-hub', (t) => ({ flows: t.flows.map((f) => ({ ...f, ports: [] })) })),
  },
  {
    name: 'fails for a hand-added egress to another namespace with a port entry but no port',
    rule: 'MLPS-NET-008',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { egress: [{ to: [tenantPeer('exchange-hub', 'prod')], ports: [{ protocol: 'TCP' }] }] }) },
  },

  { name: 'passes for ingress from the exchange tenant that declared the flow', rule: 'MLPS-NET-009', tenant: 'relief', expect: 'pass' },
  { name: 'passes for the intranet tenant without inbound flows', rule: 'MLPS-NET-009', tenant: 'case-files', expect: 'pass' },
  {
    name: 'passes for ingress by zone range from a declared tenant on another cluster',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'pass',
    model: (m) => withTenant(m, 'relief', () => ({ cluster: 'ext-twin' })),
  },
  {
    name: 'fails for ingress by the range of a zone none of whose tenants declared a flow',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ cluster: 'ext-twin' })),
    add: { [stackOf('relief', 'ext-twin')]: policy('relief-prod', { ingress: [{ from: [{ ip_block: { cidr: '10.10.0.0/16' } }], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for ingress from a tenant that declared no flow',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [tenantPeer('portal', 'prod')], ports: [TCP('443')] }] }) },
  },
  {
    name: 'fails for ingress from a declared tenant on an undeclared port',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [tenantPeer('exchange-hub', 'prod')], ports: [TCP('22')] }] }) },
  },
  {
    name: 'fails for ingress from the test environment of a declared tenant into prod',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [tenantPeer('exchange-hub', 'test')], ports: [TCP('8443')] }] }) },
  },
  {
    name: 'fails for ingress from another tenant namespace by name',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [nsLabel('portal-prod')], ports: [TCP('443')] }] }) },
  },

  // the declared flows are indexed once per tenant (ports by declaring tenant, by zone and cluster): the same verdicts
  {
    name: 'passes for a rule within the ports a tenant declared over several flows',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'pass',
    model: (m) => withTenant(m, 'relief', (t) => ({ inbound: [...t.inbound, { ...t.inbound[0], ports: [443] }] })),
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [tenantPeer('exchange-hub', 'prod')], ports: [TCP('443'), TCP('8443')] }] }) },
  },
  {
    name: 'fails for a rule with one port beyond every flow the tenant declared',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', (t) => ({ inbound: [...t.inbound, { ...t.inbound[0], ports: [443] }] })),
    add: {
      [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [tenantPeer('exchange-hub', 'prod')], ports: [TCP('443'), TCP('8443'), TCP('22')] }] }),
    },
  },
  {
    name: 'fails for ingress by zone range on a port no tenant of that zone on another cluster declared',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ cluster: 'ext-twin' })),
    add: { [stackOf('relief', 'ext-twin')]: policy('relief-prod', { ingress: [{ from: [{ ip_block: { cidr: '10.30.0.0/16' } }], ports: [TCP('22')] }] }) },
  },
  {
    name: 'fails for ingress by zone range when the tenant that declared the flow is on the same cluster',
    rule: 'MLPS-NET-009',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [{ ip_block: { cidr: '10.30.0.0/16' } }], ports: [TCP('8443')] }] }) },
  },

  { name: 'passes for the exposed public-service tenant', rule: 'MLPS-NET-010', tenant: 'portal', expect: 'pass' },
  { name: 'passes for a tenant that is not exposed', rule: 'MLPS-NET-010', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails when an administrative tenant is exposed to the Internet',
    rule: 'MLPS-NET-010',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ exposedToInternet: true })),
  },
  {
    name: 'fails for ingress from the gateway into a public-service tenant that does not declare exposure',
    rule: 'MLPS-NET-010',
    tenant: 'portal',
    expect: 'fail',
    model: (m) => withTenant(m, 'portal', () => ({ exposedToInternet: false })),
    add: { [stackOf('portal')]: policy('portal-test', { ingress: [{ from: [nsLabel('internet-egress')], ports: [TCP('443')] }] }) },
  },

  // MLPS-NET-011: a peer on another cluster is named by exactly its namespace's pool there
  {
    name: "passes for the pools synthesized for a hot-standby tenant's replica and its peers",
    rule: 'MLPS-NET-011',
    tenant: 'exchange-hub',
    expect: 'pass',
    detail: /ip_block 10\.245\.\d+\.\d+\/\d+ is the pool of ext-twin\/exchange-hub-prod|is the pool of ext-main\/relief-prod/,
  },
  {
    name: "fails for a peer on another cluster named by its zone's range (matches no pod, admits the whole zone)",
    rule: 'MLPS-NET-011',
    tenant: 'relief',
    expect: 'fail',
    detail: /ip_block 10\.30\.0\.0\/16 is the range of zone exchange/,
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [{ ip_block: { cidr: '10.30.0.0/16' } }], ports: [TCP('8443')] }] }) },
  },
  {
    name: 'fails for a block wider than a pool',
    rule: 'MLPS-NET-011',
    tenant: 'relief',
    expect: 'fail',
    detail: /not the pool of any namespace/,
    add: { [stackOf('relief')]: policy('relief-prod', { ingress: [{ from: [{ ip_block: { cidr: '10.245.0.0/16' } }], ports: [TCP('8443')] }] }) },
  },

  // MLPS-NET-012: an active or standby replica has its tenant's flows
  { name: "passes for the hot-standby replica, which has the tenant's flows in and out", rule: 'MLPS-NET-012', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when the standby replica has only default-deny and same-namespace/DNS (every flow blocked at the DR site)',
    rule: 'MLPS-NET-012',
    tenant: 'exchange-hub',
    expect: 'fail',
    detail: /replica ext-twin\/exchange-hub-prod \(standby\) lacks the flow to relief on 8443/,
    edit: (stacks) => {
      const policies = resourcesOf(stacks, stackOf('exchange-hub', 'ext-twin'), 'kubernetes_network_policy_v1');
      for (const [k, v] of Object.entries(policies)) if ((v.metadata as { name: string }).name === 'allow-declared-flows') delete policies[k];
    },
  },
  { name: 'is not applicable to a tenant with a backup replica only', rule: 'MLPS-NET-012', tenant: 'portal', expect: 'not-applicable' },

  // MLPS-NET-013: platform namespaces deny by default
  { name: 'passes for the platform namespaces govcloud synthesizes', rule: 'MLPS-NET-013', tenant: '', platform: 'ext-main', expect: 'pass' },
  {
    name: 'fails when the velero namespace loses its default-deny (Velero could reach anything)',
    rule: 'MLPS-NET-013',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    detail: /platform namespace velero \(role backup\) on ext-main has no default-deny/,
    edit: (stacks) => {
      const policies = resourcesOf(stacks, 'platform-ext-main', 'kubernetes_network_policy_v1');
      for (const [k, v] of Object.entries(policies)) {
        const meta = v.metadata as { name: string; namespace: string };
        if (meta.name === 'default-deny' && meta.namespace.includes('backup')) delete policies[k];
      }
    },
  },

  // MLPS-NET-014: DNS only to the DNS pods
  { name: 'passes for the DNS rule to the kube-dns pods', rule: 'MLPS-NET-014', tenant: 'relief', expect: 'pass' },
  { name: 'passes for the DNS rules of the platform namespaces', rule: 'MLPS-NET-014', tenant: '', platform: 'ext-main', expect: 'pass' },
  {
    name: 'fails for DNS to every pod of kube-system',
    rule: 'MLPS-NET-014',
    tenant: 'relief',
    expect: 'fail',
    detail: /allows port 53 to .*kube-system.*not only the kube-dns pods/,
    add: { [stackOf('relief')]: policy('relief-prod', { egress: [{ to: [nsLabel('kube-system')], ports: [{ port: '53', protocol: 'UDP' }] }] }) },
  },
  {
    name: 'fails for DNS to an address range',
    rule: 'MLPS-NET-014',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: policy('relief-prod', { egress: [{ to: [{ ip_block: { cidr: '10.96.0.10/32' } }], ports: [{ port: '53', protocol: 'UDP' }] }] }),
    },
  },

  // MLPS-NET-015: every namespace has its address pool inside its cluster's pod range
  { name: 'passes for the pools synthesized on every namespace of a tenant', rule: 'MLPS-NET-015', tenant: 'exchange-hub', expect: 'pass' },
  { name: 'passes for the pools of the platform namespaces', rule: 'MLPS-NET-015', tenant: '', platform: 'ext-main', expect: 'pass' },
  {
    name: 'fails for a namespace without the annotation',
    rule: 'MLPS-NET-015',
    tenant: 'relief',
    expect: 'fail',
    detail: /namespace ext-main\/relief-prod has no govcloud.gov.cn\/address-pool annotation/,
    edit: (stacks) => {
      for (const body of Object.values(resourcesOf(stacks, stackOf('relief'), 'kubernetes_namespace_v1'))) {
        const meta = body.metadata as { name: string; annotations: Record<string, string> };
        if (meta.name === 'relief-prod') delete meta.annotations['govcloud.gov.cn/address-pool'];
      }
    },
  },
  {
    name: "fails for a pool outside the cluster's pod range",
    rule: 'MLPS-NET-015',
    tenant: 'relief',
    expect: 'fail',
    detail: /address pool "10\.245\.0\.0\/26" is not inside the pod range 10\.244\.0\.0\/16/,
    edit: (stacks) => {
      for (const body of Object.values(resourcesOf(stacks, stackOf('relief'), 'kubernetes_namespace_v1'))) {
        const meta = body.metadata as { name: string; annotations: Record<string, string> };
        if (meta.name === 'relief-prod') meta.annotations['govcloud.gov.cn/address-pool'] = '10.245.0.0/26';
      }
    },
  },
];
