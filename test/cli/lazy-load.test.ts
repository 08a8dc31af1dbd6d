/**
 * Commands load only what they use: judging a synth output, validating and listing stacks never
 * load cdktf or the provider bindings (about half a second of start-up each), while a check that
 * synthesizes in memory does. The compiled CLI runs in a child process with a hook that records
 * every module it loads.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLE_CITY, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

/** The files under node_modules/cdktf and node_modules/@cdktf that a command loaded, and its exit code. */
function loaded(args: string[]): { code: number | null; cdktf: string[] } {
  const hook = [
    "const Module = require('module');",
    'const load = Module._load;',
    'const seen = new Set();',
    'Module._load = function (request, parent, isMain) { const r = load.apply(this, arguments); try { seen.add(Module._resolveFilename(request, parent, isMain)); } catch {} return r; };',
    "process.on('exit', () => require('fs').writeFileSync(process.env.LOADED_OUT, [...seen].join('\\n')));",
  ].join('\n');
  const dir = tmpDir('lazy-load');
  const hookFile = path.join(dir, 'hook.js');
  fs.writeFileSync(hookFile, hook);
  const list = path.join(dir, 'loaded.txt');
  const r = spawnSync(process.execPath, ['--require', hookFile, CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, LOADED_OUT: list, LANG: 'C' },
  });
  const files = fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split('\n') : [];
  return { code: r.status, cdktf: files.filter((f) => /node_modules[\\/](cdktf|@cdktf)[\\/]/.test(f)) };
}

let synthOut: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first');
  synthOut = path.join(tmpDir('lazy-load'), 'out');
  const r = spawnSync(process.execPath, [CLI, 'synth', '--env', EXAMPLE_CITY, '--out', synthOut], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, GOVCLOUD_CACHE: 'off' },
  });
  expect(r.status).toBe(0);
});

describe('what a command loads', () => {
  it('check --from judges the files synth wrote without loading cdktf or the provider bindings', () => {
    const r = loaded(['check', '--env', EXAMPLE_CITY, '--from', synthOut]);
    expect(r.code).toBe(0);
    expect(r.cdktf).toEqual([]);
  });

  it('validate and stacks load no cdktf either', () => {
    for (const args of [
      ['validate', '--env', EXAMPLE_CITY],
      ['stacks', '--env', EXAMPLE_CITY],
    ]) {
      const r = loaded(args);
      expect(r.code).toBe(0);
      expect(r.cdktf).toEqual([]);
    }
  });

  it('check without --from synthesizes in memory, so it does load cdktf (the hook sees what is loaded)', () => {
    const r = loaded(['check', '--env', EXAMPLE_CITY]);
    expect(r.code).toBe(0);
    expect(r.cdktf.some((f) => /node_modules[\\/]cdktf[\\/]/.test(f))).toBe(true);
    expect(r.cdktf.some((f) => /@cdktf[\\/]provider-kubernetes/.test(f))).toBe(true);
  });
});
