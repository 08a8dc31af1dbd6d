/** Every container requests cpu and memory, so the scheduler reserves what it needs and the cluster's capacity plan holds under load. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { block } from '../../deployment';
import { containerName, judgePods } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-013',
  family: 'HOST',
  title: { en: 'CPU and memory requests on every container', zh: '每个容器设置 CPU 与内存请求量' },
  clauses: at([3, 4], '8.1.2.1 b)'),
  platform: 'also',
  cloud: false,
  severity: 'warning',
  remediation: {
    en: 'Give every container and init container resources.requests.cpu and resources.requests.memory sized for its normal load (e.g. cpu "100m", memory "128Mi").',
    zh: '为所有容器及初始化容器按正常负载设置 resources.requests.cpu 与 resources.requests.memory（如 cpu "100m"、memory "128Mi"）。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers.flatMap((c) => {
          const requests = block(block(c, 'resources'), 'requests') ?? {};
          const missing = ['cpu', 'memory'].filter((k) => requests[k] === undefined || requests[k] === '');
          return missing.length > 0 ? [`container ${containerName(c)} has no ${missing.join(' or ')} request`] : [];
        }),
      'level3-chart',
      'every container requests cpu and memory',
    ),
};
