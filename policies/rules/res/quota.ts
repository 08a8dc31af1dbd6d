/** Shared by the RES rules: quotas and limit ranges of a tenant namespace, and the capacity clauses. */
import { NamespaceView, TfResource, block, list } from '../../deployment';
import { ClauseMap } from '../../clause';

export const QUOTA = new Set(['kubernetes_resource_quota_v1', 'kubernetes_resource_quota']);
export const LIMIT_RANGE = new Set(['kubernetes_limit_range_v1', 'kubernetes_limit_range']);

export const quotasOf = (ns: NamespaceView): TfResource[] => ns.resources.filter((r) => QUOTA.has(r.type));

export const limitRangesOf = (ns: NamespaceView): TfResource[] =>
  ns.resources.filter((r) => LIMIT_RANGE.has(r.type) && list(block(r.body, 'spec'), 'limit').length > 0);

/** The hard limits of a quota (`spec.hard`). */
export const hardOf = (q: TfResource): Record<string, unknown> => (block(block(q.body, 'spec'), 'hard') ?? {}) as Record<string, unknown>;

/**
 * 网络架构: the capacity item (业务处理能力满足高峰期需要) is 8.1.2.1 a) at levels 3–4; levels 1–2 have no
 * capacity item, so they cite the control point only (verify against the official text).
 */
export const capacity = (levels: readonly (1 | 2 | 3 | 4)[]): ClauseMap => {
  const all: ClauseMap = { 1: ['6.1.2.1'], 2: ['7.1.2.1'], 3: ['8.1.2.1 a)'], 4: ['9.1.2.1 a)'] };
  return Object.fromEntries(levels.map((l) => [l, all[l] ?? []]));
};
