/** Every container has a read-only root filesystem. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { containerName, judgePods, securityContext } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-005',
  family: 'HOST',
  title: { en: 'Read-only root filesystem', zh: '容器根文件系统只读' },
  clauses: at([3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set security_context.read_only_root_filesystem: true on every container and init container; mount an empty_dir volume where the program must write (e.g. /tmp).',
    zh: '为所有容器及初始化容器设置 security_context.read_only_root_filesystem: true；程序需要写入的位置（如 /tmp）挂载 empty_dir 卷。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers
          .filter((c) => securityContext(c).read_only_root_filesystem !== true)
          .map((c) => `container ${containerName(c)} has a writable root filesystem`),
      'level3-chart',
      'every container has a read-only root filesystem',
    ),
};
