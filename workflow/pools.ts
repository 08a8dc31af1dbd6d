/**
 * `govcloud pools`: address-pools.yaml brought up to date with the namespaces the requests ask for,
 * as a lock file is: existing entries kept, new namespaces given the lowest free block, entries of
 * removed namespaces dropped. Runs on the draft model, so a request still being written (a TODO
 * approval) gets its pools too; refuses when the platform or the file itself is broken.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadPools, validateEnvironment } from '../config/validate';
import { diskSource } from '../config/files';
import { Issue } from '../config/issues';
import { allocatePools, Allocation } from '../config/pools/allocate';
import { wantedNamespaces } from '../config/pools/namespaces';
import { renderPools } from '../config/pools/file';
import { ADDRESS_POOLS_FILE } from '../config/schema/address-pools';
import { poolTable } from '../config/resolve/pools';
import { forgetParsedTexts } from '../config/source';

export type PoolsUpdate =
  | { readonly ok: true; readonly file: string; readonly text: string; readonly changed: boolean; readonly allocation: Allocation }
  /** The issues that stop the allocation: the platform file's or the pool file's own. */
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** What `--write` would write, and whether it differs from the file on disk. */
export function updatePools(envDir: string): PoolsUpdate {
  const result = validateEnvironment(envDir);
  forgetParsedTexts();
  const file = path.join(envDir, ADDRESS_POOLS_FILE);
  const blocking = result.issues.filter(
    // what pools --write mends (a missing file or entry, one outside its range or overlapping) does not stop it
    (i) =>
      i.severity === 'error' &&
      (i.file.endsWith(ADDRESS_POOLS_FILE) ? !i.code.startsWith('pools.') && i.code !== 'cidr.overlap' : i.file.endsWith('platform.yaml')),
  );
  const draft = result.draft;
  if (!draft || blocking.length > 0) return { ok: false, issues: blocking.length > 0 ? blocking : result.issues };
  // what the file holds, read as validation read it (a malformed file stopped us above)
  const existing = poolTable({ pools: loadPools(envDir, diskSource, []) });
  const allocation = allocatePools(draft.clusters, wantedNamespaces(draft), existing);
  const text = renderPools(allocation.pools);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  return { ok: true, file, text, changed: before !== text, allocation };
}

/** Writes the update when it changes the file; the file's path. */
export function writePools(update: Extract<PoolsUpdate, { ok: true }>): string {
  if (update.changed) fs.writeFileSync(update.file, update.text, 'utf8');
  return update.file;
}
