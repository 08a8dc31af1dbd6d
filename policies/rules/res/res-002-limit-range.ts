/** Every tenant namespace has a LimitRange, so containers without requests and limits get defaults. */
import { Rule, fail, pass } from '../../types';
import { capacity, limitRangesOf } from './quota';

export const rule: Rule = {
  id: 'MLPS-RES-002',
  family: 'RES',
  title: { en: 'LimitRange in every tenant namespace', zh: '每个租户命名空间设置 LimitRange' },
  clauses: capacity([1, 2, 3, 4]),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the LimitRange "defaults" that TenantNamespace creates (default and default request per container, max at the quota) in every namespace, DR replicas included.',
    zh: '保留 TenantNamespace 在每个命名空间（含灾备副本）创建的 LimitRange "defaults"（容器默认请求与限制，上限为配额）。',
  },
  check: ({ view }) => {
    const missing = view.namespaces.filter((ns) => limitRangesOf(ns).length === 0);
    if (missing.length > 0)
      return fail(...missing.map((ns) => ({ address: ns.namespace?.address, detail: `namespace ${ns.name} on ${ns.cluster} has no LimitRange with limits` })));
    return pass(...view.namespaces.map((ns) => ({ address: limitRangesOf(ns)[0].address, detail: `LimitRange in ${ns.cluster}/${ns.name}` })));
  },
};
