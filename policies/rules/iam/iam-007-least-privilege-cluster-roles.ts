/**
 * The ClusterRoles of a cluster grant least privilege: no `*` verb, no `escalate`, `bind` or
 * `impersonate` (a holder could grant itself anything), and no write verb on every resource of
 * every group — which is cluster-admin by another name. One role is accepted in that last shape, and
 * the evidence says so: govcloud's Velero role (backup-server.ts VELERO_RULES), because a restore
 * creates objects of any kind a tenant has, its own custom resources included; it still has no `*`
 * verb, no escalate, bind or impersonate, so it can neither grant itself more nor restore a binding
 * to rights it does not hold.
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { ofTypes, labels, TfResource } from '../../deployment';
import { LABEL, MANAGED_BY } from '../../../config/vocabulary';
import { CLUSTER_ROLE_TYPES, nameOf, rulesOf } from './rbac';

const WRITE = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const GRANTING = new Set(['escalate', 'bind', 'impersonate']);
/** govcloud's Velero role: verbs it may hold on every resource, no more. */
const VELERO_ROLE = 'govcloud-velero';
const VELERO_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);

function problems(role: TfResource): string[] {
  return rulesOf(role).flatMap((r) => {
    const out: string[] = [];
    if (r.verbs.some((v) => v.includes('*'))) out.push(`verb "*" on ${r.resources.join(', ') || '(no resource)'}`);
    const granting = r.verbs.filter((v) => GRANTING.has(v));
    if (granting.length > 0) out.push(`${granting.join(', ')} (a holder grants itself more)`);
    const everything = r.resources.includes('*') && r.apiGroups.includes('*');
    const writes = r.verbs.filter((v) => WRITE.has(v));
    if (everything && writes.length > 0) out.push(`${writes.join(', ')} on every resource of every API group`);
    return out;
  });
}

/** govcloud's own Velero role, in exactly the shape it synthesizes. */
function isVeleroRole(role: TfResource): boolean {
  if (nameOf(role) !== VELERO_ROLE || labels(role)[LABEL.managedBy] !== MANAGED_BY) return false;
  return rulesOf(role).every((r) => r.verbs.every((v) => VELERO_VERBS.has(v)));
}

export const rule: Rule = {
  id: 'MLPS-IAM-007',
  family: 'IAM',
  title: { en: 'Cluster roles grant least privilege', zh: '集群角色遵循最小权限' },
  clauses: at([2, 3, 4], '8.1.4.2 d)'),
  platform: 'only',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'List the verbs and resources a ClusterRole needs; never "*" as a verb, never escalate, bind or impersonate, and no write verb on every resource of every API group (that is cluster-admin). Bind a narrower role, or the built-in view role for read access.',
    zh: '在 ClusterRole 中逐项列出所需的动词和资源；不得使用 "*" 动词，不得授予 escalate、bind 或 impersonate，也不得对所有 API 组的所有资源授予写权限（等同 cluster-admin）。改绑更窄的角色，只读访问可用内置 view 角色。',
  },
  check: ({ deployment, tenant }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const role of ofTypes(deployment, CLUSTER_ROLE_TYPES).filter((r) => r.cluster === tenant.cluster)) {
      const found = problems(role);
      const where = `ClusterRole ${nameOf(role)} on ${role.cluster}`;
      if (found.length === 0) ok.push({ address: role.address, detail: `${where} lists what it grants; nothing grants more` });
      else if (isVeleroRole(role) && found.every((p) => p.endsWith('on every resource of every API group')))
        ok.push({
          address: role.address,
          detail: `${where} writes every resource (a restore creates objects of any kind) but holds no "*" verb, escalate, bind or impersonate (accepted by design)`,
        });
      else bad.push({ address: role.address, detail: `${where} grants ${found.join('; ')}` });
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : pass({ detail: `no ClusterRole is declared on ${tenant.cluster}` });
  },
};
