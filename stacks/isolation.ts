/**
 * Physical isolation, checked on what will be deployed: no extranet stack may mention an intranet
 * stack, cluster, context, tenant, namespace or address, and no intranet stack may mention the
 * extranet's. Works on the synthesized JSON (and hand-written overrides), so a hand-added resource,
 * a remote-state lookup, a display name or a flow host is caught wherever it is written.
 *
 * Names are found by meaning inside any string (stacks/isolation-normalise.ts: case, separators,
 * CamelCase, look-alike letters, invisible characters), bounded by characters other than [a-z0-9]
 * or the string's ends (`Case_Files Prod.svc` names `case-files-prod`; `showcase-filesystem` does
 * not). A tenant's display name is a name of its network too: a classified system's Chinese name in
 * the extranet's output is a leak.
 * Addresses are found by parsing every IPv4 address or CIDR in a string: one inside the other
 * network's ranges (the intranet's; the extranet's zones, egress and the backup storage of sites with
 * extranet clusters only) is a violation, also written dashed or in hexadecimal in a host name
 * (`10-1-2-3.nip.io`, `0a010203.nip.io`); a wider range such as 172.16.0.0/12 in an egress `except` is not.
 */
import { CityModel, namespaceName, Network } from '../config/model';
import { parseCidr, Range } from '../config/cidr';
import { StackSlice } from './slices';
import { WRITTEN_BY_STACKS } from './isolation-words';
import { fieldPath } from '../config/source';
import { renderedText } from '../terraform/literal';
import { addressesIn, camelFold, fold, plainFold } from './isolation-normalise';

export { addressesIn, fold };

export type MarkerKind = 'stack' | 'cluster' | 'tenant' | 'namespace' | 'display name' | 'cidr';

export interface IsolationMarker {
  /** A name (lower case) or, for `cidr`, a range. */
  readonly value: string;
  /** What the value is, for the message. */
  readonly what: MarkerKind;
  /** `token`: a name found inside a string on token boundaries; `range`: an address or CIDR inside it. */
  readonly match: 'token' | 'range';
  /**
   * The scanned network's own strings that hold the name on token boundaries (its departments,
   * groups, approval references, names, the words the stacks write), each with where the name sits
   * in it. An occurrence of the name that is part of one of these strings, written out whole, is
   * not a mention of the other network (`grp-case-files-ops` is the extranet's own group); any other
   * occurrence is, and so is a string that is the name and nothing else. The exemption covers the
   * string it comes from only: an intranet name inside an extranet approval reference does not make
   * the same name acceptable in a display name.
   */
  readonly inside?: readonly { readonly legit: string; readonly at: number }[];
}

export interface IsolationViolation {
  readonly stack: string;
  readonly network: Net;
  readonly path: string;
  readonly value: string;
  readonly marker: IsolationMarker;
}

type Net = Network;
const other = (n: Net): Net => (n === 'extranet' ? 'intranet' : 'extranet');

const isAlnum = (c: string | undefined): boolean => {
  if (c === undefined || c === '') return false;
  const x = c.charCodeAt(0);
  return (x >= 97 && x <= 122) || (x >= 48 && x <= 57);
};

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

/** Whether `part` occurs in `s` at `i` on token boundaries. */
function boundedAt(s: string, i: number, part: string): boolean {
  return (!isAlnum(part[0]) || !isAlnum(s[i - 1])) && (!isAlnum(part[part.length - 1]) || !isAlnum(s[i + part.length]));
}

/** Every part of a folded string that starts and ends on token boundaries (`a-b.c`: a, a-b, a-b.c, b, b.c, c), with where it starts. */
function tokenSpans(s: string): { span: string; at: number }[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isAlnum(s[i]) && !isAlnum(s[i - 1])) starts.push(i);
    if (isAlnum(s[i]) && !isAlnum(s[i + 1])) ends.push(i + 1);
  }
  const out: { span: string; at: number }[] = [];
  for (const a of starts) for (const b of ends) if (b > a) out.push({ span: s.slice(a, b), at: a });
  return out;
}

