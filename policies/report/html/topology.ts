/**
 * The city's topology as inline SVG, laid out by the project (no layout library): the Internet and
 * the unified egress on the left; the extranet band with its sites (primary, same-city, remote),
 * their clusters and the disaster-recovery replicas between them, then its three zones side by side
 * (public-service, exchange, administrative) listing their tenants with the declared flows between
 * them; the isolation boundary; the intranet band apart. Everything is placed on a grid from counts,
 * so the same model gives the same picture, and the viewBox is the box of everything drawn (every
 * curve's control points included), so the picture always fits its frame.
 */
import type { CityModel, Cluster, Network, SiteRole, Tenant, ZoneName } from '../../../config/model';
import type { Lang } from '../../../config/messages';
import { declaredFlows, endKey, FlowEnd, JudgedFlow } from '../../judged-flows';
import { anchorId, esc } from './escape';
import { hw } from './words';

/** What the picture colours a tenant by. */
export type TenantState = 'pass' | 'waived' | 'fail' | 'unchecked';

const FS = 12; // font size of labels
const M = 24; // outer margin
const ROW = 20; // one tenant row
const ZW = 300; // zone column width
const GAP = 90; // between columns: room for the flow curves
const SIDE = 220; // the Internet and egress column
const SW = 270; // site box width
const CH = 42; // cluster box height
const ZONES: readonly ZoneName[] = ['public-service', 'exchange', 'administrative'];
const ROLES: readonly SiteRole[] = ['primary', 'same-city', 'remote'];

/** Estimated width of text at a font size: CJK one em, wide Latin letters more than narrow ones. */
export function textWidth(s: string, size: number = FS): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80) w += 1.0;
    else if ('mwMW@'.includes(ch)) w += 0.95;
    else if (/[A-Z]/.test(ch)) w += 0.75;
    else if ("il.,:;|'!".includes(ch)) w += 0.35;
    else w += 0.62;
  }
  return w * size;
}

