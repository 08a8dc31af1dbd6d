/**
 * A tenant's own topology, for its page: the tenant in the middle, in its zone; on the left what
 * reaches it, on the right what it reaches — every flow the judged stacks open in and out (another
 * tenant, a zone, the Internet, anywhere), each line coloured as in the city picture (red when the
 * zoning does not allow it). Another tenant links to its own page. Its size grows with the tenant's
 * flows only, so a page of a city of any size draws quickly.
 */
import type { Lang } from '../../../config/messages';
import type { FlowEnd, JudgedFlow } from '../../judged-flows';
import { esc } from './escape';
import type { TenantRow } from './city-view';
import { Canvas, endText, flowClass, flowData, flowTitle, TenantState } from './topology';
import { hw } from './words';

const M = 20;
const BW = 260; // a box
const GAP = 150;
const BOX = 36;
const STEP = 44;

/** What the picture knows of other tenants: their row (zone, state), when in the report. */
export type RowOf = (tenant: string) => TenantRow | undefined;

function peerBox(c: Canvas, x: number, y: number, e: FlowEnd, rowOf: RowOf, href: (tenant: string) => string, lang: Lang): void {
  const row = e.kind === 'tenant' ? rowOf(e.tenant) : undefined;
  const state: TenantState = row?.state ?? 'unchecked';
  const sub = e.kind === 'tenant' ? (row ? `${hw('levelShort', lang, { n: row.level })} · ${row.network} / ${row.zone}` : '') : '';
  const open = e.kind === 'tenant' && row ? `<a href="${esc(href(e.tenant))}" class="tenant-link" data-tenant="${esc(e.tenant)}">` : '';
  if (open) c.raw(open);
  c.rect(x, y, BW, BOX, e.kind === 'tenant' ? `tenant st-${state}` : e.kind === 'internet' ? 'internet' : 'zone');
  c.text(x + 8, y + (sub ? 15 : 22), endText(e, lang), BW - 16, 'tenant-name');
  if (sub) c.text(x + 8, y + 30, sub, BW - 16, 'small');
  if (open) c.raw('</a>');
}

/** The SVG of one tenant and its flows, a shape a line. */
export function tenantTopologyChunks(row: TenantRow, flows: readonly JudgedFlow[], rowOf: RowOf, href: (tenant: string) => string, lang: Lang): string[] {
  const c = new Canvas();
  const self = (e: FlowEnd) => e.kind === 'tenant' && e.tenant === row.name;
  const inbound = flows.filter((f) => self(f.to) && !self(f.from));
  const outbound = flows.filter((f) => self(f.from) && !self(f.to));
  const rows = Math.max(1, inbound.length, outbound.length);
  const midX = M + BW + GAP;
  const midY = M + 30 + ((rows - 1) * STEP) / 2;
  // the tenant, inside a frame naming its zone
  c.rect(midX - 10, M, BW + 20, 30 + rows * STEP, `zone zone-${row.zone}`);
  c.text(midX, M + 20, `${row.network} / ${row.zone}`, BW, 'zone-title');
  c.raw(`<g class="self" data-tenant="${esc(row.name)}">`);
  c.rect(midX, midY, BW, BOX, `tenant st-${row.state}`);
  c.text(midX + 8, midY + 15, row.name, BW - 16, 'tenant-name');
  c.text(midX + 8, midY + 30, `${hw('levelShort', lang, { n: row.level })} · ${row.cluster}`, BW - 16, 'small');
  c.raw('</g>');
  if (inbound.length + outbound.length === 0) c.text(M, midY + 22, hw('noFlows', lang), BW, 'small');
  inbound.forEach((f, i) => {
    const y = M + 30 + i * STEP;
    peerBox(c, M, y, f.from, rowOf, href, lang);
    c.curve(
      M + BW,
      y + BOX / 2,
      M + BW + GAP / 2,
      y + BOX / 2,
      midX - GAP / 2,
      midY + BOX / 2,
      midX - 2,
      midY + BOX / 2,
      flowClass(f),
      flowTitle(f, lang),
      flowData(f),
    );
  });
  const rightX = midX + BW + GAP;
  outbound.forEach((f, i) => {
    const y = M + 30 + i * STEP;
    peerBox(c, rightX, y, f.to, rowOf, href, lang);
    c.curve(
      midX + BW,
      midY + BOX / 2,
      midX + BW + GAP / 2,
      midY + BOX / 2,
      rightX - GAP / 2,
      y + BOX / 2,
      rightX - 2,
      y + BOX / 2,
      flowClass(f),
      flowTitle(f, lang),
      flowData(f),
    );
  });
  const w = Math.ceil(Math.max(c.maxX, rightX + BW) + M);
  const h = Math.ceil(Math.max(c.maxY, M + 30 + rows * STEP) + M);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="topology-svg" class="tenant-topology" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="topology-title">`,
    `<title id="topology-title">${esc(hw('tenantTopology', lang))} — ${esc(row.name)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow-head"/></marker></defs>',
    ...c.parts,
    '</svg>',
  ];
}
