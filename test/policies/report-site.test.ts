/**
 * The HTML report as a folder (policies/report/html/site.ts) on the violations city: an index, a page
 * per department and one per tenant; every page self-contained (no script, nothing fetched, the
 * policy that forbids fetching); every link relative and resolving to a page of the folder and an
 * id on it; every tenant's facts, clauses, findings and waivers on its page with its own topology;
 * model strings escaped; the same bytes for the same input.
 */
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel, Tenant } from '../../config/model';
import { CheckReport } from '../../policies/engine';
import { judge } from '../../workflow/check';
import { judgedFlows, JudgedFlow } from '../../policies/judged-flows';
import { renderSite } from '../../policies/report/html/site';
import { tenantPage } from '../../policies/report/html/site-paths';
import { esc } from '../../policies/report/html/escape';
import { REPO } from '../helpers/env';

const TODAY = '2026-11-23';
const HOSTILE = `<img src="http://203.0.113.9/x.png" onerror="alert(1)"><script>fetch('https://203.0.113.9')</script>'&`;
const ENV = path.join(REPO, 'environments', 'example-city-violations');

const model = ((): CityModel => {
  const r = validateEnvironment(ENV, { today: TODAY });
  if (!r.model) throw new Error(`invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.model;
})();
const judged = judge({ model, env: ENV, today: TODAY });
const report = judged.report as CheckReport;
const flows: JudgedFlow[] = judgedFlows(model, judged.deployment!);

/** Every `href` of a page, resolved against the page's folder: [target page, fragment]. */
function links(page: string, html: string): [string, string | undefined][] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => {
    const [file, frag] = m[1].split('#');
    const target = file === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
    return [target, frag];
  });
}

describe.each(['en', 'zh'] as const)('the HTML report folder (%s)', (lang) => {
  const site = renderSite(report, model, lang, flows);

  it('has an index, a page per department and a page per tenant of the report', () => {
    const names = [...site.keys()];
    expect(names[0]).toBe('index.html');
    expect(names.filter((p) => p.startsWith('tenants/')).sort()).toEqual(report.tenants.map((t) => tenantPage(t.tenant.name)).sort());
    const departments = new Set(report.tenants.map((t) => t.tenant.department));
    expect(names.filter((p) => p.startsWith('departments/')).length).toBe(departments.size);
    expect(names.length).toBe(1 + departments.size + report.tenants.length);
  });

  it('makes every page self-contained: its style inline, no script, a policy that forbids every request', () => {
    for (const [p, html] of site) {
      expect([p, html.startsWith('<!DOCTYPE html>\n')]).toEqual([p, true]);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
      expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
      expect(html).not.toMatch(/<script|<link|<iframe|<object|<img|@import|url\(http/i);
      // the only URL is the SVG namespace of a picture, a name never fetched (a department's page has none)
      expect([p, html.match(/https?:\/\/[^"\s<]+/g)]).toEqual([p, p.startsWith('departments/') ? null : ['http://www.w3.org/2000/svg']]);
    }
  });

  it('links only relatively, to pages of the folder and ids that are on them', () => {
    let count = 0;
    for (const [p, html] of site)
      for (const [target, frag] of links(p, html)) {
        count++;
        expect([p, target, site.has(target)]).toEqual([p, target, true]);
        if (frag !== undefined) expect([p, target, frag, site.get(target)?.includes(`id="${frag}"`)]).toEqual([p, target, frag, true]);
      }
    // the index links to every department, every tenant (a small city) and every failure
    expect(count).toBeGreaterThan(report.tenants.length * 3);
  });

  it('puts every finding, clause and waiver of a tenant on its page, with its own topology', () => {
    for (const t of report.tenants) {
      const html = site.get(tenantPage(t.tenant.name)) ?? '';
      expect(html).toContain(`<section class="tenant" id="tenant-${t.tenant.name}" data-tenant="${t.tenant.name}">`);
      for (const c of t.clauses) expect(html).toContain(`<tr class="clause" data-clause="${c.clause}" data-status="${c.status}">`);
      for (const f of t.findings)
        expect(html).toContain(`id="finding-${t.tenant.name}-${f.rule.id.toLowerCase()}" data-rule="${f.rule.id}" data-status="${f.status}"`);
      for (const w of t.tenant.waivers) expect(html).toContain(`<tr class="waiver" data-rule="${w.rule}"`);
      expect(html).toContain(`<svg xmlns="http://www.w3.org/2000/svg" id="topology-svg" class="tenant-topology"`);
      // every flow in or out of the tenant is drawn, in red when the zoning forbids it
      for (const f of flows.filter((x) => [x.from, x.to].some((e) => e.kind === 'tenant' && e.tenant === t.tenant.name))) {
        const cls = `flow${f.declared ? '' : ' undeclared'}${f.allowed ? '' : ' suspect'}`;
        expect(html).toMatch(new RegExp(`<path class="${cls}" [^>]*data-allowed="${f.allowed}"`));
      }
    }
    const relief = site.get(tenantPage('relief')) ?? '';
    expect(relief).toMatch(/<path class="flow undeclared suspect" [^>]*data-from="tenant:relief" data-to="tenant:portal"/);
  });

  it('draws every tenant on the index of a small city, with the verdict of the check', () => {
    const index = site.get('index.html') ?? '';
    for (const t of report.tenants) expect(index).toContain(`<a href="${tenantPage(t.tenant.name)}" class="tenant-link" data-tenant="${t.tenant.name}">`);
    expect(index).toMatch(/<p class="verdict verdict-fail" data-blocking="[1-9]/);
    expect(index).not.toContain('class="aggregated"');
  });

  it('is the same bytes for the same input', () => {
    expect(renderSite(report, model, lang, flows)).toEqual(site);
  });

  it('shows what a hostile request file wrote as text, never as markup', () => {
    const t0 = report.tenants[0];
    const tenant: Tenant = { ...t0.tenant, displayName: HOSTILE, approvalRef: HOSTILE };
    const m = { ...model, displayName: HOSTILE, tenants: model.tenants.map((t) => (t.name === tenant.name ? tenant : t)) };
    const findings = t0.findings.map((f, i) => (i === 0 ? { ...f, evidence: [{ detail: HOSTILE, address: HOSTILE }] } : f));
    const r = { ...report, tenants: [{ ...t0, tenant, findings }, ...report.tenants.slice(1)] };
    for (const [, html] of renderSite(r, m, lang, flows)) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('onerror="');
      expect(html).toContain(esc(HOSTILE));
    }
  });
});
