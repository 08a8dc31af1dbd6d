/**
 * Internet access only for public-service tenants, only through the unified egress (互联网统一出口):
 * their egress to the egress namespace goes to the gateway pods on the proxy port only, and the
 * gateway on their cluster runs and forwards every host:port they declared (and no open destination).
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { cidrOf, policyRules } from './policies';
import { isEgressPeer, within } from './peers';
import { GatewayOnCluster, gatewayOn, notTheGateway } from './gateway';
import { allowedByLines, allowsByDefault, forwardedPairs } from './squid';
import { EGRESS_GATEWAY } from '../../../config/vocabulary';

export const rule: Rule = {
  id: 'MLPS-NET-005',
  family: 'NET',
  title: { en: 'Internet only for public-service tenants, only through the unified egress', zh: '仅公共服务域租户可访问互联网，且仅经互联网统一出口' },
  clauses: at([1, 2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Declare Internet access as a flow { to: internet, hosts: [...], ports: [...] } of a public-service tenant, so that the platform stack generates the egress gateway (Squid) and its allow-list; remove egress to the egress namespace from other zones; reach the Internet only through the gateway pods on the proxy port (no other egress to the egress namespace), and remove every ip_block outside the zone, intranet and backup-storage ranges of platform.yaml.',
    zh: '互联网访问须由公共服务域租户以流向 { to: internet, hosts: [...], ports: [...] } 声明，由平台栈生成统一出口网关及其白名单；删除其他区域通往出口命名空间的出站规则；仅经网关 Pod 的代理端口访问互联网（不得以其他方式出站到出口命名空间），并删除 platform.yaml 中区域、内网和备份存储地址段之外的所有 ip_block。',
  },
  check: ({ tenant, view, model, deployment }) => {
    const known = [...model.zones.map((z) => z.cidr), model.intranetCidr, ...model.sites.map((s) => s.backupCidr), ...model.clusters.map((c) => c.podCidr)];
    const pairs = [...new Set(tenant.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts.flatMap((h) => f.ports.map((p) => `${h}:${p}`)) : [])))].sort();
    const declared = pairs.length > 0;
    const ns = model.egress.namespace;
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of policyRules(view)) {
      for (const p of r.peers) {
        const cidr = cidrOf(p);
        if (r.direction === 'egress' && isEgressPeer(p, model, deployment, r.ns.cluster)) {
          const why = notTheGateway(p, r.ports, 'egress', [EGRESS_GATEWAY.proxyPort]);
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
          else if (why) bad.push({ address: r.policy.address, field: 'spec.flows', detail: `${r.where} reaches the egress namespace ${ns}, but ${why}` });
          else ok.push({ address: r.policy.address, detail: `${r.where} reaches the Internet only through the gateway pods of ${ns} on the proxy port` });
        } else if (cidr !== undefined && !within(cidr, model.egress.cidr) && !known.some((k) => within(cidr, k))) {
          bad.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is outside the zone, intranet and backup ranges of the platform, a path around the unified egress`,
          });
        }
      }
    }
    if (declared && tenant.zone === 'public-service') judgeGateway(gatewayOn(deployment, model, tenant.cluster), tenant.cluster, ns, pairs, bad, ok);
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({ field: 'spec.flows', detail: `no path to the Internet: no egress to ${ns} and every ip_block is a platform range` });
  },
};

/** The gateway on the tenant's cluster must run and forward every declared host:port, and nothing beyond a list. */
function judgeGateway(gw: GatewayOnCluster, cluster: string, ns: string, pairs: readonly string[], bad: Evidence[], ok: Evidence[]): void {
  const where = `the egress gateway ${EGRESS_GATEWAY.name} (${cluster}/${ns})`;
  if (!gw.deployment)
    bad.push({ field: 'spec.flows', detail: `spec.flows declares Internet access but ${where} has no Deployment: no proxy carries the flows` });
  if (!gw.config) {
    bad.push({ field: 'spec.flows', detail: `spec.flows declares Internet access but ${where} has no ConfigMap with its allow-list` });
    return;
  }
  if (gw.unreadable || !gw.conf) {
    bad.push({ address: gw.config.address, field: 'spec.flows', detail: `the configuration of ${where} cannot be read: ${gw.unreadable ?? 'no squid.conf'}` });
    return;
  }
  const lines = allowedByLines(gw.conf);
  const forwarded = new Set(lines.flatMap(forwardedPairs));
  const missing = pairs.filter((p) => !forwarded.has(p));
  const open = [...forwarded].filter((p) => p.startsWith('*:') || p.endsWith(':*')).sort();
  if (allowsByDefault(gw.conf)) open.push('whatever no http_access line matches (the list does not end in http_access deny all)');
  if (missing.length > 0)
    bad.push({ address: gw.config.address, field: 'spec.flows', detail: `the allow-list of ${where} lacks the declared ${missing.join(', ')}` });
  if (open.length > 0) bad.push({ address: gw.config.address, detail: `${where} forwards ${open.join(', ')}: more than the declared host:port pairs` });
  if (missing.length === 0 && open.length === 0 && gw.deployment)
    ok.push({ address: gw.config.address, detail: `${where} forwards the declared ${pairs.join(', ')} and refuses what is not on its allow-list` });
}
