/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure DevOps): one test suite per
 * tenant and per cluster platform, one test case per rule judged. An unwaived failure is a <failure>
 * (type = severity); a waived finding and a not-applicable rule are <skipped> with the reason. No
 * timestamps or durations, so the same report gives the same bytes.
 */
import { Lang } from '../../config/messages';
import { CheckReport, Finding, TenantReport } from '../engine';
import { allReports, label, paren, w } from './common';
import { formatPosition } from '../position';
import { Chunks, join, joinLines } from './chunks';

/** Text for XML content and attribute values: markup escaped, characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function testCase(t: TenantReport, f: Finding, lang: Lang): string[] {
  const name = `${f.rule.id} ${f.rule.title[lang]}`;
  const head = `    <testcase classname="${xmlText(t.tenant.name)}" name="${xmlText(name)}" file="${xmlText(f.at.file)}" line="${f.at.line}">`;
  const evidence = f.evidence.map((e) => `- ${e.detail}${e.address !== undefined ? ` (${e.address})` : ''}`).join('\n');
  switch (f.status) {
    case 'fail':
      return [
        head,
        `      <failure type="${f.rule.severity}" message="${xmlText(f.evidence[0]?.detail ?? f.rule.title[lang])}">${xmlText(
          `${label('at', lang)}${formatPosition(f.at)}\n${label('clauses', lang)}${f.clauses.join(', ') || w('none', lang)}\n${evidence}\n${label('remediation', lang)}${f.rule.remediation[lang]}`,
        )}</failure>`,
        '    </testcase>',
      ];
    case 'waived': {
      const v = f.waiver;
      const why = v ? w('waivedBy', lang, { approvedBy: v.approvedBy, expires: v.expires, reason: v.reason }) : w('waived', lang);
      return [head, `      <skipped message="${xmlText(why)}"/>`, '    </testcase>'];
    }
    case 'not-applicable':
      return [head, `      <skipped message="${xmlText(paren(w('notApplicable', lang), f.evidence[0]?.detail ?? '', lang))}"/>`, '    </testcase>'];
    default:
      return [`${head.slice(0, -1)}/>`];
  }
}

function* junitLines(report: CheckReport, lang: Lang): Generator<string> {
  const suites = allReports(report);
  const count = (t: TenantReport, s: Finding['status'][]) => t.findings.filter((f) => s.includes(f.status)).length;
  const total = (s: Finding['status'][]) => suites.reduce((n, t) => n + count(t, s), 0);
  const all: Finding['status'][] = ['pass', 'fail', 'waived', 'not-applicable'];
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="${xmlText(`${w('title', lang)} — ${report.city}`)}" tests="${total(all)}" failures="${total(['fail'])}" errors="0" skipped="${total(['waived', 'not-applicable'])}">`;
  for (const t of suites) {
    yield `  <testsuite name="${xmlText(paren(t.tenant.name, w('levelN', lang, { n: t.level }), lang))}" tests="${count(t, all)}" failures="${count(t, ['fail'])}" errors="0" skipped="${count(t, ['waived', 'not-applicable'])}">`;
    for (const f of t.findings) yield* testCase(t, f, lang);
    yield '  </testsuite>';
  }
  yield '</testsuites>';
  yield '';
}

/** The JUnit XML in pieces (a line each): joined, the bytes of renderJunit. */
export function junitChunks(report: CheckReport, lang: Lang): Chunks {
  return joinLines(junitLines(report, lang));
}

export function renderJunit(report: CheckReport, lang: Lang): string {
  return join(junitChunks(report, lang));
}
