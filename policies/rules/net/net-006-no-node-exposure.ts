/** No NodePort or LoadBalancer service (nor host ports) in tenant namespaces, and the quota forbids them. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { block, list, podSpecs } from '../../deployment';

const SERVICE = new Set(['kubernetes_service_v1', 'kubernetes_service']);
const QUOTA = new Set(['kubernetes_resource_quota_v1', 'kubernetes_resource_quota']);
const KEYS = ['services.nodeports', 'services.loadbalancers'];

export const rule: Rule = {
  id: 'MLPS-NET-006',
  family: 'NET',
  title: { en: 'No NodePort or LoadBalancer services in tenant namespaces', zh: '租户命名空间不得使用 NodePort 或 LoadBalancer 服务' },
  clauses: at([2, 3, 4], '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Use type ClusterIP services and remove host_port from containers; Internet exposure goes through spec.exposure.internet (public-service zone) and the platform gateway. Keep services.nodeports "0" and services.loadbalancers "0" in the namespace ResourceQuota that TenantNamespace creates.',
    zh: '服务改用 ClusterIP 类型并删除容器的 host_port；对互联网暴露须经 spec.exposure.internet（公共服务域）和平台网关。保留 TenantNamespace 创建的 ResourceQuota 中 services.nodeports "0" 与 services.loadbalancers "0"。',
  },
  check: ({ view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const ns of view.namespaces) {
      for (const s of ns.resources.filter((r) => SERVICE.has(r.type))) {
        const type = String(block(s.body, 'spec')?.type ?? 'ClusterIP');
        if (type === 'NodePort' || type === 'LoadBalancer') bad.push({ address: s.address, detail: `service in ${ns.cluster}/${ns.name} has type ${type}` });
      }
      for (const p of podSpecs(ns.resources)) {
        const ports = p.containers.flatMap((c) => list(c, 'port')).filter((x) => Number(x.host_port ?? 0) > 0);
        for (const x of ports)
          bad.push({ address: p.resource.address, detail: `a container in ${ns.cluster}/${ns.name} binds host_port ${String(x.host_port)} on the node` });
      }
      const quotas = ns.resources.filter((r) => QUOTA.has(r.type));
      const closing = quotas.find((q) => {
        const hard = (block(block(q.body, 'spec'), 'hard') ?? {}) as Record<string, unknown>;
        return KEYS.every((k) => /^0+$/.test(String(hard[k] ?? '')));
      });
      if (closing)
        ok.push({ address: closing.address, detail: `ResourceQuota in ${ns.cluster}/${ns.name} holds services.nodeports and services.loadbalancers at 0` });
      else
        bad.push({
          address: quotas[0]?.address ?? ns.namespace?.address,
          detail: `no ResourceQuota in ${ns.cluster}/${ns.name} holds services.nodeports "0" and services.loadbalancers "0"`,
        });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