/** The text cut to fit `max` pixels, with an ellipsis when cut. */
export function fit(s: string, max: number, size: number = FS): string {
  if (textWidth(s, size) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/** Drawing with the extent of everything drawn, for the viewBox. */
export class Canvas {
  readonly parts: string[] = [];
  maxX = 0;
  maxY = 0;

  private extend(x: number, y: number): void {
    this.maxX = Math.max(this.maxX, x);
    this.maxY = Math.max(this.maxY, y);
  }

  rect(x: number, y: number, w: number, h: number, cls: string, extra = ''): void {
    this.extend(x + w, y + h);
    this.parts.push(`<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="4"${extra}/>`);
  }

  /** Text cut to `max` pixels; the full text as a tooltip when cut. */
  text(x: number, y: number, s: string, max: number, cls: string, size = FS): void {
    const shown = fit(s, max, size);
    this.extend(x + Math.min(textWidth(shown, size), max), y + 4);
    const title = shown === s ? '' : `<title>${esc(s)}</title>`;
    this.parts.push(`<text class="${cls}" x="${n(x)}" y="${n(y)}">${title}${esc(shown)}</text>`);
  }

  /** A cubic curve from (x1,y1) to (x2,y2) with control points c1, c2. */
  curve(x1: number, y1: number, c1x: number, c1y: number, c2x: number, c2y: number, x2: number, y2: number, cls: string, title: string, extra = ''): void {
    for (const [x, y] of [
      [x1, y1],
      [c1x, c1y],
      [c2x, c2y],
      [x2, y2],
    ])
      this.extend(x, y);
    this.parts.push(
      `<path class="${cls}" d="M${n(x1)} ${n(y1)} C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(x2)} ${n(y2)}" marker-end="url(#arrow)"${extra}><title>${esc(title)}</title></path>`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, cls: string): void {
    this.extend(Math.max(x1, x2), Math.max(y1, y2));
    this.parts.push(`<line class="${cls}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"/>`);
  }

  raw(s: string): void {
    this.parts.push(s);
  }
}

/** Coordinates printed the same way every time: at most one decimal. */
export function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

interface Row {
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

const byName = <T extends { readonly name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A site box with its clusters of one network; returns its height. */
function siteBox(c: Canvas, model: CityModel, x: number, y: number, siteName: string, clusters: readonly Cluster[], lang: Lang): number {
  const site = model.sites.find((s) => s.name === siteName);
  const h = 34 + clusters.length * (CH + 6) + 4;
  c.rect(x, y, SW, h, 'site');
  c.text(x + 10, y + 20, `${site?.displayName ?? siteName} · ${site ? hw(site.role, lang) : ''}`, SW - 20, 'site-title');
  clusters.forEach((cl, i) => {
    const cy = y + 34 + i * (CH + 6);
    const tenants = model.tenants.filter((t) => t.cluster === cl.name).length;
    const replicas = model.tenants.reduce((k, t) => k + t.replicas.filter((r) => r.cluster === cl.name).length, 0);
    c.rect(x + 10, cy, SW - 20, CH, `cluster net-${cl.network}`);
    c.text(x + 18, cy + 17, `${cl.name} · ${hw('levelShort', lang, { n: cl.mlpsLevel })}`, SW - 36, 'cluster-title');
    c.text(x + 18, cy + 34, hw('clusterLine', lang, { tenants, replicas }), SW - 36, 'small');
  });
  return h;
}

/** The sites row of a network (sites in role order, only those with clusters there); returns its height. */
function sitesRow(c: Canvas, model: CityModel, network: Network, x0: number, y: number, lang: Lang): number {
  const sites = [...model.sites]
    .filter((s) => model.clusters.some((cl) => cl.site === s.name && cl.network === network))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || byName(a, b));
  const top = y + 44; // room above for the replica arcs
  let h = 0;
  const boxes = new Map<string, number>();
  sites.forEach((s, i) => {
    const x = x0 + i * (SW + GAP);
    boxes.set(s.name, x);
    h = Math.max(
      h,
      siteBox(
        c,
        model,
        x,
        top,
        s.name,
        model.clusters.filter((cl) => cl.site === s.name && cl.network === network),
        lang,
      ),
    );
  });
  // replicas: from each tenant's primary site to the site of each replica, one arc per pair of sites
  const pairs = new Map<string, number>();
  for (const t of model.tenants.filter((x) => x.network === network)) {
    const from = model.clusters.find((cl) => cl.name === t.cluster)?.site;
    for (const r of t.replicas) if (from !== undefined && from !== r.site) pairs.set(`${from}\u0000${r.site}`, (pairs.get(`${from}\u0000${r.site}`) ?? 0) + 1);
  }
  for (const [key, count] of [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [from, to] = key.split('\u0000');
    const fx = boxes.get(from);
    const tx = boxes.get(to);
    if (fx === undefined || tx === undefined) continue;
    const x1 = fx + SW / 2;
    const x2 = tx + SW / 2 - 8;
    const lift = Math.abs(tx - fx) > SW + GAP ? 40 : 26;
    c.curve(x1, top, x1, top - lift, x2, top - lift, x2, top - 2, 'replica', hw('replicasTo', lang, { n: count }));
    c.text((x1 + x2) / 2 - 30, top - lift + 10, hw('replicasTo', lang, { n: count }), 120, 'small replica-label');
  }
  return 44 + h;
}

/** A zone box listing its tenants, each row linked to its section; returns the rows by tenant name. */
function zoneBox(
  c: Canvas,
  title: string,
  x: number,
  y: number,
  tenants: readonly Tenant[],
  state: ReadonlyMap<string, TenantState>,
  lang: Lang,
  cls: string,
  href: (tenant: string) => string | undefined,
): Map<string, Row> {
  const rows = new Map<string, Row>();
  const h = 34 + Math.max(1, tenants.length) * ROW + 8;
  c.rect(x, y, ZW, h, `zone ${cls}`);
  c.text(x + 10, y + 21, title, ZW - 20, 'zone-title');
  if (tenants.length === 0) c.text(x + 14, y + 34 + 14, hw('noTenants', lang), ZW - 28, 'small');
  tenants.forEach((t, i) => {
    const ry = y + 34 + i * ROW;
    const s = state.get(t.name) ?? 'unchecked';
    const link = href(t.name);
    const tip = `<title>${esc(`${t.displayName} · ${t.cluster}`)}</title>`;
    // a tenant the report does not hold (check --tenant) is drawn, but links nowhere
    c.raw(
      link === undefined
        ? `<g class="tenant-unlinked" data-tenant="${esc(t.name)}">${tip}`
        : `<a href="${esc(link)}" class="tenant-link" data-tenant="${esc(t.name)}">${tip}`,
    );
    c.rect(x + 10, ry + 2, ZW - 20, ROW - 4, `tenant st-${s}`);
    c.text(x + 16, ry + 14, `${t.name}  ${hw('levelShort', lang, { n: t.mlpsLevel })}`, ZW - 34, 'tenant-name');
    c.raw(link === undefined ? '</g>' : '</a>');
    rows.set(t.name, { x, y: ry + ROW / 2, w: ZW });
  });
  return rows;
}

/** The classes of a drawn flow: red and dashed when the zoning does not allow it, orange when no request declares it. */
export function flowClass(f: Pick<JudgedFlow, 'allowed' | 'declared'>): string {
  return `flow${f.declared ? '' : ' undeclared'}${f.allowed ? '' : ' suspect'}`;
}

/** An end as people read it: the tenant's name, `zone exchange`, the Internet, `anywhere (0.0.0.0/0)`. */
export function endText(e: FlowEnd, lang: Lang): string {
  if (e.kind === 'tenant') return e.tenant;
  if (e.kind === 'zone') return hw('zoneEnd', lang, { zone: e.zone });
  if (e.kind === 'internet') return hw('internet', lang);
  return hw('anywhere', lang, { what: e.what });
}

/** The tooltip of a flow: `a → b :443`, and what is wrong with it. */
export function flowTitle(f: JudgedFlow, lang: Lang): string {
  const notes = [...(f.allowed ? [] : [hw('legendSuspect', lang)]), ...(f.declared ? [] : [hw('undeclared', lang)]), ...f.policies.slice(0, 3)];
  return `${endText(f.from, lang)} → ${endText(f.to, lang)} :${f.ports.join(',') || '*'}${notes.length > 0 ? ` — ${notes.join('; ')}` : ''}`;
}

/** Data attributes naming a flow's ends and verdict, for readers and tests. */
export function flowData(f: JudgedFlow): string {
  return ` data-from="${esc(endKey(f.from))}" data-to="${esc(endKey(f.to))}" data-allowed="${f.allowed}" data-declared="${f.declared}"`;
}

/** Where a flow's end is drawn: a tenant's row, a zone's title, the egress (the Internet) or the Internet box (anywhere). */
interface Anchors {
  readonly rows: ReadonlyMap<string, Row>;
  readonly zones: ReadonlyMap<string, Row>;
  readonly egress: Row;
  readonly anywhere: Row;
}

function anchorOf(a: Anchors, e: FlowEnd): Row | undefined {
  if (e.kind === 'tenant') return a.rows.get(e.tenant);
  if (e.kind === 'zone') return a.zones.get(e.zone);
  return e.kind === 'internet' ? a.egress : a.anywhere;
}

/** The flows the judged stacks open, between the places they join. */
function flows(c: Canvas, anchors: Anchors, judged: readonly JudgedFlow[], lang: Lang): void {
  judged.forEach((f, i) => {
    const a = anchorOf(anchors, f.from);
    const b = anchorOf(anchors, f.to);
    if (!a || !b) return;
    const cls = flowClass(f);
    const title = flowTitle(f, lang);
    const data = flowData(f);
    const by = b.y + (f.to.kind === 'tenant' ? 0 : (i % 8) * 4 - 14);
    const ay = a.y + (f.from.kind === 'tenant' ? 0 : (i % 8) * 4 - 14);
    if (b.x === a.x) {
      // same column: a loop out to the right, inside the gap
      const out = a.x + a.w + GAP / 2 - 6;
      c.curve(a.x + a.w, ay, out, ay, out, by, a.x + a.w + 6, by, cls, title, data);
    } else if (b.x > a.x) {
      c.curve(a.x + a.w, ay, a.x + a.w + GAP / 2, ay, b.x - GAP / 2, by, b.x - 2, by, cls, title, data);
    } else {
      c.curve(a.x, ay, a.x - GAP / 2, ay, b.x + b.w + GAP / 2, by, b.x + b.w + 2, by, cls, title, data);
    }
  });
}

/**
 * What the picture draws besides the model: the flows (default: those the requests declare), and
 * where a tenant links to (default its section on the same page; a tenant without a state, not in
 * the report, links nowhere).
 */
export interface TopologyOptions {
  readonly flows?: readonly JudgedFlow[];
  readonly href?: (tenant: string) => string;
}

/** The SVG of the city. `state`: each tenant's colour (tenants not in the report are drawn `unchecked`). */
export function renderTopology(model: CityModel, state: ReadonlyMap<string, TenantState>, lang: Lang, opts: TopologyOptions = {}): string {
  return topologyChunks(model, state, lang, opts).join('\n');
}

/** The lines of the SVG (a shape each): joined with line breaks, renderTopology. */
export function topologyChunks(model: CityModel, state: ReadonlyMap<string, TenantState>, lang: Lang, opts: TopologyOptions = {}): string[] {
  const c = new Canvas();
  const to = opts.href ?? ((t: string) => `#${anchorId('tenant', t)}`);
  const href = (t: string): string | undefined => (state.has(t) ? to(t) : undefined);
  const zones = new Map<string, Row>();
  const bandX = M + SIDE + 40;
  const innerX = bandX + 20;
  const zoneX = (i: number) => innerX + SIDE + GAP + i * (ZW + GAP);
  const rows = new Map<string, Row>();
  const tenantsIn = (net: Network, zone?: ZoneName) => model.tenants.filter((t) => t.network === net && (zone === undefined || t.zone === zone)).sort(byName);

  // extranet band
  let y = M;
  const extTop = y;
  c.text(bandX + 14, y + 22, hw('extranet', lang), 600, 'band-title');
  y += 34;
  y += sitesRow(c, model, 'extranet', innerX, y, lang) + 24;
  const zonesTop = y;
  const egress = { x: innerX, y: zonesTop };
  c.rect(innerX, zonesTop, SIDE, 66, 'egress');
  c.text(innerX + 10, zonesTop + 20, hw('egress', lang), SIDE - 20, 'zone-title');
  c.text(innerX + 10, zonesTop + 38, model.egress.namespace, SIDE - 20, 'small');
  c.text(innerX + 10, zonesTop + 55, model.egress.cidr, SIDE - 20, 'small');
  let zonesH = 66;
  ZONES.forEach((z, i) => {
    const cidr = model.zones.find((x) => x.name === z)?.cidr ?? '';
    const tenants = tenantsIn('extranet', z);
    for (const [k, v] of zoneBox(c, `${hw(z, lang)} · ${cidr}`, zoneX(i), zonesTop, tenants, state, lang, `zone-${z}`, href)) rows.set(k, v);
    zones.set(z, { x: zoneX(i), y: zonesTop + 17, w: ZW });
    zonesH = Math.max(zonesH, 34 + Math.max(1, tenants.length) * ROW + 8);
  });
  y = zonesTop + zonesH + 30;
  const extRight = Math.max(c.maxX, zoneX(ZONES.length - 1) + ZW + GAP / 2) + 14;
  c.parts.unshift(`<rect class="band band-extranet" x="${n(bandX)}" y="${n(extTop)}" width="${n(extRight - bandX)}" height="${n(y - extTop)}" rx="8"/>`);

  // the Internet, outside the extranet band, joined to the egress
  const internetY = zonesTop + 2;
  c.rect(M, internetY, SIDE - 30, 48, 'internet');
  c.text(M + 12, internetY + 29, hw('internet', lang), SIDE - 54, 'zone-title');
  c.line(innerX, zonesTop + 26, M + SIDE - 30, internetY + 24, 'egress-link');

  // the isolation boundary
  y += 20;
  c.line(M, y, extRight, y, 'isolation');
  c.text(bandX + 14, y + 22, hw('isolation', lang), 600, 'isolation-label');
  y += 44;

  // intranet band, apart
  const intTop = y;
  c.text(bandX + 14, y + 22, hw('intranet', lang), 600, 'band-title');
  y += 34;
  y += sitesRow(c, model, 'intranet', innerX, y, lang) + 24;
  const intranet = tenantsIn('intranet');
  for (const [k, v] of zoneBox(c, hw('intranetTenants', lang), zoneX(0), y, intranet, state, lang, 'zone-intranet', href)) rows.set(k, v);
  zones.set('intranet', { x: zoneX(0), y: y + 17, w: ZW });
  y += 34 + Math.max(1, intranet.length) * ROW + 8 + 30;
  c.parts.unshift(`<rect class="band band-intranet" x="${n(bandX)}" y="${n(intTop)}" width="${n(extRight - bandX)}" height="${n(y - intTop)}" rx="8"/>`);

  const anchors: Anchors = {
    rows,
    zones,
    egress: { x: egress.x, y: egress.y + 30, w: SIDE },
    anywhere: { x: M, y: internetY + 24, w: SIDE - 30 },
  };
  flows(c, anchors, opts.flows ?? declaredFlows(model), lang);

  const width = Math.ceil(Math.max(c.maxX, extRight) + M);
  const height = Math.ceil(Math.max(c.maxY, y) + M);
  const defs =
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" class="arrow-head"/></marker></defs>';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="topology-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="topology-title">`,
    `<title id="topology-title">${esc(hw('topology', lang))} — ${esc(model.displayName)}</title>`,
    defs,
    ...c.parts,
    '</svg>',
  ];
}
