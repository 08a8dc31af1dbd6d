import { RuleCase, resourcesOf } from '../../helpers/policy';

export const CASES: RuleCase[] = [
  { name: 'passes with the default-deny policy TenantEnvironment creates', rule: 'MLPS-NET-001', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails when a namespace loses its default-deny policy',
    rule: 'MLPS-NET-001',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      const policies = resourcesOf(stacks, 'county-north-ext-main', 'kubernetes_network_policy_v1');
      for (const [k, v] of Object.entries(policies)) if ((v.metadata as { name: string }).name === 'default-deny' && k.startsWith('relief_prod')) delete policies[k];
    },
  },
];
