/**
 * A tenant's graded-protection records (spec.mlps) as evidence on the check's today: for the filing
 * (备案, from level 2, once), the assessment (等级测评, level 3 at least every 12 months, level 4
 * every 6) and the risk assessment (风险评估, from level 3 every 12 months), whether each is current,
 * when the next one falls due, and, for a tenant still inside the platform's grace period
 * (platform.yaml spec.records.gracePeriod, from metadata.approval.approvedOn), that a missing one is
 * due by its end. A classified (涉密) tenant is protected under 分级保护, not 等保 (GB/T 22240-2020
 * scope, ../shared/mlps-catalog.md §3): nothing is required of it here. Shared by MLPS-MGMT-001 to
 * 003 and every report, so that they say the same.
 *
 * The cadences are those of 《信息安全等级保护管理办法》(公通字〔2007〕43号) art. 14 as the 等保
 * practice reads it (../shared/mlps-catalog.md: verify against the official text).
 */
import type { Bilingual } from '../config/vocabulary';
import { CityModel, MlpsLevel, Tenant } from '../config/model';

export type RecordKind = 'filing' | 'assessment' | 'riskAssessment';

/**
 * current: stated and not yet due again; failed: the last assessment concluded 不符合; overdue: the
 * next one was due before today; missing: none stated and the grace period is over; grace: none
 * stated, due by the end of the grace period; not-required: not asked at the level.
 */
export type RecordState = 'current' | 'failed' | 'overdue' | 'missing' | 'grace' | 'not-required';

export interface RecordStatus {
  readonly kind: RecordKind;
  readonly state: RecordState;
  /** The record's date as stated (filedOn or lastOn). */
  readonly on?: string;
  /** The last day the next one is due (the end of the grace period for a missing record); absent for a filing on record, or not required. */
  readonly dueOn?: string;
  /** Months between two, at the level; absent for the filing (once). */
  readonly everyMonths?: number;
  /** What it is, for people: the record as stated and its state. */
  readonly text: Bilingual;
}

export interface RecordsEvidence {
  readonly filing: RecordStatus;
  readonly assessment: RecordStatus;
  readonly riskAssessment: RecordStatus;
  /** The platform's grace period as written, and its last day for this tenant. */
  readonly gracePeriod: string;
  readonly graceEndsOn: string;
}

/** The kinds in the order reports show them. */
export const RECORD_KINDS: readonly RecordKind[] = ['filing', 'assessment', 'riskAssessment'];

export const RECORD_NAMES: Readonly<Record<RecordKind, Bilingual>> = {
  filing: { en: 'filing (备案)', zh: '等保备案' },
  assessment: { en: 'assessment (等级测评)', zh: '等级测评' },
  riskAssessment: { en: 'risk assessment (风险评估)', zh: '风险评估' },
};

const RESULT_EN: Readonly<Record<string, string>> = { 符合: 'pass', 基本符合: 'basically pass', 不符合: 'fail' };

/** The first level that asks for the record, and months between two at a level (undefined: once). */
function cadence(kind: RecordKind, level: MlpsLevel): { readonly required: boolean; readonly months?: number } {
  if (kind === 'filing') return { required: level >= 2 };
  if (kind === 'assessment') return { required: level >= 3, months: level >= 4 ? 6 : 12 };
  return { required: level >= 3, months: 12 };
}

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** `day` plus `n` days. */
export function addDays(day: string, n: number): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** `day` plus `n` calendar months, on the month's last day when it is shorter (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(day: string, n: number): string {
  const d = utc(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target);
}

function stated(t: Tenant, kind: RecordKind): { on: string; what: Bilingual } | undefined {
  const r = t.mlps;
  if (kind === 'filing' && r?.filing) {
    const f = r.filing;
    return {
      on: f.filedOn,
      what: { en: `no. ${f.number}, filed ${f.filedOn} with ${f.authority}`, zh: `编号 ${f.number}，${f.filedOn} 于${f.authority}备案` },
    };
  }
  if (kind === 'assessment' && r?.assessment) {
    const a = r.assessment;
    return {
      on: a.lastOn,
      what: { en: `${a.lastOn} by ${a.agency}: ${a.result} (${RESULT_EN[a.result]})`, zh: `${a.lastOn}，${a.agency}：${a.result}` },
    };
  }
  if (kind === 'riskAssessment' && r?.riskAssessment)
    return { on: r.riskAssessment.lastOn, what: { en: r.riskAssessment.lastOn, zh: r.riskAssessment.lastOn } };
  return undefined;
}

