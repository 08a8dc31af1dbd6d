/**
 * The parts of the HTML report that the single page and the multi-page report share: a tenant's
 * section (facts, drill, runtime evidence, clauses, findings, waivers, checklist: TENANT_PARTS), its badge and state,
 * the platform section, tables and the verdict headline. Every model string is escaped; a finding's
 * anchor is on the page of its tenant, so links between its clauses and findings stay on that page.
 */
import type { Tenant } from '../../../config/model';
import type { Lang } from '../../../config/messages';
import { CheckReport, ClauseStatus, Finding, TenantReport } from '../../engine';
import { Counts, countsOf, drillFacts, label, recoveryText, statusText, w } from '../common';
import { recordFacts } from '../records';
import { askStateText, problemLine, runtimeLine, rw } from '../runtime-words';
import { evidencePosition, formatPosition, waiverPosition } from '../../position';
import { anchorId, esc } from './escape';
import type { TenantState } from './topology';
import { join, joinLines } from '../chunks';
import { hw } from './words';
export const tenantId = (name: string): string => anchorId('tenant', name);
export const findingId = (tenant: string, rule: string): string => anchorId('finding', `${tenant}-${rule}`);

/** `<span class="st st-fail" data-status="fail">不通过（fail）</span>`. */
export function badge(status: string, text: string): string {
  return `<span class="st st-${esc(status)}" data-status="${esc(status)}">${esc(text)}</span>`;
}

export function table(cls: string, head: readonly string[], rows: readonly string[]): string {
  return join(tableChunks(cls, head, rows));
}

/** A table whose rows are written one by one. */
export function* tableChunks(cls: string, head: readonly string[], rows: Iterable<string>): Generator<string> {
  yield `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n`;
  yield* joinLines(rows);
  yield '\n</tbody></table>';
}

export function tenantState(t: TenantReport): TenantState & ClauseStatus {
  const c = countsOf(t);
  return c.fail > 0 || t.runtime.problems.length > 0 ? 'fail' : c.waived > 0 ? 'waived' : 'pass';
}

/**
 * A tenant's badge says what is known: "fail" when something fails, but never "pass" while control
 * points at its level still need manual evidence or are only partly automated — then it counts them.
 */
export function tenantBadge(t: TenantReport, lang: Lang): string {
  const state = tenantState(t);
  const c = countsOf(t);
  if (state === 'fail' || c.partly + c.manual === 0) return badge(state, statusText(state, lang));
  const text = hw('tenantOpen', lang, { partly: c.partly, manual: c.manual });
  return badge('open', state === 'waived' ? `${statusText('waived', lang)} · ${text}` : text);
}

export const countCells = (c: Counts): string =>
  [c.pass, c.fail, c.waived, c.notApplicable, c.partly, c.manual].map((x) => `<td class="num">${x}</td>`).join('');

