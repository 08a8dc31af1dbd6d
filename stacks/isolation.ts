/**
 * Physical isolation, checked on what will be deployed: no extranet stack may mention an intranet
 * stack, cluster, context, tenant, namespace or address, and no intranet stack may mention the
 * extranet's. Works on the synthesized JSON (and hand-written overrides), so a hand-added resource,
 * a remote-state lookup, a display name or a flow host is caught wherever it is written.
 *
 * Names are found case-insensitively inside any string, bounded by characters other than [a-z0-9]
 * or the string's ends (`Case-Files-Prod.svc` names `case-files-prod`; `showcase-filesystem` does not).
 * Addresses are found by parsing every IPv4 address or CIDR in a string: one inside the other
 * network's ranges (the intranet's; the extranet's zones, egress and the backup storage of sites with
 * extranet clusters only) is a violation; a wider range such as 172.16.0.0/12 in an egress `except` is not.
 */
import { CityModel, namespaceName } from '../config/model';
import { parseCidr, Range } from '../config/cidr';
import { StackSlice } from './slices';
import { WRITTEN_BY_STACKS } from './isolation-words';

export type MarkerKind = 'stack' | 'cluster' | 'tenant' | 'namespace' | 'cidr';

export interface IsolationMarker {
  /** A name (lower case) or, for `cidr`, a range. */
  readonly value: string;
  /** What the value is, for the message. */
  readonly what: MarkerKind;
  /**
   * `token`: found inside a string on token boundaries; `exact`: only a whole string equal to it (a
   * name that is also a word of the scanned network's own names or of what the stacks write, so
   * that it cannot be told apart inside a longer string); `range`: an address or CIDR inside it.
   */
  readonly match: 'token' | 'exact' | 'range';
}

export interface IsolationViolation {
  readonly stack: string;
  readonly network: 'extranet' | 'intranet';
  readonly path: string;
  readonly value: string;
  readonly marker: IsolationMarker;
}

type Net = 'extranet' | 'intranet';
const other = (n: Net): Net => (n === 'extranet' ? 'intranet' : 'extranet');

const isAlnum = (c: string | undefined): boolean => {
  if (c === undefined || c === '') return false;
  const x = c.charCodeAt(0);
  return (x >= 97 && x <= 122) || (x >= 48 && x <= 57);
};

/** Lower case, with full-width and other compatibility forms folded (`ＣＡＳＥ` is `case`). */
export function fold(s: string): string {
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFKC').toLowerCase() : s.toLowerCase();
}

/** Whether `name` occurs in `s` (both folded) bounded by non-[a-z0-9] characters or the ends. */
export function hasToken(s: string, name: string): boolean {
  if (name === '') return false;
  for (let i = s.indexOf(name); i >= 0; i = s.indexOf(name, i + 1)) {
    const startOk = !isAlnum(name[0]) || !isAlnum(s[i - 1]);
    const endOk = !isAlnum(name[name.length - 1]) || !isAlnum(s[i + name.length]);
    if (startOk && endOk) return true;
  }
  return false;
}

/** Every part of a folded string that starts and ends on token boundaries (`a-b.c`: a, a-b, a-b.c, b, b.c, c). */
function tokenSpans(s: string): string[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isAlnum(s[i]) && !isAlnum(s[i - 1])) starts.push(i);
    if (isAlnum(s[i]) && !isAlnum(s[i + 1])) ends.push(i + 1);
  }
  const out: string[] = [];
  for (const a of starts) for (const b of ends) if (b > a) out.push(s.slice(a, b));
  return out;
}

/** The markers of each network, so that the other network's stacks can be checked against them. */
export function isolationMarkers(model: CityModel, plan: readonly StackSlice[]): Record<Net, IsolationMarker[]> {
  const names: Record<Net, { value: string; what: MarkerKind }[]> = { extranet: [], intranet: [] };
  /** Strings each network's own output legitimately holds, beyond its names. */
  const own: Record<Net, string[]> = { extranet: [], intranet: [] };
  const add = (n: Net, value: string, what: MarkerKind) => names[n].push({ value: fold(value), what });
  for (const s of plan) add(s.network, s.name, 'stack');
  for (const c of model.clusters) {
    add(c.network, c.name, 'cluster');
    if (c.kubeContext !== c.name) add(c.network, c.kubeContext, 'cluster');
  }
  for (const t of model.tenants) {
    add(t.network, t.name, 'tenant');
    for (const e of t.environments) add(t.network, namespaceName(t.name, e), 'namespace');
    own[t.network].push(t.department, ...t.admins, t.approvalRef);
  }
  add('extranet', model.egress.namespace, 'namespace');
  // names both networks share: counties, sites, zones, the city, registries
  const shared = [
    model.name,
    model.city.code,
    ...model.counties.map((c) => c.code),
    ...model.sites.map((s) => s.name),
    ...model.zones.map((z) => z.name),
    ...model.registries,
    ...WRITTEN_BY_STACKS,
  ].map(fold);
  const out: Record<Net, IsolationMarker[]> = { extranet: [], intranet: [] };
  for (const n of ['extranet', 'intranet'] as const) {
    // what the other network may write without naming this one: its names, its departments and groups, the shared names
    const allowed = [...names[other(n)].map((x) => x.value), ...own[other(n)].map(fold), ...shared];
    const spans = new Set(allowed.flatMap(tokenSpans));
    const seen = new Set<string>();
    for (const x of names[n]) {
      if (seen.has(x.value)) continue;
      seen.add(x.value);
      const plain = isAlnum(x.value[0]) && isAlnum(x.value[x.value.length - 1]);
      const generic = plain ? spans.has(x.value) : allowed.some((a) => hasToken(a, x.value));
      out[n].push({ value: x.value, what: x.what, match: generic ? 'exact' : 'token' });
    }
  }
  out.intranet.push({ value: model.intranetCidr, what: 'cidr', match: 'range' });
  for (const z of model.zones) out.extranet.push({ value: z.cidr, what: 'cidr', match: 'range' });
  out.extranet.push({ value: model.egress.cidr, what: 'cidr', match: 'range' });
  // a site whose clusters are all on one network: its backup storage belongs to that network
  for (const site of model.sites) {
    const nets = new Set(model.clusters.filter((c) => c.site === site.name).map((c) => c.network));
    if (nets.size === 1) for (const n of nets) out[n].push({ value: site.backupCidr, what: 'cidr', match: 'range' });
  }
  return out;
}

