/**
 * The terminal report: a one-screen summary (one line per tenant, then a total), then every
 * unwaived failure with its evidence, where it points in the request file, and the remediation.
 * Words in the chosen language; rule ids, addresses, fields and evidence details stay as the rules give them.
 */
import { Lang } from '../../config/messages';
import { CheckReport, Finding, runtimeProblems, TenantReport } from '../engine';
import { allReports, Counts, countsOf, displayWidth, drillLine, failures, label, paren, padEnd, padStart, recoveryText, totalCounts, w } from './common';
import { problemLine, rw } from './runtime-words';
import { evidencePosition, formatPosition, waiverPosition } from '../position';
import { Chunks, join, joinLines } from './chunks';
import { recordLine, RECORD_WORDS } from './records';

function summaryTable(report: CheckReport, lang: Lang, platform = false): string[] {
  const head = [
    w(platform ? 'cluster' : 'tenant', lang),
    w('level', lang),
    w('pass', lang),
    w('fail', lang),
    w('waived', lang),
    w('notApplicable', lang),
    w('partly', lang),
    w('manual', lang),
  ];
  const row = (name: string, level: string, c: Counts) => [
    name,
    level,
    String(c.pass),
    String(c.fail),
    String(c.waived),
    String(c.notApplicable),
    String(c.partly),
    String(c.manual),
  ];
  const rows = (platform ? report.platform : report.tenants).map((t) => row(platform ? t.tenant.cluster : t.tenant.name, String(t.level), countsOf(t)));
  if (!platform) rows.push(row(w('total', lang), '', totalCounts(report)));
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [head, ...rows].map(line);
}

function failureBlock(t: TenantReport, f: Finding, lang: Lang): string[] {
  const r = f.rule;
  const out = [
    `${r.id} [${w(r.severity, lang)}] ${paren(t.tenant.name, w('levelN', lang, { n: t.level }), lang)}${lang === 'zh' ? '：' : ': '}${r.title[lang]}`,
    `  ${label('at', lang)}${formatPosition(f.at)}`,
  ];
  if (f.clauses.length > 0) out.push(`  ${label('clauses', lang)}${f.clauses.join(', ')}`);
  if (f.crashed !== undefined) out.push(`  ${label('crashed', lang)}${f.crashed}`);
  out.push(`  ${label('evidence', lang).trimEnd()}`);
  for (const e of f.evidence) {
    out.push(`    - ${e.detail}`);
    if (e.address !== undefined) out.push(`      ${label('address', lang)}${e.address}`);
    if (e.field !== undefined) out.push(`      ${label('field', lang)}${paren(e.field, formatPosition(evidencePosition(t.tenant, e)), lang)}`);
  }
  out.push(`  ${label('remediation', lang)}${r.remediation[lang]}`);
  return out;
}

/** The lines of the report, in order (joined with line breaks, the report). */
function* textLines(report: CheckReport, lang: Lang): Generator<string> {
  yield `${w('title', lang)} — ${label('city', lang)}${report.city} — ${label('date', lang)}${report.today}`;
  yield '';
  if (report.tenants.length === 0) {
    yield w('noTenants', lang);
    yield '';
    return;
  }
  yield* summaryTable(report, lang);
  yield w('units', lang);
  yield '';
  if (report.platform.length > 0) {
    yield label('platform', lang).trimEnd();
    yield* summaryTable(report, lang, true);
    yield '';
  }

  const failing = allReports(report).reduce((n, t) => n + failures(t).length, 0);
  if (failing === 0) yield w('noFailures', lang);
  else {
    yield paren(w('failures', lang), String(failing), lang);
    for (const t of allReports(report))
      for (const f of failures(t)) {
        yield '';
        yield* failureBlock(t, f, lang);
      }
  }

  const problems = runtimeProblems(report);
  if (problems.length > 0) {
    yield '';
    yield paren(rw('differences', lang), String(problems.length), lang);
    for (const p of problems) yield `  ${problemLine(p, lang)}`;
  }

  const waived = report.tenants.reduce((n, t) => n + t.findings.filter((f) => f.status === 'waived').length, 0);
  if (waived > 0) {
    yield '';
    yield paren(w('waivers', lang), String(waived), lang);
    for (const t of report.tenants)
      for (const f of t.findings.filter((x) => x.status === 'waived')) {
        const v = f.waiver;
        const detail = v
          ? paren(w('waivedBy', lang, { approvedBy: v.approvedBy, expires: v.expires, reason: v.reason }), formatPosition(waiverPosition(t.tenant, v)), lang)
          : '';
        yield `  ${f.rule.id} ${t.tenant.name}${lang === 'zh' ? '：' : ': '}${detail}`;
      }
  }
  if (report.tenants.some((t) => t.staleWaivers.length > 0)) {
    yield '';
    yield label('staleWaivers', lang).trimEnd();
    for (const t of report.tenants)
      for (const v of t.staleWaivers) yield `  ${v.rule} ${paren(t.tenant.name, formatPosition(waiverPosition(t.tenant, v)), lang)}`;
  }
  // each tenant's tier targets, when the platform states them (absent otherwise); after the verdict, so --summary keeps its blocks
  const targets = report.tenants.flatMap((t) => {
    const text = recoveryText(t, lang);
    return text === undefined ? [] : [[t.tenant.name, text]];
  });
  if (targets.length > 0) {
    yield '';
    yield label('recoveryTargets', lang).trimEnd();
    const width = Math.max(...targets.map(([name]) => displayWidth(name)));
    for (const [name, text] of targets) yield `  ${padEnd(name, width)}  ${text}`;
  }
  // each tenant with a DR tier: its last restore drill, or that none is recorded
  const drills = report.tenants.flatMap((t) => {
    const line = t.tenant.dr === 'none' ? undefined : drillLine(t, lang);
    return line === undefined ? [] : [[t.tenant.name, line]];
  });
  if (drills.length > 0) {
    yield '';
    yield label('drills', lang).trimEnd();
    const width = Math.max(...drills.map(([name]) => displayWidth(name)));
    for (const [name, line] of drills) yield `  ${padEnd(name, width)}  ${line}`;
  }
  // each tenant's graded-protection records: their state and when the next falls due
  const records = report.tenants.flatMap((t) => {
    const line = recordLine(t, lang);
    return line === undefined ? [] : [[t.tenant.name, line]];
  });
  if (records.length > 0) {
    yield '';
    yield RECORD_WORDS.perTenant[lang];
    const width = Math.max(...records.map(([name]) => displayWidth(name)));
    for (const [name, line] of records) yield `  ${padEnd(name, width)}  ${line}`;
  }
  yield '';
}

/** The terminal report in pieces (a line each): joined, the bytes of renderText. */
export function textChunks(report: CheckReport, lang: Lang): Chunks {
  return joinLines(textLines(report, lang));
}

export function renderText(report: CheckReport, lang: Lang): string {
  return join(textChunks(report, lang));
}
