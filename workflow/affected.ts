/**
 * The stacks a change affects, for `plan --affected-by` and `stacks --affected-by` (the list a CI
 * system fans out over): those whose synthesized resources differ from REF. Refused, like the pull
 * request, while a tenant would lose data without an approved decommission at REF, or while the
 * request files have errors: a per-stack job cannot see that gate, so it is kept here.
 */
import { runPr } from './pr';

export interface Affected {
  /** Why no stack may be planned from this change; empty when it may. */
  readonly refused: readonly string[];
  /** Names of the stacks whose synthesized resources differ, retired ones included. */
  readonly stacks: readonly string[];
}

export function affectedBy(ref: string, env: string): Affected {
  const result = runPr(ref, env);
  const refused = [
    ...(result.headIssues.some((i) => i.severity === 'error') ? [`validation errors in the request files (run govcloud validate)`] : []),
    ...result.risks
      .filter((r) => !r.approved)
      .map((r) => `${r.what} for ${r.tenant} without an approved decommission at ${ref} (spec.decommission): data at risk in ${r.namespaces.join(', ')}`),
  ];
  // a slice can differ where its output does not: only stacks with resource changes
  const stacks = refused.length > 0 ? [] : result.stacks.filter((s) => result.resources.some((r) => r.stack === s));
  return { refused, stacks };
}
