/** Every tenant namespace has a ResourceQuota, so no tenant can take the capacity others need. */
import { Rule, fail, pass } from '../../types';
import { capacity, quotasOf } from './quota';

export const rule: Rule = {
  id: 'MLPS-RES-001',
  family: 'RES',
  title: { en: 'ResourceQuota in every tenant namespace', zh: '每个租户命名空间设置 ResourceQuota' },
  clauses: capacity([1, 2, 3, 4]),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the ResourceQuota "quota" that TenantNamespace creates from spec.quota in every namespace, DR replicas included; do not delete it in hand-written Terraform.',
    zh: '保留 TenantNamespace 根据 spec.quota 在每个命名空间（含灾备副本）创建的 ResourceQuota "quota"；不得在手写 Terraform 中删除。',
  },
  check: ({ view }) => {
    const missing = view.namespaces.filter((ns) => quotasOf(ns).length === 0);
    if (missing.length > 0)
      return fail(...missing.map((ns) => ({ address: ns.namespace?.address, detail: `namespace ${ns.name} on ${ns.cluster} has no ResourceQuota` })));
    return pass(...view.namespaces.map((ns) => ({ address: quotasOf(ns)[0].address, detail: `ResourceQuota in ${ns.cluster}/${ns.name}` })));
  },
};
