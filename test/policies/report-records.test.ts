/**
 * Each tenant's graded-protection records (spec.mlps, policies/records.ts) in every report format:
 * the text report's per-tenant section, the Markdown and HTML tenant facts and the JSON tenant
 * entry; an overdue record is also a failure with its rule, a new tenant's missing one says when it
 * falls due. Base fixture: portal (L3) states an overdue assessment, relief (L2) a filing,
 * exchange-hub (L3) nothing, inside its grace period; case-files is classified.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { blocking, CheckReport, runChecks } from '../../policies/engine';
import { renderText } from '../../policies/report/text';
import { renderMarkdown } from '../../policies/report/markdown';
import { renderJson } from '../../policies/report/json';
import { renderHtml } from '../../policies/report/html/page';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-12-01';
const ANCHOR = '  mlpsLevel: ';

function city(): CityModel {
  const dir = caseEnv(undefined);
  const add = (file: string, lines: string) => {
    const full = path.join(dir, 'tenants', file);
    const text = fs.readFileSync(full, 'utf8');
    const at = text.indexOf('\n', text.indexOf(ANCHOR)) + 1;
    fs.writeFileSync(full, `${text.slice(0, at)}  mlps:\n${lines}${text.slice(at)}`);
  };
  add(
    'north/portal.yaml',
    '    assessment: { lastOn: 2025-11-20, agency: 示例市信息安全测评中心, result: 基本符合 }\n    riskAssessment: { lastOn: 2026-05-06 }\n',
  );
  add('north/relief.yaml', '    filing: { number: 44010013001-21001, filedOn: 2026-09-20, authority: 示例市公安局网络安全保卫支队 }\n');
  const r = validateEnvironment(dir, { today: TODAY });
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

describe('graded-protection records in the reports', () => {
  const model = city();
  const report: CheckReport = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: TODAY });

  it('lists every tenant with its records in the text report, in both languages', () => {
    const en = renderText(report, 'en').split('\n');
    const start = en.indexOf('Graded-protection records per tenant (spec.mlps)');
    expect(start).toBeGreaterThan(0);
    const rows = Object.fromEntries(en.slice(start + 1, en.indexOf('', start)).map((l) => l.trim().split(/\s{2,}/)));
    expect(rows).toEqual({
      'case-files': 'filing (备案) not required; assessment (等级测评) not required; risk assessment (风险评估) not required',
      'exchange-hub':
        'filing (备案) in grace period, due by 2027-03-30; assessment (等级测评) in grace period, due by 2027-03-30; risk assessment (风险评估) in grace period, due by 2027-03-30',
      portal:
        'filing (备案) in grace period, due by 2027-03-30; assessment (等级测评) overdue, was due by 2026-11-20; risk assessment (风险评估) on record, due by 2027-05-06',
      relief: 'filing (备案) on record; assessment (等级测评) not required; risk assessment (风险评估) not required',
    });
    expect(renderText(report, 'zh')).toContain('等级测评 已逾期（overdue），原应于 2026-11-20 前');
  });

  it('fails the overdue assessment under its rule, and nothing for a record inside the grace period', () => {
    const failing = report.tenants.flatMap((t) =>
      t.findings.filter((f) => f.status === 'fail' && f.rule.family === 'MGMT').map((f) => `${t.tenant.name} ${f.rule.id}`),
    );
    expect(failing).toEqual(['portal MLPS-MGMT-002']);
    expect(blocking(report)).toBeGreaterThan(0);
    const portal = report.tenants.find((t) => t.tenant.name === 'portal')!;
    expect(portal.clauses.find((c) => c.clause === '8.1.9')?.status).toBe('fail');
  });

  it('shows the records in the tenant sections of Markdown and HTML', () => {
    const md = renderMarkdown(report, 'en');
    const portal = md.split('## portal\n')[1].split('\n## ')[0];
    expect(portal).toContain('### Graded-protection records (spec.mlps)');
    expect(portal).toContain(
      // the department's texts are literal in Markdown: brackets escaped
      '- assessment (等级测评): overdue: 2025-11-20 by 示例市信息安全测评中心: 基本符合 \\(basically pass\\); the next was due by 2026-11-20 \\(every 12 months at level 3\\)',
    );
    const html = renderHtml(report, model, 'zh');
    expect(html).toContain('<dt>等保备案</dt><dd>在案（current）：编号 44010013001-21001，2026-09-20 于示例市公安局网络安全保卫支队备案</dd>');
    expect(html).toContain('<dt>风险评估</dt><dd>宽限期内（grace）：未填写；应于 2027-03-30 前完成（自项目联审批复起 180d 宽限期）</dd>');
  });

  it('gives the records as stated and their states in the JSON tenant entry', () => {
    const json = JSON.parse(renderJson(report)) as { tenants: { name: string; records?: Record<string, unknown> }[] };
    const relief = json.tenants.find((t) => t.name === 'relief')?.records;
    expect(relief).toEqual({
      stated: { filing: { number: '44010013001-21001', filedOn: '2026-09-20', authority: '示例市公安局网络安全保卫支队' } },
      gracePeriod: '180d',
      graceEndsOn: '2027-03-30',
      filing: {
        state: 'current',
        on: '2026-09-20',
        text: {
          en: 'no. 44010013001-21001, filed 2026-09-20 with 示例市公安局网络安全保卫支队',
          zh: '编号 44010013001-21001，2026-09-20 于示例市公安局网络安全保卫支队备案',
        },
      },
      assessment: { state: 'not-required', text: { en: 'none stated; not required at level 2', zh: '未填写；第2级不要求' } },
      riskAssessment: { state: 'not-required', text: { en: 'none stated; not required at level 2', zh: '未填写；第2级不要求' } },
    });
  });
});