function status(t: Tenant, kind: RecordKind, level: MlpsLevel, today: string, graceEndsOn: string, gracePeriod: string): RecordStatus {
  const { required, months } = cadence(kind, level);
  const s = stated(t, kind);
  const every = months === undefined ? {} : { everyMonths: months };
  // classified work is protected under 分级保护 (approved and assessed by the secrecy administration), not filed or assessed under 等保
  if (t.classification === 'classified')
    return {
      kind,
      state: 'not-required',
      ...(s ? { on: s.on } : {}),
      text: {
        en: `classified (涉密): protected under 分级保护 and assessed by the secrecy administration, not filed or assessed under 等保`,
        zh: '涉密系统：按分级保护管理，由保密行政管理部门审批与测评，不适用等保备案与测评',
      },
    };
  if (!s) {
    if (!required) return { kind, state: 'not-required', text: { en: `none stated; not required at level ${level}`, zh: `未填写；第${level}级不要求` } };
    if (today <= graceEndsOn)
      return {
        kind,
        state: 'grace',
        dueOn: graceEndsOn,
        ...every,
        text: {
          en: `none stated; due by ${graceEndsOn} (grace period of ${gracePeriod} from the approval)`,
          zh: `未填写；应于 ${graceEndsOn} 前完成（自项目联审批复起 ${gracePeriod} 宽限期）`,
        },
      };
    return {
      kind,
      state: 'missing',
      dueOn: graceEndsOn,
      ...every,
      text: {
        en: `none stated; was due by ${graceEndsOn} (end of the grace period of ${gracePeriod})`,
        zh: `未填写；宽限期（${gracePeriod}）已于 ${graceEndsOn} 届满`,
      },
    };
  }
  if (!required)
    return { kind, state: 'current', on: s.on, text: { en: `${s.what.en}; not required at level ${level}`, zh: `${s.what.zh}；第${level}级不要求` } };
  if (kind === 'assessment' && t.mlps?.assessment?.result === '不符合')
    return {
      kind,
      state: 'failed',
      on: s.on,
      ...every,
      text: { en: `${s.what.en}; the system did not conform: rectify and assess again`, zh: `${s.what.zh}；系统不符合要求：应整改后重新测评` },
    };
  if (months === undefined) return { kind, state: 'current', on: s.on, text: s.what };
  const dueOn = addMonths(s.on, months);
  if (dueOn < today)
    return {
      kind,
      state: 'overdue',
      on: s.on,
      dueOn,
      everyMonths: months,
      text: {
        en: `${s.what.en}; the next was due by ${dueOn} (every ${months} months at level ${level})`,
        zh: `${s.what.zh}；下一次应于 ${dueOn} 前完成（第${level}级每 ${months} 个月）`,
      },
    };
  return {
    kind,
    state: 'current',
    on: s.on,
    dueOn,
    everyMonths: months,
    text: { en: `${s.what.en}; next due by ${dueOn}`, zh: `${s.what.zh}；下一次应于 ${dueOn} 前完成` },
  };
}

export function recordsEvidence(model: Pick<CityModel, 'records'>, tenant: Tenant, level: MlpsLevel, today: string): RecordsEvidence {
  const { gracePeriod, graceDays } = model.records;
  const graceEndsOn = addDays(tenant.approvedOn, graceDays);
  const of = (kind: RecordKind) => status(tenant, kind, level, today, graceEndsOn, gracePeriod);
  return { filing: of('filing'), assessment: of('assessment'), riskAssessment: of('riskAssessment'), gracePeriod, graceEndsOn };
}
