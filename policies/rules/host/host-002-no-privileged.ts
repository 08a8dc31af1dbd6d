/** No privileged containers. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { containerName, judgePods, securityContext } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-002',
  family: 'HOST',
  title: { en: 'No privileged containers', zh: '不得运行特权容器' },
  clauses: at([1, 2, 3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Remove security_context.privileged: true from every container and init container; a workload that needs node access belongs to the platform, not to a tenant.',
    zh: '删除所有容器及初始化容器的 security_context.privileged: true；需要访问节点的工作负载属于平台，不应由租户部署。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) => p.containers.filter((c) => securityContext(c).privileged === true).map((c) => `container ${containerName(c)} is privileged`),
      'baseline',
      'no privileged container',
    ),
};
