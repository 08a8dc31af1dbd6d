/**
 * Every rule is linear in its input: judging a city four times as large reads about four times as
 * much, never sixteen. Measured without a clock: the rules run over the bench city (bench/generate.ts)
 * at two sizes with the model, the deployment and every stack's JSON behind proxies that count each
 * property read, and per rule the reads over all tenants and all clusters' platforms must grow no
 * faster than the resources do (with room for rounding). A rule that looks a tenant up by walking
 * every tenant, or scans a whole cluster's objects for each tenant, reads N times more per tenant at
 * N times the size and fails here.
 */
import { BENCH_TODAY, generateCity } from '../../bench/generate';
import { validateEnvironment } from '../../config/validate';
import { CityModel, Tenant } from '../../config/model';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment, Deployment, StackJson, tenantView, TfResource } from '../../policies/deployment';
import { platformTenant, platformView } from '../../policies/platform-view';
import { RULES } from '../../policies/registry';
import { Rule } from '../../policies/types';
import { tmpDir } from '../helpers/env';

/** Counts property reads through proxies while `on`. */
class Reads {
  on = false;
  count = 0;
  private readonly proxies = new WeakMap<object, object>();

  wrap<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Map) return this.wrapMap(value) as T;
    if (Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value)) return value;
    const known = this.proxies.get(value);
    if (known) return known as T;
    const proxy = new Proxy(value, {
      get: (target, key, receiver) => {
        if (this.on) this.count++;
        return this.wrap(Reflect.get(target, key, receiver) as unknown);
      },
    });
    this.proxies.set(value, proxy);
    return proxy;
  }

  /** A map whose lookups and walks count, handing out counted values. */
  private wrapMap<K, V>(m: Map<K, V>): Map<K, V> {
    const known = this.proxies.get(m);
    if (known) return known as Map<K, V>;
    const wrapped = new Map<K, V>();
    for (const [k, v] of m) wrapped.set(k, this.wrap(v));
    const reads = this as Reads;
    const counted = new (class extends Map<K, V> {
      get(k: K): V | undefined {
        if (reads.on) reads.count++;
        return super.get(k);
      }
      *entries(): MapIterator<[K, V]> {
        for (const e of super.entries()) {
          if (reads.on) reads.count++;
          yield e;
        }
      }
      [Symbol.iterator](): MapIterator<[K, V]> {
        return this.entries();
      }
      *values(): MapIterator<V> {
        for (const [, v] of this.entries()) yield v;
      }
      *keys(): MapIterator<K> {
        for (const [k] of this.entries()) yield k;
      }
      forEach(f: (v: V, k: K, m: Map<K, V>) => void): void {
        for (const [k, v] of this.entries()) f(v, k, this);
      }
    })(wrapped);
    this.proxies.set(m, counted);
    return counted;
  }
}

interface Sized {
  readonly tenants: number;
  readonly resources: number;
  /** Reads per rule id, over every tenant and every cluster's platform. */
  readonly reads: ReadonlyMap<string, number>;
}

function measure(n: number): Sized {
  const dir = tmpDir(`linear-${n}`);
  generateCity(dir, n);
  const result = validateEnvironment(dir);
  if (!result.model) throw new Error(`bench city of ${n} tenants is invalid`);
  const raw = result.model;
  const reads = new Reads();
  const model: CityModel = reads.wrap(raw);
  const stacks: StackJson[] = synthInMemory(raw).map((s) => ({ name: s.name, network: s.network, json: reads.wrap(s.json) }));
  const built = buildDeployment(model, stacks);
  const deployment: Deployment = {
    ...built,
    stacks: reads.wrap(built.stacks),
    resources: reads.wrap(built.resources as TfResource[]),
    byNamespace: reads.wrap(built.byNamespace as Map<string, readonly TfResource[]>),
    byType: reads.wrap(built.byType as Map<string, readonly TfResource[]>),
    namespacesByTenant: reads.wrap(built.namespacesByTenant as Map<string, readonly TfResource[]>),
    byStack: reads.wrap(built.byStack as Map<string, readonly TfResource[]>),
  };
  const tenants: [Tenant, ReturnType<typeof tenantView>][] = model.tenants.map((t) => [t, tenantView(deployment, t)]);
  const platforms = model.clusters.map((c) => [platformTenant(c), platformView(model, deployment, c.name)] as const);
  const perRule = new Map<string, number>();
  const run = (rule: Rule, tenant: Tenant, view: ReturnType<typeof tenantView>) => {
    try {
      rule.check({ model, deployment, tenant, view, level: tenant.mlpsLevel, today: '2026-12-01' });
    } catch (e) {
      throw new Error(`${rule.id} raised on ${tenant.name}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  };
  for (const rule of RULES) {
    reads.count = 0;
    reads.on = true;
    if (rule.platform !== 'only') for (const [t, view] of tenants) run(rule, t, view);
    if (rule.platform !== undefined) for (const [t, view] of platforms) run(rule, t, view);
    reads.on = false;
    perRule.set(rule.id, reads.count);
  }
  return { tenants: raw.tenants.length, resources: built.resources.length, reads: perRule };
}

describe('rules are linear in their input', () => {
  let small: Sized;
  let large: Sized;
  const today = process.env.GOVCLOUD_TODAY;
  beforeAll(() => {
    process.env.GOVCLOUD_TODAY = BENCH_TODAY;
    small = measure(60);
    large = measure(240);
  }, 240_000);
  afterAll(() => {
    if (today === undefined) delete process.env.GOVCLOUD_TODAY;
    else process.env.GOVCLOUD_TODAY = today;
  });

  it('the larger city is about four times the smaller one', () => {
    expect(large.tenants / small.tenants).toBe(4);
    expect(large.resources / small.resources).toBeGreaterThan(3);
  });

  it.each(RULES.map((r) => [r.id]))('%s reads no more than in proportion to the resources', (id) => {
    const grown = large.resources / small.resources;
    const before = small.reads.get(id) ?? 0;
    const after = large.reads.get(id) ?? 0;
    // every rule reads something of every tenant or platform it judges
    expect(after).toBeGreaterThan(0);
    // linear: the reads grow like the input (a fixed part per cluster makes them grow less); quadratic: like its square
    expect(after / Math.max(before, 1)).toBeLessThanOrEqual(grown * 1.5);
  });
});
