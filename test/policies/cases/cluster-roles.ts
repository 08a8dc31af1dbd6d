/** MLPS-IAM-007: ClusterRoles grant least privilege; govcloud's Velero role is accepted in its synthesized shape only. */
import { RuleCase, resourcesOf } from '../../helpers/policy';

const role = (name: string, rule: Record<string, string[]>) => ({
  'platform-ext-main': { resource: { kubernetes_cluster_role_v1: { [name]: { metadata: { name }, rule: [rule] } } } },
});

const veleroRole = (change: (r: Record<string, unknown>) => void) => (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
  for (const r of Object.values(resourcesOf(stacks, 'platform-ext-main', 'kubernetes_cluster_role_v1')))
    if ((r.metadata as { name: string }).name === 'govcloud-velero') change(r);
};

export const CASES: RuleCase[] = [
  {
    name: "passes for the platform's own roles, Velero's accepted with the reason",
    rule: 'MLPS-IAM-007',
    tenant: '',
    platform: 'ext-main',
    expect: 'pass',
    detail: /ClusterRole govcloud-velero on ext-main writes every resource .* \(accepted by design\)/,
  },
  {
    name: 'fails for a hand-written role with "*" verbs on everything',
    rule: 'MLPS-IAM-007',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: role('ops-everything', { api_groups: ['*'], resources: ['*'], verbs: ['*'] }),
    detail: /ClusterRole ops-everything on ext-main grants verb "\*"/,
  },
  {
    name: 'fails for a role that may escalate or bind, on one resource only',
    rule: 'MLPS-IAM-007',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: role('rbac-manager', { api_groups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['get', 'escalate', 'bind'] }),
    detail: /escalate, bind \(a holder grants itself more\)/,
  },
  {
    name: "fails for write on every resource under another name than Velero's",
    rule: 'MLPS-IAM-007',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: role('backup-like', { api_groups: ['*'], resources: ['*'], verbs: ['get', 'create', 'delete'] }),
    detail: /create, delete on every resource of every API group/,
  },
  {
    name: "fails for Velero's role once it also holds impersonate",
    rule: 'MLPS-IAM-007',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    edit: veleroRole((r) => ((r.rule as { verbs: string[] }[])[0].verbs = [...(r.rule as { verbs: string[] }[])[0].verbs, 'impersonate'])),
  },
];
