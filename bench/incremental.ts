/**
 * The changes the bench makes to a synthesized city, to time what a day's work costs after the first
 * full run: one tenant's quota raised (validate, synth, check again, all stacks or only the tenant's),
 * and a pull request raising the quota of two tenants of one department (`govcloud pr`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { departmentStackName } from '../stacks/slices';
import { BenchCity, BenchTenant } from './city';
import { clustersOf } from './generate';

/**
 * The tenant the incremental case changes: an extranet hot-standby system (it has a primary stack and
 * two replica stacks) of a county department with at least four systems, near the middle of the city.
 */
export function tenantToChange(city: BenchCity): BenchTenant {
  const fits = (t: BenchTenant) =>
    t.network === 'extranet' &&
    t.tier === 'hot-standby' &&
    !t.hub &&
    t.county !== 'city' &&
    (city.departments.get(`${t.county}/${t.department.code}`)?.length ?? 0) >= 4;
  const list = city.tenants.filter(fits);
  const t = list[Math.floor(list.length / 2)] ?? city.tenants.find((x) => x.network === 'extranet') ?? city.tenants[0];
  return t;
}

/** The department stacks holding the tenant: its primary cluster's and its replicas' clusters'. */
export function stacksOf(t: BenchTenant): string[] {
  const where = clustersOf(t);
  return [where.primary, ...where.replicas.map((r) => r.cluster)].map((c) => departmentStackName(t.county, t.department.code, c));
}

/** Rewrites the tenant's request file with `cpu` as its quota's cpu. */
export function setCpu(envDir: string, t: BenchTenant, cpu: number): void {
  const file = path.join(envDir, 'tenants', t.county, `${t.name}.yaml`);
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(/quota: \{ cpu: "\d+"/, `quota: { cpu: "${cpu}"`);
  if (next === text) throw new Error(`bench: no quota line to change in ${file}`);
  fs.writeFileSync(file, next);
}

/** Two extranet systems of one department (the changed tenant's), for the pull-request case. */
export function departmentToChange(city: BenchCity, around: BenchTenant): BenchTenant[] {
  const list = (city.departments.get(`${around.county}/${around.department.code}`) ?? []).filter((t) => t.network === 'extranet');
  return list.slice(0, 2);
}

const git = (dir: string, args: readonly string[]) =>
  execFileSync('git', ['-c', 'user.name=govcloud bench', '-c', 'user.email=bench@bench.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });

/** Makes the environment folder a git repository with everything committed (the pull request's base). */
export function commitAll(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'bench city']);
}
