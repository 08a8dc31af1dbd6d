/** The role tenant admins hold cannot change RBAC, quotas, limit ranges or network policies. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { BROAD_BUILTIN, PolicyRule, boundRoles, rulesOf, subjectsOf } from './rbac';

const WRITE = new Set(['*', 'create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate']);
const GUARDED: readonly { group: string; resources: readonly string[] }[] = [
  { group: 'rbac.authorization.k8s.io', resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'] },
  { group: '', resources: ['resourcequotas', 'limitranges'] },
  { group: 'networking.k8s.io', resources: ['networkpolicies'] },
];

/** Guarded resources a policy rule may write. */
function writes(r: PolicyRule): string[] {
  if (!r.verbs.some((v) => WRITE.has(v))) return [];
  return GUARDED.flatMap((g) =>
    r.apiGroups.includes(g.group) || r.apiGroups.includes('*') ? g.resources.filter((x) => r.resources.includes(x) || r.resources.includes('*')) : [],
  );
}

export const rule: Rule = {
  id: 'MLPS-IAM-005',
  family: 'IAM',
  title: { en: 'Tenant admins cannot change RBAC, quotas, limits or network policies', zh: '租户管理员不能修改 RBAC、配额、资源限制和网络策略' },
  clauses: merge(at([2, 3, 4], '8.1.4.2 d)'), at([2, 3, 4], '8.1.5.1 b)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Give the admin role only read verbs (get, list, watch) on roles/rolebindings, resourcequotas, limitranges and networkpolicies, as govcloud-tenant-admin does; changes to them go through a tenant request reviewed by the platform (system administrator).',
    zh: '管理员角色对 roles/rolebindings、resourcequotas、limitranges、networkpolicies 只授予只读动词（get、list、watch），与 govcloud-tenant-admin 一致；此类变更通过租户申请由平台（系统管理员）审核实施。',
  },
  check: ({ deployment, view, tenant }) => {
    const admins = new Set(tenant.admins);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    const adminBindings = boundRoles(deployment, view).filter((b) => subjectsOf(b.binding).some((s) => s.kind === 'Group' && admins.has(String(s.name))));
    for (const b of adminBindings) {
      const via = `${b.kind} ${b.name} (admins of ${b.binding.cluster}/${b.binding.namespace})`;
      if (!b.role) {
        const why =
          b.kind === 'ClusterRole' && BROAD_BUILTIN.has(b.name)
            ? 'is a built-in role that can change network policies and more'
            : 'is not defined in the synthesized output, so it cannot be shown to be read-only on guard rails';
        bad.push({ address: b.binding.address, detail: `${via} ${why}` });
        continue;
      }
      const w = [...new Set(rulesOf(b.role).flatMap(writes))];
      if (w.length > 0) bad.push({ address: b.role.address, detail: `${via} can write ${w.join(', ')}` });
      else ok.push({ address: b.role.address, detail: `${via} is read-only on RBAC, quotas, limit ranges and network policies` });
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : pass({ field: 'spec.admins', detail: `no role is bound to the admin groups of ${tenant.name}` });
  },
};
