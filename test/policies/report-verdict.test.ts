/**
 * The HTML report says what is known (issue 23): with no failure but control points that need manual
 * evidence or are only partly automated, the headline does not say the check passes and no tenant wears
 * a "pass" badge — each counts what is left; the summary says which unit each column counts. A report
 * with failures still says fail; one with nothing left to the assessor still says pass.
 */
import { validateEnvironment } from '../../config/validate';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { renderHtml } from '../../policies/report/html/page';
import { renderText } from '../../policies/report/text';
import { countsOf } from '../../policies/report/common';
import { caseEnv } from '../helpers/env';

const model = validateEnvironment(caseEnv(undefined)).model!;
const report = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: '2026-11-23' });
const clean = { ...report, tenants: report.tenants.map((t) => ({ ...t, findings: t.findings.filter((f) => f.status !== 'fail') })) };

describe('verdicts that say what is known', () => {
  it.each(['en', 'zh'] as const)('never says "passes" while control points are manual or partly (%s)', (lang) => {
    const html = renderHtml(clean, model, lang);
    const verdict = /<p class="verdict ([^"]+)" data-blocking="0" data-partly="(\d+)" data-manual="(\d+)">([^<]*)<\/p>/.exec(html);
    expect(verdict?.[1]).toBe('verdict-open');
    expect(Number(verdict?.[2]) + Number(verdict?.[3])).toBeGreaterThan(0);
    expect(verdict?.[4]).toContain(lang === 'zh' ? '测评尚未完成' : 'the assessment is not complete');
    expect(html).not.toContain(lang === 'zh' ? '检查通过。' : 'the check passes.');
    for (const t of clean.tenants) {
      const c = countsOf(t);
      const head = new RegExp(
        `<h2>${t.tenant.name} <span class="level">[^<]*</span> <span class="st st-([a-z-]+)" data-status="[a-z-]+">([^<]*)</span></h2>`,
      ).exec(html);
      expect([t.tenant.name, head?.[1]]).toEqual([t.tenant.name, c.partly + c.manual > 0 ? 'open' : expect.stringMatching(/pass|waived/)]);
      if (c.partly + c.manual > 0) expect(head?.[2]).toContain(String(c.manual));
    }
    expect(html).toContain(lang === 'zh' ? '计数单位：通过、不通过、已豁免、不适用按规则结果计' : 'Units: pass, fail, waived and n/a count rule results');
    expect(renderText(clean, lang)).toContain(lang === 'zh' ? '计数单位' : 'Units:');
  });

  it('says fail when an error fails, and pass only when nothing is left to the assessor', () => {
    const failing = {
      ...report,
      tenants: report.tenants.map((t, i) =>
        i === 0 ? { ...t, findings: t.findings.map((f, j) => (j === 0 && f.rule.severity === 'error' ? { ...f, status: 'fail' as const } : f)) } : t,
      ),
    };
    expect(renderHtml(failing, model, 'en')).toMatch(/<p class="verdict verdict-fail" data-blocking="[1-9]/);
    const nothingLeft = { ...clean, tenants: clean.tenants.map((t) => ({ ...t, clauses: [] })), platform: clean.platform.map((t) => ({ ...t, clauses: [] })) };
    const html = renderHtml(nothingLeft, model, 'en');
    expect(html).toMatch(
      /<p class="verdict verdict-pass" data-blocking="0" data-partly="0" data-manual="0">No unwaived error finding: the check passes\.<\/p>/,
    );
  });
});
