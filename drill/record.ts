/**
 * A DR drill record: what `govcloud drill` did for one tenant, what it measured and what it verified.
 * Written as JSON next to the environment (`drills/<tenant>/<at>-<to cluster>.json`), read back by
 * the rules and the reports as evidence that a restore was made and timed (等保 8.1.4.9 / 8.1.4.10).
 */

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
