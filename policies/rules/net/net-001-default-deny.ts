/** Every tenant namespace denies all ingress and egress unless a policy allows it. */
import { Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { isDenyAll } from './default-deny';

export const rule: Rule = {
  id: 'MLPS-NET-001',
  family: 'NET',
  title: { en: 'Default-deny network policy in every tenant namespace', zh: '每个租户命名空间默认拒绝所有流量' },
  clauses: merge(at([1, 2, 3, 4], '8.1.3.2 a)'), at([1, 2, 3, 4], '8.2.3.1 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the default-deny NetworkPolicy (empty pod selector, Ingress and Egress, no rules) that TenantEnvironment creates; open traffic only with declared flows.',
    zh: '保留 TenantEnvironment 创建的默认拒绝 NetworkPolicy（空 pod 选择器、Ingress 与 Egress、无规则）；仅通过声明的流向放行。',
  },
  check: ({ view }) => {
    const missing = view.namespaces.filter((ns) => !ns.resources.some((r) => r.type.startsWith('kubernetes_network_policy') && isDenyAll(r.body)));
    if (missing.length > 0) {
      return fail(
        ...missing.map((ns) => ({ address: ns.namespace?.address, detail: `namespace ${ns.name} on ${ns.cluster} has no default-deny NetworkPolicy` })),
      );
    }
    return pass(
      ...view.namespaces.map((ns) => {
        const p = ns.resources.find((r) => r.type.startsWith('kubernetes_network_policy') && isDenyAll(r.body));
        return { address: p?.address, detail: `default-deny in ${ns.cluster}/${ns.name}` };
      }),
    );
  },
};
