/** Traffic between zones only through the exchange zone: a peer in another zone is allowed only when one side is exchange. */
import { Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { describe, policyRules } from './policies';
import { peerZone } from './peers';

export const rule: Rule = {
  id: 'MLPS-NET-004',
  family: 'NET',
  title: { en: 'Inter-zone traffic only through the exchange zone', zh: '跨安全区域的流量仅经交换区' },
  clauses: merge(at([2, 3, 4], '8.1.3.1 a)'), at([2, 3, 4], '8.2.3.1 a)')),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Remove the flow between the public-service and administrative zones (or to the intranet) from spec.flows and the hand-added policy; send the data through a tenant of the exchange zone (交换区) instead, e.g. flows: [{ to: tenant/<county>/<exchange tenant>, ports: [443] }].',
    zh: '从 spec.flows 及手写策略中删除公共服务域与行政服务域之间（或通往内网）的流向，改经交换区租户中转，例如 flows: [{ to: tenant/<区县>/<交换区租户>, ports: [443] }]。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const own = tenant.zone;
    const crossing: { address: string; detail: string }[] = [];
    const seen: { address: string; detail: string }[] = [];
    for (const r of policyRules(view)) {
      for (const p of r.peers) {
        const zone = peerZone(p, model, deployment, r.ns.cluster);
        if (zone === undefined || zone === own) continue;
        const viaExchange = (zone === 'exchange' || own === 'exchange') && zone !== 'intranet' && own !== 'intranet';
        const entry = { address: r.policy.address, detail: `${r.where}: ${own} ↔ ${zone} (${describe(p)})` };
        (viaExchange ? seen : crossing).push(entry);
      }
    }
    if (crossing.length > 0)
      return fail(...crossing.map((e) => ({ ...e, field: 'spec.flows', detail: `${e.detail} crosses zones without the exchange zone` })));
    if (seen.length > 0) return pass(...seen.map((e) => ({ ...e, detail: `${e.detail} goes through the exchange zone` })));
    return pass({ field: 'spec.flows', detail: `every network policy peer of the tenant stays in zone ${own}` });
  },
};
