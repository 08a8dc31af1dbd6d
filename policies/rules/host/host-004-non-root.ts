/** Containers run as non-root: run_as_non_root on the pod or the container, never overridden, never user 0. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { Json } from '../../deployment';
import { nodeAgentNeed } from './node-agent-need';
import { containerName, judgePods, securityContext } from './pods';

function problem(pod: Json, c: Json): string | undefined {
  const own = securityContext(c);
  const nonRoot = own.run_as_non_root ?? pod.run_as_non_root;
  const user = own.run_as_user ?? pod.run_as_user;
  if (user !== undefined && String(user).trim() === '0') return `container ${containerName(c)} runs as user 0 (root)`;
  return nonRoot === true ? undefined : `container ${containerName(c)} does not set run_as_non_root: true (nor does its pod)`;
}

export const rule: Rule = {
  id: 'MLPS-HOST-004',
  family: 'HOST',
  title: { en: 'Containers run as non-root', zh: '容器以非 root 用户运行' },
  clauses: at([2, 3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set security_context.run_as_non_root: true on the pod (and a non-zero run_as_user, e.g. 65532), do not set it to false on any container, and build the image with a non-root USER.',
    zh: '在 Pod 上设置 security_context.run_as_non_root: true（并设置非 0 的 run_as_user，如 65532），任何容器都不得改为 false；镜像以非 root USER 构建。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) => p.containers.flatMap((c) => problem(securityContext(p.spec), c) ?? []),
      'restricted',
      'every container runs as non-root',
      nodeAgentNeed,
    ),
};