/** For each name, the allowed strings that hold it on token boundaries and where. */
function containers(values: readonly string[], allowed: readonly string[]): Map<string, { legit: string; at: number }[]> {
  const out = new Map<string, { legit: string; at: number }[]>();
  const wanted = new Set(values);
  const add = (v: string, legit: string, at: number) => out.set(v, [...(out.get(v) ?? []), { legit, at }]);
  const odd = values.filter((v) => !(isAlnum(v[0]) && isAlnum(v[v.length - 1])));
  for (const legit of new Set(allowed)) {
    for (const { span, at } of tokenSpans(legit)) if (wanted.has(span)) add(span, legit, at);
    // a name that starts or ends with punctuation is not a span: look for it directly
    for (const v of odd) for (let i = legit.indexOf(v); i >= 0; i = legit.indexOf(v, i + 1)) if (boundedAt(legit, i, v)) add(v, legit, i);
  }
  return out;
}

/** Characters (separators not counted) a display name needs to be looked for: `OA` or `门户` alone are words of any text. */
const MIN_DISPLAY_NAME = 4;

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
  // display names (never an excuse: one that holds the other network's name is the leak itself); a name
  // both networks give a tenant cannot be told apart, and a short one is a word of any text
  const displayed = (n: Net) => new Set(model.tenants.filter((t) => t.network === n).map((t) => fold(t.displayName)));
  for (const n of ['extranet', 'intranet'] as const) {
    const theirs = displayed(other(n));
    for (const d of displayed(n)) if (Array.from(d.replace(/-/g, '')).length >= MIN_DISPLAY_NAME && !theirs.has(d)) add(n, d, 'display name');
  }
  add('extranet', model.egress.namespace, 'namespace');
  add('extranet', model.ingress.namespace, 'namespace');
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
    const allowed = [...names[other(n)].filter((x) => x.what !== 'display name').map((x) => x.value), ...own[other(n)].map(fold), ...shared];
    const unique = [...new Map(names[n].map((x) => [x.value, x])).values()];
    const inside = containers(
      unique.map((x) => x.value),
      allowed,
    );
    for (const x of unique) {
      const where = inside.get(x.value);
      out[n].push(where ? { value: x.value, what: x.what, match: 'token', inside: where } : { value: x.value, what: x.what, match: 'token' });
    }
  }
  out.intranet.push({ value: model.intranetCidr, what: 'cidr', match: 'range' });
  for (const z of model.zones) out.extranet.push({ value: z.cidr, what: 'cidr', match: 'range' });
  out.extranet.push({ value: model.egress.cidr, what: 'cidr', match: 'range' });
  if (model.ingress.cidr !== undefined) out.extranet.push({ value: model.ingress.cidr, what: 'cidr', match: 'range' });
  // a site whose clusters are all on one network: its backup storage belongs to that network
  for (const site of model.sites) {
    const nets = new Set(model.clusters.filter((c) => c.site === site.name).map((c) => c.network));
    if (nets.size === 1) for (const n of nets) out[n].push({ value: site.backupCidr, what: 'cidr', match: 'range' });
  }
  return out;
}

/** Whether the occurrence of a marker's name at `i` is part of one of the scanned network's own strings. */
function excused(s: string, i: number, m: IsolationMarker): boolean {
  return (m.inside ?? []).some(({ legit, at }) => i >= at && s.startsWith(legit, i - at) && boundedAt(s, i - at, legit));
}

/** Whether a marker's name has more than one word (`case-files-prod`): only such names are looked for in a CamelCase reading. */
const multiWord = (m: IsolationMarker): boolean => /[a-z0-9][^a-z0-9]+[a-z0-9]/.test(m.value);

/** Looks names and addresses up in folded strings. */
class Scanner {
  private readonly byFirstToken = new Map<string, IsolationMarker[]>();
  /** Names that start with another character than [a-z0-9] (a Chinese display name), by that character. */
  private readonly byFirstChar = new Map<string, IsolationMarker[]>();
  private readonly exact = new Map<string, IsolationMarker>();
  private readonly ranges: { marker: IsolationMarker; range: Range }[] = [];

