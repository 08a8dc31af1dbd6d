/**
 * Every namespace carries its address pool (`govcloud.gov.cn/address-pool`), inside its cluster's
 * pod range and the one address-pools.yaml gives it: the CNI's IPAM gives the namespace's pods
 * addresses from it, and other clusters' NetworkPolicies name those pods by it. A namespace without
 * one gets addresses no policy can tell apart.
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { annotations } from '../../deployment';
import { ANNOTATION } from '../../../config/vocabulary';
import { readCidr, within } from '../../../config/cidr';
import { poolIndex } from './pools';

export const rule: Rule = {
  id: 'MLPS-NET-015',
  family: 'NET',
  title: { en: "Every namespace has its address pool, inside its cluster's pod range", zh: '每个命名空间都有其地址池，且位于所在集群的 Pod 地址段内' },
  clauses: at([1, 2, 3, 4], '8.1.3.2 a)'),
  cloud: false,
  severity: 'error',
  platform: 'also',
  remediation: {
    en: "Annotate every namespace with govcloud.gov.cn/address-pool: <its pool from address-pools.yaml> (govcloud synth does; run govcloud pools --write for a namespace without one); the pool lies inside the cluster's podCidr.",
    zh: '每个命名空间都应带注解 govcloud.gov.cn/address-pool: <address-pools.yaml 中的地址池>（govcloud synth 自动生成；缺少时运行 govcloud pools --write）；地址池须位于集群 podCidr 之内。',
  },
  check: ({ view, model }) => {
    const pools = poolIndex(model);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const ns of view.namespaces) {
      if (!ns.namespace) continue;
      const cluster = model.clusters.find((c) => c.name === ns.cluster);
      const pool = annotations(ns.namespace)[ANNOTATION.addressPool];
      const want = pools.byNamespace.get(`${ns.cluster}/${ns.name}`);
      const where = `namespace ${ns.cluster}/${ns.name}`;
      if (pool === undefined)
        bad.push({ address: ns.namespace.address, detail: `${where} has no ${ANNOTATION.addressPool} annotation: its pods get addresses no policy can name` });
      else if (readCidr(pool) === undefined || !cluster || !within(pool, cluster.podCidr))
        bad.push({
          address: ns.namespace.address,
          detail: `${where}: address pool ${JSON.stringify(pool)} is not inside the pod range ${cluster?.podCidr ?? '(unknown cluster)'}`,
        });
      else if (want !== undefined && want !== pool)
        bad.push({ address: ns.namespace.address, detail: `${where}: address pool ${pool} is not its pool ${want} in address-pools.yaml` });
      else ok.push({ address: ns.namespace.address, detail: `${where}: address pool ${pool}` });
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return notApplicable('no namespace synthesized');
  },
};
