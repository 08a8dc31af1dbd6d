/**
 * The bench city (bench/city.ts, bench/generate.ts): the same N gives the same bytes, departments have
 * the counts and sizes of a real city's, the files are valid and pass the level packs, and no stack of
 * the 10,000-tenant city passes the resource cap. Stack sizes are computed, not synthesized: from
 * planStacks at 300 tenants (checked against a synthesis of its largest stacks) and from the city's
 * plan at 10,000 (checked to group tenants exactly as planStacks does).
 */
import * as fs from 'fs';
import * as path from 'path';
import { BenchCity, layout, planCity } from '../../bench/city';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS, MAX_SYSTEMS, county } from '../../bench/departments';
import { BENCH_TODAY, clustersOf, generateCity } from '../../bench/generate';
import { validateEnvironment } from '../../config/validate';
import { CityModel, replicatedEnvironment, Tenant } from '../../config/model';
import { departmentStackName, DepartmentSlice, planStacks } from '../../stacks/slices';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { blocking, runChecks } from '../../policies/engine';
import { RULES } from '../../policies/registry';
import { readTree, tmpDir } from '../helpers/env';

/** What no stack of the 10,000-tenant city may pass. */
const CAP = 1000;

/**
 * Resources of a department stack, as TenantEnvironment and DisasterRecoveryReplica make them: per
 * environment a namespace, quota, limit range, default service account, two network policies, one
 * role binding per admin group and, when the environment has traffic (a flow with another tenant that
 * has that environment, in or out, Internet flows, or exposure in the served environment), one more
 * network policy; one Velero Schedule per DR replica; per replica, on its DR cluster, the same for its
 * one namespace, with the flow policy when it serves (active or standby) and has a flow with another
 * tenant in or out, or, in the public-service zone, Internet flows or exposure; and for a tenant
 * exposed to the Internet, the Service the ingress gateway forwards to, in its served environment and
 * in each serving replica.
 */
const tenantResources = (envs: readonly string[], admins: number, traffic: (env: string) => boolean, replicas: number, exposed: boolean) =>
  envs.length * (6 + admins) + envs.filter(traffic).length + replicas + (exposed ? 1 : 0);
const replicaResources = (admins: number, servesFlows: boolean, servesExposed: boolean) => 6 + admins + (servesFlows ? 1 : 0) + (servesExposed ? 1 : 0);

/** Whether the ingress gateways serve the tenant (and govcloud makes the Service they forward to). */
const exposedTenant = (t: Tenant): boolean => t.zone === 'public-service' && t.exposedToInternet && t.exposedPorts.length > 0;

/** Whether some of the peers (other tenants' environments) has the environment. */
const anyHas = (peers: readonly (readonly string[])[], env: string): boolean => peers.some((envs) => envs.includes(env));

function fromSlice(s: DepartmentSlice): number {
  const envsOf = new Map(s.peers.map((p) => [p.tenant, [...new Set(p.namespaces.map((n) => n.environment))]]));
  const peersOf = (t: Tenant): string[][] => [
    ...t.flows.flatMap((f) => (f.kind === 'tenant' ? [envsOf.get(f.tenant) ?? []] : [])),
    ...t.inbound.map((i) => envsOf.get(i.tenant) ?? []),
  ];
  return (
    s.tenants.reduce((a, t) => {
      const internet = t.flows.some((f) => f.kind === 'internet');
      const traffic = (env: string) => internet || (t.exposedToInternet && env === replicatedEnvironment(t)) || anyHas(peersOf(t), env);
      return a + tenantResources(t.environments, t.admins.length, traffic, t.replicas.length, exposedTenant(t));
    }, 0) +
    s.replicas.reduce((a, r) => {
      const t = r.tenant;
      const outside = t.zone === 'public-service' && (t.exposedToInternet || t.flows.some((f) => f.kind === 'internet'));
      const serving = r.replica.mode !== 'backup';
      return a + replicaResources(t.admins.length, serving && (outside || anyHas(peersOf(t), replicatedEnvironment(t))), serving && exposedTenant(t));
    }, 0)
  );
}

