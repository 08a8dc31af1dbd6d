/**
 * What every e2e test file shares: the run folder, the topology started by the global setup, the
 * fixture repository (a git copy of the example city with PostgreSQL state), and `govcloud` run as a
 * user runs it, from that repository, with one network's credentials per stack.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ClusterInfo, kubeFor, Network, Topology } from './topology';
import { Kube } from './kube';
import { validateEnvironment } from '../../../config/validate';
import { CityModel } from '../../../config/model';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
export const ENV = 'environments/example-city';

export function runDir(): string {
  const run = process.env.GOVCLOUD_E2E_RUN;
  if (!run) throw new Error('GOVCLOUD_E2E_RUN is not set: run the suite with npm run test:e2e');
  return run;
}

export function topology(): Topology {
  return JSON.parse(fs.readFileSync(path.join(runDir(), 'topology.json'), 'utf8')) as Topology;
}

/** The fixture repository the suite deploys from. */
export function repoDir(): string {
  return path.join(runDir(), 'repo');
}

export function outDir(): string {
  return path.join(repoDir(), 'cdktf.out');
}

export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repoDir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The model of the fixture repository as it is now. */
export function model(): CityModel {
  const r = validateEnvironment(path.join(repoDir(), ENV));
  if (!r.model) throw new Error(`the e2e city does not validate: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.model;
}

export function engineEnv(top: Topology = topology()): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(top.parts.GOVCLOUD_TOFU)}${path.delimiter}${process.env.PATH ?? ''}`,
    TF_CLI_CONFIG_FILE: top.parts.TF_CLI_CONFIG_FILE,
    TF_PLUGIN_CACHE_DIR: path.join(top.run, 'plugin-cache'),
    KUBE_CONFIG_PATH_EXTRANET: top.kubeconfig.extranet,
    KUBE_CONFIG_PATH_INTRANET: top.kubeconfig.intranet,
    PG_CONN_STR_EXTRANET: top.pg.conn.extranet,
    PG_CONN_STR_INTRANET: top.pg.conn.intranet,
    LANG: 'C',
    LC_ALL: 'C',
  };
}

export interface CliResult {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** `govcloud ARGS` in the fixture repository. */
export function govcloud(args: readonly string[], env: NodeJS.ProcessEnv = engineEnv()): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: repoDir(), env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `govcloud ARGS` started in its own process group (so a test can kill it and its engine). */
export function govcloudAsync(args: readonly string[], env: NodeJS.ProcessEnv = engineEnv()): { pid: number; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: repoDir(), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { pid: child.pid ?? -1, done };
}

export interface RunRow {
  readonly stack: string;
  readonly network: string;
  readonly status: string;
  readonly summary: string;
}

/** The table `govcloud plan` / `apply` print, as rows. */
export function rows(out: string): RunRow[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => /^stack +network +status +seconds +summary$/.test(l));
  if (start < 0) return [];
  const result: RunRow[] = [];
  for (const l of lines.slice(start + 1)) {
    const m = /^(\S+) +(extranet|intranet) +(no changes|changes|applied|failed|skipped) +[\d.]+ +(.*)$/.exec(l);
    if (m) result.push({ stack: m[1], network: m[2], status: m[3], summary: m[4] });
  }
  return result;
}

export function kubes(top: Topology = topology()): Map<string, Kube> {
  return new Map(top.clusters.map((c: ClusterInfo) => [c.name, kubeFor(c)]));
}

export function clustersOf(network: Network, top: Topology = topology()): ClusterInfo[] {
  return top.clusters.filter((c) => c.network === network);
}

/** Commits everything in the fixture repository. */
export function commitAll(message: string): string {
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
  return git('rev-parse', 'HEAD').trim();
}

/** The tenant file of `name` in the fixture repository. */
export function tenantFile(county: string, name: string): string {
  return path.join(repoDir(), ENV, 'tenants', county, `${name}.yaml`);
}

/** A namespace's objects of one kind on a cluster, by name. */
export async function namesIn(kube: Kube, listPath: string): Promise<string[]> {
  return (await kube.list(listPath)).map((o: { metadata: { name: string } }) => o.metadata.name).sort();
}

/** Fails with the engine logs of the failed stacks, so a CI log shows why. */
export function explain(r: CliResult): string {
  const failed = rows(r.out).filter((x) => x.status === 'failed' || x.status === 'skipped');
  const logs = failed.map((f) => {
    const dir = path.join(outDir(), f.network, 'stacks', f.stack);
    const log = ['govcloud-apply.log', 'govcloud-plan.log'].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
    return log ? `--- ${log}\n${fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')}` : '';
  });
  return `exit ${r.code}\n${r.out}\n${r.err}\n${logs.join('\n')}`;
}
