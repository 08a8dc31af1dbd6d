/**
 * The bench city as data, before any file exists: which counties, which departments, how many systems
 * each, and every tenant's network, zone, level, DR tier, quota and flows. Deterministic: every choice
 * comes from a hash of the tenant's name, so the same N gives the same city.
 *
 * Size: every department has a full size (its class × a per-department spread of ×0.5 … ×1.6, at most
 * MAX_SYSTEMS). The city has the fewest counties (at least 10, fewer below 1,000 tenants) whose
 * departments at full size hold N tenants; every department is then scaled by the same factor (≤ 1),
 * so a small city has small departments and a large one more counties, never larger departments.
 */
import { CITY_DEPARTMENTS, county as countyAt, COUNTY_DEPARTMENTS, DepartmentKind, FULL_SIZE, MAX_SYSTEMS, SYSTEM_WORDS } from './departments';

export type BenchZone = 'public-service' | 'administrative' | 'exchange' | 'intranet';
export type BenchTier = 'none' | 'backup' | 'hot-standby' | 'active-active';

export interface BenchTenant {
  readonly name: string;
  readonly county: string;
  readonly department: DepartmentKind;
  /** Position in the city (approval numbers). */
  readonly index: number;
  /** Position in its department (the system word). */
  readonly system: number;
  readonly network: 'extranet' | 'intranet';
  readonly zone: BenchZone;
  readonly level: 2 | 3 | 4;
  readonly tier: BenchTier;
  readonly environments: readonly string[];
  readonly quota: { readonly cpu: number; readonly memoryGi: number; readonly storageGi: number; readonly pods: number };
  readonly domestic: boolean;
  readonly exposed: boolean;
  readonly admins: readonly string[];
  /** The county's data-sharing exchange (数据共享交换平台), which most systems send data to. */
  readonly hub: boolean;
  /** Filled in once every tenant exists: `tenant/<county>/<name>` with its ports, or Internet hosts. */
  readonly flows: { readonly to: string; readonly ports: readonly number[]; readonly hosts?: readonly string[] }[];
}

export interface BenchCounty {
  readonly code: string;
  readonly zh: string;
}

export interface BenchCity {
  readonly n: number;
  /** `city` (the city's own departments) first, then the counties. */
  readonly counties: readonly BenchCounty[];
  /** Departments with at least one system: `<county>/<department>` → its tenants. */
  readonly departments: ReadonlyMap<string, readonly BenchTenant[]>;
  readonly tenants: readonly BenchTenant[];
}

/** A number in [0, 1) from a string (FNV-1a): the city's only source of variety. */
export function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/** The first value whose cumulative weight passes u. */
function pick<T>(u: number, choices: readonly (readonly [T, number])[]): T {
  let acc = 0;
  for (const [v, w] of choices) {
    acc += w;
    if (u < acc) return v;
  }
  return choices[choices.length - 1][0];
}

/** A department of a county (or of the city) and its full size in systems. */
export interface Slot {
  readonly county: BenchCounty;
  readonly kind: DepartmentKind;
  readonly full: number;
}

/** A department's full size: its class, spread ×0.5 … ×1.6 (most near the low end), at most MAX_SYSTEMS. */
function fullSize(countyCode: string, kind: DepartmentKind): number {
  const base = FULL_SIZE[kind.size][countyCode === 'city' ? 'city' : 'county'];
  return Math.min(MAX_SYSTEMS, base * (0.5 + 1.1 * unit(`${countyCode}/${kind.code}:size`) ** 1.5));
}

function slotsFor(c: BenchCounty): Slot[] {
  return (c.code === 'city' ? CITY_DEPARTMENTS : COUNTY_DEPARTMENTS).map((kind) => ({ county: c, kind, full: fullSize(c.code, kind) }));
}

