/**
 * The synth cache: a hit writes the very bytes a build writes; a change rebuilds only the stacks whose
 * slice (or the other network's markers) changed; a damaged entry is a miss; `off` writes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthesizedStack } from '../../stacks/synth';
import { cacheDir, PRUNE_DAYS, pruneCache } from '../../stacks/synth-cache';
import { REPO, readTree, tmpDir, withCache } from '../helpers/env';

const model = validateEnvironment(path.join(REPO, 'environments', 'example-city')).model as CityModel;

const synth = (m: CityModel, out: string): SynthesizedStack[] => synthesize(m, { outDir: out, repoRoot: REPO });
const built = (r: SynthesizedStack[]) => r.filter((s) => !s.cached).map((s) => s.name);

describe('synth cache', () => {
  const tmp = tmpDir('synth-cache');
  const cache = path.join(tmp, 'cache');
  const plain = synth(model, path.join(tmp, 'plain')); // GOVCLOUD_CACHE=off (test/setup.ts)
  const first = withCache(cache, () => synth(model, path.join(tmp, 'first')));
  const second = withCache(cache, () => synth(model, path.join(tmp, 'second')));

  it('builds every stack the first time and takes every stack from the cache the second time', () => {
    expect(plain.every((s) => !s.cached)).toBe(true);
    expect(built(first)).toEqual(first.map((s) => s.name));
    expect(built(second)).toEqual([]);
    expect(second.map((s) => [s.name, s.resources, s.bytes])).toEqual(plain.map((s) => [s.name, s.resources, s.bytes]));
  });

  it('writes byte-identical output from the cache', () => {
    const expected = readTree(path.join(tmp, 'plain'));
    for (const out of ['first', 'second']) {
      const got = readTree(path.join(tmp, out));
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [f, bytes] of expected) expect([out, f, got.get(f)?.equals(bytes)]).toEqual([out, f, true]);
    }
  });

  it('rebuilds only the stacks of what changed, and the output is what a build gives', () => {
    const t = model.tenants.find((x) => x.name === 'hotline-12345');
    if (!t) throw new Error('no hotline-12345 in the example city');
    const changed: CityModel = { ...model, tenants: model.tenants.map((x) => (x === t ? { ...x, quotaText: { ...x.quotaText, pods: 77 } } : x)) };
    const again = withCache(cache, () => synth(changed, path.join(tmp, 'changed')));
    const own = [t.cluster, ...t.replicas.map((r) => r.cluster)].map((c) => `dept-${t.county}-${t.department}-${c}`).sort();
    expect(built(again).sort()).toEqual(own);
    const fresh = synth(changed, path.join(tmp, 'changed-plain'));
    expect(fresh.map((s) => s.bytes)).toEqual(again.map((s) => s.bytes));
    const expected = readTree(path.join(tmp, 'changed-plain'));
    const got = readTree(path.join(tmp, 'changed'));
    for (const [f, bytes] of expected) expect([f, got.get(f)?.equals(bytes)]).toEqual([f, true]);
  });

  it('takes a damaged entry for a miss and builds the stack again', () => {
    const dir = cacheDir({ GOVCLOUD_CACHE: cache }) as string;
    const entries = fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)));
    const texts = entries.filter((f) => f.endsWith('.tf.json'));
    for (const f of texts) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"resource"', '"resourcX"'));
    const third = withCache(cache, () => synth(model, path.join(tmp, 'third')));
    expect(built(third)).toEqual(third.map((s) => s.name));
    const expected = readTree(path.join(tmp, 'plain'));
    const got = readTree(path.join(tmp, 'third'));
    for (const [f, bytes] of expected) expect([f, got.get(f)?.equals(bytes)]).toEqual([f, true]);
  });

  it('is off with GOVCLOUD_CACHE=off and elsewhere by default', () => {
    expect(cacheDir({ GOVCLOUD_CACHE: 'off' })).toBeUndefined();
    expect(cacheDir({ GOVCLOUD_CACHE: '/x/y' })).toBe(path.join('/x/y', 'synth'));
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'govcloud', 'synth'));
    // a city the cache has never seen: with the cache on, it would add entries
    const dir = cacheDir({ GOVCLOUD_CACHE: cache }) as string;
    const count = () => fs.readdirSync(dir).reduce((n, d) => n + fs.readdirSync(path.join(dir, d)).length, 0);
    const before = count();
    const renamed: CityModel = { ...model, tenants: model.tenants.map((x) => ({ ...x, displayName: `${x.displayName} 2` })) };
    const off = withCache('off', () => synth(renamed, path.join(tmp, 'off')));
    expect(off.every((s) => !s.cached)).toBe(true);
    expect(count()).toBe(before);
    withCache(cache, () => synth(renamed, path.join(tmp, 'on')));
    expect(count()).toBeGreaterThan(before);
  });

  it('removes entries unused for PRUNE_DAYS at the end of a synth, and keeps those just used', () => {
    const dir = cacheDir({ GOVCLOUD_CACHE: cache }) as string;
    const metas = () =>
      fs.readdirSync(dir).flatMap((d) =>
        fs
          .readdirSync(path.join(dir, d))
          .filter((f) => f.endsWith('.meta.json'))
          .map((f) => path.join(dir, d, f)),
      );
    const all = metas();
    const old = new Date(Date.now() - (PRUNE_DAYS + 1) * 86_400_000);
    for (const f of all) fs.utimesSync(f, old, old);
    // this synth uses the example city's entries: they are kept, every other one goes
    const used = withCache(cache, () => synth(model, path.join(tmp, 'prune')));
    expect(built(used)).toEqual([]);
    const left = metas();
    expect(left.length).toBe(used.length);
    for (const f of left) expect(fs.existsSync(f.replace(/\.meta\.json$/, '.tf.json'))).toBe(true);
    expect(all.length).toBeGreaterThan(left.length);
    expect(pruneCache(dir, PRUNE_DAYS)).toBe(0);
    expect(pruneCache(dir, 0, Date.now() + 1000)).toBe(left.length);
  });
});
