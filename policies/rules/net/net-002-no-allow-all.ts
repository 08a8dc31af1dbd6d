/** No tenant NetworkPolicy rule allows every peer: no missing peer list, no empty selectors, no 0.0.0.0/0. */
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { Json, block } from '../../deployment';
import { cidrOf, describe, hasNamespaceSelector, policyRules, selectsAll } from './policies';

/**
 * Why a peer allows everything, or undefined. An empty namespace selector spans every namespace (every
 * tenant) whatever pod selector goes with it; a pod selector alone stays in the policy's own namespace.
 */
function allowAll(peer: Json): string | undefined {
  const cidr = cidrOf(peer);
  if (cidr !== undefined) return /\/0$/.test(cidr) ? `ip_block ${cidr} covers every address` : undefined;
  if (hasNamespaceSelector(peer) && selectsAll(block(peer, 'namespace_selector'))) {
    return selectsAll(block(peer, 'pod_selector'))
      ? 'empty namespace_selector selects every pod of every namespace'
      : 'empty namespace_selector selects the labelled pods of every namespace, other tenants included';
  }
  if (!hasNamespaceSelector(peer) && peer.pod_selector === undefined) return `peer ${describe(peer)} names no selector`;
  return undefined;
}

export const rule: Rule = {
  id: 'MLPS-NET-002',
  family: 'NET',
  title: { en: 'No allow-all peer in tenant network policies', zh: '租户网络策略中不得存在放行全部的对端' },
  clauses: at([1, 2, 3, 4], '8.1.3.2 a)', '8.1.3.2 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Replace rules without from/to, empty namespace_selector {} peers and ip_block 0.0.0.0/0 with the exact peer: declare the flow in spec.flows (tenant/<county>/<name> or internet via the unified egress) instead of hand-written policies.',
    zh: '删除未写 from/to 的规则、空 namespace_selector {} 对端以及 ip_block 0.0.0.0/0，改为精确的对端：在 spec.flows 中声明流向（tenant/<区县>/<名称>，或经互联网统一出口的 internet），不要手写放行策略。',
  },
  check: ({ view }) => {
    const rules = policyRules(view);
    const bad = rules.flatMap((r) => {
      if (r.peers.length === 0)
        return [
          {
            address: r.policy.address,
            detail: `${r.where} names no ${r.direction === 'ingress' ? 'from' : 'to'} peer, so it matches every ${r.direction === 'ingress' ? 'source' : 'destination'}`,
          },
        ];
      return r.peers.flatMap((p) => {
        const why = allowAll(p);
        return why ? [{ address: r.policy.address, detail: `${r.where}: ${why}` }] : [];
      });
    });
    if (bad.length > 0) return fail(...bad);
    const policies = [...new Set(rules.map((r) => r.policy.address))];
    if (policies.length === 0) return pass({ detail: 'no NetworkPolicy rule opens traffic in any namespace of the tenant (default deny only)' });
    return pass(...policies.map((address) => ({ address, detail: 'every rule names a specific namespace, tenant or address range' })));
  },
};
