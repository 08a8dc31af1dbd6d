/**
 * Each tenant's tier targets (platform.yaml spec.recovery, issue 22) in the reports that show a
 * tenant's facts: the text report's recovery section, the Markdown and HTML tenant sections and the
 * JSON tenant entry. A city that states no targets shows none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { CheckReport, runChecks } from '../../policies/engine';
import { renderText } from '../../policies/report/text';
import { renderMarkdown } from '../../policies/report/markdown';
import { renderJson } from '../../policies/report/json';
import { renderHtml } from '../../policies/report/html/page';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-11-23';

function city(recovery: string | undefined): CityModel {
  const dir = caseEnv(undefined);
  if (recovery !== undefined) {
    const platform = path.join(dir, 'platform.yaml');
    const anchor = '    domesticNodeLabel: { key: govcloud.gov.cn/node-pool, value: xc }\n';
    fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace(anchor, `${anchor}  recovery:\n${recovery}`));
  }
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

const reportOf = (model: CityModel): CheckReport => runChecks(model, buildDeployment(model, synthInMemory(model)), { today: TODAY });

describe('recovery targets in the reports', () => {
  // only hot-standby is stated: the backup tier's tenants show nothing
  const model = city('    hot-standby: { rpo: 15m, rto: 1h }\n');
  const report = reportOf(model);
  const hot = report.tenants.filter((t) => t.tenant.dr === 'hot-standby').map((t) => t.tenant.name);
  const others = report.tenants.filter((t) => t.tenant.dr !== 'hot-standby').map((t) => t.tenant.name);

  it('has tenants with and without a stated target in the fixture', () => {
    expect(hot.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
  });

  it('lists each tenant with a target in the text report, in both languages', () => {
    const en = renderText(report, 'en').split('\n');
    const start = en.indexOf('Recovery targets (RPO / RTO of the DR tier, platform.yaml):');
    expect(start).toBeGreaterThan(0);
    const section = en.slice(start + 1, en.indexOf('', start));
    expect(section.map((l) => l.trim().split(/\s{2,}/))).toEqual(hot.map((n) => [n, 'tier hot-standby: RPO 15m, RTO 1h']));
    expect(renderText(report, 'zh')).toContain('灾备等级 hot-standby：RPO 15m，RTO 1h');
  });

  it('shows the targets in the tenant sections of Markdown and HTML, and in the JSON tenant entry', () => {
    const md = renderMarkdown(report, 'en');
    for (const name of hot) expect(md.split(`## ${name}\n`)[1].split('\n## ')[0]).toContain('recovery targets: tier hot-standby: RPO 15m, RTO 1h');
    for (const name of others) expect(md.split(`## ${name}\n`)[1].split('\n## ')[0]).not.toContain('recovery targets');
    const html = renderHtml(report, model, 'zh');
    expect(html).toContain('<dt>恢复目标</dt><dd>灾备等级 hot-standby：RPO 15m，RTO 1h</dd>');
    const json = JSON.parse(renderJson(report)) as { tenants: { name: string; recovery?: unknown }[] };
    for (const t of json.tenants)
      expect([t.name, t.recovery]).toEqual([t.name, hot.includes(t.name) ? { tier: 'hot-standby', rpo: '15m', rto: '1h' } : undefined]);
  });

  it('shows no targets when the platform states none, and renders the same input the same way', () => {
    const none = reportOf(city(undefined));
    expect(renderText(none, 'en')).not.toContain('Recovery targets');
    expect(renderMarkdown(none, 'en')).not.toContain('recovery targets');
    expect(renderText(report, 'en')).toBe(renderText(reportOf(model), 'en'));
  });
});
