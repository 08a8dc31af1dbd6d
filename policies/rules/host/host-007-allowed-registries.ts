/** Images only from the platform's allowed registries. */
import { Rule } from '../../types';
import { at, merge } from '../../clause';
import { containerName, judgePods } from './pods';

import { fromRegistry } from '../../../config/checks/images';

export { fromRegistry };

export const rule: Rule = {
  id: 'MLPS-HOST-007',
  family: 'HOST',
  title: { en: 'Images only from the allowed registries', zh: '镜像仅来自平台允许的镜像仓库' },
  clauses: merge(at([1, 2, 3, 4], '8.1.4.5'), at([2, 3, 4], '8.2.4.4 a)')),
  platform: 'also',
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Push the image to an allowed registry listed under registries in platform.yaml (scanned and hardened there) and reference it by that full name, e.g. registry.<city>.gov.cn/<project>/<app>:<version>.',
    zh: '将镜像推送到 platform.yaml 中 registries 所列的允许仓库（在该处扫描加固），并以完整名称引用，例如 registry.<城市>.gov.cn/<项目>/<应用>:<版本>。',
  },
  check: ({ view, model }) =>
    judgePods(
      view,
      (p) =>
        p.containers
          .filter((c) => typeof c.image !== 'string' || !model.registries.some((r) => fromRegistry(c.image as string, r)))
          .map((c) => `container ${containerName(c)} uses image ${String(c.image ?? '(none)')}, not from ${model.registries.join(', ')}`),
      'registry-chart',
      `every image comes from ${model.registries.join(', ')}`,
    ),
};
