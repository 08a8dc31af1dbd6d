/** Fixtures of the NET rules that judge tenants' network policies (the gateway rules are in gateways.ts). */
import { RuleCase, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { TCP, nsLabel, policy, relabel, tenantPeer } from './net-support';

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
];