/** The same count from the bench city's own plan, by stack name: no files, no validation. */
function fromPlan(city: BenchCity): Map<string, number> {
  const envsOf = new Map(city.tenants.map((t) => [`tenant/${t.county}/${t.name}`, t.environments]));
  const inbound = new Map<string, (readonly string[])[]>();
  for (const t of city.tenants) for (const f of t.flows.filter((x) => !x.hosts)) inbound.set(f.to, [...(inbound.get(f.to) ?? []), t.environments]);
  const out = new Map<string, number>();
  const add = (name: string, n: number) => out.set(name, (out.get(name) ?? 0) + n);
  for (const t of city.tenants) {
    const where = clustersOf(t);
    const peers = [...t.flows.filter((f) => !f.hosts).map((f) => envsOf.get(f.to) ?? []), ...(inbound.get(`tenant/${t.county}/${t.name}`) ?? [])];
    const internet = t.flows.some((f) => f.hosts);
    const replicated = t.environments.includes('prod') ? 'prod' : t.environments[0];
    add(
      departmentStackName(t.county, t.department.code, where.primary),
      tenantResources(
        t.environments,
        t.admins.length,
        (env) => internet || (t.exposed && env === replicated) || anyHas(peers, env),
        where.replicas.length,
        t.zone === 'public-service' && t.exposed,
      ),
    );
    const outside = t.zone === 'public-service' && (t.exposed || internet);
    for (const r of where.replicas)
      add(
        departmentStackName(t.county, t.department.code, r.cluster),
        replicaResources(t.admins.length, r.full && (outside || anyHas(peers, replicated)), r.full && t.zone === 'public-service' && t.exposed),
      );
  }
  return out;
}

const departmentSlices = (model: CityModel) => planStacks(model).filter((s): s is DepartmentSlice => s.kind === 'department');

