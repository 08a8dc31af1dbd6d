/** The default service account of every tenant namespace does not mount its API token into pods. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { TfResource, block } from '../../deployment';

const DEFAULT_SA = new Set(['kubernetes_default_service_account_v1', 'kubernetes_default_service_account']);
const SA = new Set(['kubernetes_service_account_v1', 'kubernetes_service_account']);

const isDefault = (r: TfResource): boolean => DEFAULT_SA.has(r.type) || (SA.has(r.type) && block(r.body, 'metadata')?.name === 'default');

export const rule: Rule = {
  id: 'MLPS-IAM-003',
  family: 'IAM',
  title: { en: 'Default service-account token not automounted', zh: '默认服务账号不自动挂载令牌' },
  clauses: at([2, 3, 4], '8.1.4.2 d)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the kubernetes_default_service_account_v1 with automount_service_account_token = false that TenantNamespace creates in every namespace; give workloads that need the API their own ServiceAccount and Role.',
    zh: '保留 TenantNamespace 在每个命名空间创建的 kubernetes_default_service_account_v1（automount_service_account_token = false）；需要访问 API 的工作负载应使用独立的 ServiceAccount 和 Role。',
  },
  check: ({ view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const ns of view.namespaces) {
      const defaults = ns.resources.filter(isDefault);
      if (defaults.length === 0) {
        bad.push({
          address: ns.namespace?.address,
          detail: `namespace ${ns.name} on ${ns.cluster} does not manage its default service account, so the token is mounted by default`,
        });
        continue;
      }
      for (const sa of defaults) {
        if (sa.body.automount_service_account_token === false)
          ok.push({ address: sa.address, detail: `default service account of ${ns.cluster}/${ns.name} has automount off` });
        else
          bad.push({ address: sa.address, detail: `default service account of ${ns.cluster}/${ns.name} does not set automount_service_account_token = false` });
      }
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
