/**
 * The platform's own namespaces (the centre's system namespace, Velero's, the zones', the unified
 * egress, the Internet ingress) deny all ingress and egress by default, like a tenant's: Velero able to reach 0.0.0.0/0 on
 * every port is a way out of the cluster nobody declared.
 */
import { Rule, fail, pass, notApplicable } from '../../types';
import { at } from '../../clause';
import { labels } from '../../deployment';
import { ROLE } from './policies';
import { isDenyAll } from './default-deny';
import { INGRESS_GATEWAY } from '../../../config/vocabulary';

/** Namespace roles govcloud gives the platform's namespaces. */
export const PLATFORM_ROLES: readonly string[] = ['platform', 'backup', 'zone', 'internet-egress', INGRESS_GATEWAY.role];

export const rule: Rule = {
  id: 'MLPS-NET-013',
  family: 'NET',
  title: { en: 'Default-deny network policy in every platform namespace', zh: '每个平台命名空间默认拒绝所有流量' },
  clauses: at([1, 2, 3, 4], '8.1.3.2 a)', '8.1.3.1 a)'),
  cloud: false,
  severity: 'error',
  platform: 'only',
  remediation: {
    en: 'Keep the default-deny NetworkPolicy (empty pod selector, Ingress and Egress, no rules) in every platform namespace (govcloud-system, velero, zone-*, the egress, the ingress), then allow only what the platform service needs: Velero its backup storage, the API server and DNS.',
    zh: '每个平台命名空间（govcloud-system、velero、zone-*、统一出口、互联网接入）都应保留默认拒绝 NetworkPolicy（空 pod 选择器、Ingress 与 Egress、无规则），再仅放行平台服务所需：Velero 仅可访问备份存储、API 服务器和 DNS。',
  },
  check: ({ view }) => {
    const platform = view.namespaces.filter((ns) => PLATFORM_ROLES.includes(labels(ns.namespace)[ROLE] ?? ''));
    if (platform.length === 0) return notApplicable('no namespace of a platform role on this cluster');
    const deny = (ns: (typeof platform)[number]) => ns.resources.find((r) => r.type.startsWith('kubernetes_network_policy') && isDenyAll(r.body));
    const missing = platform.filter((ns) => !deny(ns));
    if (missing.length > 0) {
      return fail(
        ...missing.map((ns) => ({
          address: ns.namespace?.address,
          detail: `platform namespace ${ns.name} (role ${labels(ns.namespace)[ROLE]}) on ${ns.cluster} has no default-deny NetworkPolicy for ingress and egress`,
        })),
      );
    }
    return pass(...platform.map((ns) => ({ address: deny(ns)?.address, detail: `default-deny in ${ns.cluster}/${ns.name}` })));
  },
};
