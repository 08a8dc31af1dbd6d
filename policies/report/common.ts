/** What every report format shares: counts per tenant, the words people read, ordering helpers. */
import type { Bilingual } from '../../config/vocabulary';
import { Lang } from '../../config/messages';
import { CheckReport, ClauseStatus, Finding, TenantReport } from '../engine';
import { Rule } from '../types';
import { formatSeconds } from '../drills';

export interface Counts {
  readonly pass: number;
  readonly fail: number;
  readonly waived: number;
  readonly notApplicable: number;
  /** Clauses at the tenant's level that need manual evidence (nothing of them is automated). */
  readonly manual: number;
  /** Clauses whose automated part passes while the assessor still needs evidence for the rest. */
  readonly partly: number;
}

export function countsOf(t: TenantReport): Counts {
  const n = (s: Finding['status']) => t.findings.filter((f) => f.status === s).length;
  return {
    pass: n('pass'),
    fail: n('fail'),
    waived: n('waived'),
    notApplicable: n('not-applicable'),
    manual: t.clauses.filter((c) => c.status === 'manual').length,
    partly: t.clauses.filter((c) => c.status === 'partly').length,
  };
}

export function totalCounts(report: CheckReport): Counts {
  return report.tenants.map(countsOf).reduce(
    (a, c) => ({
      pass: a.pass + c.pass,
      fail: a.fail + c.fail,
      waived: a.waived + c.waived,
      notApplicable: a.notApplicable + c.notApplicable,
      manual: a.manual + c.manual,
      partly: a.partly + c.partly,
    }),
    { pass: 0, fail: 0, waived: 0, notApplicable: 0, manual: 0, partly: 0 },
  );
}

/** The platform entries (what belongs to no tenant, per cluster) first, then the tenants. */
export function allReports(report: CheckReport): readonly TenantReport[] {
  return [...report.platform, ...report.tenants];
}

