/**
 * Drill records as evidence (issue 22): 8.1.4.9 a) "local backup and restore" counts as automated
 * for a level-3 tenant only with a passing drill younger than spec.drills.validFor, and stays partly
 * otherwise with the missing evidence named; MLPS-DATA-010 judges the last drill; every report shows
 * the last drill per tenant, or that there is none. Fixtures: temporary copies of the example city.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment, Deployment } from '../../policies/deployment';
import { CheckReport, runChecks, TenantReport } from '../../policies/engine';
import { renderMarkdown } from '../../policies/report/markdown';
import { renderJson } from '../../policies/report/json';
import { renderHtml } from '../../policies/report/html/page';
import { renderText } from '../../policies/report/text';
import { writeDrillRecord } from '../../drill/record';
import { cityCopy, failedRecord, record } from '../helpers/drills';
import { DrillRecordFile } from '../../config/schema/drill-record';

const TENANT = 'hotline-12345';
const RESTORE = 'Local backup and restore of important data';

function cityWith(...records: DrillRecordFile[]): CityModel {
  const env = cityCopy('drill-evidence');
  for (const r of records) writeDrillRecord(env, r);
  const v = validateEnvironment(env);
  if (!v.model) throw new Error(`fixture invalid: ${JSON.stringify(v.issues)}`);
  return v.model;
}

// drill records never change a stack: the example city is synthesized once
let deployment: Deployment | undefined;
const plain = cityWith();
const reportOf = (model: CityModel, today = '2026-12-01'): CheckReport =>
  runChecks(model, (deployment ??= buildDeployment(plain, synthInMemory(plain))), { today, tenants: [TENANT] });
const tenantOf = (r: CheckReport): TenantReport => r.tenants[0];
const row = (t: TenantReport) => t.clauses.find((c) => c.clause === '8.1.4.9')!;
const data010 = (t: TenantReport) => t.findings.find((f) => f.rule.id === 'MLPS-DATA-010')!;

describe('8.1.4.9 a) and MLPS-DATA-010 with drill records', () => {
  it('counts the restore as automated with a passing drill younger than validFor', () => {
    const t = tenantOf(reportOf(cityWith(record())));
    expect(data010(t).status).toBe('pass');
    expect(row(t).checked.map((a) => a.text.en)).toContain(RESTORE);
    expect(row(t).open.map((a) => a.text.en)).not.toContain(RESTORE);
    // real-time backup, hot redundancy and restore tests on a schedule are still the assessor's to see
    expect(row(t).status).toBe('partly');
    expect(t.drill?.state).toBe('fresh');
    expect(t.drill?.missing).toBeUndefined();
  });

  it('keeps it partly, naming what is missing, without a record, with an old one or after a failed one', () => {
    const cases: [CheckReport, string, string][] = [
      [reportOf(plain), 'not-applicable', `no drill record (drills/${TENANT}/): no restore of its backups has been recorded`],
      [reportOf(cityWith(record()), '2027-06-01'), 'not-applicable', 'the last passing drill of 2026-11-30T02:14:09Z is older than 180d'],
      [
        reportOf(cityWith(record({ at: '2026-11-01T00:00:00Z' }), failedRecord())),
        'fail',
        'the last drill failed on 2026-11-30T02:14:09Z: 文件 /data/drill.bin 校验和不一致 / file:/data/drill.bin checksum differs',
      ],
    ];
    for (const [report, status, missing] of cases) {
      const t = tenantOf(report);
      expect([data010(t).status, t.drill?.missing?.en]).toEqual([status, missing]);
      expect(row(t).checked.map((a) => a.text.en)).not.toContain(RESTORE);
      expect(row(t).open.map((a) => a.text.en)).toContain(RESTORE);
      expect(row(t).status).toBe(status === 'fail' ? 'fail' : 'partly');
    }
  });

  it('counts a drill through the last day of validFor, and not the day after', () => {
    // 2026-11-30T02:14:09Z + 180 days = 2027-05-29T02:14:09Z, 10:14 in Beijing
    expect(tenantOf(reportOf(cityWith(record()), '2027-05-29')).drill?.state).toBe('fresh');
    expect(tenantOf(reportOf(cityWith(record()), '2027-05-30')).drill?.state).toBe('stale');
  });
});

describe('the last drill in the reports', () => {
  const model = cityWith(record());
  const report = reportOf(model);
  const section = (md: string) => md.split(`## ${TENANT}\n`)[1].split('\n## ')[0];

  it('shows when, from → to, RPO and RTO against targets, checks, result and by whom in Markdown, HTML and JSON', () => {
    const md = section(renderMarkdown(report, 'en'));
    expect(md).toContain('### Restore drill (8.1.4.9, drills/<tenant>/)');
    expect(md).toContain('- when: 2026-11-30T02:14:09Z');
    // a record's texts go through Markdown's escaping, brackets included
    expect(md).toContain('- from → to: ext-primary/hotline-12345-prod \\(site same-city\\) → ext-samecity/hotline-12345-prod \\(site same-city\\)');
    expect(md).toContain('- measured against targets: RPO 4m \\(target 15m\\), RTO 9m \\(target 1h\\)');
    expect(md).toContain('- checks passed: 2/2');
    expect(md).toContain('- result: pass');
    expect(md).toContain('- by: 李四');
    expect(md).toContain('- as evidence: counts \\(valid for 180d\\)');
    const html = renderHtml(report, model, 'zh');
    expect(html).toContain('<dl class="facts drill" data-drill="fresh"><dt>时间</dt><dd>2026-11-30T02:14:09Z</dd>');
    expect(html).toContain('<dt>实测与目标</dt><dd>RPO 4m（目标 15m），RTO 9m（目标 1h）</dd>');
    expect(html).toContain('<dt>执行人</dt><dd>李四</dd>');
    const json = JSON.parse(renderJson(report)) as {
      tenants: { name: string; drill: { state: string; last: { file: string; record: DrillRecordFile; checksPassed: number } } }[];
    };
    const d = json.tenants[0].drill;
    expect([d.state, d.last.checksPassed, d.last.record.measured, d.last.record.by, d.last.record.to.cluster]).toEqual([
      'fresh',
      2,
      { rpoSeconds: 240, rtoSeconds: 540 },
      '李四',
      'ext-samecity',
    ]);
    expect(d.last.file).toMatch(/drills\/hotline-12345\/2026-11-30T02-14-09Z-ext-samecity\.json$/);
    expect(renderText(report, 'en')).toMatch(
      /hotline-12345 {2}2026-11-30T02:14:09Z ext-primary → ext-samecity \(same-city\): pass, RPO 4m \(target 15m\), RTO 9m \(target 1h\), 2\/2, by 李四/,
    );
  });

  it('says the evidence is missing in the example city, which has no drill record, in both languages', () => {
    const none = reportOf(plain);
    const md = section(renderMarkdown(none, 'en'));
    expect(md).toContain('- when: no drill record');
    expect(md).toContain(`- still to show: ${RESTORE} — configured; lacks: passing restore drill; evidence missing: no drill record`);
    expect(renderMarkdown(none, 'zh')).toContain('缺少证据：没有演练记录');
    expect(renderText(none, 'en')).toMatch(/^ {2}hotline-12345 {2}no drill record$/m);
    expect(renderHtml(none, plain, 'en')).toContain('data-drill="none"><dt>when</dt><dd>no drill record</dd>');
    const json = JSON.parse(renderJson(none)) as { tenants: { drill: { state: string; missing: { en: string } } }[] };
    expect(json.tenants[0].drill.state).toBe('none');
    expect(json.tenants[0].drill.missing.en).toMatch(/^no drill record/);
  });

  it('escapes a record text in HTML and renders the same input to the same bytes', () => {
    const odd = cityWith(record({ by: '<b>王五</b>' }));
    const html = renderHtml(reportOf(odd), odd, 'en');
    expect(html).toContain('<dd>&lt;b&gt;王五&lt;/b&gt;</dd>');
    expect(html).not.toContain('<b>王五</b>');
    expect(renderHtml(report, model, 'en')).toBe(renderHtml(reportOf(model), model, 'en'));
    expect(renderMarkdown(report, 'zh')).toBe(renderMarkdown(reportOf(model), 'zh'));
    expect(renderJson(report)).toBe(renderJson(reportOf(model)));
  });
});
