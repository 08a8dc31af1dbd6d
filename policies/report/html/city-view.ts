/**
 * What the multi-page HTML report's index and department pages show, taken once from the check
 * report, the model and the judged flows: a row per tenant (placement, level, counts, state), the
 * groups the aggregated topology draws (a department's tenants in one zone) and the flows between
 * them. Plain data, so that the index of a city of any size can be made (and measured) from it.
 */
import type { Bilingual } from '../../../config/vocabulary';
import type { CityModel } from '../../../config/model';
import { blocking, CheckReport } from '../../engine';
import { Counts, countsOf, failures } from '../common';
import { endKey, FlowEnd, JudgedFlow } from '../../judged-flows';
import type { TenantState } from './topology';
import { tenantState } from './parts';

/** Above this many tenants the index draws departments per zone instead of every tenant. */
export const AGGREGATE_ABOVE = 60;

export interface TenantRow {
  readonly name: string;
  readonly displayName: string;
  readonly county: string;
  readonly department: string;
  readonly network: string;
  readonly zone: string;
  readonly cluster: string;
  readonly level: number;
  readonly state: TenantState;
  readonly counts: Counts;
}

/** A department's tenants in one zone: a box of the aggregated picture and a row of the index. */
export interface Group {
  /** `<network>/<zone>/<department>`. */
  readonly key: string;
  readonly network: string;
  readonly zone: string;
  readonly department: string;
  readonly tenants: number;
  /** Tenants with unwaived failures, and with waived findings only. */
  readonly fail: number;
  readonly waived: number;
  readonly state: TenantState;
}

/** Flows between two groups (or a group and the Internet, a zone, anywhere), counted. */
export interface GroupFlow {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** How many of them the zoning does not allow, and how many no request declares. */
  readonly red: number;
  readonly undeclared: number;
}

export interface FailureLine {
  readonly tenant: string;
  readonly rule: string;
  readonly title: Bilingual;
}

export interface SiteView {
  readonly city: string;
  readonly displayName: string;
  readonly today: string;
  readonly blocking: number;
  readonly partly: number;
  readonly manual: number;
  /** The tenants of the report, in its order. */
  readonly rows: readonly TenantRow[];
  readonly failures: readonly FailureLine[];
  readonly flows: readonly JudgedFlow[];
}

/** The counts added up. */
export function sumCounts(all: readonly Counts[]): Counts {
  const z: Counts = { pass: 0, fail: 0, waived: 0, notApplicable: 0, manual: 0, partly: 0 };
  return all.reduce(
    (a, c) => ({
      pass: a.pass + c.pass,
      fail: a.fail + c.fail,
      waived: a.waived + c.waived,
      notApplicable: a.notApplicable + c.notApplicable,
      manual: a.manual + c.manual,
      partly: a.partly + c.partly,
    }),
    z,
  );
}

export const groupKey = (r: Pick<TenantRow, 'network' | 'zone' | 'department'>): string => `${r.network}/${r.zone}/${r.department}`;

/** The view of a judged city. */
export function siteView(report: CheckReport, model: CityModel, flows: readonly JudgedFlow[]): SiteView {
  const all = [...report.tenants, ...report.platform].map(countsOf);
  const rows = report.tenants.map((t) => {
    const x = t.tenant;
    return {
      name: x.name,
      displayName: x.displayName,
      county: x.county,
      department: x.department,
      network: x.network,
      zone: x.zone,
      cluster: x.cluster,
      level: t.level,
      state: tenantState(t),
      counts: countsOf(t),
    };
  });
  return {
    city: report.city,
    displayName: model.displayName,
    today: report.today,
    blocking: blocking(report),
    partly: all.reduce((s, c) => s + c.partly, 0),
    manual: all.reduce((s, c) => s + c.manual, 0),
    rows,
    failures: report.tenants.flatMap((t) => failures(t).map((f) => ({ tenant: t.tenant.name, rule: f.rule.id, title: f.rule.title }))),
    flows,
  };
}

const ZONE_ORDER = ['public-service', 'exchange', 'administrative', 'intranet'];
const zoneRank = (z: string): number => (ZONE_ORDER.includes(z) ? ZONE_ORDER.indexOf(z) : ZONE_ORDER.length);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The groups of the rows, by zone (public-service, exchange, administrative, intranet) then department. */
export function groupsOf(rows: readonly TenantRow[]): Group[] {
  const m = new Map<string, { network: string; zone: string; department: string; tenants: number; fail: number; waived: number }>();
  for (const r of rows) {
    const k = groupKey(r);
    const g = m.get(k) ?? { network: r.network, zone: r.zone, department: r.department, tenants: 0, fail: 0, waived: 0 };
    m.set(k, g);
    g.tenants++;
    if (r.state === 'fail') g.fail++;
    if (r.state === 'waived') g.waived++;
  }
  return [...m.entries()]
    .map(([key, g]) => ({ key, ...g, state: (g.fail > 0 ? 'fail' : g.waived > 0 ? 'waived' : 'pass') as TenantState }))
    .sort((a, b) => zoneRank(a.zone) - zoneRank(b.zone) || cmp(a.zone, b.zone) || cmp(a.department, b.department));
}

/** The flows between groups: a tenant end becomes its group; the Internet, a zone and anywhere stay as they are. */
export function groupFlows(rows: readonly TenantRow[], flows: readonly JudgedFlow[]): GroupFlow[] {
  const of = new Map(rows.map((r) => [r.name, groupKey(r)]));
  const end = (e: FlowEnd): string | undefined => (e.kind === 'tenant' ? of.get(e.tenant) : endKey(e));
  const m = new Map<string, { from: string; to: string; count: number; red: number; undeclared: number }>();
  for (const f of flows) {
    const from = end(f.from);
    const to = end(f.to);
    if (from === undefined || to === undefined) continue; // a tenant not in the report
    const k = `${from} > ${to}`;
    const g = m.get(k) ?? { from, to, count: 0, red: 0, undeclared: 0 };
    m.set(k, g);
    g.count++;
    if (!f.allowed) g.red++;
    if (!f.declared) g.undeclared++;
  }
  return [...m.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, g]) => g);
}

/** The flows of each tenant, in and out (a flow between two tenants is listed under both). */
export function flowsByTenant(flows: readonly JudgedFlow[]): Map<string, JudgedFlow[]> {
  const m = new Map<string, JudgedFlow[]>();
  const add = (e: FlowEnd, f: JudgedFlow) => {
    if (e.kind !== 'tenant') return;
    const l = m.get(e.tenant);
    if (l) {
      if (l[l.length - 1] !== f) l.push(f);
    } else m.set(e.tenant, [f]);
  };
  for (const f of flows) {
    add(f.from, f);
    add(f.to, f);
  }
  return m;
}
