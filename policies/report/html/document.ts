/**
 * What every page of the HTML report starts with and shares: the document head (charset, the
 * Content-Security-Policy that forbids any request, the inline stylesheet), the header with the
 * verdict, the legend of the topology pictures, and the footer. One page or many, each is complete
 * on its own: nothing is fetched, not even from a sibling file.
 */
import type { Lang } from '../../../config/messages';
import { label, w } from '../common';
import { esc } from './escape';
import { STYLE } from './style';
import { hw } from './words';

/** No request of any kind: styles inline, images only as data: URIs. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/** The lines from the doctype to the opening header (title and city line): the verdict follows and closes the header. */
export function documentStart(title: string, city: string, today: string, lang: Lang): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(label('city', lang))}${esc(city)} · ${esc(label('date', lang))}${esc(today)}</p>`,
  ];
}

/** The lines from the end of the content to the end of the file. */
export function documentEnd(lang: Lang): string[] {
  return ['</main>', `<footer>${esc(hw('generatedBy', lang))}</footer>`, '</body>', '</html>', ''];
}

/** The legend of a topology picture: the city's, the aggregated one (a box: a department's tenants in a zone), or a tenant's (no replicas drawn). */
export function legend(lang: Lang, kind: 'city' | 'groups' | 'tenant' = 'city'): string {
  const aggregated = kind === 'groups';
  const items = [
    ['lg-flow', hw('legendFlow', lang)],
    ['lg-undeclared', hw('legendUndeclared', lang)],
    ['lg-suspect', hw('legendSuspect', lang)],
    ...(kind === 'city' ? [['lg-replica', hw('legendReplica', lang)]] : []),
    ['lg-pass', hw(aggregated ? 'legendGroupOk' : 'legendOk', lang)],
    ['lg-waived', hw(aggregated ? 'legendGroupWaived' : 'legendWaived', lang)],
    ['lg-fail', hw(aggregated ? 'legendGroupFail' : 'legendFail', lang)],
  ]
    .map(([cls, text]) => `<li><span class="key ${cls}"></span>${esc(text)}</li>`)
    .join('');
  return `<ul class="legend" aria-label="${esc(hw('legend', lang))}">${items}</ul>`;
}

/** The title of the report's pages: `MLPS 2.0 (graded protection) check — <city>`, with a part when given. */
export function pageTitle(city: string, lang: Lang, part?: string): string {
  const base = `${w('title', lang)} — ${city}`;
  return part === undefined ? base : `${part} — ${base}`;
}