/** Counties and department slots for n tenants (see the module comment). */
export function layout(n: number): { counties: BenchCounty[]; slots: Slot[]; sizes: number[] } {
  const counties: BenchCounty[] = [{ code: 'city', zh: '市本级' }];
  const slots = slotsFor(counties[0]);
  const minCounties = Math.min(10, Math.max(1, Math.ceil(n / 100)));
  let total = slots.reduce((a, s) => a + s.full, 0);
  while (counties.length - 1 < minCounties || total < n) {
    const c = countyAt(counties.length - 1);
    counties.push(c);
    const more = slotsFor(c);
    slots.push(...more);
    total += more.reduce((a, s) => a + s.full, 0);
  }
  // largest remainder: exactly n systems, each department at most its full size
  const scale = n / total;
  const ideal = slots.map((s) => s.full * scale);
  const sizes = ideal.map(Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const order = ideal.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    sizes[i]++;
  }
  return { counties, slots, sizes };
}

const ENVIRONMENTS: readonly (readonly [readonly string[], number])[] = [
  [['prod'], 0.25],
  [['prod', 'test'], 0.5],
  [['prod', 'staging', 'test'], 0.15],
  [['prod', 'staging', 'test', 'dev'], 0.1],
];

function tenantAt(slot: Slot, system: number, index: number): BenchTenant {
  const c = slot.county.code;
  const d = slot.kind;
  const hub = d.code === 'big-data' && system === 0;
  const word = SYSTEM_WORDS[system % SYSTEM_WORDS.length];
  const round = Math.floor(system / SYSTEM_WORDS.length);
  const name = hub ? `data-exchange-${c}` : `${d.short}-${word}${round > 0 ? round + 1 : ''}-${c}`;
  const u = (salt: string) => unit(`${name}:${salt}`);
  const network = !hub && u('network') < (d.intranet ?? 0.03) ? 'intranet' : 'extranet';
  const pub = d.publicService ?? 0.15;
  const zone: BenchZone =
    network === 'intranet'
      ? 'intranet'
      : hub
        ? 'exchange'
        : pick<BenchZone>(u('zone'), [
            ['public-service', pub],
            ['exchange', 0.08],
            ['administrative', 1],
          ]);
  const level: 2 | 3 | 4 = hub
    ? 3
    : zone === 'intranet'
      ? pick(u('level'), [
          [3, 0.6],
          [4, 1],
        ])
      : zone === 'public-service'
        ? pick(u('level'), [
            [2, 0.45],
            [3, 1],
          ])
        : zone === 'exchange'
          ? pick(u('level'), [
              [3, 0.75],
              [4, 1],
            ])
          : pick(u('level'), [
              [2, 0.35],
              [3, 0.55],
              [4, 1],
            ]);
  // the lowest tier each level's rules accept (MLPS-DATA-001…004), sometimes more; the intranet has no DR site yet (waived)
  const tier: BenchTier =
    network === 'intranet'
      ? 'none'
      : level === 2
        ? pick(u('tier'), [
            ['backup', 0.7],
            ['hot-standby', 1],
          ])
        : level === 3
          ? pick(u('tier'), [
              ['hot-standby', 0.8],
              ['active-active', 1],
            ])
          : 'active-active';
  const cpu = pick(u('cpu'), [
    [2, 0.2],
    [4, 0.35],
    [8, 0.25],
    [16, 0.14],
    [32, 1],
  ]);
  return {
    name,
    county: c,
    department: d,
    index,
    system,
    network,
    zone,
    level,
    tier,
    environments:
      network === 'intranet'
        ? pick(u('envs'), [
            [['prod'], 0.5],
            [['prod', 'test'], 1],
          ])
        : pick(u('envs'), ENVIRONMENTS),
    quota: {
      cpu,
      memoryGi:
        cpu *
        pick(u('mem'), [
          [2, 0.3],
          [4, 0.5],
          [8, 1],
        ]),
      storageGi: pick(u('storage'), [
        [100, 0.2],
        [200, 0.25],
        [500, 0.25],
        [1024, 0.15],
        [2048, 0.1],
        [5120, 1],
      ]),
      // a pod quota a /27 address pool holds (quota plus headroom): 20,000 namespaces fit one cluster's /12
      pods: Math.min(25, cpu + 8),
    },
    domestic: u('domestic') < (network === 'intranet' ? 0.8 : 0.2),
    exposed: zone === 'public-service' && u('exposed') < 0.7,
    admins: u('admins') < 0.3 ? [`grp-${c}-${d.code}-ops`, `grp-${name}-dev`] : [`grp-${c}-${d.code}-ops`],
    hub,
    flows: [],
  };
}

