/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no font or image to fetch,
 * and a Content-Security-Policy that forbids any request), for an assessor to open from a USB stick
 * on an offline PC or to print. A city summary with the verdict, the topology picture, a summary
 * table, then one section per tenant (a page each when printed): what it is, its clauses at its
 * level with their status, every finding with its evidence, and its waivers. Each tenant section is
 * a list of parts (TENANT_PARTS): a new per-tenant list is one more function there; a new status
 * needs only its word (common.ts) and its colour (style.ts). Every model string is escaped.
 */
import type { CityModel } from '../../../config/model';
import type { Lang } from '../../../config/messages';
import { blocking, CheckReport } from '../../engine';
import { countsOf, failures, paren, totalCounts, w } from '../common';
import { declaredFlows, JudgedFlow } from '../../judged-flows';
import { esc } from './escape';
import { topologyChunks } from './topology';
import { join, joinLines } from '../chunks';
import { hw } from './words';
import { countCells, findingId, platform, tableChunks, tenantId, tenantSection, tenantState, verdict } from './parts';
import { CSP, documentEnd, documentStart, legend, pageTitle } from './document';

export { CSP };

function* summary(report: CheckReport, lang: Lang): Generator<string> {
  function* rows(): Generator<string> {
    for (const t of report.tenants) {
      const x = t.tenant;
      yield `<tr data-tenant="${esc(x.name)}" class="row-${tenantState(t)}"><td><a href="#${tenantId(x.name)}">${esc(x.name)}</a></td><td>${esc(x.displayName)}</td><td class="num">${t.level}</td><td>${esc(x.network)} / ${esc(x.zone)} / ${esc(x.cluster)}</td>${countCells(countsOf(t))}</tr>`;
    }
    yield `<tr class="total"><td colspan="4">${esc(w('total', lang))}</td>${countCells(totalCounts(report))}</tr>`;
  }
  const head = [
    w('tenant', lang),
    hw('displayName', lang),
    w('level', lang),
    hw('placement', lang),
    w('pass', lang),
    w('fail', lang),
    w('waived', lang),
    w('notApplicable', lang),
    w('partly', lang),
    w('manual', lang),
  ];
  const failing = report.tenants.reduce((n, t) => n + failures(t).length, 0);
  yield `<section id="summary"><h2>${esc(w('summary', lang))}</h2>\n<p class="units">${esc(w('units', lang))}</p>\n`;
  yield* tableChunks('summary', head, rows());
  yield `\n<h3>${esc(paren(w('failures', lang), String(failing), lang))}</h3>\n`;
  if (failing === 0) yield `<p class="none">${esc(w('noFailures', lang))}</p>`;
  else {
    yield '<ol class="failure-list">';
    for (const t of report.tenants)
      for (const f of failures(t))
        yield `<li data-rule="${esc(f.rule.id)}"><a href="#${findingId(t.tenant.name, f.rule.id)}">${esc(f.rule.id)}</a> ${esc(t.tenant.name)} — ${esc(f.rule.title[lang])}</li>`;
    yield '</ol>';
  }
  yield '\n</section>';
}

function* topology(model: CityModel, report: CheckReport, flows: readonly JudgedFlow[], lang: Lang): Generator<string> {
  const state = new Map(report.tenants.map((t) => [t.tenant.name, tenantState(t)] as const));
  yield `<section id="topology"><h2>${esc(hw('topology', lang))}</h2><p class="note">${esc(hw('topologyNote', lang))}</p>
<figure class="topology-frame" id="topology-frame">
`;
  yield* joinLines(topologyChunks(model, state, lang, { flows }));
  yield `
</figure>
${legend(lang)}</section>`;
}

function* nav(report: CheckReport, lang: Lang): Generator<string> {
  const links = [`<a href="#topology">${esc(hw('topology', lang))}</a>`, `<a href="#summary">${esc(w('summary', lang))}</a>`].concat(
    report.platform.length > 0 ? [`<a href="#platform">${esc(w('cluster', lang))}</a>`] : [],
  );
  yield `<nav aria-label="${esc(hw('contents', lang))}">${links.join(' · ')}`;
  for (const t of report.tenants) yield ` · <a href="#${tenantId(t.tenant.name)}">${esc(t.tenant.name)}</a>`;
  yield '</nav>';
}

/** The page's parts, in order: joined with line breaks, the page. */
function* htmlItems(report: CheckReport, model: CityModel, flows: readonly JudgedFlow[], lang: Lang): Generator<string | Iterable<string>> {
  yield* documentStart(pageTitle(model.displayName, lang), report.city, report.today, lang);
  yield verdict(report, blocking(report), lang);
  yield nav(report, lang);
  yield '<main>';
  yield topology(model, report, flows, lang);
  yield summary(report, lang);
  yield platform(report, lang);
  if (report.tenants.length === 0) yield `<p class="none">${esc(w('noTenants', lang))}</p>`;
  for (const t of report.tenants) yield tenantSection(t, report, lang);
  yield* documentEnd(lang);
}

/**
 * The HTML report as one page, in pieces (a tenant section, a table row, a drawn shape at most):
 * joined, the bytes of renderHtml. `flows`: what the topology draws, the flows the judged stacks
 * open (policies/judged-flows.ts); default: the flows the requests declare.
 */
export function htmlChunks(report: CheckReport, model: CityModel, lang: Lang, flows: readonly JudgedFlow[] = declaredFlows(model)): Iterable<string> {
  return joinLines(htmlItems(report, model, flows, lang));
}

export function renderHtml(report: CheckReport, model: CityModel, lang: Lang, flows?: readonly JudgedFlow[]): string {
  return join(htmlChunks(report, model, lang, flows));
}
