/**
 * The terminal report: a one-screen summary (one line per tenant, then a total), then every
 * unwaived failure with its evidence, where it points in the request file, and the remediation.
 * Words in the chosen language; rule ids, addresses, fields and evidence details stay as the rules give them.
 */
import { Lang } from '../../config/messages';
import { CheckReport, Finding, TenantReport } from '../engine';
import { allReports, Counts, countsOf, displayWidth, failures, label, paren, padEnd, padStart, totalCounts, w } from './common';
import { evidencePosition, formatPosition, waiverPosition } from '../position';

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

export function renderText(report: CheckReport, lang: Lang): string {
  const out: string[] = [`${w('title', lang)} — ${label('city', lang)}${report.city} — ${label('date', lang)}${report.today}`, ''];
  if (report.tenants.length === 0) return [...out, w('noTenants', lang), ''].join('\n');
  out.push(...summaryTable(report, lang), '');
  if (report.platform.length > 0) out.push(label('platform', lang).trimEnd(), ...summaryTable(report, lang, true), '');

  const failing = allReports(report).flatMap((t) => failures(t).map((f) => [t, f] as const));
  if (failing.length === 0) out.push(w('noFailures', lang));
  else {
    out.push(paren(w('failures', lang), String(failing.length), lang), '');
    for (const [t, f] of failing) out.push(...failureBlock(t, f, lang), '');
    out.pop();
  }

  const waived = report.tenants.flatMap((t) => t.findings.filter((f) => f.status === 'waived').map((f) => [t, f] as const));
  if (waived.length > 0) {
    out.push('', paren(w('waivers', lang), String(waived.length), lang));
    for (const [t, f] of waived) {
      const v = f.waiver;
      const detail = v
        ? paren(w('waivedBy', lang, { approvedBy: v.approvedBy, expires: v.expires, reason: v.reason }), formatPosition(waiverPosition(t.tenant, v)), lang)
        : '';
      out.push(`  ${f.rule.id} ${t.tenant.name}${lang === 'zh' ? '：' : ': '}${detail}`);
    }
  }
  const stale = report.tenants.flatMap((t) => t.staleWaivers.map((v) => [t, v] as const));
  if (stale.length > 0) {
    out.push('', label('staleWaivers', lang).trimEnd());
    for (const [t, v] of stale) out.push(`  ${v.rule} ${paren(t.tenant.name, formatPosition(waiverPosition(t.tenant, v)), lang)}`);
  }
  out.push('');
  return out.join('\n');
}
