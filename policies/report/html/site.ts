/**
 * The HTML report as a folder a browser opens in seconds whatever the size of the city:
 *
 *   index.html                       verdict, counts, topology, departments, failures (index-page.ts)
 *   departments/<department>.html    the department's tenants in every zone, with links to their pages
 *   tenants/<tenant>.html            one tenant: facts, drill, clauses, findings, waivers, checklist,
 *                                    and its own topology (its zone, its flows in and out)
 *
 * Every page is self-contained (inline style and SVG, the Content-Security-Policy of document.ts:
 * nothing is fetched, not even a sibling page), links are relative, every model string is escaped,
 * and the same input gives the same bytes. The pages are listed at once and each is made only when
 * it is written, so that no more than one page is held.
 */
import type { CityModel } from '../../../config/model';
import type { Lang } from '../../../config/messages';
import { CheckReport, TenantReport } from '../../engine';
import { declaredFlows, JudgedFlow } from '../../judged-flows';
import { join, joinLines } from '../chunks';
import { esc } from './escape';
import { flowsByTenant, siteView, SiteView, TenantRow } from './city-view';
import { documentEnd, documentStart, legend, pageTitle } from './document';
import { indexChunks, tenantTable } from './index-page';
import { platform, tenantSection } from './parts';
import { departmentPage, INDEX_PAGE, tenantPage } from './site-paths';
import { tenantTopologyChunks } from './tenant-topology';
import { hw } from './words';

export interface SitePage {
  /** Path in the folder, forward slashes. */
  readonly path: string;
  /** The page in pieces, made when called. */
  readonly chunks: () => Iterable<string>;
}

const UP = '../';

function breadcrumbs(lang: Lang, department?: string): string {
  const links = [`<a href="${UP}${INDEX_PAGE}">${esc(hw('cityIndex', lang))}</a>`];
  if (department !== undefined) links.push(`<a href="${esc(UP + departmentPage(department))}">${esc(hw('departmentPage', lang, { department }))}</a>`);
  return `<nav aria-label="${esc(hw('contents', lang))}">${links.join(' · ')}</nav>`;
}

function departmentChunks(view: SiteView, department: string, rows: readonly TenantRow[], lang: Lang): Iterable<string> {
  const title = hw('departmentPage', lang, { department });
  function* items(): Generator<string | Iterable<string>> {
    yield* documentStart(pageTitle(view.displayName, lang, title), view.city, view.today, lang);
    yield '</header>';
    yield breadcrumbs(lang);
    yield `<main>\n<section class="department" data-department="${esc(department)}"><h2>${esc(title)}</h2>`;
    yield tenantTable(rows, UP, lang);
    yield '</section>';
    yield* documentEnd(lang);
  }
  return joinLines(items());
}

function tenantChunks(
  view: SiteView,
  t: TenantReport,
  report: CheckReport,
  flows: readonly JudgedFlow[],
  rowOf: (n: string) => TenantRow | undefined,
  lang: Lang,
): Iterable<string> {
  const x = t.tenant;
  const row = rowOf(x.name);
  function* items(): Generator<string | Iterable<string>> {
    yield* documentStart(pageTitle(view.displayName, lang, x.name), view.city, view.today, lang);
    yield '</header>';
    yield breadcrumbs(lang, x.department);
    yield '<main>';
    const picture = row
      ? [
          `<div id="topology" class="tenant-topology"><h3>${esc(hw('tenantTopology', lang))}</h3><p class="note">${esc(hw('tenantTopologyNote', lang))}</p>`,
          '<figure class="topology-frame" id="topology-frame">',
          // a sibling tenant's page is in the same folder
          ...tenantTopologyChunks(row, flows, rowOf, (n) => tenantPage(n).slice('tenants/'.length), lang),
          `</figure>\n${legend(lang, 'tenant')}</div>`,
        ].join('\n')
      : '';
    yield tenantSection(t, report, lang, picture);
    yield* documentEnd(lang);
  }
  return joinLines(items());
}

/**
 * The pages of the report, index first, then departments and tenants by path. `flows`: what the
 * pictures draw, the flows the judged stacks open (policies/judged-flows.ts); default: the declared ones.
 */
export function htmlSite(report: CheckReport, model: CityModel, lang: Lang, flows: readonly JudgedFlow[] = declaredFlows(model)): SitePage[] {
  const view = siteView(report, model, flows);
  const byName = new Map(view.rows.map((r) => [r.name, r]));
  const rowOf = (n: string) => byName.get(n);
  let perTenant: Map<string, JudgedFlow[]> | undefined;
  const flowsOf = (n: string) => (perTenant ??= flowsByTenant(flows)).get(n) ?? [];
  const departments = new Map<string, TenantRow[]>();
  for (const r of view.rows) {
    const l = departments.get(r.department);
    if (l) l.push(r);
    else departments.set(r.department, [r]);
  }
  const platformHtml = platform(report, lang);
  const pages: SitePage[] = [
    ...[...departments].map(([d, rows]) => ({ path: departmentPage(d), chunks: () => departmentChunks(view, d, rows, lang) })),
    ...report.tenants.map((t) => ({ path: tenantPage(t.tenant.name), chunks: () => tenantChunks(view, t, report, flowsOf(t.tenant.name), rowOf, lang) })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [{ path: INDEX_PAGE, chunks: () => indexChunks(view, lang, { model, platformHtml }) }, ...pages];
}

/** Every page whole, by path (small cities and tests). */
export function renderSite(report: CheckReport, model: CityModel, lang: Lang, flows?: readonly JudgedFlow[]): Map<string, string> {
  return new Map(htmlSite(report, model, lang, flows).map((p) => [p.path, join(p.chunks())]));
}
