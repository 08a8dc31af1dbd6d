/** Pods do not share the node's network, process or IPC namespaces. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { judgePods } from './pods';

const HOST = ['host_network', 'host_pid', 'host_ipc'];

export const rule: Rule = {
  id: 'MLPS-HOST-003',
  family: 'HOST',
  title: { en: 'No host network, PID or IPC namespace', zh: '不得共享宿主机网络、进程或 IPC 命名空间' },
  clauses: at([1, 2, 3, 4], '8.1.4.4'),
  platform: 'also',
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Remove host_network, host_pid and host_ipc (or set them to false) in the pod spec; reach other services through ClusterIP services and declared flows.',
    zh: '在 Pod spec 中删除 host_network、host_pid 和 host_ipc（或设为 false）；通过 ClusterIP 服务和已声明的流向访问其他服务。',
  },
  check: ({ view }) =>
    judgePods(view, (p) => HOST.filter((k) => p.spec[k] === true).map((k) => `${k} is true`), 'baseline', 'uses its own network, PID and IPC namespaces'),
};
