/**
 * The stack layout: one stack per county, department and cluster. A tenant's stacks depend on its
 * own county, department and clusters only, so adding or removing a tenant never moves another one
 * (a move is a destroy and a create in Terraform); a removed department's stack is still found by
 * name; a long stack name keeps its own PostgreSQL schema.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel, Tenant } from '../../config/model';
import { concurrentBackups, planStacks, retiredSlice } from '../../stacks/slices';
import { pgSchemaName, PG_IDENTIFIER_MAX } from '../../stacks/cluster-stack';
import { caseEnv, EXAMPLE_CITY } from '../helpers/env';

const fixture = validateEnvironment(caseEnv(undefined)).model as CityModel;

/** tenant → the stacks that hold it (primary namespaces, and each replica), sorted. */
function placement(model: CityModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (tenant: string, stack: string) => out.set(tenant, [...(out.get(tenant) ?? []), stack].sort());
  for (const s of planStacks(model)) {
    if (s.kind !== 'department') continue;
    for (const t of s.tenants) add(t.name, s.name);
    for (const r of s.replicas) add(r.tenant.name, s.name);
  }
  return out;
}

const copyOf = (t: Tenant, name: string, change: Partial<Tenant> = {}): Tenant => ({ ...t, name, flows: [], inbound: [], ...change });

describe('stack layout', () => {
  const portal = fixture.tenants.find((t) => t.name === 'portal') as Tenant;
  const before = placement(fixture);

  it('puts each department on each of its clusters in a stack of its own', () => {
    expect(before.get('portal')).toEqual(['dept-north-service-center-ext-far', 'dept-north-service-center-ext-main']);
    expect(before.get('relief')).toEqual(['dept-north-civil-affairs-ext-main']);
    // two departments of one county on one cluster: two stacks
    const sameCluster = planStacks(fixture).filter((s) => s.kind === 'department' && s.cluster.name === 'ext-main' && s.county.code === 'north');
    expect(sameCluster.map((s) => (s.kind === 'department' ? s.department : ''))).toEqual(['civil-affairs', 'service-center']);
  });

  it.each([
    ['a tenant in an existing department', copyOf(portal, 'portal-two')],
    ['a tenant in a new department', copyOf(portal, 'audit-trail', { department: 'audit' })],
    ['a tenant of another county on another cluster', copyOf(portal, 'south-portal', { county: 'south', cluster: 'ext-twin', replicas: [] })],
  ])('moves no tenant when %s is added', (_what, added) => {
    const after = placement({ ...fixture, tenants: [...fixture.tenants, added] });
    for (const [tenant, stacks] of before) expect([tenant, after.get(tenant)]).toEqual([tenant, stacks]);
    expect(after.get(added.name)?.length).toBeGreaterThan(0);
  });

  it.each(fixture.tenants.map((t) => t.name))('moves no tenant when %s is removed', (removed) => {
    const rest = fixture.tenants
      .filter((t) => t.name !== removed)
      .map((t) => ({
        ...t,
        flows: t.flows.filter((f) => f.kind !== 'tenant' || f.tenant !== removed),
        inbound: t.inbound.filter((i) => i.tenant !== removed),
      }));
    const after = placement({ ...fixture, tenants: rest });
    for (const [tenant, stacks] of before) if (tenant !== removed) expect([tenant, after.get(tenant)]).toEqual([tenant, stacks]);
  });

  it('reads a removed department stack by name, and refuses a name that reads two ways', () => {
    const withoutNorth = { ...fixture, tenants: fixture.tenants.filter((t) => t.county !== 'north') };
    expect(retiredSlice(withoutNorth, 'dept-north-service-center-ext-far')).toMatchObject({
      kind: 'retired',
      network: 'extranet',
      cluster: { name: 'ext-far' },
    });
    expect(retiredSlice(withoutNorth, 'dept-north-ext-far')).toBeUndefined(); // no department in the name
    expect(retiredSlice(withoutNorth, 'dept-east-health-ext-far')).toBeUndefined(); // no such county
    expect(retiredSlice(fixture, 'dept-north-service-center-ext-far')).toBeUndefined(); // still planned
    // clusters "far" and "ext-far": "dept-north-x-ext-far" is department x on ext-far, or x-ext on far
    const far = { ...fixture.clusters.find((c) => c.name === 'ext-far')!, name: 'far' };
    expect(retiredSlice({ ...withoutNorth, clusters: [...withoutNorth.clusters, far] }, 'dept-north-x-ext-far')).toBeUndefined();
  });
});

describe('PostgreSQL schema of a stack', () => {
  it('keeps short names as they are', () => {
    expect(pgSchemaName('govcloud', 'dept-north-civil-affairs-ext-main')).toBe('govcloud_dept_north_civil_affairs_ext_main');
  });

  it('keeps long names unique and within what PostgreSQL keeps, the same on every run', () => {
    const long = `dept-${'a'.repeat(40)}-${'b'.repeat(40)}`;
    const one = pgSchemaName('govcloud', `${long}-ext-main`);
    const two = pgSchemaName('govcloud', `${long}-ext-twin`);
    expect(one.length).toBeLessThanOrEqual(PG_IDENTIFIER_MAX);
    expect(two.length).toBeLessThanOrEqual(PG_IDENTIFIER_MAX);
    expect(one).not.toBe(two);
    expect(pgSchemaName('govcloud', `${long}-ext-main`)).toBe(one);
    expect(one).toMatch(/^govcloud_dept_a+_[0-9a-f]{8}$/);
  });
});

describe('concurrentBackups', () => {
  const every = (schedule: string, n: number) => Array.from({ length: n }, () => ({ replicas: [{ schedule } as never] }));
  it('gives Velero slots for twice the rate its Schedules start backups, at least 2 and at most 16', () => {
    expect(concurrentBackups([])).toBe(2);
    expect(concurrentBackups(every('0 2 * * *', 100))).toBe(2);
    // 15 tenants every quarter hour: one backup a minute, two slots; 60 of them: 4 a minute, 8 slots
    expect(concurrentBackups(every('*/15 * * * *', 15))).toBe(2);
    expect(concurrentBackups(every('*/15 * * * *', 60))).toBe(8);
    expect(concurrentBackups(every('*/5 * * * *', 1000))).toBe(16);
  });
  it("runs the example city's busiest cluster with more than Velero's single default slot", () => {
    const model = validateEnvironment(EXAMPLE_CITY).model!;
    const slices = planStacks(model).filter((s) => s.kind === 'platform');
    expect(Math.max(...slices.map((s) => (s.kind === 'platform' ? s.concurrentBackups : 0)))).toBeGreaterThan(1);
  });
});
