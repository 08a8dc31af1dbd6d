/** The quota bounds cpu and memory (requests and limits), storage and pods. */
import { Evidence, Rule, fail, pass } from '../../types';
import { capacity, hardOf, quotasOf } from './quota';

/** Each bound, with the quota keys that set it (`cpu` and `memory` are aliases of the requests). */
const BOUNDS: readonly { readonly name: string; readonly keys: readonly string[] }[] = [
  { name: 'requests.cpu', keys: ['requests.cpu', 'cpu'] },
  { name: 'limits.cpu', keys: ['limits.cpu'] },
  { name: 'requests.memory', keys: ['requests.memory', 'memory'] },
  { name: 'limits.memory', keys: ['limits.memory'] },
  { name: 'requests.storage', keys: ['requests.storage'] },
  { name: 'pods', keys: ['pods', 'count/pods'] },
];

const set = (v: unknown): boolean => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';

export const rule: Rule = {
  id: 'MLPS-RES-003',
  family: 'RES',
  title: { en: 'Quota bounds cpu, memory, storage and pods', zh: '配额限制 CPU、内存、存储和 Pod 数量' },
  clauses: capacity([2, 3, 4]),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Give spec.quota cpu, memory, storage and pods; TenantNamespace writes requests.cpu, limits.cpu, requests.memory, limits.memory, requests.storage and pods into the ResourceQuota. Hand-written quotas must set the same keys.',
    zh: '在 spec.quota 中填写 cpu、memory、storage、pods；TenantNamespace 会在 ResourceQuota 中写入 requests.cpu、limits.cpu、requests.memory、limits.memory、requests.storage 和 pods。手写配额须设置相同的键。',
  },
  check: ({ view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const ns of view.namespaces) {
      const quotas = quotasOf(ns);
      const hard = Object.assign({}, ...quotas.map(hardOf)) as Record<string, unknown>;
      const missing = BOUNDS.filter((b) => !b.keys.some((k) => set(hard[k]))).map((b) => b.name);
      const address = quotas[0]?.address ?? ns.namespace?.address;
      if (missing.length > 0) bad.push({ address, field: 'spec.quota', detail: `${ns.cluster}/${ns.name}: quota does not bound ${missing.join(', ')}` });
      else ok.push({ address, detail: `${ns.cluster}/${ns.name}: quota bounds ${BOUNDS.map((b) => b.name).join(', ')}` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
