/** Intranet tenants reach nothing outside the intranet (物理隔离): no Internet egress, no outside ranges, no extranet namespace. */
import { LABEL } from '../../../config/vocabulary';
import { CityModel } from '../../../config/model';
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at, merge } from '../../clause';
import { labels } from '../../deployment';
import { TENANT, ZONE, cidrOf, matchLabels, policyRules } from './policies';
import { isEgressPeer, within } from './peers';

const extranetNames = new WeakMap<CityModel, ReadonlySet<string>>();
/** Names of the extranet tenants, once per model. */
function extranetTenantNames(model: CityModel): ReadonlySet<string> {
  let v = extranetNames.get(model);
  if (!v) {
    v = new Set(model.tenants.filter((t) => t.network === 'extranet').map((t) => t.name));
    extranetNames.set(model, v);
  }
  return v;
}

export const rule: Rule = {
  id: 'MLPS-NET-007',
  family: 'NET',
  title: { en: 'Intranet tenants reach nothing outside the intranet', zh: '内网租户不得连接内网以外的任何网络' },
  clauses: merge(at([1, 2, 3, 4], '8.1.3.1 a)'), at([1, 2, 3, 4], '8.2.2.1 b)')),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Remove from the intranet tenant every egress to the Internet egress gateway, every ip_block outside platform intranet.cidr (backup-storage ranges of the sites excepted) and every selector of an extranet zone; run it only on intranet clusters (spec.network: intranet).',
    zh: '删除内网租户通往互联网统一出口的出站规则、platform intranet.cidr 之外的 ip_block（站点备份存储地址段除外）以及选择外网区域的选择器；仅部署在内网集群（spec.network: intranet）。',
  },
  unwaivable: {
    en: 'the e-government intranet is physically isolated from the extranet and the Internet (Law on Guarding State Secrets; 中办发〔2002〕17号); no waiver can open a path out',
    zh: '电子政务内网与外网及互联网物理隔离（《保守国家秘密法》、中办发〔2002〕17号），不得以豁免开通任何对外通路',
  },
  check: ({ tenant, view, model, deployment }) => {
    if (tenant.network !== 'intranet') return notApplicable(`tenant is on the ${tenant.network}, not the intranet`);
    const extranetClusters = new Set(model.clusters.filter((c) => c.network === 'extranet').map((c) => c.name));
    const allowed = [model.intranetCidr, ...model.sites.map((s) => s.backupCidr)];
    const extranetZones = new Set<string>(model.zones.map((z) => z.name));
    const extranetTenants = extranetTenantNames(model);
    const bad: Evidence[] = [];
    for (const ns of view.namespaces)
      if (extranetClusters.has(ns.cluster) || ns.namespace?.network === 'extranet')
        bad.push({ address: ns.namespace?.address, field: 'spec.network', detail: `namespace ${ns.name} is placed on extranet cluster ${ns.cluster}` });
    for (const s of view.strays)
      if (extranetClusters.has(s.cluster) || s.network === 'extranet')
        bad.push({ address: s.address, detail: `namespace ${s.namespace ?? s.name} labelled with this tenant exists on extranet cluster ${s.cluster}` });
    for (const r of policyRules(view)) {
      for (const p of r.peers) {
        const cidr = cidrOf(p);
        const ml = matchLabels(p);
        if (isEgressPeer(p, model, deployment, r.ns.cluster))
          bad.push({ address: r.policy.address, detail: `${r.where} selects the Internet egress ${model.egress.namespace}` });
        else if (cidr !== undefined && !allowed.some((a) => within(cidr, a)))
          bad.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is outside the intranet ${model.intranetCidr} and the backup-storage ranges`,
          });
        else if (extranetZones.has(ml[ZONE] ?? '') || ml[LABEL.network] === 'extranet' || extranetTenants.has(ml[TENANT] ?? ''))
          bad.push({ address: r.policy.address, detail: `${r.where} selects extranet namespaces (${JSON.stringify(ml)})` });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return pass(
      ...view.namespaces.map((ns) => ({
        address: ns.namespace?.address,
        detail: `${ns.cluster}/${ns.name} on an intranet cluster (${labels(ns.namespace)[LABEL.network] ?? 'unlabelled'}), every peer inside ${
          model.intranetCidr
        } or backup storage`,
      })),
    );
  },
};
