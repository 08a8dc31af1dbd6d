/** What every cross-file check reads: the platform and the tenants that passed their schema. */
import { LoadedFile, LoadedTenant } from '../load';
import { PlatformFile } from '../schema/platform';
import { Issue, issue } from '../issues';
import { fieldPath, locate, PathSegment } from '../source';
import { MessageCode, MessageParams } from '../messages';
import type { PoolsInput } from './address-pools';
import type { LoadedDrill } from '../drills';

export interface CheckContext {
  readonly platform: LoadedFile<PlatformFile>;
  readonly tenants: readonly LoadedTenant[];
  /** Every request file's `tenant/<folder>/<name>`, including files that failed their own checks. */
  readonly fileRefs: ReadonlySet<string>;
  /** address-pools.yaml; absent: pools are neither checked nor attached (every pool is empty). */
  readonly pools?: PoolsInput;
  /** The drill records that passed their own checks (drills/<tenant>/*.json); absent: none read. */
  readonly drills?: readonly LoadedDrill[];
}

/** An error (or warning) at a field of a tenant file. */
export function at(t: LoadedTenant, path: PathSegment[], code: MessageCode, params: MessageParams = {}, severity: 'error' | 'warning' = 'error'): Issue {
  return issue(severity, locate(t.source, path), fieldPath(path), code, params);
}
