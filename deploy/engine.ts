/**
 * `govcloud plan` / `govcloud apply`: run Terraform or OpenTofu stack by stack, platform stacks before
 * department stacks, with progress and a final table. Plan saves `tfplan` in each stack folder; apply
 * applies only that saved plan (the plan-and-approve gate: what was reviewed is what runs), and
 * refuses a stack that has none. Each stack's full engine output is streamed to
 * `govcloud-plan.log` / `govcloud-apply.log` next to it (kept also when the run is killed), and the
 * table points to it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DeployError } from './errors';
import { checkStateSeparation, engineEnv, Network } from './engine-env';

export type Engine = 'terraform' | 'tofu';

export interface StackRun {
  readonly stack: string;
  readonly network: Network;
  readonly status: 'no changes' | 'changes' | 'applied' | 'failed' | 'skipped';
  readonly summary: string;
  readonly seconds: number;
  /** The stack's engine log, when the engine ran. */
  readonly log?: string;
}

/** Written next to a saved destroy plan (`plan --destroy`), so apply orders it after the rest, reversed. */
export const DESTROY_MARK = 'tfplan.destroy';

export interface StackDir {
  readonly name: string;
  readonly network: Network;
  readonly dir: string;
}

function onPath(bin: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && fs.existsSync(path.join(d, bin)));
}

/** `--engine`, else terraform, else tofu on PATH. */
export function chooseEngine(flagValue: string | undefined): Engine {
  if (flagValue !== undefined) {
    if (flagValue !== 'terraform' && flagValue !== 'tofu') throw new DeployError(`--engine must be terraform or tofu, got ${JSON.stringify(flagValue)}`);
    if (!onPath(flagValue)) throw new DeployError(`${flagValue} is not on PATH`);
    return flagValue;
  }
  if (onPath('terraform')) return 'terraform';
  if (onPath('tofu')) return 'tofu';
  throw new DeployError('neither terraform nor tofu is on PATH; install one (see README) or pass --engine');
}

/** Stack folders of a synth output in apply order: platform stacks first, then department stacks; extranet, then intranet. */
export function stackOrder(outDir: string, only?: readonly string[]): StackDir[] {
  const found: StackDir[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = path.join(outDir, network, 'stacks');
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (fs.existsSync(path.join(dir, name, 'cdk.tf.json'))) found.push({ name, network, dir: path.join(dir, name) });
    }
  }
  const rank = (n: string) => (n.startsWith('platform-') ? 0 : 1);
  const chosen = only && only.length > 0 ? found.filter((s) => only.includes(s.name)) : found;
  for (const n of only ?? [])
    if (!found.some((s) => s.name === n)) throw new DeployError(`no synthesized stack ${JSON.stringify(n)} in ${outDir} (run govcloud synth first)`);
  return chosen.sort((a, b) => (a.network === b.network ? 0 : a.network === 'extranet' ? -1 : 1) || rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1));
}

/** Stacks of a synth output that hold a saved plan (what `apply --planned` applies). */
export function plannedStacks(outDir: string): StackDir[] {
  return stackOrder(outDir).filter((s) => fs.existsSync(path.join(s.dir, 'tfplan')));
}

/** The state backend a synthesized stack declares (`local`, `pg`, …). */
export function backendOf(dir: string): string {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) as { terraform?: { backend?: Record<string, unknown> } };
    return Object.keys(json.terraform?.backend ?? { local: {} })[0] ?? 'local';
  } catch {
    return 'local';
  }
}

/** Refuses a run before any engine starts when pg state of both networks would share a database. */
export function checkRun(stacks: readonly StackDir[], env: NodeJS.ProcessEnv = process.env): void {
  checkStateSeparation(new Set(stacks.filter((s) => backendOf(s.dir) === 'pg').map((s) => s.network)), env);
}

/** Runs the engine with its output appended to `log`; returns that command's output. */
function run(engine: Engine, args: string[], s: StackDir, log: string): { ok: boolean; code: number | null; out: string } {
  const from = fs.existsSync(log) ? fs.statSync(log).size : 0;
  fs.appendFileSync(log, `### ${new Date().toISOString()} ${engine} ${args.join(' ')}\n`);
  const fd = fs.openSync(log, 'a');
  try {
    const r = spawnSync(engine, args, { cwd: s.dir, stdio: ['ignore', fd, fd], env: engineEnv(s.network) });
    const out = fs.readFileSync(log, 'utf8').slice(from);
    return { ok: r.status === 0, code: r.status, out };
  } finally {
    fs.closeSync(fd);
  }
}

