/** Every container runs under the RuntimeDefault or a Localhost seccomp profile, from the pod or the container. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { block } from '../../deployment';
import { containerName, judgePods, securityContext } from './pods';

const ALLOWED = ['RuntimeDefault', 'Localhost'];

export const rule: Rule = {
  id: 'MLPS-HOST-011',
  family: 'HOST',
  title: { en: 'Seccomp profile RuntimeDefault or Localhost', zh: '启用 RuntimeDefault 或 Localhost seccomp 配置' },
  clauses: at([3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set security_context.seccomp_profile { type: "RuntimeDefault" } on the pod (or Localhost with a profile installed on the nodes) and do not set Unconfined on any container.',
    zh: '在 Pod 上设置 security_context.seccomp_profile { type: "RuntimeDefault" }（或使用节点上已安装配置的 Localhost），任何容器都不得设为 Unconfined。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) => {
        const podType = block(securityContext(p.spec), 'seccomp_profile')?.type;
        return p.containers.flatMap((c) => {
          const type = block(securityContext(c), 'seccomp_profile')?.type ?? podType;
          return ALLOWED.includes(String(type))
            ? []
            : [`container ${containerName(c)} runs with seccomp ${type === undefined ? 'unset (Unconfined on most runtimes)' : String(type)}`];
        });
      },
      'restricted',
      'every container runs under a RuntimeDefault or Localhost seccomp profile',
    ),
};
