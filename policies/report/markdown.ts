/**
 * The Markdown report (for a pull-request comment or an assessor's file): a summary table, then per
 * tenant its clauses at its level with their status and covering rules, its failures with evidence
 * and remediation, and its waivers.
 */
import { Lang } from '../../config/messages';
import { CheckReport, Finding, TenantReport } from '../engine';
import { recordFacts, RECORD_WORDS } from './records';
import { Counts, countsOf, drillFacts, failures, label, paren, recoveryText, statusText, totalCounts, w } from './common';
import { askStateText, problemLine, runtimeLine, rw } from './runtime-words';
import { evidencePosition, formatPosition, waiverPosition } from '../position';
import { join, joinLines, trimEnd } from './chunks';

/** A table cell: pipes escaped, line breaks folded. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Text from a request or platform.yaml (a display name, a waiver's reason, a city), shown exactly as
 * written: HTML as entities, so that `<img src=…>` or `<a href=…>` is never rendered, and the
 * characters that make emphasis, links, images, code or table cells escaped, and a heading or list
 * marker at the start too; one line. Our own words are not passed through this.
 */
export function literal(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()!|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Inline code that survives backticks in the text. */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s.includes('`') ? ` ${s} ` : s}${fence}`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const title = (h: string) => h.charAt(0).toUpperCase() + h.slice(1);
  return [`| ${head.map((h) => cell(title(h))).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** GitHub-style heading anchor of a tenant section. */
function anchor(t: TenantReport): string {
  return t.tenant.name
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function summary(report: CheckReport, lang: Lang): string[] {
  const nums = (c: Counts) => [String(c.pass), String(c.fail), String(c.waived), String(c.notApplicable), String(c.partly), String(c.manual)];
  const rows = report.tenants.map((t) => [`[${cell(t.tenant.name)}](#${anchor(t)})`, String(t.level), ...nums(countsOf(t))]);
  rows.push([`**${w('total', lang)}**`, '', ...nums(totalCounts(report)).map((n) => `**${n}**`)]);
  return table(
    [w('tenant', lang), w('level', lang), w('pass', lang), w('fail', lang), w('waived', lang), w('notApplicable', lang), w('partly', lang), w('manual', lang)],
    rows,
  );
}

function failureSection(t: TenantReport, f: Finding, lang: Lang): string[] {
  const r = f.rule;
  const out = [
    `#### ${r.id} — ${r.title[lang]}`,
    '',
    `- ${label('severity', lang)}${w(r.severity, lang)}`,
    `- ${label('clauses', lang)}${f.clauses.length > 0 ? f.clauses.join(', ') : w('none', lang)}`,
    `- ${label('at', lang)}${code(formatPosition(f.at))}`,
  ];
  if (f.crashed !== undefined) out.push(`- ${label('crashed', lang)}${code(f.crashed)}`);
  out.push(`- ${label('evidence', lang).trimEnd()}`);
  for (const e of f.evidence) {
    const parts = [literal(e.detail)];
    if (e.address !== undefined) parts.push(`${w('address', lang)} ${code(e.address)}`);
    if (e.field !== undefined) parts.push(`${w('field', lang)} ${code(e.field)} ${code(formatPosition(evidencePosition(t.tenant, e)))}`);
    out.push(`  - ${parts.join(' — ')}`);
  }
  out.push(`- ${label('remediation', lang)}${r.remediation[lang]}`, '');
  return out;
}

/** The tenant's last restore drill, or that there is none; a record's texts shown as written. */
function drillSection(t: TenantReport, lang: Lang): string[] {
  const facts = drillFacts(t, lang);
  if (!facts) return [];
  return [`### ${w('drill', lang)}`, '', ...facts.map(([k, v]) => `- ${k}${lang === 'zh' ? '：' : ': '}${literal(v)}`), ''];
}

/** The tenant's graded-protection records and when each falls due; the department's texts shown as written. */
function recordsSection(t: TenantReport, lang: Lang): string[] {
  const facts = recordFacts(t, lang);
  if (!facts) return [];
  return [`### ${RECORD_WORDS.heading[lang]}`, '', ...facts.map(([k, v]) => `- ${k}${lang === 'zh' ? '：' : ': '}${literal(v)}`), ''];
}

function tenantSection(t: TenantReport, today: string, lang: Lang): string[] {
  const recovery = recoveryText(t, lang);
  const out = [
    `## ${t.tenant.name}`,
    '',
    `${literal(t.tenant.displayName)} — ${w('levelN', lang, { n: t.level })} — ${w('requestFile', lang)} ${code(t.tenant.source.file)}`,
    '',
    ...(recovery === undefined ? [] : [`${label('recovery', lang)}${recovery}`, '']),
    ...drillSection(t, lang),
    ...recordsSection(t, lang),
    `### ${w('clauseTable', lang)}`,
    '',
  ];
  out.push(
    ...table(
      [w('clause', lang), w('clauseTitle', lang), w('status', lang), w('rules', lang)],
      t.clauses.map((c) => [
        c.clause,
        cell(c.title[lang]),
        c.why ? `${statusText(c.status, lang)}: ${cell(c.why.join('; '))}` : statusText(c.status, lang),
        c.rules.length > 0 ? c.rules.join(', ') : '—',
      ]),
    ),
    '',
  );

  const open = t.clauses.filter((c) => c.open.length > 0 && c.status !== 'fail');
  if (open.length > 0) {
    out.push(`### ${w('checklist', lang)}`, '');
    for (const c of open) {
      out.push(`- [ ] **${c.clause} ${cell(c.title[lang])}** — ${statusText(c.status, lang)}`);
      for (const a of c.open) {
        const missing = askStateText(t, c, a, lang);
        out.push(`  - ${w('stillNeeded', lang)}${lang === 'zh' ? '：' : ': '}${a.text[lang]}${missing === undefined ? '' : ` — ${literal(missing)}`}`);
      }
      if (c.collect)
        out.push(`  - ${label('collect', lang)}${c.collect.what[lang]} (${c.collect.kinds.join(', ')}) — ${label('collectFrom', lang)}${c.collect.from[lang]}`);
    }
    out.push('');
  }

  out.push(`### ${rw('runtime', lang)}`, '', literal(runtimeLine(t, lang)), '');
  for (const p of t.runtime.problems) out.push(`- ${literal(problemLine(p, lang))}`);
  if (t.runtime.problems.length > 0) out.push('');

  const failing = failures(t);
  out.push(`### ${paren(w('failures', lang), String(failing.length), lang)}`, '');
  if (failing.length === 0) out.push(w('noFailures', lang), '');
  for (const f of failing) out.push(...failureSection(t, f, lang));

  const waived = t.findings.filter((f) => f.status === 'waived');
  if (waived.length > 0 || t.tenant.waivers.length > 0) {
    out.push(`### ${w('waivers', lang)}`, '');
    const used = new Set(waived.map((f) => f.rule.id));
    out.push(
      ...table(
        [w('rule', lang), w('status', lang), w('reason', lang), w('approvedBy', lang), w('expires', lang), w('at', lang)],
        t.tenant.waivers.map((v) => {
          const status = used.has(v.rule)
            ? statusText('waived', lang)
            : t.staleWaivers.includes(v)
              ? statusText('pass', lang)
              : v.expires < today
                ? w('expired', lang)
                : '—';
          return [v.rule, status, literal(v.reason), literal(v.approvedBy), v.expires, code(formatPosition(waiverPosition(t.tenant, v)))];
        }),
      ),
      '',
    );
    if (t.staleWaivers.length > 0) out.push(`${label('staleWaivers', lang)}${t.staleWaivers.map((v) => v.rule).join(', ')}`, '');
  }
  return out;
}

/** What belongs to no tenant: per cluster its counts, then its failures. */
function platformSection(report: CheckReport, lang: Lang): string[] {
  const nums = (c: Counts) => [String(c.pass), String(c.fail), String(c.waived), String(c.notApplicable)];
  const out = [`## ${w('platform', lang)}`, ''];
  out.push(
    ...table(
      [w('cluster', lang), w('level', lang), w('pass', lang), w('fail', lang), w('waived', lang), w('notApplicable', lang)],
      report.platform.map((t) => [cell(t.tenant.cluster), String(t.level), ...nums(countsOf(t))]),
    ),
    '',
  );
  for (const t of report.platform) for (const f of failures(t)) out.push(...failureSection(t, f, lang));
  return out;
}

function* markdownLines(report: CheckReport, lang: Lang): Generator<string> {
  yield* [`# ${w('title', lang)} — ${literal(report.city)}`, '', `${label('date', lang)}${report.today}`, '', `## ${w('summary', lang)}`, ''];
  if (report.tenants.length === 0) yield* [w('noTenants', lang), ''];
  else yield* [...summary(report, lang), '', w('units', lang), ''];
  if (report.platform.length > 0) yield* platformSection(report, lang);
  for (const t of report.tenants) yield* tenantSection(t, report.today, lang);
}

/** The Markdown report in pieces (a line each): joined, the bytes of renderMarkdown. */
export function* markdownChunks(report: CheckReport, lang: Lang): Generator<string> {
  yield* trimEnd(joinLines(markdownLines(report, lang)));
  yield '\n';
}

export function renderMarkdown(report: CheckReport, lang: Lang): string {
  return join(markdownChunks(report, lang));
}
