/** Every container declares cpu and memory limits. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { block } from '../../deployment';
import { containerName, judgePods } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-006',
  family: 'HOST',
  title: { en: 'CPU and memory limits on every container', zh: '每个容器设置 CPU 与内存上限' },
  clauses: at([3, 4], '8.1.2.1 b)'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Give every container and init container resources.limits.cpu and resources.limits.memory (e.g. cpu "500m", memory "512Mi") within the namespace quota; do not rely on the LimitRange default.',
    zh: '为所有容器及初始化容器设置 resources.limits.cpu 与 resources.limits.memory（如 cpu "500m"、memory "512Mi"），且不超出命名空间配额；不要依赖 LimitRange 默认值。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers.flatMap((c) => {
          const limits = block(block(c, 'resources'), 'limits') ?? {};
          const missing = ['cpu', 'memory'].filter((k) => limits[k] === undefined || limits[k] === '');
          return missing.length > 0 ? [`container ${containerName(c)} has no ${missing.join(' or ')} limit`] : [];
        }),
      'level3-chart',
      'every container has cpu and memory limits',
    ),
};
