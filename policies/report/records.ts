/**
 * A tenant's graded-protection records (policies/records.ts) for people, the same in every format:
 * each record as stated, its state on the check's today and when the next falls due (for a new
 * tenant, the end of its grace period).
 */
import type { Bilingual, Lang } from '../../config/vocabulary';
import type { TenantReport } from '../engine';
import { RECORD_KINDS, RECORD_NAMES, RecordState, RecordStatus } from '../records';

export const RECORD_WORDS = {
  heading: { en: 'Graded-protection records (spec.mlps)', zh: '等保备案与测评记录（spec.mlps）' },
  perTenant: { en: 'Graded-protection records per tenant (spec.mlps)', zh: '各租户等保备案与测评记录（spec.mlps）' },
  due: { en: 'due by {day}', zh: '应于 {day} 前' },
  wasDue: { en: 'was due by {day}', zh: '原应于 {day} 前' },
} as const satisfies Readonly<Record<string, Bilingual>>;

const STATE: Readonly<Record<RecordState, Bilingual>> = {
  current: { en: 'on record', zh: '在案' },
  failed: { en: 'non-conforming', zh: '不符合' },
  overdue: { en: 'overdue', zh: '已逾期' },
  missing: { en: 'missing', zh: '缺失' },
  grace: { en: 'in grace period', zh: '宽限期内' },
  'not-required': { en: 'not required', zh: '不要求' },
};

export function recordStateText(s: RecordState, lang: Lang): string {
  return lang === 'en' ? STATE[s].en : `${STATE[s].zh}（${s}）`;
}

function value(s: RecordStatus, lang: Lang): string {
  return `${recordStateText(s.state, lang)}${lang === 'zh' ? '：' : ': '}${s.text[lang]}`;
}

/** Label / value pairs, one per record; undefined for the platform entries. */
export function recordFacts(t: TenantReport, lang: Lang): [string, string][] | undefined {
  const r = t.records;
  if (!r) return undefined;
  return RECORD_KINDS.map((k) => [RECORD_NAMES[k][lang], value(r[k], lang)]);
}

/** One line for the terminal: `filing (备案) on record; assessment (等级测评) overdue, was due by 2026-11-20; …`. */
export function recordLine(t: TenantReport, lang: Lang): string | undefined {
  const r = t.records;
  if (!r) return undefined;
  const sep = lang === 'zh' ? '；' : '; ';
  return RECORD_KINDS.map((k) => {
    const s = r[k];
    const word = s.state === 'overdue' || s.state === 'missing' ? RECORD_WORDS.wasDue : RECORD_WORDS.due;
    const due = s.dueOn === undefined || s.state === 'not-required' ? '' : `${lang === 'zh' ? '，' : ', '}${word[lang].replace('{day}', s.dueOn)}`;
    return `${RECORD_NAMES[k][lang]} ${recordStateText(s.state, lang)}${due}`;
  }).join(sep);
}