/** Every IPv4 address or CIDR written in a string, as a range (an address is a /32). */
export function addressesIn(s: string): Range[] {
  if (!/[0-9]\.[0-9]/.test(s)) return [];
  const out: Range[] = [];
  for (const m of s.matchAll(/[0-9]+(?:\.[0-9]+)+(?:\/[0-9]+)?/g)) {
    const [dotted, bitsText] = m[0].split('/');
    const parts = dotted.split('.');
    // every run of four numbers is a candidate: `a.172.16.3.4.nip.io` names 172.16.3.4
    for (let i = 0; i + 4 <= parts.length; i++) {
      const four = parts.slice(i, i + 4);
      if (four.some((p) => p.length > 3 || Number(p) > 255)) continue;
      const bits = i + 4 === parts.length && bitsText !== undefined && Number(bitsText) <= 32 ? Number(bitsText) : 32;
      out.push(parseCidr(`${four.map(Number).join('.')}/${bits}`));
    }
  }
  return out;
}

/** Looks names and addresses up in folded strings. */
class Scanner {
  private readonly byFirstToken = new Map<string, IsolationMarker[]>();
  private readonly oddStart: IsolationMarker[] = [];
  private readonly exact = new Map<string, IsolationMarker>();
  private readonly ranges: { marker: IsolationMarker; range: Range }[] = [];

  constructor(foreign: readonly IsolationMarker[]) {
    for (const m of foreign) {
      if (m.match === 'range') {
        this.ranges.push({ marker: m, range: parseCidr(m.value) });
        continue;
      }
      this.exact.set(m.value, m);
      if (m.match !== 'token') continue;
      const first = /^[a-z0-9]+/.exec(m.value)?.[0];
      if (first === undefined) this.oddStart.push(m);
      else this.byFirstToken.set(first, [...(this.byFirstToken.get(first) ?? []), m]);
    }
  }

  /** Answers for strings seen before: most strings of a stack are written many times. */
  private readonly seen = new Map<string, IsolationMarker | null>();

  /** The most specific marker a string names, if any. */
  find(raw: string): IsolationMarker | undefined {
    const known = this.seen.get(raw);
    if (known !== undefined) return known ?? undefined;
    if (this.seen.size > 100_000) this.seen.clear();
    const found = this.search(raw);
    this.seen.set(raw, found ?? null);
    return found;
  }

  private search(raw: string): IsolationMarker | undefined {
    const s = fold(raw);
    const whole = this.exact.get(s.trim());
    if (whole) return whole;
    let best: IsolationMarker | undefined;
    const better = (m: IsolationMarker) => {
      if (!best || m.value.length > best.value.length) best = m;
    };
    const tokens = /[a-z0-9]+/g;
    for (let t = tokens.exec(s); t !== null; t = tokens.exec(s)) {
      const candidates = this.byFirstToken.get(t[0]);
      if (candidates === undefined) continue;
      for (const m of candidates) {
        if (s.startsWith(m.value, t.index) && (!isAlnum(m.value[m.value.length - 1]) || !isAlnum(s[t.index + m.value.length]))) better(m);
      }
    }
    for (const m of this.oddStart) if (hasToken(s, m.value)) better(m);
    if (best) return best;
    if (this.ranges.length === 0) return undefined;
    for (const a of addressesIn(s)) {
      const hit = this.ranges.find((r) => a.first >= r.range.first && a.last <= r.range.last);
      if (hit) return hit.marker;
    }
    return undefined;
  }
}

const scanners = new WeakMap<readonly IsolationMarker[], Scanner>();

/** Finds every string (value or key) in a synthesized stack that belongs to the other network. */
export function findViolations(stack: string, network: Net, json: unknown, foreign: readonly IsolationMarker[]): IsolationViolation[] {
  let scanner = scanners.get(foreign);
  if (!scanner) {
    scanner = new Scanner(foreign);
    scanners.set(foreign, scanner);
  }
  const out: IsolationViolation[] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      const m = scanner.find(v);
      if (m) out.push({ stack, network, path, value: v, marker: m });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === '//') continue; // cdktf metadata
      const p = path === '' ? k : `${path}.${k}`;
      visit(x, p);
      const km = scanner.find(k);
      if (km) out.push({ stack, network, path: p, value: k, marker: km });
    }
  };
  visit(json, '');
  return out;
}
