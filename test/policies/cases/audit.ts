import { RuleCase, resourcesOf } from '../../helpers/policy';
import { ClusterFile } from '../../../config/cluster-config';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

/** Sets (or, with undefined, removes) one kube-apiserver flag in a cluster's generated flags file. */
const setFlag = (cluster: string, flag: string, value: string | undefined) => (files: ClusterFile[]) =>
  files.map((f) => {
    if (f.cluster !== cluster || !f.path.endsWith('.flags')) return f;
    const lines = f.text.split('\n').filter((l) => !l.startsWith(`${flag}=`));
    return { ...f, text: [...(value === undefined ? [] : [`${flag}=${value}`]), ...lines].join('\n') };
  });

/** Replaces the audit policy file of a cluster. */
const setPolicy = (cluster: string, text: string) => (files: ClusterFile[]) =>
  files.map((f) => (f.cluster === cluster && f.path === 'audit/audit-policy.yaml' ? { ...f, text } : f));

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
    name: 'fails when the platform keeps logs 180 days (the generated --audit-log-maxage)',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => ({ ...m, logRetentionDays: 180 }),
  },
  {
    name: 'fails when the flags of the DR cluster of the tenant keep logs 90 days',
    rule: 'MLPS-AUDIT-001',
    tenant: 'portal',
    expect: 'fail',
    files: setFlag('ext-far', '--audit-log-maxage', '90'),
  },
  {
    name: 'passes for a tenant not hosted on the cluster whose flags keep logs 90 days',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'pass',
    files: setFlag('ext-far', '--audit-log-maxage', '90'),
  },
  {
    name: 'fails when the flags keep logs 190 days but the city asks for 365',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => ({ ...m, logRetentionDays: 365 }),
    files: setFlag('ext-main', '--audit-log-maxage', '190'),
  },
  {
    name: 'fails when the cluster configuration has no flags file',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    files: (files) => files.filter((f) => !(f.cluster === 'ext-main' && f.path.endsWith('.flags'))),
  },
  {
    name: 'fails when no audit policy file is loaded',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    files: setFlag('ext-main', '--audit-policy-file', undefined),
  },
  {
    name: 'fails when the policy file named is not an audit Policy with rules',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    files: (files) =>
      files.map((f) =>
        f.cluster === 'ext-main' && f.path === 'audit/audit-policy.yaml' ? { ...f, text: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n' } : f,
      ),
  },
  {
    name: 'fails when the log goes to stdout instead of a file',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    files: setFlag('ext-main', '--audit-log-path', '-'),
  },
  {
    name: 'fails when a backup count limit could drop logs younger than the retention',
    rule: 'MLPS-AUDIT-001',
    tenant: 'relief',
    expect: 'fail',
    files: setFlag('ext-main', '--audit-log-maxbackup', '10'),
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

  { name: "passes with the generated policy on the tenant's clusters", rule: 'MLPS-AUDIT-004', tenant: 'portal', expect: 'pass' },
  { name: 'passes at level 2 with the generated policy', rule: 'MLPS-AUDIT-004', tenant: 'relief', expect: 'pass' },
  {
    name: 'fails when the policy logs nothing but metadata of secrets',
    rule: 'MLPS-AUDIT-004',
    tenant: 'relief',
    expect: 'fail',
    files: setPolicy(
      'ext-main',
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources: [{ group: "", resources: [secrets] }]\n',
    ),
  },
  {
    name: 'fails when the policy logs secret contents',
    rule: 'MLPS-AUDIT-004',
    tenant: 'relief',
    expect: 'fail',
    files: setPolicy('ext-main', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n'),
  },
  {
    name: 'fails when changes are logged only for some users',
    rule: 'MLPS-AUDIT-004',
    tenant: 'relief',
    expect: 'fail',
    files: setPolicy('ext-main', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n    users: [admin]\n  - level: None\n'),
  },
  {
    name: 'fails on the DR cluster when its kube-apiserver loads no policy',
    rule: 'MLPS-AUDIT-004',
    tenant: 'portal',
    expect: 'fail',
    files: setFlag('ext-far', '--audit-policy-file', undefined),
  },
];
