/**
 * The unified egress allows each tenant's Internet hosts to that tenant only: on every cluster that
 * serves the tenant, the gateway's allow lines for its hosts (`t_<tenant>_<n>_dst`) come only from its
 * own source ACL (`t_<tenant>_src`), whose ranges are the tenant's own addresses; no allow line is
 * without a source ACL; and its destination ACLs hold only the hosts it declared.
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { CityModel, Tenant, isServing, namespaceName, replicatedEnvironment } from '../../../config/model';
import { ANNOTATION } from '../../../config/vocabulary';
import { Deployment, annotations } from '../../deployment';
import { gatewayOn } from './gateway';
import { namespaceObject, within } from './peers';
import { allowedByLines } from './squid';

/** Squid's dstdomain form of a declared host (`*.x` is `.x`). */
const domain = (h: string): string => (h.startsWith('*.') ? h.slice(1) : h);

/**
 * The tenant's own address ranges on a cluster: the address pools its namespaces there carry
 * (govcloud.gov.cn/address-pool), or, where none does, the range of its zone.
 */
function ownRanges(model: CityModel, d: Deployment, t: Tenant, cluster: string): { ranges: string[]; from: string } {
  const names = t.cluster === cluster ? t.environments.map((e) => namespaceName(t.name, e)) : [namespaceName(t.name, replicatedEnvironment(t))];
  const pools = names.flatMap((n) => {
    const pool = annotations(namespaceObject(d, cluster, n))[ANNOTATION.addressPool];
    return pool ? [pool] : [];
  });
  if (pools.length > 0) return { ranges: pools, from: `the address pools of ${names.join(', ')}` };
  const zone = model.zones.find((z) => z.name === t.zone)?.cidr;
  return { ranges: zone ? [zone] : [], from: `the range of zone ${t.zone} (no namespace of the tenant carries an address pool)` };
}

export const rule: Rule = {
  id: 'MLPS-NET-016',
  family: 'NET',
  title: { en: "Each tenant's Internet allow-list only from its own addresses", zh: '各租户的互联网白名单仅对其自身地址放行' },
  clauses: at([1, 2, 3, 4], '8.1.3.2 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Let the platform stack generate the egress gateway's squid.conf: every http_access allow line names the tenant's own src ACL (t_<tenant>_src, the tenant's address ranges) with its own dstdomain and port ACLs; remove allow lines without a src ACL and lines that join one tenant's hosts to another tenant's sources.",
    zh: '由平台栈生成出口网关的 squid.conf：每条 http_access allow 规则须同时引用该租户自身的 src ACL（t_<租户>_src，即租户自身地址段）及其 dstdomain 与 port ACL；删除没有 src ACL 的放行规则，以及把一个租户的目标主机放行给另一租户源地址的规则。',
  },
  check: ({ tenant, model, deployment }) => {
    const declared = new Set(tenant.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts.map(domain) : [])));
    // judged for every tenant, so that the requirement it shows is settled for all of them (NET-005 judges Internet access of the others)
    if (declared.size === 0 || tenant.zone !== 'public-service')
      return pass({ field: 'spec.flows', detail: 'the tenant declares no Internet flow: no egress allow-list entry is its own' });
    const clusters = [tenant.cluster, ...tenant.replicas.filter(isServing).map((r) => r.cluster)];
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    const src = `t_${tenant.name}_src`;
    const mine = new RegExp(`^t_${tenant.name.replace(/[-]/g, '\\-')}_[0-9]+_dst$`);
    for (const cluster of [...new Set(clusters)]) {
      const gw = gatewayOn(deployment, model, cluster, 'egress');
      if (!gw.conf || !gw.config) continue; // a missing gateway is NET-005's and NET-018's to judge
      const where = `the egress gateway on ${cluster}`;
      const lines = allowedByLines(gw.conf);
      for (const l of lines.filter((x) => x.sources === undefined))
        bad.push({
          address: gw.config.address,
          detail: `${where}, squid.conf line ${l.line}: an http_access allow without a src ACL is reachable from every source`,
        });
      const own = lines.filter((l) => l.dstAcls.some((a) => mine.test(a)));
      for (const l of own.filter((x) => !(x.srcAcls.length === 1 && x.srcAcls[0] === src))) {
        const from = l.srcAcls.length === 0 ? 'every source' : l.srcAcls.join(', ');
        bad.push({
          address: gw.config.address,
          detail: `${where}, squid.conf line ${l.line}: the hosts of ${tenant.name} are allowed from ${from}, not only from ${src}`,
        });
      }
      const { ranges, from } = ownRanges(model, deployment, tenant, cluster);
      const srcValues = gw.conf.acls.get(src)?.values ?? [];
      const foreign = srcValues.filter((c) => !ranges.some((r) => within(c, r)));
      if (foreign.length > 0)
        bad.push({ address: gw.config.address, detail: `${where}: ${src} allows ${foreign.join(', ')}, outside ${from} (${ranges.join(', ') || 'none'})` });
      const extra = [...new Set(own.flatMap((l) => l.domains ?? []))].filter((h) => !declared.has(h)).sort();
      if (extra.length > 0)
        bad.push({
          address: gw.config.address,
          field: 'spec.flows',
          detail: `${where}: the allow-list of ${tenant.name} holds hosts it did not declare: ${extra.join(', ')}`,
        });
      if (own.length > 0 && bad.length === 0)
        ok.push({
          address: gw.config.address,
          detail: `${where} allows the hosts of ${tenant.name} from ${src} only (${srcValues.join(', ')}, within ${from})`,
        });
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({
      field: 'spec.flows',
      detail: 'no egress gateway on the clusters that serve the tenant holds an entry for it (NET-005 and NET-018 judge whether one should)',
    });
  },
};
