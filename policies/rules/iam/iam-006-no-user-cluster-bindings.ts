/**
 * Cluster-wide rights go to groups (managed in the identity provider, where joiners and leavers are
 * handled) and to platform service accounts, never to an individual user; and no binding anywhere
 * gives an individual user cluster-admin.
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { block, ofTypes, tenantOfNamespace } from '../../deployment';
import { CLUSTER_ROLE_BINDING_TYPES, ROLE_BINDING_TYPES, subjectsOf } from './rbac';

export const rule: Rule = {
  id: 'MLPS-IAM-006',
  family: 'IAM',
  title: { en: 'No cluster-wide rights for individual users', zh: '不得向个人用户授予集群级权限' },
  clauses: merge(at([1], '8.1.4.2 a)'), at([2, 3, 4], '8.1.4.2 d)')),
  platform: 'only',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Bind cluster-wide roles only to groups of the identity provider (e.g. grp-platform-ops) or to service accounts of platform namespaces; delete ClusterRoleBindings that name a User, and any binding that gives a User cluster-admin.',
    zh: '集群级角色只绑定身份提供方中的用户组（如 grp-platform-ops）或平台命名空间中的服务账号；删除指向个人用户（User）的 ClusterRoleBinding，以及任何向个人用户授予 cluster-admin 的绑定。',
  },
  check: ({ deployment, tenant, model }) => {
    const cluster = tenant.cluster;
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const b of ofTypes(deployment, CLUSTER_ROLE_BINDING_TYPES).filter((r) => r.cluster === cluster)) {
      const role = String(block(b.body, 'role_ref')?.name ?? '');
      const subjects = subjectsOf(b);
      const users = subjects.filter((s) => s.kind === 'User').map((s) => String(s.name));
      const tenantAccounts = subjects.filter((s) => s.kind === 'ServiceAccount' && tenantOfNamespace(model, String(s.namespace ?? '')) !== undefined);
      if (users.length > 0)
        bad.push({ address: b.address, detail: `ClusterRoleBinding on ${cluster} gives user ${users.join(', ')} the ClusterRole ${role} cluster-wide` });
      if (tenantAccounts.length > 0)
        bad.push({
          address: b.address,
          detail: `ClusterRoleBinding on ${cluster} gives service account ${tenantAccounts.map((s) => `${String(s.namespace)}/${String(s.name)}`).join(', ')} of a tenant the ClusterRole ${role} cluster-wide`,
        });
      if (users.length === 0 && tenantAccounts.length === 0)
        ok.push({ address: b.address, detail: `ClusterRoleBinding on ${cluster} binds ${role} to groups or platform service accounts only` });
    }
    for (const b of ofTypes(deployment, ROLE_BINDING_TYPES).filter((r) => r.cluster === cluster)) {
      const ref = block(b.body, 'role_ref') ?? {};
      const users = subjectsOf(b)
        .filter((s) => s.kind === 'User')
        .map((s) => String(s.name));
      if (String(ref.name ?? '') === 'cluster-admin' && users.length > 0)
        bad.push({ address: b.address, detail: `RoleBinding in ${cluster}/${String(b.namespace ?? '')} gives user ${users.join(', ')} cluster-admin` });
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : pass({ detail: `no ClusterRoleBinding on ${cluster}; no RoleBinding gives a user cluster-admin` });
  },
};
