/**
 * `govcloud plan` / `govcloud apply`: run Terraform or OpenTofu stack by stack, platform stacks before
 * county stacks, with progress and a final table. Plan saves `tfplan` in each stack folder; apply
 * applies only that saved plan (the plan-and-approve gate: what was reviewed is what runs), and
 * refuses a stack that has none.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './args';

export type Engine = 'terraform' | 'tofu';

export interface StackRun {
  readonly stack: string;
  readonly network: 'extranet' | 'intranet';
  readonly status: 'no changes' | 'changes' | 'applied' | 'failed' | 'skipped';
  readonly summary: string;
  readonly seconds: number;
}

function onPath(bin: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && fs.existsSync(path.join(d, bin)));
}

/** `--engine`, else terraform, else tofu on PATH. */
export function chooseEngine(flagValue: string | undefined): Engine {
  if (flagValue !== undefined) {
    if (flagValue !== 'terraform' && flagValue !== 'tofu') throw new UsageError(`--engine must be terraform or tofu, got ${JSON.stringify(flagValue)}`);
    if (!onPath(flagValue)) throw new UsageError(`${flagValue} is not on PATH`);
    return flagValue;
  }
  if (onPath('terraform')) return 'terraform';
  if (onPath('tofu')) return 'tofu';
  throw new UsageError('neither terraform nor tofu is on PATH; install one (see README) or pass --engine');
}

/** Stack folders of a synth output in apply order: platform stacks first, then county stacks; extranet, then intranet. */
export function stackOrder(outDir: string, only?: readonly string[]): { name: string; network: 'extranet' | 'intranet'; dir: string }[] {
  const found: { name: string; network: 'extranet' | 'intranet'; dir: string }[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = path.join(outDir, network, 'stacks');
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (fs.existsSync(path.join(dir, name, 'cdk.tf.json'))) found.push({ name, network, dir: path.join(dir, name) });
    }
  }
  const rank = (n: string) => (n.startsWith('platform-') ? 0 : 1);
  const chosen = only && only.length > 0 ? found.filter((s) => only.includes(s.name)) : found;
  for (const n of only ?? []) if (!found.some((s) => s.name === n)) throw new UsageError(`no synthesized stack ${JSON.stringify(n)} in ${outDir} (run govcloud synth first)`);
  return chosen.sort((a, b) => (a.network === b.network ? 0 : a.network === 'extranet' ? -1 : 1) || rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1));
}

function run(engine: Engine, args: string[], cwd: string): { ok: boolean; out: string } {
  const r = spawnSync(engine, args, { cwd, encoding: 'utf8', env: { ...process.env, TF_IN_AUTOMATION: '1' }, maxBuffer: 1 << 28 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** The line Terraform/OpenTofu print for a plan or apply, or the first error. */
export function summarize(out: string): string {
  const plan = /Plan: \d+ to add, \d+ to change, \d+ to destroy\./.exec(out);
  if (plan) return plan[0];
  if (/No changes\./.test(out)) return 'No changes.';
  const applied = /Apply complete! Resources: [^\n]*/.exec(out);
  if (applied) return applied[0];
  const err = /Error: ([^\n]+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
  return err ? `Error: ${err[1].trim()}` : out.trim().split('\n').slice(-1)[0] ?? '';
}

export function planStack(engine: Engine, dir: string): { status: StackRun['status']; summary: string } {
  const init = run(engine, ['init', '-input=false', '-no-color'], dir);
  if (!init.ok) return { status: 'failed', summary: `init: ${summarize(init.out)}` };
  const plan = run(engine, ['plan', '-input=false', '-no-color', '-detailed-exitcode', '-out=tfplan'], dir);
  const text = summarize(plan.out);
  if (plan.ok) return { status: 'no changes', summary: text };
  // -detailed-exitcode: 2 = changes present
  return /Plan: /.test(text) ? { status: 'changes', summary: text } : { status: 'failed', summary: `plan: ${text}` };
}

export function applyStack(engine: Engine, dir: string): { status: StackRun['status']; summary: string } {
  if (!fs.existsSync(path.join(dir, 'tfplan'))) return { status: 'skipped', summary: 'no saved plan: run govcloud plan for this stack and review it first' };
  const apply = run(engine, ['apply', '-input=false', '-no-color', 'tfplan'], dir);
  fs.rmSync(path.join(dir, 'tfplan'), { force: true });
  return apply.ok ? { status: 'applied', summary: summarize(apply.out) } : { status: 'failed', summary: `apply: ${summarize(apply.out)}` };
}

export function runStacks(
  kind: 'plan' | 'apply',
  engine: Engine,
  stacks: readonly { name: string; network: 'extranet' | 'intranet'; dir: string }[],
  progress: (line: string) => void,
): StackRun[] {
  const out: StackRun[] = [];
  stacks.forEach((s, i) => {
    const started = Date.now();
    progress(`[${i + 1}/${stacks.length}] ${engine} ${kind} ${s.network}/${s.name}`);
    // a failed platform stack stops the county stacks that depend on it
    const blocked = out.some((r) => r.status === 'failed' && r.network === s.network && r.stack.startsWith('platform-')) && !s.name.startsWith('platform-');
    const r = blocked ? { status: 'skipped' as const, summary: 'a platform stack of this network failed' } : kind === 'plan' ? planStack(engine, s.dir) : applyStack(engine, s.dir);
    out.push({ stack: s.name, network: s.network, ...r, seconds: (Date.now() - started) / 1000 });
  });
  return out;
}

export function renderRuns(runs: readonly StackRun[]): string {
  const w = Math.max(5, ...runs.map((r) => r.stack.length));
  const lines = [`${'stack'.padEnd(w)}  network   status      seconds  summary`];
  for (const r of runs) lines.push(`${r.stack.padEnd(w)}  ${r.network.padEnd(8)}  ${r.status.padEnd(10)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.summary}`);
  return lines.join('\n');
}
