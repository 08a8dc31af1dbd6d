/** Every tenant namespace carries the tenant, zone and network labels the model gives it. */
import { LABEL } from '../../../config/vocabulary';
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { labels } from '../../deployment';
import { TENANT, ZONE } from './policies';

const NETWORK = LABEL.network;

export const rule: Rule = {
  id: 'MLPS-NET-003',
  family: 'NET',
  title: { en: 'Tenant namespaces labelled with their zone and network', zh: '租户命名空间标注所属安全区域与网络' },
  clauses: at([2, 3, 4], '8.1.2.1 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Let TenantEnvironment create the namespaces and do not override their labels: govcloud.gov.cn/tenant, govcloud.gov.cn/zone (spec.zone, or intranet) and govcloud.gov.cn/network (spec.network) must match the request, because zone policies select namespaces by these labels.',
    zh: '由 TenantEnvironment 创建命名空间，不要改写其标签：govcloud.gov.cn/tenant、govcloud.gov.cn/zone（spec.zone，内网为 intranet）和 govcloud.gov.cn/network（spec.network）须与申请一致，区域策略按这些标签选择命名空间。',
  },
  check: ({ tenant, view }) => {
    const want: Record<string, string> = { [TENANT]: tenant.name, [ZONE]: tenant.zone, [NETWORK]: tenant.network };
    const bad = view.namespaces.flatMap((ns) => {
      if (!ns.namespace) return [{ field: 'spec.environments', detail: `namespace ${ns.name} is not synthesized on cluster ${ns.cluster}` }];
      const l = labels(ns.namespace);
      const wrong = Object.entries(want).filter(([k, v]) => l[k] !== v);
      return wrong.length === 0
        ? []
        : [
            {
              address: ns.namespace.address,
              field: 'spec.zone',
              detail: `namespace ${ns.cluster}/${ns.name}: ${wrong.map(([k, v]) => `${k} is ${l[k] === undefined ? 'missing' : `"${l[k]}"`}, the model says "${v}"`).join('; ')}`,
            },
          ];
    });
    if (bad.length > 0) return fail(...bad);
    return pass(
      ...view.namespaces.map((ns) => ({
        address: ns.namespace?.address,
        detail: `${ns.cluster}/${ns.name} labelled zone ${tenant.zone}, network ${tenant.network}`,
      })),
    );
  },
};
