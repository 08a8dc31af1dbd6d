/**
 * What a quota value must be beyond its form: not zero, not below the smallest quota a namespace
 * can be given (config/schema/limits.ts), and a whole number of millicores or bytes (`1e-9` cores,
 * `"0.5"` bytes are forms of nothing).
 */
import { exactBytes, exactMillis, formatBytes, formatCpu, isWholeQuantity } from '../quantity';
import { MIN_QUOTA_CPU_MILLIS, MIN_QUOTA_MEMORY_BYTES, MIN_QUOTA_STORAGE_BYTES } from './limits';

export type QuotaResource = 'cpu' | 'memory' | 'storage';

/** The code and parameters of a refinement issue (config/schema-issues.ts renders it). */
export interface QuotaProblem {
  readonly code: string;
  readonly [param: string]: string | number;
}

const ZERO = /^0+(\.0+)?(m|Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;

const WHY = {
  cpu: {
    why_en: 'the namespace gives each container a default CPU limit of 500m (its LimitRange), and Kubernetes refuses a default above the quota',
    why_zh: '命名空间的 LimitRange 为每个容器设置默认 CPU 上限 500m，Kubernetes 不接受高于配额的默认值',
  },
  memory: {
    why_en: 'the namespace gives each container a default memory limit of 512Mi (its LimitRange), and Kubernetes refuses a default above the quota',
    why_zh: '命名空间的 LimitRange 为每个容器设置默认内存上限 512Mi，Kubernetes 不接受高于配额的默认值',
  },
  storage: {
    why_en: 'that is less than the smallest volume a storage class commonly provisions',
    why_zh: '小于存储类通常可分配的最小卷',
  },
} as const;

const MIN = { cpu: MIN_QUOTA_CPU_MILLIS, memory: MIN_QUOTA_MEMORY_BYTES, storage: MIN_QUOTA_STORAGE_BYTES } as const;

/** The problem with one quota value, or undefined when it is fine (or not a quantity at all: the schema's pattern says so). */
export function quotaProblem(resource: QuotaResource, v: string | number): QuotaProblem | undefined {
  const shown = JSON.stringify(v);
  if (ZERO.test(String(v))) return { code: 'tenant.zeroQuota', value: shown };
  const amount = resource === 'cpu' ? exactMillis(v) : typeof v === 'string' ? exactBytes(v) : NaN;
  if (Number.isNaN(amount)) return undefined;
  const min = resource === 'cpu' ? formatCpu(MIN.cpu) : formatBytes(MIN[resource]);
  if (amount < MIN[resource]) return { code: 'quota.belowMinimum', resource, value: shown, min, ...WHY[resource] };
  if (!isWholeQuantity(v, resource === 'cpu' ? 'cpu' : 'bytes'))
    return resource === 'cpu'
      ? { code: 'quota.fraction', resource, value: shown, unit_en: 'millicores (1m)', unit_zh: '毫核（1m）', example: '"1500m"' }
      : { code: 'quota.fraction', resource, value: shown, unit_en: 'bytes', unit_zh: '字节', example: '1536Mi' };
  return undefined;
}
