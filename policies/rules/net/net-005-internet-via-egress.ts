/** Internet access only for public-service tenants, only through the unified egress (互联网统一出口). */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { cidrOf, policyRules } from './policies';
import { isEgressPeer, within } from './peers';

export const rule: Rule = {
  id: 'MLPS-NET-005',
  family: 'NET',
  title: { en: 'Internet only for public-service tenants, only through the unified egress', zh: '仅公共服务域租户可访问互联网，且仅经互联网统一出口' },
  clauses: at([1, 2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Declare Internet access as a flow { to: internet, hosts: [...], ports: [...] } of a public-service tenant; remove egress to the egress gateway from other zones and every ip_block outside the zone, intranet and backup-storage ranges of platform.yaml.',
    zh: '互联网访问须由公共服务域租户以流向 { to: internet, hosts: [...], ports: [...] } 声明；删除其他区域通往互联网统一出口的出站规则，以及 platform.yaml 中区域、内网和备份存储地址段之外的所有 ip_block。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const known = [...model.zones.map((z) => z.cidr), model.intranetCidr, ...model.sites.map((s) => s.backupCidr)];
    const declared = tenant.flows.some((f) => f.kind === 'internet');
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of policyRules(view)) {
      for (const p of r.peers) {
        const cidr = cidrOf(p);
        if (r.direction === 'egress' && isEgressPeer(p, model, deployment, r.ns.cluster)) {
          if (tenant.zone !== 'public-service')
            bad.push({
              address: r.policy.address,
              field: 'spec.zone',
              detail: `${r.where} reaches the Internet egress from zone ${tenant.zone}; only public-service tenants may`,
            });
          else if (!declared)
            bad.push({
              address: r.policy.address,
              field: 'spec.flows',
              detail: `${r.where} reaches the Internet egress but spec.flows declares no internet flow`,
            });
          else ok.push({ address: r.policy.address, detail: `${r.where} reaches the Internet through the unified egress ${model.egress.namespace}` });
        } else if (cidr !== undefined && !within(cidr, model.egress.cidr) && !known.some((k) => within(cidr, k))) {
          bad.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is outside the zone, intranet and backup ranges of the platform, a path around the unified egress`,
          });
        }
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({ field: 'spec.flows', detail: `no path to the Internet: no egress to ${model.egress.namespace} and every ip_block is a platform range` });
  },
};
