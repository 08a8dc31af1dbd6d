/** Minimal rule set: every allow rule names its ports, except the rule that opens the namespace to itself. */
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { Json, block, list } from '../../deployment';
import { NAME, PolicyRule, hasNamespaceSelector, matchLabels, policyRules } from './policies';

/** A peer inside the policy's own namespace: that namespace by name, or a pod selector alone. */
function sameNamespace(p: Json, ns: string): boolean {
  if (p.ip_block !== undefined) return false;
  if (!hasNamespaceSelector(p)) return p.pod_selector !== undefined;
  const ml = matchLabels(p);
  return Object.keys(ml).length === 1 && ml[NAME] === ns && list(block(p, 'namespace_selector'), 'match_expressions').length === 0;
}

const exempt = (r: PolicyRule): boolean => r.peers.length > 0 && r.peers.every((p) => sameNamespace(p, r.ns.name));

export const rule: Rule = {
  id: 'MLPS-NET-008',
  family: 'NET',
  title: { en: 'Flow rules name their ports', zh: '放行规则须列明端口' },
  clauses: at([2, 3, 4], '8.1.3.2 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Give every flow its ports (spec.flows[].ports, e.g. [443]) and every hand-added ingress/egress rule a ports list whose entries all carry a port; only the same-namespace rule of allow-same-namespace-and-dns may leave ports open.',
    zh: '为每个流向列明端口（spec.flows[].ports，如 [443]），手写的入站/出站规则须有 ports 且每项都写明 port；仅 allow-same-namespace-and-dns 中同命名空间的规则可不限端口。',
  },
  check: ({ view }) => {
    const rules = policyRules(view).filter((r) => !exempt(r));
    const open = rules.filter((r) => r.ports.length === 0 || r.ports.some((p) => p.port === undefined || p.port === null || p.port === ''));
    if (open.length > 0) {
      return fail(
        ...open.map((r) => ({
          address: r.policy.address,
          field: 'spec.flows',
          detail: `${r.where} ${r.ports.length === 0 ? 'lists no port' : 'has a ports entry without a port'}, so it opens every port`,
        })),
      );
    }
    if (rules.length === 0) return pass({ detail: 'no rule besides the same-namespace rule opens traffic' });
    return pass(
      ...rules.map((r) => ({
        address: r.policy.address,
        detail: `${r.where} opens ports ${r.ports.map((p) => `${String(p.port)}/${String(p.protocol ?? 'TCP')}`).join(', ')}`,
      })),
    );
  },
};
