/** People administer tenant namespaces as directory groups: no User subjects, no service accounts of other namespaces. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { Json } from '../../deployment';
import { boundRoles, subjectsOf } from './rbac';

/** Why a subject of a binding in namespace `ns` is not acceptable, or undefined when it is. */
function problem(s: Json, ns: string | undefined): string | undefined {
  const kind = String(s.kind ?? '');
  const name = String(s.name ?? '');
  if (kind === 'Group') return name.startsWith('system:') ? `built-in group ${name} is not a directory group` : undefined;
  if (kind === 'ServiceAccount') {
    const from = s.namespace === undefined || s.namespace === '' ? 'default' : String(s.namespace);
    return from === ns ? undefined : `service account ${from}/${name} of another namespace`;
  }
  return `${kind || 'subject'} ${name} is bound individually instead of through a directory group`;
}

export const rule: Rule = {
  id: 'MLPS-IAM-004',
  family: 'IAM',
  title: { en: 'Admins bound as directory groups', zh: '管理员以目录组方式授权' },
  clauses: at([1, 2, 3, 4], '8.1.4.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'List admins in spec.admins as directory (IdP) groups; remove RoleBindings whose subjects are Users, system: groups or service accounts of other namespaces, so every person is identified uniquely through the directory.',
    zh: '在 spec.admins 中以目录（统一身份认证）组列出管理员；删除主体为 User、system: 组或其他命名空间服务账号的 RoleBinding，确保每个人经目录唯一标识。',
  },
  check: ({ deployment, view, tenant }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const b of boundRoles(deployment, view)) {
      for (const s of subjectsOf(b.binding)) {
        const p = problem(s, b.binding.namespace);
        const where = `${b.binding.cluster}/${b.binding.namespace}`;
        if (p) bad.push({ address: b.binding.address, detail: `${where}: ${p}` });
        else ok.push({ address: b.binding.address, detail: `${where}: ${String(s.kind)} ${String(s.name)}` });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : pass({ field: 'spec.admins', detail: `no role bindings in the namespaces of ${tenant.name}` });
  },
};
