/**
 * The HTML report on the base fixture city: one self-contained page (no script, nothing fetched,
 * a policy that forbids fetching), every tenant and every unwaived failure present, model strings
 * escaped (a hostile request file shows its text and adds no markup), the topology sized from its
 * content, and the same bytes for the same input.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel, Tenant } from '../../config/model';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { CheckReport, runChecks } from '../../policies/engine';
import { renderHtml } from '../../policies/report/html/page';
import { fit, renderTopology, textWidth } from '../../policies/report/html/topology';
import { esc } from '../../policies/report/html/escape';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-11-23';
const HOSTILE = `<img src="http://203.0.113.9/x.png" onerror="alert(1)"><script>fetch('https://203.0.113.9')</script>'&`;

function modelOf(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

const model = modelOf(caseEnv(undefined));
const report = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: TODAY });

/** The report with a request file's free text replaced by markup, as a hostile department could write it. */
function hostile(r: CheckReport): { model: CityModel; report: CheckReport } {
  const t0 = r.tenants[0];
  const tenant: Tenant = {
    ...t0.tenant,
    displayName: HOSTILE,
    approvalRef: HOSTILE,
    waivers: [{ rule: 'MLPS-NET-001', reason: HOSTILE, approvedBy: HOSTILE, expires: '2027-01-01', line: 3 }],
  };
  const findings = t0.findings.map((f, i) => (i === 0 ? { ...f, status: 'fail' as const, evidence: [{ detail: HOSTILE, address: HOSTILE }] } : f));
  const m = { ...model, displayName: HOSTILE, tenants: model.tenants.map((t) => (t.name === tenant.name ? tenant : t)) };
  return { model: m, report: { ...r, tenants: [{ ...t0, tenant, findings }, ...r.tenants.slice(1)] } };
}

describe.each(['en', 'zh'] as const)('renderHtml (%s)', (lang) => {
  const html = renderHtml(report, model, lang);

  it('is one page with its style inline, no script, and a policy that forbids every request', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<img|@import|url\(http/i);
    // the only URL is the SVG namespace, which is a name, never fetched
    expect(html.match(/https?:\/\/[^"\s<]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('has a section per tenant, a row per clause and a row per finding with its status', () => {
    for (const t of report.tenants) {
      expect(html).toContain(`<section class="tenant" id="tenant-${t.tenant.name}" data-tenant="${t.tenant.name}">`);
      for (const c of t.clauses) expect(html).toContain(`<tr class="clause" data-clause="${c.clause}" data-status="${c.status}">`);
      for (const f of t.findings)
        expect(html).toContain(`id="finding-${t.tenant.name}-${f.rule.id.toLowerCase()}" data-rule="${f.rule.id}" data-status="${f.status}"`);
    }
  });

  it('starts each tenant on a new page when printed', () => {
    expect(html).toMatch(/@media print\{[^]*section\.tenant\{break-before:page;page-break-before:always\}/);
  });

  it('is the same bytes for the same report', () => {
    expect(renderHtml(report, model, lang)).toBe(html);
  });

  it('shows what a hostile request file wrote as text, never as markup', () => {
    const h = hostile(report);
    const out = renderHtml(h.report, h.model, lang);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('onerror="');
    expect(out).toContain(esc(HOSTILE));
    // in the waiver table: reason and approver, escaped
    expect(out).toContain(`<td class="approver">${esc(HOSTILE)}</td>`);
  });
});

describe('renderTopology', () => {
  const state = new Map(report.tenants.map((t) => [t.tenant.name, 'pass' as const]));
  const svg = renderTopology(model, state, 'en');
  const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];

  it('draws every tenant once, linked to its section', () => {
    for (const t of model.tenants) expect(svg.split(`<a href="#tenant-${t.name}" class="tenant-link"`).length).toBe(2);
  });

  it('sizes its viewBox from what it draws: every coordinate inside it', () => {
    const xs = [...svg.matchAll(/ (?:x|x1|x2|cx)="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
    const ys = [...svg.matchAll(/ (?:y|y1|y2|cy)="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs, ...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(Number(w));
    expect(Math.max(...ys)).toBeLessThan(Number(h));
    for (const m of svg.matchAll(/ d="M([-\d. C]+)"/g)) {
      const nums = m[1].split(/[ C]+/).map(Number);
      for (let i = 0; i < nums.length; i += 2) {
        expect(nums[i]).toBeLessThanOrEqual(Number(w));
        expect(nums[i + 1]).toBeLessThanOrEqual(Number(h));
      }
    }
  });

  it('draws a tenant the report does not hold (check --tenant) without a link to a section that is not there', () => {
    const [first, ...rest] = report.tenants.map((t) => t.tenant.name);
    const partial = renderTopology(model, new Map(rest.map((n) => [n, 'pass' as const])), 'en');
    expect(partial).toContain(`<g class="tenant-unlinked" data-tenant="${first}">`);
    expect(partial).not.toContain(`href="#tenant-${first}"`);
    for (const n of rest) expect(partial).toContain(`<a href="#tenant-${n}" class="tenant-link"`);
  });

  it('draws the egress, the Internet, both networks and the isolation boundary', () => {
    for (const cls of ['egress', 'internet', 'band band-extranet', 'band band-intranet', 'isolation']) expect(svg).toContain(`class="${cls}"`);
  });

  it('cuts a label to its box and keeps the full text as a tooltip', () => {
    expect(fit('short', 100)).toBe('short');
    const cut = fit('示例市政务云平台示例市政务云平台示例市政务云平台', 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(100);
  });
});