describe('bench city', () => {
  let work: string;
  let model: CityModel;
  let big: BenchCity | undefined;
  const city10k = () => (big ??= planCity(10000));
  beforeAll(() => {
    work = tmpDir('bench-city');
    generateCity(path.join(work, 'a'), 300);
    const result = validateEnvironment(path.join(work, 'a'), { today: BENCH_TODAY, rules: RULES });
    expect(result.issues).toEqual([]);
    model = result.model!;
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes byte-identical files for the same N', () => {
    generateCity(path.join(work, 'b'), 300);
    const a = readTree(path.join(work, 'a'));
    // platform.yaml, address-pools.yaml and 300 requests
    expect(a.size).toBe(302);
    expect(readTree(path.join(work, 'b'))).toEqual(a);
    expect(planCity(301).tenants).toHaveLength(301);
  });

  it('is valid with no warning (asserted in beforeAll) and passes every rule of the level packs, intranet DR waived', () => {
    const small = path.join(work, 'small');
    generateCity(small, 120);
    const m = validateEnvironment(small, { today: BENCH_TODAY }).model!;
    expect(m.tenants.filter((t) => t.network === 'intranet' && t.mlpsLevel === 4)).not.toHaveLength(0);
    const report = runChecks(m, buildDeployment(m, synthInMemory(m)), { today: BENCH_TODAY });
    expect(report.tenants).toHaveLength(120);
    expect(blocking(report)).toBe(0);
  });

  it('spreads tenants over networks, zones, levels, DR tiers, placement and flows of every kind', () => {
    const t = model.tenants;
    const share = (f: (x: (typeof t)[number]) => boolean) => t.filter(f).length / t.length;
    expect(share((x) => x.network === 'intranet')).toBeGreaterThan(0.03);
    expect(share((x) => x.network === 'intranet')).toBeLessThan(0.2);
    for (const zone of ['public-service', 'administrative', 'exchange'] as const) expect(share((x) => x.zone === zone)).toBeGreaterThan(0.05);
    for (const level of [2, 3, 4] as const) expect(share((x) => x.mlpsLevel === level)).toBeGreaterThan(0.05);
    for (const tier of ['none', 'backup', 'hot-standby', 'active-active'] as const) expect(share((x) => x.dr === tier)).toBeGreaterThan(0.03);
    expect(share((x) => x.domestic)).toBeGreaterThan(0.1);
    expect(share((x) => x.exposedToInternet)).toBeGreaterThan(0.05);
    expect(share((x) => x.flows.some((f) => f.kind === 'internet'))).toBeGreaterThan(0.05);
    const byName = new Map(t.map((x) => [x.name, x]));
    const tenantFlows = t.flatMap((x) => x.flows.flatMap((f) => (f.kind === 'tenant' ? [{ from: x, to: byName.get(f.tenant)! }] : [])));
    const kinds = (f: (p: (typeof tenantFlows)[number]) => boolean) => tenantFlows.filter(f).length;
    expect(kinds((p) => p.to.zone === 'exchange')).toBeGreaterThan(50);
    expect(kinds((p) => p.to.department === p.from.department && p.to.county === p.from.county)).toBeGreaterThan(20);
    expect(kinds((p) => p.to.department !== p.from.department)).toBeGreaterThan(20);
    expect(kinds((p) => p.to.county !== p.from.county)).toBeGreaterThan(5);
    // replicas land in the department's stacks on the DR clusters
    const replicaStacks = departmentSlices(model).filter((s) => s.replicas.length > 0);
    expect(new Set(replicaStacks.map((s) => s.cluster.name))).toEqual(new Set(['ext-samecity', 'ext-remote']));
  });

  it('counts resources per stack as synth makes them', () => {
    const slices = departmentSlices(model);
    const largest = [...slices].sort((a, b) => fromSlice(b) - fromSlice(a)).slice(0, 3);
    const synthesized = synthInMemory(model, undefined, new Set(largest.map((s) => s.name)));
    const counted = (json: Record<string, unknown>) =>
      Object.values((json.resource ?? {}) as Record<string, object>).reduce((a, r) => a + Object.keys(r).length, 0);
    expect(new Map(synthesized.map((s) => [s.name, counted(s.json)]))).toEqual(new Map(largest.map((s) => [s.name, fromSlice(s)])));
    // the bench plan groups tenants and replicas exactly as planStacks does
    expect(fromPlan(planCity(300))).toEqual(new Map(slices.map((s) => [s.name, fromSlice(s)])));
  });

  it(`keeps every stack of the 10,000-tenant city under ${CAP} resources`, () => {
    const sizes = [...fromPlan(city10k()).values()];
    expect(sizes.length).toBeGreaterThan(1500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CAP);
  });

  it('has the departments of a real city: ~50 at city level, 25 per county, a few to a few dozen systems each', () => {
    const city = city10k();
    const sizes = [...city.departments.values()].map((l) => l.length).sort((a, b) => a - b);
    expect([...city.departments.keys()].filter((k) => k.startsWith('city/'))).toHaveLength(CITY_DEPARTMENTS.length);
    expect(CITY_DEPARTMENTS.length).toBeGreaterThanOrEqual(40);
    expect(COUNTY_DEPARTMENTS.length).toBeGreaterThanOrEqual(20);
    expect(city.departments.size).toBe(CITY_DEPARTMENTS.length + (city.counties.length - 1) * COUNTY_DEPARTMENTS.length);
    expect(sizes[0]).toBeGreaterThanOrEqual(2);
    expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(MAX_SYSTEMS);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(8);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThanOrEqual(20);
    // skewed: the largest tenth of the departments holds far more than a tenth of the systems
    expect(sizes.slice(Math.floor(sizes.length * 0.9)).reduce((a, b) => a + b, 0) / 10000).toBeGreaterThan(0.2);
    for (const d of [...CITY_DEPARTMENTS, ...COUNTY_DEPARTMENTS]) expect(d.code).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });

  it('grows the number of counties with N, never the departments past their full size', () => {
    const counties = (n: number) => layout(n).counties.length - 1;
    expect(counties(1000)).toBe(10);
    expect(counties(10000)).toBeGreaterThan(counties(5000));
    expect(counties(50000)).toBeGreaterThan(4 * counties(10000));
    for (const n of [1000, 10000, 50000]) {
      const { slots, sizes } = layout(n);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      sizes.forEach((s, i) => expect(s).toBeLessThanOrEqual(Math.ceil(slots[i].full)));
    }
    const codes = Array.from({ length: 400 }, (_, i) => county(i).code);
    expect(new Set(codes).size).toBe(400);
  });
});