  constructor(foreign: readonly IsolationMarker[]) {
    for (const m of foreign) {
      if (m.match === 'range') {
        this.ranges.push({ marker: m, range: parseCidr(m.value) });
        continue;
      }
      this.exact.set(m.value, m);
      const first = /^[a-z0-9]+/.exec(m.value)?.[0];
      const [index, key] = first === undefined ? [this.byFirstChar, m.value[0]] : [this.byFirstToken, first];
      index.set(key, [...(index.get(key) ?? []), m]);
    }
    const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    if (this.byFirstChar.size > 0) this.firstChars = new RegExp(`[${[...this.byFirstChar.keys()].map(escape).join('')}]`, 'g');
  }

  /** The first characters of {@link byFirstChar}, to find where such a name may start at native speed. */
  private readonly firstChars: RegExp | undefined;

  /** Answers for strings seen before: most strings of a stack are written many times. */
  private readonly seen = new Map<string, IsolationMarker | null>();

  /** The most specific marker a string names, if any. */
  find(raw: string): IsolationMarker | undefined {
    const known = this.seen.get(raw);
    if (known !== undefined) return known ?? undefined;
    if (this.seen.size > 100_000) this.seen.clear();
    const camel = camelFold(raw);
    const found = this.search(fold(raw), () => true) ?? (camel === undefined ? undefined : this.search(camel, multiWord)) ?? this.address(raw);
    this.seen.set(raw, found ?? null);
    return found;
  }

  /** The longest name of `wanted` in a folded string, outside the scanned network's own strings. */
  private search(s: string, wanted: (m: IsolationMarker) => boolean): IsolationMarker | undefined {
    const whole = this.exact.get(s.replace(/^-+|-+$/g, ''));
    if (whole && wanted(whole)) return whole;
    let best: IsolationMarker | undefined;
    const consider = (m: IsolationMarker, i: number) => {
      if (wanted(m) && s.startsWith(m.value, i) && boundedAt(s, i, m.value) && !excused(s, i, m) && (!best || m.value.length > best.value.length)) best = m;
    };
    const tokens = /[a-z0-9]+/g;
    for (let t = tokens.exec(s); t !== null; t = tokens.exec(s)) for (const m of this.byFirstToken.get(t[0]) ?? []) consider(m, t.index);
    if (this.firstChars) for (const c of s.matchAll(this.firstChars)) for (const m of this.byFirstChar.get(c[0]) ?? []) consider(m, c.index);
    return best;
  }

  /** The other network's range an address of the string lies in, if any. */
  private address(raw: string): IsolationMarker | undefined {
    if (this.ranges.length === 0) return undefined;
    for (const a of addressesIn(plainFold(raw))) {
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
  // the path is kept as parts and written out only for a violation: most strings are innocent
  const parts: (string | number)[] = [];
  const pathText = () => fieldPath(parts);
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      // what Terraform will render, not the template: `$${x}` shows `${x}`, `${"a"}${"b"}` shows `ab`
      const m = scanner.find(renderedText(v));
      if (m) out.push({ stack, network, path: pathText(), value: v, marker: m });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        parts.push(i);
        visit(v[i]);
        parts.pop();
      }
      return;
    }
    for (const k in v as Record<string, unknown>) {
      if (k === '//') continue; // cdktf metadata
      parts.push(k);
      visit((v as Record<string, unknown>)[k]);
      const km = scanner.find(renderedText(k));
      if (km) out.push({ stack, network, path: pathText(), value: k, marker: km });
      parts.pop();
    }
  };
  visit(json);
  return out;
}

/** Every violation in stacks already synthesized (in memory, overrides merged): for check and pr, which judge what synth would refuse. */
export function scanStacks(
  model: CityModel,
  plan: readonly StackSlice[],
  stacks: readonly { name: string; network: Net; json: unknown }[],
): IsolationViolation[] {
  const markers = isolationMarkers(model, plan);
  return stacks.flatMap((s) => findViolations(s.name, s.network, s.json, markers[other(s.network)]));
}
