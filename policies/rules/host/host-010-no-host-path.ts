/** No host_path volumes. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { list } from '../../deployment';
import { nodeAgentNeed } from './node-agent-need';
import { judgePods } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-010',
  family: 'HOST',
  title: { en: 'No host path volumes', zh: '不得挂载宿主机路径卷' },
  clauses: at([2, 3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Replace host_path volumes with a persistent_volume_claim (data), config_map or secret (configuration) or empty_dir (scratch); tenant workloads never read or write node files.',
    zh: '将 host_path 卷改为 persistent_volume_claim（数据）、config_map 或 secret（配置）或 empty_dir（临时文件）；租户工作负载不得读写节点文件。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        list(p.spec, 'volume')
          .filter((v) => v.host_path !== undefined)
          .map((v) => `volume ${String(v.name ?? '(unnamed)')} mounts a host path`),
      'baseline',
      'no host path volume',
      nodeAgentNeed,
    ),
};
