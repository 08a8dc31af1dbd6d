/**
 * The index page of the multi-page HTML report (site.ts): the verdict, the counts, the topology
 * (every tenant up to AGGREGATE_ABOVE tenants, else departments per zone), the departments table,
 * the tenants table (small cities only), the unwaived failures (one line each in a small city, one
 * row per rule at scale) and the platform. Made from a SiteView (city-view.ts), so its size grows
 * with departments and rules, not with tenants.
 */
import type { CityModel } from '../../../config/model';
import type { Lang } from '../../../config/messages';
import { paren, statusText, w } from '../common';
import { esc } from './escape';
import { aggregateChunks } from './aggregate';
import { AGGREGATE_ABOVE, groupsOf, SiteView, sumCounts, TenantRow } from './city-view';
import { documentEnd, documentStart, legend, pageTitle } from './document';
import { badge, countCells, findingId, tableChunks, verdictLine } from './parts';
import { topologyChunks } from './topology';
import { joinLines } from '../chunks';
import { departmentPage, tenantPage } from './site-paths';
import { hw } from './words';

export const COUNT_HEAD = (lang: Lang) => [w('pass', lang), w('fail', lang), w('waived', lang), w('notApplicable', lang), w('partly', lang), w('manual', lang)];

/** Rows of tenants linking to their pages (`up`: the path back to the folder's root). */
function* tenantRows(rows: Iterable<TenantRow>, up: string): Generator<string> {
  for (const r of rows)
    yield `<tr data-tenant="${esc(r.name)}" class="row-${r.state}"><td><a href="${esc(up + tenantPage(r.name))}">${esc(r.name)}</a></td><td>${esc(r.displayName)}</td><td>${esc(r.county)}</td><td class="num">${r.level}</td><td>${esc(r.network)} / ${esc(r.zone)} / ${esc(r.cluster)}</td>${countCells(r.counts)}</tr>`;
}

export function* tenantTable(rows: Iterable<TenantRow>, up: string, lang: Lang): Generator<string> {
  const head = [w('tenant', lang), hw('displayName', lang), hw('county', lang), w('level', lang), hw('placement', lang), ...COUNT_HEAD(lang)];
  yield* tableChunks('summary', head, tenantRows(rows, up));
}

function* topologySection(view: SiteView, lang: Lang, model: CityModel | undefined): Generator<string> {
  const aggregated = model === undefined || view.rows.length > AGGREGATE_ABOVE;
  const groups = aggregated ? groupsOf(view.rows).length : 0;
  const note = aggregated ? hw('topologyAggregated', lang, { tenants: view.rows.length, groups }) : hw('topologyNote', lang);
  yield `<section id="topology"><h2>${esc(hw('topology', lang))}</h2><p class="note">${esc(note)}</p>\n<figure class="topology-frame" id="topology-frame">\n`;
  if (aggregated) yield* joinLines(aggregateChunks(view.rows, view.flows, lang, departmentPage));
  else {
    const state = new Map(view.rows.map((r) => [r.name, r.state] as const));
    yield* joinLines(topologyChunks(model, state, lang, { flows: view.flows, href: tenantPage }));
  }
  yield `\n</figure>\n${legend(lang, aggregated ? 'groups' : 'city')}</section>`;
}

function* departmentsSection(view: SiteView, lang: Lang): Generator<string> {
  const rows = groupsOf(view.rows).map(
    (g) =>
      `<tr data-group="${esc(g.key)}" class="row-${g.state}"><td><a href="${esc(departmentPage(g.department))}">${esc(g.department)}</a></td><td>${esc(g.network)} / ${esc(g.zone)}</td><td class="num">${g.tenants}</td><td class="num">${g.fail}</td><td class="num">${g.waived}</td><td>${badge(g.state, statusText(g.state === 'unchecked' ? 'pass' : g.state, lang))}</td></tr>`,
  );
  const head = [hw('department', lang), hw('placement', lang), w('tenant', lang), w('fail', lang), w('waived', lang), hw('result', lang)];
  yield `<section id="departments"><h2>${esc(hw('departments', lang))}</h2>\n`;
  yield* tableChunks('departments', head, rows);
  yield '\n</section>';
}

