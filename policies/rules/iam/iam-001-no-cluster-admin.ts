/** Tenant admins never get cluster-admin, admin or edit, and never a cluster-wide binding. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { BROAD_BUILTIN, CLUSTER_ROLE_BINDING_TYPES, boundRoles, subjectsOf } from './rbac';
import { ofTypes } from '../../deployment';

export const rule: Rule = {
  id: 'MLPS-IAM-001',
  family: 'IAM',
  title: {
    en: 'No cluster-admin, admin or edit for tenant admins, and no cluster-wide bindings',
    zh: '租户管理员不得绑定 cluster-admin、admin、edit，不得使用集群级绑定',
  },
  clauses: merge(at([1], '8.1.4.2 a)'), at([2, 3, 4], '8.1.4.2 d)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Bind tenant admin groups only with namespaced RoleBindings to the ClusterRole govcloud-tenant-admin (what TenantNamespace creates); delete RoleBindings to cluster-admin/admin/edit and any ClusterRoleBinding that names a tenant admin group.',
    zh: '租户管理员组只能通过命名空间内的 RoleBinding 绑定 ClusterRole govcloud-tenant-admin（TenantNamespace 默认创建）；删除指向 cluster-admin/admin/edit 的 RoleBinding，以及任何包含租户管理员组的 ClusterRoleBinding。',
  },
  check: ({ deployment, tenant, view }) => {
    const bad: Evidence[] = [];
    const bindings = boundRoles(deployment, view);
    for (const b of bindings) {
      if (b.kind === 'ClusterRole' && BROAD_BUILTIN.has(b.name)) {
        bad.push({
          address: b.binding.address,
          detail: `RoleBinding in ${b.binding.cluster}/${b.binding.namespace} grants the built-in ClusterRole ${b.name}`,
        });
      }
    }
    const admins = new Set(tenant.admins);
    for (const crb of ofTypes(deployment, CLUSTER_ROLE_BINDING_TYPES)) {
      const groups = subjectsOf(crb).filter((s) => s.kind === 'Group' && admins.has(String(s.name)));
      if (groups.length > 0) {
        bad.push({
          address: crb.address,
          detail: `ClusterRoleBinding on ${crb.cluster} gives tenant admin group ${groups.map((g) => String(g.name)).join(', ')} cluster-wide rights`,
        });
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (bindings.length === 0) return pass({ detail: `no role bindings in the namespaces of ${tenant.name}; no cluster-wide binding names its admin groups` });
    return pass(...bindings.map((b) => ({ address: b.binding.address, detail: `${b.binding.cluster}/${b.binding.namespace} binds ${b.kind} ${b.name}` })));
  },
};
