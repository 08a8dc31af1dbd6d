/**
 * A tenant's restore drills as evidence (drills/<tenant>/*.json, read into the model by validation):
 * the last one, whether it still counts (passed, and no older than platform.yaml's
 * `spec.drills.validFor` on the check's today), and, when it does not, which evidence is missing.
 * Shared by MLPS-DATA-010 and every report, so that they say the same.
 */
import type { Bilingual } from '../config/vocabulary';
import { CityModel, DrillEntry, Tenant } from '../config/model';
import type { DrillRecord } from '../drill/record';

/** fresh: the last drill passed within validFor; stale: it passed before that; failed: it failed; none: no record. */
export type DrillState = 'fresh' | 'stale' | 'failed' | 'none';

export interface DrillEvidence {
  readonly state: DrillState;
  /** The last drill (by its time), whatever its result, and its file. */
  readonly last?: { readonly file: string; readonly record: DrillRecord };
  /** How long a drill counts (platform.yaml), as written. */
  readonly validFor: string;
  /** What is missing for the restore to count as shown; absent when the state is fresh. */
  readonly missing?: Bilingual;
  /** The tier's targets as platform.yaml states them now, where the last drill missed them (seconds), even if it passed against its own. */
  readonly missedTargets: readonly Bilingual[];
}

/** Start of the check's day in Beijing (the city's legal day, config/checks/waivers.ts): a drill counts through the day it runs out. */
const dayStart = (today: string): number => Date.parse(`${today}T00:00:00+08:00`);

/** Seconds for people: `45s`, `9m`, `9m 30s`, `2h 5m`. */
export function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h === 0) return rest === 0 ? `${m}m` : `${m}m ${rest}s`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** Where the tier's current targets (platform.yaml) are shorter than what the drill measured. */
function missed(t: Tenant, r: DrillRecord): Bilingual[] {
  const out: Bilingual[] = [];
  if (!t.recovery) return out;
  const pairs = [
    ['RPO', r.measured.rpoSeconds, t.recovery.rpoMinutes * 60, t.recovery.rpo],
    ['RTO', r.measured.rtoSeconds, t.recovery.rtoMinutes * 60, t.recovery.rto],
  ] as const;
  for (const [what, measured, target, written] of pairs) {
    if (measured > target)
      out.push({
        en: `measured ${what} ${formatSeconds(measured)} exceeds the tier's target ${written} (platform.yaml)`,
        zh: `实测 ${what} ${formatSeconds(measured)} 超过灾备等级目标 ${written}（platform.yaml）`,
      });
  }
  return out;
}

export function drillEvidence(model: Pick<CityModel, 'drills' | 'drillValidity'>, tenant: Tenant, today: string): DrillEvidence {
  const entries: readonly DrillEntry[] = model.drills[tenant.name] ?? [];
  const validFor = model.drillValidity.validFor;
  const last = entries[entries.length - 1];
  if (!last) {
    return {
      state: 'none',
      validFor,
      missedTargets: [],
      missing: {
        en: `no drill record (drills/${tenant.name}/): no restore of its backups has been recorded`,
        zh: `没有演练记录（drills/${tenant.name}/）：尚未记录其备份的恢复`,
      },
    };
  }
  const r = last.record;
  const missedTargets = missed(tenant, r);
  if (r.result === 'fail' || missedTargets.length > 0) {
    const why = r.failures[0] ?? missedTargets[0]?.en ?? '';
    const whyZh = r.failures[0] ?? missedTargets[0]?.zh ?? '';
    return {
      state: 'failed',
      last,
      validFor,
      missedTargets,
      missing: { en: `the last drill failed on ${r.at}: ${why}`, zh: `最近一次演练于 ${r.at} 失败：${whyZh}` },
    };
  }
  if (Date.parse(r.at) + model.drillValidity.minutes * 60_000 < dayStart(today)) {
    return {
      state: 'stale',
      last,
      validFor,
      missedTargets,
      missing: {
        en: `the last passing drill of ${r.at} is older than ${validFor}`,
        zh: `最近一次通过的演练（${r.at}）已超过有效期 ${validFor}`,
      },
    };
  }
  return { state: 'fresh', last, validFor, missedTargets };
}