/** Every rule judged in the report, by id. */
export function judgedRules(report: CheckReport): Rule[] {
  const byId = new Map<string, Rule>();
  for (const t of allReports(report)) for (const f of t.findings) byId.set(f.rule.id, f.rule);
  return [...byId.values()].sort((a, b) => compare(a.id, b.id));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WORDS = {
  title: { en: 'MLPS 2.0 (graded protection) check', zh: '等保 2.0 合规检查' },
  city: { en: 'city', zh: '城市' },
  date: { en: 'date', zh: '日期' },
  summary: { en: 'Summary', zh: '汇总' },
  tenant: { en: 'tenant', zh: '租户' },
  level: { en: 'level', zh: '等级' },
  pass: { en: 'pass', zh: '通过' },
  fail: { en: 'fail', zh: '不通过' },
  waived: { en: 'waived', zh: '已豁免' },
  notApplicable: { en: 'n/a', zh: '不适用' },
  manual: { en: 'manual evidence', zh: '需人工证据' },
  partly: { en: 'partly automated', zh: '部分自动' },
  units: {
    en: 'Units: pass, fail, waived and n/a count rule results; partly automated and manual evidence count control points at the level.',
    zh: '计数单位：通过、不通过、已豁免、不适用按规则结果计；部分自动与人工证据按该等级的控制点计。',
  },
  checklist: { en: 'Manual evidence checklist', zh: '人工证据清单' },
  stillNeeded: { en: 'still to show', zh: '仍需提供' },
  collect: { en: 'collect', zh: '收集' },
  collectFrom: { en: 'from', zh: '提供方' },
  total: { en: 'total', zh: '合计' },
  failures: { en: 'Unwaived failures', zh: '未豁免的不通过项' },
  noFailures: { en: 'No unwaived failures.', zh: '没有未豁免的不通过项。' },
  noTenants: { en: 'No tenant was checked.', zh: '没有检查任何租户。' },
  recovery: { en: 'recovery targets', zh: '恢复目标' },
  recoveryTargets: { en: 'Recovery targets (RPO / RTO of the DR tier, platform.yaml)', zh: '恢复目标（灾备等级的 RPO / RTO，platform.yaml）' },
  rpoRto: { en: 'tier {tier}: RPO {rpo}, RTO {rto}', zh: '灾备等级 {tier}：RPO {rpo}，RTO {rto}' },
  platform: { en: 'Platform (what belongs to no tenant, judged at the cluster level)', zh: '平台（不属于任何租户的资源，按集群等级检查）' },
  cluster: { en: 'cluster', zh: '集群' },
  hygiene: { en: 'good practice beyond the standard', zh: '超出标准的良好实践' },
  severity: { en: 'severity', zh: '严重程度' },
  clauses: { en: 'clauses', zh: '条款' },
  evidence: { en: 'evidence', zh: '证据' },
  remediation: { en: 'remediation', zh: '整改建议' },
  at: { en: 'at', zh: '位置' },
  address: { en: 'resource', zh: '资源' },
  field: { en: 'field', zh: '字段' },
  requestFile: { en: 'request file', zh: '申请文件' },
  waivers: { en: 'Waivers', zh: '豁免' },
  rule: { en: 'rule', zh: '规则' },
  reason: { en: 'reason', zh: '理由' },
  approvedBy: { en: 'approved by', zh: '批准人' },
  expires: { en: 'expires', zh: '有效期至' },
  expired: { en: 'expired', zh: '已过期' },
  staleWaivers: { en: 'Waivers no longer needed (the rule passes)', zh: '已不再需要的豁免（规则已通过）' },
  clauseTable: { en: 'Clauses', zh: '条款' },
  clause: { en: 'clause', zh: '条款' },
  clauseTitle: { en: 'title', zh: '控制点' },
  status: { en: 'status', zh: '状态' },
  rules: { en: 'rules', zh: '规则' },
  crashed: { en: 'the rule raised an error', zh: '规则执行出错' },
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  note: { en: 'note', zh: '提示' },
  levelN: { en: 'level {n}', zh: '第{n}级' },
  failedRule: { en: '{tenant}: {title}', zh: '{tenant}：{title}' },
  waivedBy: { en: 'waived by {approvedBy} until {expires}: {reason}', zh: '已由{approvedBy}豁免至 {expires}：{reason}' },
  none: { en: 'none', zh: '无' },
  site: { en: 'site', zh: '站点' },
  drill: { en: 'Restore drill (8.1.4.9, drills/<tenant>/)', zh: '恢复演练（8.1.4.9，drills/<租户>/）' },
  drills: { en: 'Last restore drill per tenant (drills/<tenant>/)', zh: '各租户最近一次恢复演练（drills/<租户>/）' },
  drillAt: { en: 'when', zh: '时间' },
  drillPath: { en: 'from → to', zh: '源 → 目标' },
  drillMeasured: { en: 'measured against targets', zh: '实测与目标' },
  drillMeasures: { en: 'RPO {rpo} (target {rpoTarget}), RTO {rto} (target {rtoTarget})', zh: 'RPO {rpo}（目标 {rpoTarget}），RTO {rto}（目标 {rtoTarget}）' },
  drillChecks: { en: 'checks passed', zh: '核对通过' },
  drillResult: { en: 'result', zh: '结果' },
  drillBy: { en: 'by', zh: '执行人' },
  drillFile: { en: 'record', zh: '记录文件' },
  drillFailures: { en: 'failures', zh: '失败原因' },
  drillEvidence: { en: 'as evidence', zh: '作为证据' },
  drillCounts: { en: 'counts (valid for {validFor})', zh: '有效（有效期 {validFor}）' },
  noDrill: { en: 'no drill record', zh: '没有演练记录' },
  missingEvidence: { en: 'evidence missing: {what}', zh: '缺少证据：{what}' },
} as const;

export type Word = keyof typeof WORDS;

/** A word or phrase in the chosen language; `{name}` placeholders filled from params. */
export function w(word: Word, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return WORDS[word][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The tenant's tier targets for people (`tier hot-standby: RPO 15m, RTO 1h`); undefined when the platform states none for its tier. */
export function recoveryText(t: Pick<TenantReport, 'tenant'>, lang: Lang): string | undefined {
  const r = t.tenant.recovery;
  return r ? w('rpoRto', lang, { tier: t.tenant.dr, rpo: r.rpo, rto: r.rto }) : undefined;
}

/** A label followed by the colon of the language: `remediation: ` / `整改建议：`. */
export function label(word: Word, lang: Lang): string {
  return `${w(word, lang)}${lang === 'zh' ? '：' : ': '}`;
}

/** Text followed by a note in the brackets of the language: `portal (level 3)` / `portal（第3级）`. */
export function paren(text: string, note: string, lang: Lang): string {
  return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

const STATUS: Readonly<Record<ClauseStatus, Bilingual>> = {
  pass: { en: 'pass', zh: '通过' },
  fail: { en: 'fail', zh: '不通过' },
  waived: { en: 'waived', zh: '已豁免' },
  'not-applicable': { en: 'not-applicable', zh: '不适用' },
  manual: { en: 'manual', zh: '需人工证据' },
  partly: { en: 'partly automated', zh: '部分自动' },
};

/** Status as people read it; in Chinese the identifier follows in brackets: `不通过（fail）`. */
export function statusText(s: ClauseStatus, lang: Lang): string {
  return lang === 'en' ? STATUS[s].en : `${STATUS[s].zh}（${s}）`;
}

/** Terminal columns a string takes: CJK and full-width forms take two. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    n += wide ? 2 : 1;
  }
  return n;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Unwaived failures of a tenant, in pack order. */
export function failures(t: TenantReport): Finding[] {
  return t.findings.filter((f) => f.status === 'fail');
}

/** A DR place for people: `ext-primary/hotline-12345-prod (site primary)`. */
const placeText = (p: { cluster: string; namespace: string; site: string }, lang: Lang): string =>
  paren(`${p.cluster}/${p.namespace}`, `${w('site', lang)} ${p.site}`, lang);

/**
 * The tenant's last restore drill as label / value pairs, the same in every format: when, from → to,
 * measured RPO and RTO against the targets, checks passed of total, result, by whom, the record, and
 * whether it counts as evidence (or what is missing). Values from a record are as written: each
 * format escapes them. Undefined for the platform entries.
 */
export function drillFacts(t: TenantReport, lang: Lang): [string, string][] | undefined {
  const d = t.drill;
  if (!d) return undefined;
  const evidence = d.missing === undefined ? w('drillCounts', lang, { validFor: d.validFor }) : w('missingEvidence', lang, { what: d.missing[lang] });
  if (!d.last)
    return [
      [w('drillAt', lang), w('noDrill', lang)],
      [w('drillEvidence', lang), evidence],
    ];
  const r = d.last.record;
  const out: [string, string][] = [
    [w('drillAt', lang), r.at],
    [w('drillPath', lang), `${placeText(r.from, lang)} → ${placeText(r.to, lang)}`],
    [
      w('drillMeasured', lang),
      w('drillMeasures', lang, {
        rpo: formatSeconds(r.measured.rpoSeconds),
        rpoTarget: formatSeconds(r.targets.rpoSeconds),
        rto: formatSeconds(r.measured.rtoSeconds),
        rtoTarget: formatSeconds(r.targets.rtoSeconds),
      }),
    ],
    [w('drillChecks', lang), `${r.checks.filter((c) => c.ok).length}/${r.checks.length}`],
    [w('drillResult', lang), statusText(r.result, lang)],
    ...(r.failures.length > 0 ? [[w('drillFailures', lang), r.failures.join('; ')] as [string, string]] : []),
    [w('drillBy', lang), r.by],
    [w('drillFile', lang), d.last.file],
    [w('drillEvidence', lang), evidence],
  ];
  return out;
}

/** One line for the terminal: `2026-11-30T02:14:09Z ext-primary → ext-samecity: pass, RPO 4m (target 15m), …` or `no drill record`. */
export function drillLine(t: TenantReport, lang: Lang): string | undefined {
  const d = t.drill;
  if (!d) return undefined;
  const tail = d.missing === undefined ? '' : ` — ${w('missingEvidence', lang, { what: d.missing[lang] })}`;
  if (!d.last) return w('noDrill', lang);
  const r = d.last.record;
  const measures = w('drillMeasures', lang, {
    rpo: formatSeconds(r.measured.rpoSeconds),
    rpoTarget: formatSeconds(r.targets.rpoSeconds),
    rto: formatSeconds(r.measured.rtoSeconds),
    rtoTarget: formatSeconds(r.targets.rtoSeconds),
  });
  const sep = lang === 'zh' ? '，' : ', ';
  return `${r.at} ${r.from.cluster} → ${r.to.cluster} (${r.to.site})${lang === 'zh' ? '：' : ': '}${statusText(r.result, lang)}${sep}${measures}${sep}${r.checks.filter((c) => c.ok).length}/${r.checks.length}${sep}${w('drillBy', lang)} ${r.by}${tail}`;
}
