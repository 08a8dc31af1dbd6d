/**
 * `check --format junit`: well-formed XML (parsed by a real XML parser that reports errors), one suite
 * per tenant and per cluster platform, one case per rule judged, failures typed by severity, waived
 * and not-applicable findings skipped with the reason; hostile text from a request is escaped.
 */
import { DOMParser, Document, Element } from '@xmldom/xmldom';
import { renderJunit, xmlText } from '../../policies/report/junit';
import { runChecks, CheckReport } from '../../policies/engine';
import { buildDeployment } from '../../policies/deployment';
import { synthInMemory } from '../../stacks/in-memory';
import { baseModel, withTenant } from '../helpers/policy';

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

const attr = (e: Element, n: string): string | null => e.getAttribute(n);

describe('JUnit report', () => {
  const model = withTenant(baseModel(), 'relief', () => ({ displayName: 'relief <script>&"' }));
  const report: CheckReport = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: '2026-12-02' });

  it.each(['en', 'zh'] as const)('is well-formed with a suite per tenant and platform and a case per finding (%s)', (lang) => {
    const xml = renderJunit(report, lang);
    expect(renderJunit(report, lang)).toBe(xml);
    const doc = parse(xml);
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    const all = [...report.platform, ...report.tenants];
    expect(suites).toHaveLength(all.length);
    expect(suites.map((s) => attr(s, 'name')?.split(/[ （]/)[0])).toEqual(all.map((t) => t.tenant.name));
    suites.forEach((s, i) => {
      const t = all[i];
      const cases = Array.from(s.getElementsByTagName('testcase'));
      expect(cases).toHaveLength(t.findings.length);
      expect(Number(attr(s, 'tests'))).toBe(t.findings.length);
      expect(Number(attr(s, 'failures'))).toBe(t.findings.filter((f) => f.status === 'fail').length);
      cases.forEach((c, j) => {
        const f = t.findings[j];
        expect(attr(c, 'name')?.startsWith(f.rule.id)).toBe(true);
        const failure = c.getElementsByTagName('failure')[0];
        const skipped = c.getElementsByTagName('skipped')[0];
        expect([f.rule.id, failure !== undefined, skipped !== undefined]).toEqual([
          f.rule.id,
          f.status === 'fail',
          f.status === 'waived' || f.status === 'not-applicable',
        ]);
        if (failure) expect(attr(failure, 'type')).toBe(f.rule.severity);
      });
    });
    const root = doc.getElementsByTagName('testsuites')[0];
    expect(Number(attr(root, 'failures'))).toBe(all.reduce((n, t) => n + t.findings.filter((f) => f.status === 'fail').length, 0));
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(parse(`<x a="${xmlText('<&"\'>')}">${xmlText('</x><y>')}</x>`).documentElement?.getAttribute('a')).toBe('<&"\'>');
  });
});
