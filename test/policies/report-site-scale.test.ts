/**
 * The index of the HTML report at 10,000 tenants stays small (≤ 2 MB) and aggregated: the bench
 * city's plan (bench/city.ts: its departments, zones and flows, made in memory without a file or a
 * synthesis), with a tenant in ten failing and one in a hundred given a hand-opened flow across
 * zones, drawn as one box per department per zone and one line per pair of boxes that talk. Which
 * tenants fail and which flows cross are inputs chosen from the names; the counts the test expects
 * are computed from them.
 */
import { planCity, unit } from '../../bench/city';
import { clustersOf } from '../../bench/generate';
import { Counts } from '../../policies/report/common';
import { FlowEnd, JudgedFlow } from '../../policies/judged-flows';
import { AGGREGATE_ABOVE, groupKey, SiteView, TenantRow } from '../../policies/report/html/city-view';
import { indexChunks } from '../../policies/report/html/index-page';
import { departmentPage } from '../../policies/report/html/site-paths';
import { join } from '../../policies/report/chunks';

const N = 10000;
const MB2 = 2_000_000;

function view(): { view: SiteView; red: number } {
  const city = planCity(N);
  const rows: TenantRow[] = city.tenants.map((t) => {
    const fail = unit(`fail/${t.name}`) < 0.1;
    const counts: Counts = { pass: 40, fail: fail ? 3 : 0, waived: 0, notApplicable: 5, partly: 6, manual: 12 };
    return {
      name: t.name,
      displayName: `${t.department.zh} ${t.name}`,
      county: t.county,
      department: t.department.code,
      network: t.network,
      zone: t.zone,
      cluster: clustersOf(t).primary,
      level: t.level,
      state: fail ? 'fail' : 'pass',
      counts,
    };
  });
  const byName = new Map(city.tenants.map((t) => [t.name, t]));
  const flows: JudgedFlow[] = [];
  let red = 0;
  const tenant = (name: string): FlowEnd => ({ kind: 'tenant', tenant: name });
  for (const t of city.tenants) {
    for (const f of t.flows) {
      const to: FlowEnd = f.to === 'internet' ? { kind: 'internet' } : tenant(f.to.split('/')[2]);
      flows.push({ from: tenant(t.name), to, ports: f.ports.map(String), allowed: true, declared: true, policies: [] });
    }
    if (unit(`cross/${t.name}`) < 0.01 && t.zone === 'administrative') {
      // a hand-written path from the administrative zone straight to a public-service tenant
      const target = city.tenants.find((x) => x.zone === 'public-service' && x.county === t.county);
      if (target && byName.has(target.name)) {
        flows.push({ from: tenant(t.name), to: tenant(target.name), ports: ['8080'], allowed: false, declared: false, policies: [`x:${t.name}`] });
        red++;
      }
    }
  }
  const failing = rows.filter((r) => r.state === 'fail');
  const failures = failing.flatMap((r) =>
    ['MLPS-NET-004', 'MLPS-HOST-001', 'MLPS-IAM-002'].map((rule) => ({ tenant: r.name, rule, title: { en: `title of ${rule}`, zh: `${rule} 的标题` } })),
  );
  return {
    view: {
      city: 'bench-city',
      displayName: '基准测试市',
      today: '2026-11-23',
      blocking: failures.length,
      partly: N * 6,
      manual: N * 12,
      rows,
      failures,
      flows,
    },
    red,
  };
}

describe(`the index of the HTML report at ${N.toLocaleString('en')} tenants`, () => {
  const { view: v, red } = view();
  const index = join(indexChunks(v, 'zh'));

  it('is at most 2 MB', () => {
    expect(v.rows.length).toBe(N);
    expect(Buffer.byteLength(index, 'utf8')).toBeLessThanOrEqual(MB2);
  });

  it('draws departments per zone, not tenants: one box each, holding every tenant, linking to the department page', () => {
    expect(N).toBeGreaterThan(AGGREGATE_ABOVE);
    expect(index).toContain('class="aggregated"');
    const boxes = [...index.matchAll(/<a href="([^"]+)" class="group-link" data-group="([^"]+)" data-tenants="(\d+)" data-fail="(\d+)">/g)];
    expect(new Set(boxes.map((b) => b[2]))).toEqual(new Set(v.rows.map(groupKey)));
    expect(boxes.reduce((s, b) => s + Number(b[3]), 0)).toBe(N);
    expect(boxes.reduce((s, b) => s + Number(b[4]), 0)).toBe(v.rows.filter((r) => r.state === 'fail').length);
    for (const b of boxes) expect(b[1]).toBe(departmentPage(b[2].split('/')[2]));
    // no per-tenant table or picture at this size
    expect(index).not.toContain('href="tenants/');
    expect(index).not.toContain('class="tenant-link"');
  });

  it('counts every flow on the lines between boxes, the hand-opened ones across zones in red', () => {
    const lines = [...index.matchAll(/<path class="flow[^"]*" [^>]*data-count="(\d+)" data-red="(\d+)"/g)];
    const inReport = v.flows.filter(
      (f) => f.from.kind === 'tenant' && (f.to.kind !== 'tenant' || v.rows.some((r) => f.to.kind === 'tenant' && r.name === f.to.tenant)),
    );
    expect(lines.reduce((s, l) => s + Number(l[1]), 0)).toBe(inReport.length);
    expect(red).toBeGreaterThan(0);
    expect(lines.reduce((s, l) => s + Number(l[2]), 0)).toBe(red);
    expect(index).toMatch(/<path class="flow undeclared suspect" [^>]*data-red="[1-9]/);
  });

  it('lists the failures by rule, with how many tenants fail each', () => {
    const failing = v.rows.filter((r) => r.state === 'fail').length;
    for (const rule of ['MLPS-NET-004', 'MLPS-HOST-001', 'MLPS-IAM-002'])
      expect(index).toMatch(new RegExp(`<tr data-rule="${rule}"><td>${rule}</td><td>[^<]*</td><td class="num">${failing}</td></tr>`));
  });

  it('is the same bytes for the same input', () => {
    expect(join(indexChunks(v, 'zh'))).toBe(index);
  });
});
