/**
 * The audit policy kube-apiserver loads records what host audit (安全审计) asks for on every cluster
 * hosting the tenant: every user's changes, guard-rail changes in full, and secret contents never.
 * Judged on the policy file synth writes per cluster (`<network>/clusters/<cluster>/audit/`).
 */
import { load } from 'js-yaml';
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { hostingClusters } from './baseline';
import { AUDIT_FLAGS_FILE, AUDIT_POLICY_FILE, parseFlags } from '../../../config/cluster-config';
import { memoByText } from '../../memo';

interface PolicyRule {
  readonly level?: unknown;
  readonly users?: unknown;
  readonly userGroups?: unknown;
  readonly verbs?: unknown;
  readonly namespaces?: unknown;
  readonly nonResourceURLs?: unknown;
  readonly resources?: unknown;
}

const LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'];

/** The level the first matching rule gives a write by any user to a resource (the API server's reading, for the fields used here). */
function levelFor(rules: readonly PolicyRule[], verb: string, group: string, resource: string): string {
  for (const r of rules) {
    if (r.nonResourceURLs !== undefined || r.namespaces !== undefined) continue;
    // a rule for some users only does not decide for every user: it is passed over, as for another user
    if (r.users !== undefined || r.userGroups !== undefined) continue;
    if (Array.isArray(r.verbs) && !r.verbs.includes(verb)) continue;
    if (Array.isArray(r.resources)) {
      const hit = (r.resources as { group?: unknown; resources?: unknown }[]).some(
        (x) => (x.group ?? '') === group && (!Array.isArray(x.resources) || x.resources.includes(resource)),
      );
      if (!hit) continue;
    }
    return typeof r.level === 'string' ? r.level : 'None';
  }
  return 'None';
}

/** What the policy misses; empty when it records what the clause asks (judged once per distinct text). */
export const policyProblems = memoByText((text: string): readonly string[] => {
  let rules: PolicyRule[];
  try {
    const doc = load(text) as { kind?: unknown; rules?: unknown } | undefined;
    if (doc?.kind !== 'Policy' || !Array.isArray(doc.rules)) return ['the file is not an audit Policy with rules'];
    rules = doc.rules as PolicyRule[];
  } catch {
    return ['the file is not readable YAML'];
  }
  const at_ = (verb: string, group: string, resource: string) => LEVELS.indexOf(levelFor(rules, verb, group, resource));
  const problems: string[] = [];
  for (const [verb, group, resource] of [
    ['create', 'apps', 'deployments'],
    ['delete', '', 'pods'],
    ['patch', '', 'services'],
  ] as const)
    if (at_(verb, group, resource) < 1) problems.push(`${verb} ${group === '' ? '' : `${group}/`}${resource} by every user is not logged`);
  for (const [verb, group, resource] of [
    ['create', '', 'namespaces'],
    ['update', '', 'resourcequotas'],
    ['patch', 'networking.k8s.io', 'networkpolicies'],
    ['create', 'rbac.authorization.k8s.io', 'rolebindings'],
  ] as const)
    if (at_(verb, group, resource) < 2) problems.push(`${verb} ${group === '' ? '' : `${group}/`}${resource} is logged without its request`);
  for (const resource of ['secrets', 'configmaps'])
    for (const verb of ['create', 'get', 'update']) if (at_(verb, '', resource) > 1) problems.push(`${verb} ${resource} is logged with its contents`);
  return [...new Set(problems)];
});

export const rule: Rule = {
  id: 'MLPS-AUDIT-004',
  family: 'AUDIT',
  title: { en: "Audit policy records every user's changes, never secret contents", zh: '审计策略记录每个用户的变更操作，且不记录密钥内容' },
  clauses: at([2, 3, 4], '8.1.4.3 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Start every kube-apiserver with the audit-policy.yaml synth writes in <network>/clusters/<cluster>/audit/, named by --audit-policy-file in kube-apiserver.flags; do not narrow it by user or namespace, and keep secrets and configmaps at Metadata.',
    zh: '用 synth 在 <网络>/clusters/<集群>/audit/ 下生成的 audit-policy.yaml 启动每个 kube-apiserver（由 kube-apiserver.flags 中的 --audit-policy-file 指定）；不要按用户或命名空间缩小范围，secrets 与 configmaps 保持 Metadata 级别。',
  },
  check: ({ deployment, view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const own = deployment.clusterFiles.filter((f) => f.cluster === c);
      const flags = own.find((f) => f.path === `audit/${AUDIT_FLAGS_FILE}`);
      const named = flags ? parseFlags(flags.text).get('--audit-policy-file') : undefined;
      const policy = own.find((f) => f.path === `audit/${named?.split('/').pop() ?? AUDIT_POLICY_FILE}`);
      if (!flags || named === undefined || !policy) {
        bad.push({ address: flags ? `${flags.network}/clusters/${c}/${flags.path}` : undefined, detail: `kube-apiserver of ${c} loads no audit policy` });
        continue;
      }
      const address = `${policy.network}/clusters/${c}/${policy.path}`;
      const problems = policyProblems(policy.text);
      if (problems.length > 0) bad.push({ address, detail: `audit policy of ${c}: ${problems.join('; ')}` });
      else
        ok.push({
          address,
          detail: `audit policy of ${c} logs every user's changes, guard-rail changes with their request, secrets and configmaps as metadata`,
        });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