export function facts(t: TenantReport, lang: Lang): string {
  const x: Tenant = t.tenant;
  const recovery = recoveryText(t, lang);
  const replicas = x.replicas.length === 0 ? hw('none', lang) : x.replicas.map((r) => hw('replicaOn', lang, { cluster: r.cluster, mode: r.mode })).join(', ');
  const items: [string, string][] = [
    [hw('displayName', lang), x.displayName],
    [hw('department', lang), x.department],
    [hw('county', lang), x.county],
    [w('level', lang), w('levelN', lang, { n: t.level })],
    [hw('placement', lang), `${x.network} / ${x.zone} / ${x.cluster}`],
    [hw('dr', lang), `${x.dr}: ${replicas}`],
    ...(recovery === undefined ? [] : [[w('recovery', lang), recovery] as [string, string]]),
    [hw('approval', lang), x.approvalRef],
    [w('requestFile', lang), x.source.file],
    ...(recordFacts(t, lang) ?? []),
  ];
  return `<dl class="facts">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export function clauses(t: TenantReport, lang: Lang): string {
  const rows = t.clauses.map(
    (c) =>
      `<tr class="clause" data-clause="${esc(c.clause)}" data-status="${esc(c.status)}"><td>${esc(c.clause)}</td><td>${esc(c.title[lang])}${
        c.why ? `<br><span class="why">${esc(c.why.join('; '))}</span>` : ''
      }</td><td>${badge(c.status, statusText(c.status, lang))}</td><td>${
        c.rules.length === 0 ? '—' : c.rules.map((r) => `<a href="#${findingId(t.tenant.name, r)}">${esc(r)}</a>`).join(' ')
      }</td></tr>`,
  );
  return `<h3>${esc(w('clauseTable', lang))}</h3>\n${table('clauses', [w('clause', lang), w('clauseTitle', lang), w('status', lang), w('rules', lang)], rows)}`;
}

function evidenceList(t: TenantReport, f: Finding, lang: Lang): string {
  const items = f.evidence.map((e) => {
    const parts = [esc(e.detail)];
    if (e.address !== undefined) parts.push(`<span class="k">${esc(w('address', lang))}</span> <code class="address">${esc(e.address)}</code>`);
    if (e.field !== undefined)
      parts.push(
        `<span class="k">${esc(w('field', lang))}</span> <code>${esc(e.field)}</code> <code class="pos">${esc(formatPosition(evidencePosition(t.tenant, e)))}</code>`,
      );
    return `<li>${parts.join('<br>')}</li>`;
  });
  if (f.crashed !== undefined) items.unshift(`<li class="crashed">${esc(label('crashed', lang))}${esc(f.crashed)}</li>`);
  return `<ul class="evidence">${items.join('')}</ul>`;
}

export function findings(t: TenantReport, lang: Lang): string {
  const rows = t.findings.map((f) => {
    const r = f.rule;
    const fix = f.status === 'fail' || f.status === 'waived' ? `<p class="fix">${esc(label('remediation', lang))}${esc(r.remediation[lang])}</p>` : '';
    return `<tr class="finding" id="${findingId(t.tenant.name, r.id)}" data-rule="${esc(r.id)}" data-status="${esc(f.status)}"><td><strong>${esc(r.id)}</strong><br>${esc(r.title[lang])}</td><td>${esc(w(r.severity, lang))}</td><td>${badge(f.status, statusText(f.status, lang))}</td><td>${esc(f.clauses.join(', ') || '—')}</td><td>${evidenceList(t, f, lang)}${fix}<code class="pos">${esc(formatPosition(f.at))}</code></td></tr>`;
  });
  const head = [w('rule', lang), w('severity', lang), w('status', lang), w('clauses', lang), w('evidence', lang)];
  return `<h3>${esc(hw('findings', lang))}</h3>\n${table('findings', head, rows)}`;
}

export function waivers(t: TenantReport, today: string, lang: Lang): string {
  const x = t.tenant;
  if (x.waivers.length === 0) return `<h3>${esc(w('waivers', lang))}</h3><p class="none">${esc(hw('noWaivers', lang))}</p>`;
  const used = new Set(t.findings.filter((f) => f.status === 'waived').map((f) => f.rule.id));
  const rows = x.waivers.map((v) => {
    const [status, text] = used.has(v.rule)
      ? ['waived', statusText('waived', lang)]
      : t.staleWaivers.includes(v)
        ? ['stale', w('staleWaivers', lang)]
        : v.expires < today
          ? ['expired', w('expired', lang)]
          : ['unused', '—'];
    return `<tr class="waiver" data-rule="${esc(v.rule)}" data-status="${status}"><td>${esc(v.rule)}</td><td>${badge(status, text)}</td><td>${esc(v.reason)}</td><td class="approver">${esc(v.approvedBy)}</td><td class="expires">${esc(v.expires)}</td><td><code class="pos">${esc(formatPosition(waiverPosition(x, v)))}</code></td></tr>`;
  });
  const head = [w('rule', lang), w('status', lang), w('reason', lang), w('approvedBy', lang), w('expires', lang), w('at', lang)];
  return `<h3>${esc(w('waivers', lang))}</h3>\n${table('waivers', head, rows)}`;
}

/** What the assessor must still see for this tenant: each control point not settled automatically, what to collect and from whom. */
export function checklist(t: TenantReport, lang: Lang): string {
  const open = t.clauses.filter((c) => c.open.length > 0 && c.status !== 'fail');
  if (open.length === 0) return '';
  const items = open.map((c) => {
    const asks = c.open
      .map((a) => {
        const missing = askStateText(t, c, a, lang);
        return `<li>${esc(a.text[lang])}${missing === undefined ? '' : ` <span class="missing">${esc(missing)}</span>`}</li>`;
      })
      .join('');
    const collect = c.collect
      ? `<p class="collect"><span class="k">${esc(label('collect', lang))}</span>${esc(c.collect.what[lang])} (${esc(c.collect.kinds.join(', '))}) — <span class="k">${esc(label('collectFrom', lang))}</span>${esc(c.collect.from[lang])}</p>`
      : '';
    return `<li class="check-item" data-clause="${esc(c.clause)}" data-status="${esc(c.status)}"><span class="box">☐</span> <strong>${esc(c.clause)} ${esc(c.title[lang])}</strong> ${badge(c.status, statusText(c.status, lang))}<ul class="asks">${asks}</ul>${collect}</li>`;
  });
  return `<h3>${esc(w('checklist', lang))}</h3>\n<ol class="checklist">${items.join('\n')}</ol>`;
}

/** What belongs to no tenant, per cluster at its level: the rules that judge platform namespaces, `default` and cluster-wide bindings. */
export function platform(report: CheckReport, lang: Lang): string {
  if (report.platform.length === 0) return '';
  const parts = report.platform.map(
    (t) =>
      `<div class="platform-cluster" data-cluster="${esc(t.tenant.cluster)}"><h3>${esc(t.tenant.cluster)} <span class="level">${esc(w('levelN', lang, { n: t.level }))}</span> ${tenantBadge(t, lang)}</h3>\n${runtime(t, lang)}\n${findings(t, lang)}</div>`,
  );
  return `<section id="platform" class="platform"><h2>${esc(w('platform', lang))}</h2>\n${parts.join('\n')}\n</section>`;
}

/** The tenant's last restore drill (when, from → to, measures, checks, result, by whom), or that there is none and what is missing. */
export function drill(t: TenantReport, lang: Lang): string {
  const facts = drillFacts(t, lang);
  if (!facts) return '';
  const state = t.drill?.state ?? 'none';
  const items = facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  return `<h3>${esc(w('drill', lang))}</h3>\n<dl class="facts drill" data-drill="${esc(state)}">${items}</dl>`;
}

/** What the running clusters showed of it: the evidence taken and when, and every difference from what was judged. */
function runtime(t: TenantReport, lang: Lang): string {
  const problems = t.runtime.problems.map((p) => `<li class="runtime-problem" data-kind="${esc(p.kind)}">${esc(problemLine(p, lang))}</li>`).join('');
  return `<h3>${esc(rw('runtime', lang))}</h3>\n<p class="runtime">${esc(runtimeLine(t, lang))}</p>${problems === '' ? '' : `<ul class="runtime-problems">${problems}</ul>`}`;
}

/** What a tenant section holds, in order. */
export type TenantPart = (t: TenantReport, report: CheckReport, lang: Lang) => string;
const TENANT_PARTS: readonly TenantPart[] = [
  (t, _r, lang) => facts(t, lang),
  (t, _r, lang) => drill(t, lang),
  (t, _r, lang) => runtime(t, lang),
  (t, _r, lang) => clauses(t, lang),
  (t, _r, lang) => findings(t, lang),
  (t, r, lang) => waivers(t, r.today, lang),
  (t, _r, lang) => checklist(t, lang),
];

/** A tenant's section: its heading, then TENANT_PARTS in order; `afterFacts`: HTML put after its facts (its own topology, on its page). */
export function tenantSection(t: TenantReport, report: CheckReport, lang: Lang, afterFacts = ''): string {
  const x = t.tenant;
  const head = `<h2>${esc(x.name)} <span class="level">${esc(w('levelN', lang, { n: t.level }))}</span> ${tenantBadge(t, lang)}</h2>`;
  const parts = TENANT_PARTS.map((p) => p(t, report, lang));
  if (afterFacts !== '') parts.splice(1, 0, afterFacts);
  return `<section class="tenant" id="${tenantId(x.name)}" data-tenant="${esc(x.name)}">\n${head}\n${parts.join('\n')}\n</section>`;
}

/** The page's headline: fail with the count, or — when nothing fails — how much is still the assessor's to judge; "passes" only when nothing is. */
export function verdict(report: CheckReport, n: number, lang: Lang): string {
  const all = [...report.tenants, ...report.platform].map(countsOf);
  return verdictLine(
    n,
    all.reduce((s, c) => s + c.partly, 0),
    all.reduce((s, c) => s + c.manual, 0),
    lang,
  );
}

/** The headline from the counts: blocking findings, control points partly automated and needing manual evidence. */
export function verdictLine(n: number, partly: number, manual: number, lang: Lang): string {
  const [cls, text] =
    n > 0
      ? ['verdict-fail', hw('verdictFail', lang, { n })]
      : partly + manual > 0
        ? ['verdict-open', hw('verdictOpen', lang, { partly, manual })]
        : ['verdict-pass', hw('verdictPass', lang)];
  return `<p class="verdict ${cls}" data-blocking="${n}" data-partly="${partly}" data-manual="${manual}">${esc(text)}</p></header>`;
}
