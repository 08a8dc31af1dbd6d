/**
 * Synth with the default workers starts worker processes only when there is enough to build: a
 * change of a few stacks of a large city is built in the one process (starting a worker, which loads
 * cdktf and the provider bindings and reads the model, costs more than those stacks), the whole city
 * still goes to workers, and --workers N is obeyed as given.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BENCH_TODAY, generateCity } from '../../bench/generate';
import { validateEnvironment } from '../../config/validate';
import { planStacks } from '../../stacks/slices';
import { readTree, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

/** How many processes a synth started, and its exit code. */
function synthProcesses(args: string[], cache = 'off'): { code: number | null; spawned: number; out: string } {
  const dir = tmpDir('synth-workers-hook');
  const hook = path.join(dir, 'hook.js');
  const count = path.join(dir, 'count.txt');
  fs.writeFileSync(
    hook,
    [
      "const cp = require('child_process');",
      'const spawn = cp.spawn;',
      'let n = 0;',
      'cp.spawn = function () { n++; return spawn.apply(this, arguments); };',
      "process.on('exit', () => require('fs').writeFileSync(process.env.SPAWN_COUNT, String(n)));",
    ].join('\n'),
  );
  const r = spawnSync(process.execPath, ['--require', hook, CLI, 'synth', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, SPAWN_COUNT: count, GOVCLOUD_CACHE: cache, GOVCLOUD_TODAY: BENCH_TODAY },
  });
  return { code: r.status, spawned: fs.existsSync(count) ? Number(fs.readFileSync(count, 'utf8')) : -1, out: r.stdout };
}

let env: string;
let stack: string;
let other: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first');
  env = path.join(tmpDir('synth-workers'), 'env');
  generateCity(env, 600);
  const model = validateEnvironment(env).model;
  if (!model) throw new Error('bench city invalid');
  [stack, other] = planStacks(model)
    .filter((s) => s.kind === 'department')
    .map((s) => s.name);
}, 60_000);

describe('synth workers', () => {
  it('builds a few stacks of a 600-tenant city in its own process', () => {
    const r = synthProcesses(['--env', env, '--out', path.join(tmpDir('synth-workers-out'), 'out'), '--stack', stack]);
    expect(r).toMatchObject({ code: 0, spawned: 0 });
  });

  it('hands the whole city to workers', () => {
    const r = synthProcesses(['--env', env, '--out', path.join(tmpDir('synth-workers-out'), 'out')]);
    expect(r.code).toBe(0);
    expect(r.spawned).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('obeys --workers for a few stacks', () => {
    const r = synthProcesses(['--env', env, '--out', path.join(tmpDir('synth-workers-out'), 'out'), '--workers', '2', '--stack', stack, '--stack', other]);
    // this process builds one share, one worker the other
    expect(r).toMatchObject({ code: 0, spawned: 1 });
  });

  it('starts no worker for a city synthesized into the same output before, and writes the same bytes', () => {
    const tmp = tmpDir('synth-workers-again');
    const out = path.join(tmp, 'out');
    const cache = path.join(tmp, 'cache');
    const first = synthProcesses(['--env', env, '--out', out], cache);
    expect(first.code).toBe(0);
    expect(first.spawned).toBeGreaterThanOrEqual(1);
    const before = readTree(out);
    const again = synthProcesses(['--env', env, '--out', out], cache);
    expect(again).toMatchObject({ code: 0, spawned: 0 });
    const count = Number(/Synthesized (\d+) stacks/.exec(again.out)?.[1]);
    // department stacks left as they were, platform stacks copied from the cache
    expect(again.out).toContain(`; ${count} unchanged, from the cache)`);
    const after = readTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [f, bytes] of before) expect([f, after.get(f)?.equals(bytes)]).toEqual([f, true]);
  }, 120_000);
});
