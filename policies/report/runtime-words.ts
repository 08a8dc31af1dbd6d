/**
 * Configured against verified, in the reader's words, for every report format: what a requirement
 * has (its rules pass on the judged stacks; which runtime evidence agrees, and when it was taken) and
 * what it lacks; and the differences the running clusters showed.
 */
import { Lang } from '../../config/messages';
import { Ask } from '../asks';
import { AskState, ClauseRow, TenantReport } from '../engine';
import { KIND_WORDS, RuntimeProblem } from '../runtime';
import { w } from './common';

const WORDS = {
  configured: { en: 'configured', zh: '已配置' },
  notConfigured: { en: 'not shown configured', zh: '配置未得到证明' },
  verified: { en: 'verified by', zh: '已验证' },
  lacks: { en: 'lacks', zh: '缺少' },
  differs: { en: 'differs', zh: '不一致' },
  runtime: { en: 'Runtime evidence', zh: '运行时证据' },
  differences: { en: 'Differences the running clusters showed', zh: '运行中集群与所评判内容的差异' },
  noRuntime: {
    en: 'none taken: run `govcloud evidence --live` on the running clusters',
    zh: '未采集：请在运行中的集群上运行 govcloud evidence --live',
  },
  takenAt: { en: 'taken', zh: '采集于' },
} as const;

export const rw = (k: keyof typeof WORDS, lang: Lang): string => WORDS[k][lang];

const sep = (lang: Lang) => (lang === 'zh' ? '；' : '; ');
const list = (lang: Lang) => (lang === 'zh' ? '、' : ', ');

/** `2026-12-07T21:40:12.345Z` → `2026-12-07 21:40Z`. */
const short = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z');

/** The state of one requirement: `configured; verified by …; lacks …`, or undefined for a manual one. */
export function askStateText(t: TenantReport, c: ClauseRow, a: Ask, lang: Lang): string | undefined {
  const st: AskState | undefined = c.states.get(a);
  if (!st || a.how === 'manual') return undefined;
  const parts: string[] = [rw(st.configured ? 'configured' : 'notConfigured', lang)];
  if (st.verified.length > 0)
    parts.push(`${rw('verified', lang)} ${st.verified.map((v) => `${KIND_WORDS[v.kind][lang]}${v.takenAt ? ` (${short(v.takenAt)})` : ''}`).join(list(lang))}`);
  if (st.failing.length > 0) parts.push(`${rw('differs', lang)}: ${st.failing.map((k) => KIND_WORDS[k][lang]).join(list(lang))}`);
  const lacking = st.lacking.filter((k) => !st.failing.includes(k));
  if (lacking.length > 0) parts.push(`${rw('lacks', lang)}: ${lacking.map((k) => KIND_WORDS[k][lang]).join(list(lang))}`);
  if (a.autoWhen !== undefined && st.lacking.includes('drill') && t.drill?.missing !== undefined)
    parts.push(w('missingEvidence', lang, { what: t.drill.missing[lang] }));
  return parts.join(sep(lang));
}

/** One line per difference: `[applied] ext-primary/ns: NetworkPolicy ns/x is on the cluster but in no judged stack`. */
export function problemLine(p: RuntimeProblem, lang: Lang): string {
  return `[${p.kind}] ${p.cluster}${p.namespace ? `/${p.namespace}` : ''}: ${p.detail[lang]}`;
}

/** What runtime evidence a tenant has: `applied state … (2026-12-07 21:40Z), …`, or that none was taken. */
export function runtimeLine(t: TenantReport, lang: Lang): string {
  const v = [...t.runtime.verified];
  if (v.length === 0 && t.runtime.problems.length === 0) return rw('noRuntime', lang);
  return v.map(([k, at]) => `${KIND_WORDS[k][lang]} ${rw('takenAt', lang)} ${short(at)}`).join(list(lang)) || '—';
}
