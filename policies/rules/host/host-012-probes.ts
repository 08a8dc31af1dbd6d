/** Long-running containers declare liveness and readiness probes, so a hung or unready process is replaced and taken out of service. */
import { Rule } from '../../types';
import { block } from '../../deployment';
import { containerName, judgePods } from './pods';

/** Workloads whose containers run until stopped (jobs run to completion and need no probes). */
const LONG_RUNNING = /^kubernetes_(deployment|stateful_set|statefulset|daemon_set|daemonset|replication_controller|pod)(_v1)?$/;

export const rule: Rule = {
  id: 'MLPS-HOST-012',
  family: 'HOST',
  title: { en: 'Liveness and readiness probes on long-running containers', zh: '长期运行的容器配置存活与就绪探针' },
  clauses: {},
  hygiene: {
    levels: [2, 3, 4],
    why: {
      en: 'good practice beyond GB/T 22239: the standard asks for availability (8.1.2.1) but not for probes as such',
      zh: '超出 GB/T 22239 的良好实践：标准要求可用性（8.1.2.1），未具体要求探针',
    },
  },
  platform: 'also',
  cloud: false,
  severity: 'warning',
  remediation: {
    en: 'Give every container of a Deployment, StatefulSet or DaemonSet a liveness_probe and a readiness_probe (http_get, tcp_socket, grpc or exec) that check the process itself.',
    zh: '为 Deployment、StatefulSet、DaemonSet 的每个容器配置 liveness_probe 与 readiness_probe（http_get、tcp_socket、grpc 或 exec），检查进程本身。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        LONG_RUNNING.test(p.resource.type)
          ? p.containers
              .filter((c) => !p.spec.init_container || !(p.spec.init_container as unknown[]).includes(c))
              .flatMap((c) => {
                const missing = ['liveness_probe', 'readiness_probe'].filter((k) => block(c, k) === undefined);
                return missing.length > 0 ? [`container ${containerName(c)} has no ${missing.join(' or ')}`] : [];
              })
          : [],
      'none',
      'every long-running container has liveness and readiness probes',
    ),
};
