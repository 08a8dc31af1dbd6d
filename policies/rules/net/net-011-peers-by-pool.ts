/**
 * A peer on another cluster is named by its namespace's address pool there, exactly: never a zone's
 * range (every cluster uses the same ranges and no pod's address comes from them, so such a rule
 * matches nothing real while admitting every other tenant of the zone), never a wider or narrower
 * block, never a pool of the namespace's own cluster (there, peers go by namespace labels).
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { cidrOf, policyRules } from './policies';
import { namesPods, poolIndex } from './pools';

export const rule: Rule = {
  id: 'MLPS-NET-011',
  family: 'NET',
  title: {
    en: "A peer on another cluster is named by exactly its namespace's address pool",
    zh: '其他集群上的对端必须以其命名空间地址池精确指定',
  },
  clauses: at([1, 2, 3, 4], '8.1.3.2 a)', '8.1.3.2 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Name a tenant on another cluster by the pool of its namespace there (address-pools.yaml, kept by govcloud pools --write; govcloud synth writes the policies): an ip_block of a zone's range, or of any block that is not exactly a pool of another cluster, matches the wrong pods. Peers on the same cluster are named by namespace labels.",
    zh: '其他集群上的租户应以其在该集群的命名空间地址池（address-pools.yaml，由 govcloud pools --write 维护；策略由 govcloud synth 生成）指定：以区域地址段或任何并非其他集群地址池的 ip_block 指定对端，会匹配到错误的 Pod。同一集群上的对端以命名空间标签指定。',
  },
  check: ({ view, model }) => {
    const pools = poolIndex(model);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of policyRules(view)) {
      for (const p of r.peers) {
        const cidr = cidrOf(p);
        if (cidr === undefined || !namesPods(model, cidr)) continue;
        const owners = pools.byCidr.get(cidr) ?? [];
        const elsewhere = owners.filter((o) => o.cluster !== r.ns.cluster);
        if (elsewhere.length > 0) {
          ok.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is the pool of ${elsewhere.map((o) => `${o.cluster}/${o.namespace}`).join(', ')}`,
          });
        } else if (owners.length > 0) {
          bad.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is the pool of ${owners[0].namespace} on the same cluster ${r.ns.cluster}; name it by its namespace labels`,
          });
        } else {
          const zone = model.zones.find((z) => z.cidr === cidr)?.name;
          bad.push({
            address: r.policy.address,
            detail: `${r.where}: ip_block ${cidr} is ${zone ? `the range of zone ${zone}` : 'not the pool of any namespace'}; a peer on another cluster is named by exactly its namespace's pool there`,
          });
        }
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return notApplicable('no NetworkPolicy of the tenant names an address range of pods or zones');
  },
};
