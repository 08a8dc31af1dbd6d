import { RuleCase, resourcesOf, stackOf } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

const RBAC = 'rbac.authorization.k8s.io';
type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

/** A hand-added RoleBinding in a namespace of the north county stack on ext-main. */
const binding = (namespace: string, roleKind: string, role: string, subject: Json): Json => ({
  resource: {
    kubernetes_role_binding_v1: {
      hand: { metadata: { name: 'hand-added', namespace }, role_ref: { api_group: RBAC, kind: roleKind, name: role }, subject: [subject] },
    },
  },
});
const group = (name: string): Json => ({ kind: 'Group', name, api_group: RBAC });

/** The rules of the govcloud-tenant-admin ClusterRole in a platform stack. */
const adminRules = (stacks: Stacks, stack: string): { api_groups: string[]; resources: string[]; verbs: string[] }[] =>
  Object.values(resourcesOf(stacks, stack, 'kubernetes_cluster_role_v1')).find((r) => (r.metadata as { name: string }).name === 'govcloud-tenant-admin')
    ?.rule as {
    api_groups: string[];
    resources: string[];
    verbs: string[];
  }[];

export const CASES: RuleCase[] = [
  { name: 'passes with the govcloud-tenant-admin bindings TenantNamespace creates', rule: 'MLPS-IAM-001', tenant: 'portal', expect: 'pass' },
  {
    name: 'fails when a tenant namespace binds the built-in ClusterRole admin',
    rule: 'MLPS-IAM-001',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: binding('relief-prod', 'ClusterRole', 'admin', group('grp-civil-affairs-ops')) },
  },
  {
    name: 'fails when a ClusterRoleBinding on another cluster names a tenant admin group',
    rule: 'MLPS-IAM-001',
    tenant: 'relief',
    expect: 'fail',
    add: {
      'platform-ext-far': {
        resource: {
          kubernetes_cluster_role_binding_v1: {
            hand: { metadata: { name: 'ops' }, role_ref: { api_group: RBAC, kind: 'ClusterRole', name: 'view' }, subject: [group('grp-civil-affairs-ops')] },
          },
        },
      },
    },
  },

  { name: 'passes with the explicit rules of govcloud-tenant-admin', rule: 'MLPS-IAM-002', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when the tenant admin ClusterRole of the cluster gets a wildcard verb',
    rule: 'MLPS-IAM-002',
    tenant: 'portal',
    expect: 'fail',
    edit: (stacks) => adminRules(stacks, 'platform-ext-main')[0].verbs.push('*'),
  },
  {
    name: 'fails when an unbound Role in a tenant namespace names resources "*"',
    rule: 'MLPS-IAM-002',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: {
        resource: {
          kubernetes_role_v1: { hand: { metadata: { name: 'all', namespace: 'relief-test' }, rule: [{ api_groups: [''], resources: ['*'], verbs: ['get'] }] } },
        },
      },
    },
  },
  {
    name: 'fails when a binding names a ClusterRole the output does not define',
    rule: 'MLPS-IAM-002',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: binding('relief-prod', 'ClusterRole', 'custom-ops', group('grp-civil-affairs-ops')) },
  },

  { name: 'passes with the default service account TenantNamespace creates', rule: 'MLPS-IAM-003', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails when the default service account mounts its token',
    rule: 'MLPS-IAM-003',
    tenant: 'case-files',
    expect: 'fail',
    edit: (stacks) => {
      for (const sa of Object.values(resourcesOf(stacks, stackOf('case-files'), 'kubernetes_default_service_account_v1')))
        sa.automount_service_account_token = true;
    },
  },
  {
    name: 'fails when a namespace does not manage its default service account',
    rule: 'MLPS-IAM-003',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      const sas = resourcesOf(stacks, stackOf('relief'), 'kubernetes_default_service_account_v1');
      for (const k of Object.keys(sas)) if (k.startsWith('relief_test')) delete sas[k];
    },
  },

  { name: 'passes with admin groups bound as directory groups', rule: 'MLPS-IAM-004', tenant: 'relief', expect: 'pass' },
  {
    name: 'passes when a binding names a service account of the same namespace',
    rule: 'MLPS-IAM-004',
    tenant: 'relief',
    expect: 'pass',
    add: {
      [stackOf('relief')]: binding('relief-prod', 'ClusterRole', 'govcloud-tenant-admin', {
        kind: 'ServiceAccount',
        name: 'deployer',
        namespace: 'relief-prod',
      }),
    },
  },
  {
    name: 'fails when a person is bound as a User',
    rule: 'MLPS-IAM-004',
    tenant: 'portal',
    expect: 'fail',
    add: { [stackOf('portal')]: binding('portal-prod', 'ClusterRole', 'govcloud-tenant-admin', { kind: 'User', name: 'zhangsan', api_group: RBAC }) },
  },
  {
    name: 'fails when a service account of another namespace is bound',
    rule: 'MLPS-IAM-004',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: binding('relief-test', 'ClusterRole', 'govcloud-tenant-admin', {
        kind: 'ServiceAccount',
        name: 'default',
        namespace: 'kube-system',
      }),
    },
  },
  {
    name: 'fails when the built-in group system:authenticated is bound',
    rule: 'MLPS-IAM-004',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: binding('relief-prod', 'ClusterRole', 'govcloud-tenant-admin', group('system:authenticated')) },
  },

  { name: 'passes with govcloud-tenant-admin read-only on guard rails', rule: 'MLPS-IAM-005', tenant: 'portal', expect: 'pass' },
  {
    name: 'fails when the tenant admin ClusterRole may update network policies',
    rule: 'MLPS-IAM-005',
    tenant: 'relief',
    expect: 'fail',
    edit: (stacks) => {
      const np = adminRules(stacks, 'platform-ext-main').find((r) => r.resources.includes('networkpolicies'));
      np?.verbs.push('update');
    },
  },
  {
    name: 'fails when the admin group gets a namespace Role that creates role bindings',
    rule: 'MLPS-IAM-005',
    tenant: 'relief',
    expect: 'fail',
    add: {
      [stackOf('relief')]: {
        resource: {
          kubernetes_role_v1: {
            rb: { metadata: { name: 'grant', namespace: 'relief-prod' }, rule: [{ api_groups: [RBAC], resources: ['rolebindings'], verbs: ['create'] }] },
          },
          kubernetes_role_binding_v1: {
            rb: {
              metadata: { name: 'grant', namespace: 'relief-prod' },
              role_ref: { api_group: RBAC, kind: 'Role', name: 'grant' },
              subject: [group('grp-civil-affairs-ops')],
            },
          },
        },
      },
    },
  },
  {
    name: 'fails when the admin group is bound to the built-in ClusterRole edit',
    rule: 'MLPS-IAM-005',
    tenant: 'relief',
    expect: 'fail',
    add: { [stackOf('relief')]: binding('relief-test', 'ClusterRole', 'edit', group('grp-civil-affairs-ops')) },
  },

  { name: 'passes for a platform without user bindings', rule: 'MLPS-IAM-006', tenant: '', platform: 'ext-main', expect: 'pass' },
  {
    name: 'fails for a cluster-admin ClusterRoleBinding to an individual user',
    rule: 'MLPS-IAM-006',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: {
      'platform-ext-main': {
        resource: {
          kubernetes_cluster_role_binding_v1: {
            zhangsan: {
              metadata: { name: 'zhangsan-admin' },
              role_ref: { api_group: RBAC, kind: 'ClusterRole', name: 'cluster-admin' },
              subject: [{ kind: 'User', name: 'zhangsan', api_group: RBAC }],
            },
          },
        },
      },
    },
  },
  {
    name: 'passes for a cluster-wide binding to a group of the identity provider',
    rule: 'MLPS-IAM-006',
    tenant: '',
    platform: 'ext-main',
    expect: 'pass',
    add: {
      'platform-ext-main': {
        resource: {
          kubernetes_cluster_role_binding_v1: {
            ops: { metadata: { name: 'ops-view' }, role_ref: { api_group: RBAC, kind: 'ClusterRole', name: 'view' }, subject: [group('grp-platform-ops')] },
          },
        },
      },
    },
  },
];
