/**
 * A DR drill record: what `govcloud drill` did for one tenant, what it measured and what it verified.
 * Written as JSON next to the environment (`drills/<tenant>/<at>-<to cluster>.json`), read back by
 * the rules and the reports as evidence that a restore was made and timed (等保 8.1.4.9 / 8.1.4.10).
 *
 * The schema of a record file and its reader live in the configuration layer (config/schema/drill-record.ts,
 * config/drills.ts), because validation reads records beside the request files and config imports
 * nothing above it; they are re-exported here for the drill command. The writer is here: only a drill writes a record.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DrillRecordFile, drillFileName, drillRecordSchema } from '../config/schema/drill-record';
import { DRILLS_DIR } from '../config/drills';

export { drillRecordSchema, drillFileName, UTC_INSTANT } from '../config/schema/drill-record';
export type { DrillRecordFile } from '../config/schema/drill-record';
export { readDrillRecords, DRILLS_DIR } from '../config/drills';
export type { DrillsRead, LoadedDrill } from '../config/drills';

export interface DrillPlace {
  readonly cluster: string;
  readonly namespace: string;
  /** The backup site whose storage the backup went to (from) or was read from (to). */
  readonly site: string;
}

export interface DrillCheck {
  /** What was compared: `ConfigMap/app-config`, `file:/data/drill.bin`, … */
  readonly what: string;
  /** Before the backup (a digest or a count), and after the restore. */
  readonly before: string;
  readonly after: string;
  readonly ok: boolean;
}

export interface DrillRecord {
  readonly version: 1;
  readonly tenant: string;
  /** The tenant environment drilled (prod, test, …). */
  readonly environment: string;
  /** The tenant's DR tier (hot-standby, …) and the site role of the target (same-city, remote). */
  readonly tier: string;
  readonly from: DrillPlace;
  readonly to: DrillPlace;
  readonly backup: { readonly name: string; readonly location: string; readonly startedAt: string; readonly completedAt: string };
  readonly restore: { readonly name: string; readonly location: string; readonly startedAt: string; readonly completedAt: string; readonly readyAt: string };
  /** Backup age when the restore started (RPO) and restore start → restored and verified (RTO), seconds. */
  readonly measured: { readonly rpoSeconds: number; readonly rtoSeconds: number };
  /** The tier's targets from platform.yaml, seconds. */
  readonly targets: { readonly rpoSeconds: number; readonly rtoSeconds: number };
  readonly checks: readonly DrillCheck[];
  /** pass only when every check is ok and both measures are within their targets. */
  readonly result: 'pass' | 'fail';
  /** Why it failed, one bilingual line each (中文 / English); empty on pass. */
  readonly failures: readonly string[];
  /** Who ran it (the operator's name as given, never a credential) and when it finished (ISO 8601, UTC). */
  readonly by: string;
  readonly at: string;
}

/** The interface and the schema say the same: every valid file is a DrillRecord, with the same keys (a compile error here when one changes alone). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_INTERFACE: Same<keyof DrillRecord, keyof DrillRecordFile> = true;
export const readAsRecord = (r: DrillRecordFile): DrillRecord => r;

/**
 * A record as its file holds it: keys in the interface's order (not sorted: a reader finds tenant,
 * places, times, measures and result where the interface puts them), two-space indent, a final
 * newline. The same record gives the same bytes.
 */
export function drillRecordJson(r: DrillRecord): string {
  const place = (p: DrillPlace) => ({ cluster: p.cluster, namespace: p.namespace, site: p.site });
  const ordered = {
    version: r.version,
    tenant: r.tenant,
    environment: r.environment,
    tier: r.tier,
    from: place(r.from),
    to: place(r.to),
    backup: { name: r.backup.name, location: r.backup.location, startedAt: r.backup.startedAt, completedAt: r.backup.completedAt },
    restore: {
      name: r.restore.name,
      location: r.restore.location,
      startedAt: r.restore.startedAt,
      completedAt: r.restore.completedAt,
      readyAt: r.restore.readyAt,
    },
    measured: { rpoSeconds: r.measured.rpoSeconds, rtoSeconds: r.measured.rtoSeconds },
    targets: { rpoSeconds: r.targets.rpoSeconds, rtoSeconds: r.targets.rtoSeconds },
    checks: r.checks.map((c) => ({ what: c.what, before: c.before, after: c.after, ok: c.ok })),
    result: r.result,
    failures: [...r.failures],
    by: r.by,
    at: r.at,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * Writes a record to `<envDir>/drills/<tenant>/<at>-<to cluster>.json` and returns that path. A
 * record is evidence: an existing file is never replaced (the error names it), and a file is either
 * written whole or not at all (exclusive create).
 */
export function writeDrillRecord(envDir: string, record: DrillRecord): string {
  // a record validation would refuse is never written: the drill command's error, not the engineer's
  const checked = drillRecordSchema.safeParse(record);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new Error(`drill record of ${record.tenant}: ${first.path.join('.')}: ${first.message} / 演练记录不符合格式`);
  }
  const dir = path.join(envDir, DRILLS_DIR, record.tenant);
  const file = path.join(dir, drillFileName(record));
  fs.mkdirSync(dir, { recursive: true });
  // written beside it under a dot-name (never read as a record), then linked into place: link refuses
  // an existing name, so the record appears whole or not at all, and never replaces another
  const staging = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(staging, drillRecordJson(record), { flag: 'wx' });
  try {
    fs.linkSync(staging, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file}: a drill record is already there and is never overwritten / 该演练记录已存在，不会覆盖`, { cause: e });
    }
    throw e;
  } finally {
    fs.rmSync(staging, { force: true });
  }
  return file;
}
