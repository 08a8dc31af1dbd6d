import { RuleCase, resourcesOf } from '../../helpers/policy';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

/** Sets a data key of a platform ConfigMap (log-retention, cluster-info). */
const setConfig = (stack: string, name: string, key: string, value: string) => (stacks: Stacks) => {
  for (const cm of Object.values(resourcesOf(stacks, stack, 'kubernetes_config_map_v1'))) {
    if ((cm.metadata as { name: string }).name === name) (cm.data as Record<string, string>)[key] = value;
  }
};

/** Changes the JSON values of the govcloud-baseline release of a platform stack. */
const setBaseline = (stack: string, change: (v: Record<string, unknown>) => void) => (stacks: Stacks) => {
  for (const r of Object.values(resourcesOf(stacks, stack, 'helm_release'))) {
    const values = r.values as string[];
    const v = JSON.parse(values[0]) as Record<string, unknown>;
    change(v);
    r.values = [JSON.stringify(v)];
  }
};

const dropBaseline = (stack: string) => (stacks: Stacks) => {
  const releases = resourcesOf(stacks, stack, 'helm_release');
  for (const k of Object.keys(releases)) delete releases[k];
};

export const CASES: RuleCase[] = [
  { name: 'passes with 190 days on the primary and DR clusters', rule: 'MLPS-AUDIT-001', tenant: 'portal', expect: 'pass' },
  {
    name: 'fails when the platform keeps logs 180 days (ConfigMap and release values)',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => ({ ...m, logRetentionDays: 180 }),
  },
  {
    name: 'fails when the DR cluster of the tenant keeps logs 90 days',
    rule: 'MLPS-AUDIT-001',
    tenant: 'portal',
    expect: 'fail',
    edit: setConfig('platform-ext-far', 'log-retention', 'days', '90'),
  },
  {
    name: 'passes for a tenant not hosted on the cluster that keeps logs 90 days',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'pass',
    edit: setConfig('platform-ext-far', 'log-retention', 'days', '90'),
  },
  {
    name: 'fails when the log-retention ConfigMap is removed',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      const cms = resourcesOf(stacks, 'platform-ext-main', 'kubernetes_config_map_v1');
      for (const [k, cm] of Object.entries(cms)) if ((cm.metadata as { name: string }).name === 'log-retention') delete cms[k];
    },
  },
  {
    name: 'fails when the baseline release values set 30 days although the ConfigMap says 190',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    edit: setBaseline('platform-ext-main', (v) => {
      v.logRetentionDays = 30;
    }),
  },

  { name: 'passes with the baseline on the primary, same-city and remote clusters', rule: 'MLPS-AUDIT-002', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when the same-city DR cluster has no baseline release',
    rule: 'MLPS-AUDIT-002',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: dropBaseline('platform-ext-twin'),
  },
  {
    name: 'passes for a tenant not hosted on the cluster without a baseline',
    rule: 'MLPS-AUDIT-002',
    tenant: 'relief',
    expect: 'pass',
    edit: dropBaseline('platform-ext-twin'),
  },

  { name: 'passes with a level-4 baseline listing level 4', rule: 'MLPS-AUDIT-003', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails when the baseline of the intranet cluster does not list level 4',
    rule: 'MLPS-AUDIT-003',
    tenant: 'case-files',
    expect: 'fail',
    edit: setBaseline('platform-int-main', (v) => {
      v.tenantLevels = ['3'];
    }),
  },
  {
    name: 'fails when the baseline is set for a lower level than the tenant',
    rule: 'MLPS-AUDIT-003',
    tenant: 'portal',
    expect: 'fail',
    edit: setBaseline('platform-ext-far', (v) => {
      v.mlpsLevel = 2;
    }),
  },
  { name: 'fails when a level-3 tenant is judged at level 4 on level-3 clusters', rule: 'MLPS-AUDIT-003', tenant: 'exchange-hub', expect: 'fail', level: 4 },
];
