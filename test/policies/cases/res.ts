import { RuleCase, resourcesOf, stackOf } from '../../helpers/policy';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

/** Deletes the resources of a type whose construct id starts with a prefix. */
const drop = (stack: string, type: string, prefix: string) => (stacks: Stacks) => {
  const all = resourcesOf(stacks, stack, type);
  for (const k of Object.keys(all)) if (k.startsWith(prefix)) delete all[k];
};

/** Changes the hard limits of the quotas whose construct id starts with a prefix. */
const editHard = (stack: string, prefix: string, change: (hard: Record<string, string>) => void) => (stacks: Stacks) => {
  for (const [k, q] of Object.entries(resourcesOf(stacks, stack, 'kubernetes_resource_quota_v1'))) {
    if (k.startsWith(prefix)) change((q.spec as { hard: Record<string, string> }).hard);
  }
};

export const CASES: RuleCase[] = [
  { name: 'passes with the quota TenantNamespace creates', rule: 'MLPS-RES-001', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails when the remote replica namespace has no quota',
    rule: 'MLPS-RES-001',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: drop(stackOf('exchange-hub', 'ext-far'), 'kubernetes_resource_quota_v1', 'exchange-hub-dr-remote'),
  },

  { name: 'passes with the limit ranges TenantNamespace creates', rule: 'MLPS-RES-002', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when a namespace loses its limit range',
    rule: 'MLPS-RES-002',
    tenant: 'relief',
    expect: 'fail',
    edit: drop(stackOf('relief'), 'kubernetes_limit_range_v1', 'relief_test'),
  },
  {
    name: 'fails when the limit range has no limits',
    rule: 'MLPS-RES-002',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      for (const [k, lr] of Object.entries(resourcesOf(stacks, stackOf('relief'), 'kubernetes_limit_range_v1')))
        if (k.startsWith('relief_prod')) lr.spec = { limit: [] };
    },
  },

  { name: 'passes with cpu, memory, storage and pods bounded', rule: 'MLPS-RES-003', tenant: 'portal', expect: 'pass' },
  {
    name: 'passes when requests are written with the cpu and memory aliases',
    rule: 'MLPS-RES-003',
    tenant: 'relief',
    expect: 'pass',
    edit: editHard(stackOf('relief'), 'relief_', (hard) => {
      hard.cpu = hard['requests.cpu'];
      hard.memory = hard['requests.memory'];
      delete hard['requests.cpu'];
      delete hard['requests.memory'];
    }),
  },
  {
    name: 'fails when the quota does not bound memory limits and pods',
    rule: 'MLPS-RES-003',
    tenant: 'portal',
    expect: 'fail',
    edit: editHard(stackOf('portal'), 'portal_prod', (hard) => {
      delete hard['limits.memory'];
      delete hard.pods;
    }),
  },
  {
    name: 'fails when the replica quota does not bound storage',
    rule: 'MLPS-RES-003',
    tenant: 'portal',
    expect: 'fail',
    edit: editHard(stackOf('portal', 'ext-far'), 'portal-dr-remote', (hard) => {
      delete hard['requests.storage'];
    }),
  },
];