function* failuresSection(view: SiteView, lang: Lang): Generator<string> {
  const n = view.failures.length;
  if (view.rows.length <= AGGREGATE_ABOVE) {
    yield `<section id="failures"><h2>${esc(paren(w('failures', lang), String(n), lang))}</h2>\n`;
    if (n === 0) yield `<p class="none">${esc(w('noFailures', lang))}</p>`;
    else {
      yield '<ol class="failure-list">';
      for (const f of view.failures)
        yield `<li data-rule="${esc(f.rule)}"><a href="${esc(tenantPage(f.tenant))}#${findingId(f.tenant, f.rule)}">${esc(f.rule)}</a> ${esc(f.tenant)} — ${esc(f.title[lang])}</li>`;
      yield '</ol>';
    }
    yield '\n</section>';
    return;
  }
  // at scale: one row per rule, how many tenants fail it; each tenant's page lists its own
  const byRule = new Map<string, { title: string; tenants: Set<string> }>();
  for (const f of view.failures) {
    const r = byRule.get(f.rule) ?? { title: f.title[lang], tenants: new Set<string>() };
    byRule.set(f.rule, r);
    r.tenants.add(f.tenant);
  }
  const rows = [...byRule.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([rule, r]) => `<tr data-rule="${esc(rule)}"><td>${esc(rule)}</td><td>${esc(r.title)}</td><td class="num">${r.tenants.size}</td></tr>`);
  yield `<section id="failures"><h2>${esc(hw('failuresByRule', lang, { n }))}</h2>\n`;
  if (n === 0) yield `<p class="none">${esc(w('noFailures', lang))}</p>`;
  else yield* tableChunks('failures-by-rule', [w('rule', lang), w('clauseTitle', lang), hw('tenantsFailing', lang)], rows);
  yield '\n</section>';
}

/** The index page in pieces; `model`: for the picture of every tenant in a small city; `platformHtml`: the platform section. */
export function indexChunks(view: SiteView, lang: Lang, opts: { readonly model?: CityModel; readonly platformHtml?: string } = {}): Iterable<string> {
  const small = view.rows.length <= AGGREGATE_ABOVE;
  function* items(): Generator<string | Iterable<string>> {
    yield* documentStart(pageTitle(view.displayName, lang), view.city, view.today, lang);
    yield verdictLine(view.blocking, view.partly, view.manual, lang);
    const links = [
      ['topology', hw('topology', lang)],
      ['summary', w('summary', lang)],
      ['departments', hw('departments', lang)],
      ...(small ? [['tenants', hw('tenants', lang)]] : []),
      ['failures', w('failures', lang)],
      ...(opts.platformHtml ? [['platform', w('cluster', lang)]] : []),
    ];
    yield `<nav aria-label="${esc(hw('contents', lang))}">${links.map(([id, text]) => `<a href="#${id}">${esc(text)}</a>`).join(' · ')}</nav>`;
    yield '<main>';
    yield topologySection(view, lang, opts.model);
    const total = sumCounts(view.rows.map((r) => r.counts));
    yield `<section id="summary"><h2>${esc(w('summary', lang))}</h2>\n<p class="units">${esc(w('units', lang))}</p>\n<table class="totals"><thead><tr><th>${esc(w('tenant', lang))}</th>${COUNT_HEAD(
      lang,
    )
      .map((h) => `<th>${esc(h)}</th>`)
      .join('')}</tr></thead><tbody><tr class="total"><td class="num">${view.rows.length}</td>${countCells(total)}</tr></tbody></table></section>`;
    yield departmentsSection(view, lang);
    if (small) {
      yield `<section id="tenants"><h2>${esc(hw('tenants', lang))}</h2>\n`;
      yield tenantTable(view.rows, '', lang);
      yield '\n</section>';
    }
    yield failuresSection(view, lang);
    if (opts.platformHtml) yield opts.platformHtml;
    if (view.rows.length === 0) yield `<p class="none">${esc(w('noTenants', lang))}</p>`;
    yield* documentEnd(lang);
  }
  return joinLines(items());
}
