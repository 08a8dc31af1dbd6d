/**
 * Fixtures of the NET rules that judge addresses: cross-cluster peers by pool (NET-011), the flows of
 * serving replicas (NET-012), platform namespaces' default-deny (NET-013), DNS to the kube-dns pods
 * only (NET-014) and every namespace's address pool (NET-015).
 */
import { RuleCase, resourcesOf, stackOf } from '../../helpers/policy';
import { TCP, nsLabel, policy } from './net-support';

export const CASES: RuleCase[] = [
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