/** Traffic between two tenants is allowed on one network, within a zone or to or from the exchange zone. */
export function mayFlow(a: BenchTenant, b: BenchTenant): boolean {
  return a !== b && a.network === b.network && (a.zone === b.zone || a.zone === 'exchange' || b.zone === 'exchange');
}

/**
 * Flows of every tenant: to its county's exchange (most extranet systems), to another system of its
 * department, to a system of another department (of its county, or its department at city level), and
 * from the public-service zone to the Internet.
 */
function addFlows(city: BenchCity): void {
  const hubOf = new Map(city.tenants.filter((t) => t.hub).map((t) => [t.county, t]));
  const departmentsOf = new Map<string, string[]>();
  for (const key of city.departments.keys()) {
    const c = key.slice(0, key.indexOf('/'));
    departmentsOf.set(c, [...(departmentsOf.get(c) ?? []), key]);
  }
  const ref = (t: BenchTenant) => `tenant/${t.county}/${t.name}`;
  for (const t of city.tenants) {
    const u = (salt: string) => unit(`${t.name}:${salt}`);
    const flows = t.flows;
    const to = new Set<string>();
    const add = (target: BenchTenant | undefined, port: number) => {
      if (!target || !mayFlow(t, target) || to.has(target.name)) return;
      to.add(target.name);
      flows.push({ to: ref(target), ports: [port] });
    };
    const among = (key: string | undefined, salt: string) => {
      const candidates = (key === undefined ? undefined : city.departments.get(key))?.filter((x) => mayFlow(t, x)) ?? [];
      return candidates[Math.floor(u(salt) * candidates.length)];
    };
    if (t.network === 'extranet' && !t.hub && u('hub') < 0.7) add(hubOf.get(t.county) ?? hubOf.get('city'), 443);
    const own = `${t.county}/${t.department.code}`;
    if (u('same') < 0.5) add(among(own, 'same-pick'), 8443);
    if (u('other') < 0.4) {
      const vertical = t.county !== 'city' && u('vertical') < 0.5;
      const others = (departmentsOf.get(t.county) ?? []).filter((k) => k !== own);
      add(among(vertical ? `city/${t.department.code}` : others[Math.floor(u('other-dept') * others.length)], 'other-pick'), 443);
    }
    if (t.zone === 'public-service' && u('internet') < 0.6) flows.push({ to: 'internet', hosts: [`api.${t.department.short}.gov.cn`], ports: [443] });
  }
}

/** The city for n tenants (n ≥ 1). */
export function planCity(n: number): BenchCity {
  if (!Number.isInteger(n) || n < 1) throw new Error(`planCity: n must be a whole number of tenants, at least 1, got ${n}`);
  const { counties, slots, sizes } = layout(n);
  const tenants: BenchTenant[] = [];
  const departments = new Map<string, BenchTenant[]>();
  slots.forEach((slot, i) => {
    if (sizes[i] === 0) return;
    const list: BenchTenant[] = [];
    for (let s = 0; s < sizes[i]; s++) list.push(tenantAt(slot, s, tenants.length + list.length));
    departments.set(`${slot.county.code}/${slot.kind.code}`, list);
    tenants.push(...list);
  });
  const used = new Set(tenants.map((t) => t.county));
  const city: BenchCity = { n, counties: counties.filter((c) => used.has(c.code)), departments, tenants };
  addFlows(city);
  return city;
}
