/**
 * `govcloud synth` with the cache, through the compiled CLI and its worker processes: the second run
 * takes every stack from the cache, says so, and writes the same bytes.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_CITY, readTree, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
// the cache's signing secret of these runs, not the user's
const CONFIG = path.join(tmpDir('cli-synth-cache-config'), 'config');

function synth(out: string, cache: string) {
  const r = spawnSync(process.execPath, [CLI, 'synth', '--env', EXAMPLE_CITY, '--out', out, '--lang', 'en'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, GOVCLOUD_CACHE: cache, XDG_CONFIG_HOME: CONFIG },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('govcloud synth with the cache', () => {
  const tmp = tmpDir('cli-synth-cache');
  const cache = path.join(tmp, 'cache');
  const off = synth(path.join(tmp, 'off'), 'off');
  const cold = synth(path.join(tmp, 'cold'), cache);
  const warm = synth(path.join(tmp, 'warm'), cache);

  it('builds every stack cold and none warm, and says how many came from the cache', () => {
    for (const r of [off, cold, warm]) expect(r.code).toBe(0);
    const count = Number(/Synthesized (\d+) stacks/.exec(warm.out)?.[1]);
    expect(count).toBeGreaterThan(40);
    expect(off.out).toMatch(/; 0 unchanged, from the cache\)/);
    expect(cold.out).toMatch(/; 0 unchanged, from the cache\)/);
    expect(warm.out).toContain(`; ${count} unchanged, from the cache)`);
  });

  it('writes the same bytes cold, warm and without the cache', () => {
    const expected = readTree(path.join(tmp, 'off'));
    for (const run of ['cold', 'warm']) {
      const got = readTree(path.join(tmp, run));
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [f, bytes] of expected) expect([run, f, got.get(f)?.equals(bytes)]).toEqual([run, f, true]);
    }
  });

  it('warns once, and builds again, when cache entries were rewritten with consistent meta files', () => {
    const dir = path.join(cache, 'synth');
    const metas = fs.readdirSync(dir).flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d))
        .filter((f) => f.endsWith('.meta.json'))
        .map((f) => path.join(dir, d, f)),
    );
    for (const meta of metas.slice(0, 3)) {
      const text = fs.readFileSync(meta.replace(/\.meta\.json$/, '.tf.json'), 'utf8').replace('"resource"', '"resourcX"');
      fs.writeFileSync(meta.replace(/\.meta\.json$/, '.tf.json'), text);
      const m = JSON.parse(fs.readFileSync(meta, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(meta, JSON.stringify({ ...m, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') }));
    }
    const forged = synth(path.join(tmp, 'forged'), cache);
    expect(forged.code).toBe(0);
    const warnings = forged.err.split('\n').filter((l) => l.startsWith('warning: synth cache entry'));
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain('cannot be verified');
    expect(warnings[0]).toContain('(3 such entries this run)');
    const expected = readTree(path.join(tmp, 'off'));
    const got = readTree(path.join(tmp, 'forged'));
    for (const [f, bytes] of expected) expect([f, got.get(f)?.equals(bytes)]).toEqual([f, true]);
  });
});
