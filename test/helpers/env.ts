/** Test helpers: temporary environment folders made from the fixtures. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { updatePools, writePools } from '../../workflow/pools';

export const REPO = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'config');
export const EXAMPLE_CITY = path.join(REPO, 'environments', 'example-city');

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `govcloud-${prefix}-`));
}

/** Copies the base fixture city into `<tmp>/case`, then lays the named case's files over it. */
export function caseEnv(name: string | undefined, tmp: string = tmpDir('case')): string {
  const dir = path.join(tmp, 'case');
  fs.cpSync(path.join(FIXTURES, 'base'), dir, { recursive: true });
  if (name !== undefined) fs.cpSync(path.join(FIXTURES, 'cases', name), dir, { recursive: true });
  return dir;
}

/** Lists every file under a folder with its bytes, keyed by relative path. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** A git repository whose one commit holds the base fixture city under `env/`: a merge request's target. */
export function baseRepo(prefix: string): string {
  const dir = tmpDir(prefix);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'ci@example.gov.cn');
  git('config', 'user.name', 'ci');
  fs.cpSync(path.join(FIXTURES, 'base'), path.join(dir, 'env'), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'base');
  return dir;
}

/** Runs with GOVCLOUD_CACHE set to `dir` (tests keep the synth cache off otherwise, test/setup.ts). */
export function withCache<T>(dir: string, run: () => T): T {
  const before = process.env.GOVCLOUD_CACHE;
  process.env.GOVCLOUD_CACHE = dir;
  try {
    return run();
  } finally {
    process.env.GOVCLOUD_CACHE = before;
  }
}

/** Brings a city's address-pools.yaml up to date, as `govcloud pools --write` does after a request file is written by hand. */
export function allocatePools(envDir: string): void {
  const update = updatePools(envDir);
  if (!update.ok) throw new Error(`allocatePools: ${envDir} has errors that stop the allocation`);
  writePools(update);
}
