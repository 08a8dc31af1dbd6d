/**
 * A synth killed while it publishes leaves the previous output whole (issue 21, item 6): the output
 * is entirely the previous synth's or entirely the new one's, never a mix of two inputs, and the
 * staging folder the killed synth leaves is removed by the next one. Through the compiled CLI: the
 * synth is paused just before its switch (a test hook), killed with SIGKILL, and the output compared.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PAUSE_ENV } from '../../stacks/publish';
import { EXAMPLE_CITY, readTree, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const REQUEST = path.join('tenants', 'baiyun', 'county-medical-alliance.yaml');

const args = (env: string, out: string) => [CLI, 'synth', '--env', env, '--out', out, '--lang', 'en', '--quiet'];

function synth(env: string, out: string, extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args(env, out), { cwd: REPO, encoding: 'utf8', env: { ...process.env, GOVCLOUD_CACHE: 'off', ...extra } });
  return { code: r.status, err: r.stderr };
}

/** Starts a synth that stops just before its switch, and kills it there. */
async function killedAtSwitch(env: string, out: string, marker: string): Promise<void> {
  const child = spawn(process.execPath, args(env, out), { cwd: REPO, stdio: 'ignore', env: { ...process.env, GOVCLOUD_CACHE: 'off', [PAUSE_ENV]: marker } });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (let waited = 0; !fs.existsSync(marker); waited += 100) {
    if (waited > 240_000) throw new Error('the synth never reached its switch');
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

const same = (a: Map<string, Buffer>, b: Map<string, Buffer>) => a.size === b.size && [...a].every(([f, bytes]) => b.get(f)?.equals(bytes) === true);

describe('a synth killed while publishing', () => {
  const tmp = tmpDir('interrupted');
  const env = path.join(tmp, 'env');
  const out = path.join(tmp, 'out');
  fs.cpSync(EXAMPLE_CITY, env, { recursive: true });

  it('leaves the previous output entirely as it was, and the next synth removes its staging folder', async () => {
    expect(synth(env, out).code).toBe(0);
    const old = readTree(out);
    // a new input that changes some stacks
    const request = path.join(env, REQUEST);
    fs.writeFileSync(request, fs.readFileSync(request, 'utf8').replace('pods: 150', 'pods: 151'));
    expect(synth(env, path.join(tmp, 'expected')).code).toBe(0);
    const next = readTree(path.join(tmp, 'expected'));
    expect(same(old, next)).toBe(false);

    await killedAtSwitch(env, out, path.join(tmp, 'paused'));
    expect(same(readTree(out), old)).toBe(true);
    const left = fs.readdirSync(tmp).filter((n) => n.startsWith('out.staging-'));
    expect(left.length).toBe(1);

    expect(synth(env, out).code).toBe(0);
    expect(same(readTree(out), next)).toBe(true);
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('out.'))).toEqual([]);
  }, 600_000);
});
