/**
 * The topology of a large city, aggregated: one box per department per zone (how many tenants, how
 * many fail, coloured by the worst of them), one column per zone (public-service, exchange,
 * administrative; the intranet apart, beyond the isolation line), the Internet and "anywhere" on
 * the left, and one line per pair of boxes for all the flows the judged stacks open between them,
 * with their count (red when the zoning allows any of them not). Its size grows with departments
 * and the pairs of them that talk, not with tenants. Laid out on a grid from counts: the same view
 * gives the same picture, and the viewBox is the box of everything drawn.
 */
import type { Lang } from '../../../config/messages';
import { esc } from './escape';
import { Group, GroupFlow, groupFlows, groupsOf, TenantRow } from './city-view';
import type { JudgedFlow } from '../../judged-flows';
import { Canvas, flowClass, n } from './topology';
import { hw } from './words';

const M = 24;
const SIDE = 200; // the Internet / anywhere column
const CW = 250; // a zone column
const GAP = 130; // between columns: room for the lines
const BOX = 38; // a group box
const STEP = 46;
const HEAD = 40; // column title

interface Place {
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

const COLUMNS = ['public-service', 'exchange', 'administrative', 'intranet'] as const;

/** The line's width: thicker for more flows, never more than 7 px. */
const width = (count: number): number => Math.min(7, 1 + Math.log2(count));

function line(c: Canvas, a: Place, b: Place, f: GroupFlow, i: number, lang: Lang): void {
  const cls = flowClass({ allowed: f.red === 0, declared: f.undeclared === 0 });
  const count = f.red > 0 ? hw('flowCountRed', lang, { n: f.count, red: f.red }) : hw('flowCount', lang, { n: f.count });
  const title = `${f.from} → ${f.to}: ${count}`;
  const data = ` data-from="${esc(f.from)}" data-to="${esc(f.to)}" data-count="${f.count}" data-red="${f.red}" style="stroke-width:${n(width(f.count))}"`;
  const dy = (i % 5) * 3 - 6; // lines meeting at one box spread a little
  if (b.x === a.x) {
    const out = a.x + a.w + GAP / 2 - 8;
    c.curve(a.x + a.w, a.y + dy, out, a.y + dy, out, b.y + dy, a.x + a.w + 6, b.y + dy, cls, title, data);
  } else if (b.x > a.x) c.curve(a.x + a.w, a.y + dy, a.x + a.w + GAP / 2, a.y + dy, b.x - GAP / 2, b.y + dy, b.x - 2, b.y + dy, cls, title, data);
  else c.curve(a.x, a.y + dy, a.x - GAP / 2, a.y + dy, b.x + b.w + GAP / 2, b.y + dy, b.x + b.w + 2, b.y + dy, cls, title, data);
}

/**
 * The aggregated SVG, a shape a line. `href`: where a department's box links to (its page), or
 * undefined for no link.
 */
export function aggregateChunks(rows: readonly TenantRow[], flows: readonly JudgedFlow[], lang: Lang, href: (department: string) => string): string[] {
  const c = new Canvas();
  const groups = groupsOf(rows);
  const colX = (i: number) => M + SIDE + GAP + i * (CW + GAP);
  const places = new Map<string, Place>();
  let bottom = M + HEAD;

  // the Internet and anywhere, on the left
  c.rect(M, M + HEAD, SIDE, BOX, 'internet');
  c.text(M + 10, M + HEAD + 23, hw('internet', lang), SIDE - 20, 'zone-title');
  places.set('internet', { x: M, y: M + HEAD + BOX / 2, w: SIDE });
  c.rect(M, M + HEAD + STEP, SIDE, BOX, 'internet anywhere');
  c.text(M + 10, M + HEAD + STEP + 23, hw('anywhere', lang, { what: '*' }), SIDE - 20, 'zone-title');
  places.set('anywhere', { x: M, y: M + HEAD + STEP + BOX / 2, w: SIDE });

  COLUMNS.forEach((zone, i) => {
    const x = colX(i);
    const title = zone === 'intranet' ? hw('intranetTenants', lang) : hw(zone, lang);
    c.text(x, M + 20, title, CW, 'band-title');
    places.set(`zone:${zone}`, { x, y: M + 14, w: CW });
    const here = groups.filter((g) => g.zone === zone);
    here.forEach((g: Group, k) => {
      const y = M + HEAD + k * STEP;
      const link = href(g.department);
      c.raw(`<a href="${esc(link)}" class="group-link" data-group="${esc(g.key)}" data-tenants="${g.tenants}" data-fail="${g.fail}">`);
      c.rect(x, y, CW, BOX, `tenant group st-${g.state}`);
      c.text(x + 8, y + 15, g.department, CW - 16, 'tenant-name');
      c.text(x + 8, y + 31, hw('groupLine', lang, { tenants: g.tenants, fail: g.fail }), CW - 16, 'small');
      c.raw('</a>');
      places.set(g.key, { x, y: y + BOX / 2, w: CW });
      bottom = Math.max(bottom, y + BOX);
    });
    if (here.length === 0) c.text(x + 8, M + HEAD + 20, hw('noTenants', lang), CW - 16, 'small');
  });

  // the isolation: between the extranet's zones and the intranet
  const isoX = colX(3) - GAP / 2;
  c.line(isoX, M, isoX, bottom + 20, 'isolation');

  groupFlows(rows, flows).forEach((f, i) => {
    const a = places.get(f.from);
    const b = places.get(f.to);
    if (a && b) line(c, a, b, f, i, lang);
  });

  const w = Math.ceil(Math.max(c.maxX, colX(3) + CW) + M);
  const h = Math.ceil(Math.max(c.maxY, bottom + 20) + M);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="topology-svg" class="aggregated" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="topology-title">`,
    `<title id="topology-title">${esc(hw('topology', lang))}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow-head"/></marker></defs>',
    ...c.parts,
    '</svg>',
  ];
}
