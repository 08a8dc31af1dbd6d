/** The roles a tenant's namespaces bind, and roles defined in them, name no wildcard verbs or resources. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { TfResource } from '../../deployment';
import { boundRoles, nameOf, namespaceRoles, rulesOf } from './rbac';

const wildcards = (role: TfResource): string[] =>
  rulesOf(role).flatMap((r) => [
    ...r.verbs.filter((v) => v.includes('*')).map((v) => `verb "${v}"`),
    ...r.resources.filter((x) => x.includes('*')).map((x) => `resource "${x}"`),
  ]);

export const rule: Rule = {
  id: 'MLPS-IAM-002',
  family: 'IAM',
  title: { en: 'No wildcard verbs or resources in tenant roles', zh: '租户所用角色不得包含通配符动词或资源' },
  clauses: at([2, 3, 4], '8.1.4.2 d)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'List verbs and resources explicitly in govcloud-tenant-admin (TENANT_ADMIN_RULES in constructs/platform/cloud-center.ts) and in any Role of the tenant namespace; replace "*" with the verbs and resources the admins need.',
    zh: '在 govcloud-tenant-admin（constructs/platform/cloud-center.ts 中的 TENANT_ADMIN_RULES）及租户命名空间内的 Role 中逐项列出动词和资源；用实际需要的动词和资源替换 "*"。',
  },
  check: ({ deployment, view, tenant }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    const seen = new Set<string>();
    const judge = (role: TfResource, via: string) => {
      if (seen.has(role.address)) return;
      seen.add(role.address);
      const w = wildcards(role);
      if (w.length > 0) bad.push({ address: role.address, detail: `${via} has wildcard ${w.join(', ')}` });
      else ok.push({ address: role.address, detail: `${via} lists verbs and resources explicitly` });
    };
    for (const b of boundRoles(deployment, view)) {
      const via = `${b.kind} ${b.name} bound in ${b.binding.cluster}/${b.binding.namespace}`;
      if (b.role) judge(b.role, via);
      else if (!seen.has(`${b.binding.cluster}/${b.kind}/${b.name}`)) {
        seen.add(`${b.binding.cluster}/${b.kind}/${b.name}`);
        bad.push({ address: b.binding.address, detail: `${via} is not defined in the synthesized output, so its rules cannot be shown to be wildcard-free` });
      }
    }
    for (const r of namespaceRoles(view)) judge(r, `Role ${nameOf(r)} in ${r.cluster}/${r.namespace}`);
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : pass({ detail: `no roles are bound or defined in the namespaces of ${tenant.name}` });
  },
};