/** The line Terraform/OpenTofu print for a plan or apply, or the first error. */
export function summarize(out: string): string {
  const plan = /Plan: \d+ to add, \d+ to change, \d+ to destroy\./.exec(out);
  if (plan) return plan[0];
  if (/No changes\./.test(out)) return 'No changes.';
  const applied = /(Apply|Destroy) complete! Resources: [^\n]*/.exec(out);
  if (applied) return applied[0];
  const err = /Error: ([^\n]+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
  return err ? `Error: ${err[1].trim()}` : (out.trim().split('\n').slice(-1)[0] ?? '');
}

/** The first error diagnostic of an engine's output, if any. */
export function firstError(out: string): string | undefined {
  const err = /Error: ([^\n]+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
  return err ? `Error: ${err[1].trim()}` : undefined;
}

/** A provider init could not install, with the way to get it, or undefined. */
export function missingProvider(out: string): string | undefined {
  const m =
    /(?:Failed to query available provider packages|Failed to install provider|Incompatible provider version)[\s\S]*?provider[\s│]+([\w.-]+\/)?(hashicorp\/[\w-]+)/.exec(
      out,
    );
  if (!m) return undefined;
  const cache = process.env.GOVCLOUD_CACHE ?? '~/.cache/govcloud';
  return `provider ${m[2]} is not installed (the provider registry is not reachable): build the mirror with \`bash scripts/e2e/parts.sh providers\` and set TF_CLI_CONFIG_FILE=${cache}/terraformrc`;
}

export function planStack(engine: Engine, s: StackDir, opts: { destroy?: boolean } = {}): { status: StackRun['status']; summary: string; log: string } {
  const log = path.join(s.dir, 'govcloud-plan.log');
  fs.writeFileSync(log, '');
  fs.rmSync(path.join(s.dir, 'tfplan'), { force: true });
  fs.rmSync(path.join(s.dir, DESTROY_MARK), { force: true });
  const init = run(engine, ['init', '-input=false', '-no-color'], s, log);
  if (!init.ok) return { status: 'failed', summary: `init: ${missingProvider(init.out) ?? firstError(init.out) ?? summarize(init.out)}`, log };
  const plan = run(engine, ['plan', '-input=false', '-no-color', '-detailed-exitcode', ...(opts.destroy ? ['-destroy'] : []), '-out=tfplan'], s, log);
  // -detailed-exitcode: 0 = no changes, 2 = changes present, 1 = error (which may follow a "Plan:" line)
  if (plan.code === 0 || plan.code === 2) {
    if (opts.destroy)
      fs.writeFileSync(path.join(s.dir, DESTROY_MARK), "this stack's saved plan destroys it: apply runs it after the others, in reverse order\n");
    return { status: plan.code === 0 ? 'no changes' : 'changes', summary: summarize(plan.out), log };
  }
  fs.rmSync(path.join(s.dir, 'tfplan'), { force: true });
  return { status: 'failed', summary: `plan: ${firstError(plan.out) ?? summarize(plan.out)}`, log };
}

export function applyStack(engine: Engine, s: StackDir): { status: StackRun['status']; summary: string; log?: string } {
  if (!fs.existsSync(path.join(s.dir, 'tfplan'))) return { status: 'skipped', summary: 'no saved plan: run govcloud plan for this stack and review it first' };
  const log = path.join(s.dir, 'govcloud-apply.log');
  fs.writeFileSync(log, '');
  const apply = run(engine, ['apply', '-input=false', '-no-color', 'tfplan'], s, log);
  fs.rmSync(path.join(s.dir, 'tfplan'), { force: true });
  fs.rmSync(path.join(s.dir, DESTROY_MARK), { force: true });
  return apply.ok
    ? { status: 'applied', summary: summarize(apply.out), log }
    : { status: 'failed', summary: `apply: ${firstError(apply.out) ?? summarize(apply.out)}`, log };
}

/** Drops every saved plan under `outDir` (of one network, if given): a new plan run replaces the last one whole. */
export function clearSavedPlans(outDir: string, network?: Network): number {
  let n = 0;
  for (const s of stackOrder(outDir)) {
    if (network !== undefined && s.network !== network) continue;
    if (fs.existsSync(path.join(s.dir, 'tfplan'))) n++;
    fs.rmSync(path.join(s.dir, 'tfplan'), { force: true });
    fs.rmSync(path.join(s.dir, DESTROY_MARK), { force: true });
  }
  return n;
}

export function runStacks(
  kind: 'plan' | 'apply',
  engine: Engine,
  stacks: readonly StackDir[],
  progress: (line: string) => void,
  opts: { destroy?: boolean } = {},
): StackRun[] {
  const out: StackRun[] = [];
  // a destroy goes the other way: department stacks before the platform stacks they depend on
  const destroying = (s: StackDir) => (kind === 'plan' ? opts.destroy === true : fs.existsSync(path.join(s.dir, DESTROY_MARK)));
  const ordered = [...stacks.filter((s) => !destroying(s)), ...stacks.filter(destroying).reverse()];
  ordered.forEach((s, i) => {
    const started = Date.now();
    progress(`[${i + 1}/${ordered.length}] ${engine} ${kind}${opts.destroy ? ' -destroy' : ''} ${s.network}/${s.name}`);
    // a failed platform stack stops the department stacks that depend on it
    const blocked =
      !destroying(s) && out.some((r) => r.status === 'failed' && r.network === s.network && r.stack.startsWith('platform-')) && !s.name.startsWith('platform-');
    const r = blocked
      ? { status: 'skipped' as const, summary: 'a platform stack of this network failed' }
      : kind === 'plan'
        ? planStack(engine, s, opts)
        : applyStack(engine, s);
    out.push({ stack: s.name, network: s.network, ...r, seconds: (Date.now() - started) / 1000 });
  });
  return out;
}

export function renderRuns(runs: readonly StackRun[]): string {
  const w = Math.max(5, ...runs.map((r) => r.stack.length));
  const lines = [`${'stack'.padEnd(w)}  network   status      seconds  summary`];
  for (const r of runs) {
    lines.push(`${r.stack.padEnd(w)}  ${r.network.padEnd(8)}  ${r.status.padEnd(10)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.summary}`);
    if (r.status === 'failed' && r.log) lines.push(`${' '.repeat(w)}  full log: ${r.log}`);
  }
  const logs = runs.filter((r) => r.log).map((r) => path.basename(r.log ?? ''));
  if (logs.length > 0) lines.push(`engine logs: ${[...new Set(logs)].join(', ')} in each stack folder`);
  return lines.join('\n');
}
