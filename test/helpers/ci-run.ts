/**
 * Running what the CI templates run, on a fixture city repository: the govcloud commands as written
 * (variables filled in), a GitHub step's shell script with its `$GITHUB_OUTPUT`, and the GitHub job
 * graph decided job by job from each job's `if:` and matrix, as the runner would.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, REPO, tmpDir } from './env';
import { Job } from './ci-jobs';
import { interpolate, jobRuns, Value } from './gh-expr';

export const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
export const CITY = 'environments/example-city';

/** A git repository with the base fixture city at tag `base`, then one commit with `change` applied to the city folder. */
export function fixtureRepo(prefix: string, change: (city: string) => void): string {
  const dir = tmpDir(prefix);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'ci@example.gov.cn');
  git('config', 'user.name', 'ci');
  fs.cpSync(path.join(FIXTURES, 'base'), path.join(dir, CITY), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('tag', 'base');
  change(path.join(dir, CITY));
  git('add', '-A');
  git('commit', '-qm', 'change');
  // an empty provider mirror: plan stops at init and says so, as on a runner without providers
  fs.mkdirSync(path.join(dir, 'no-providers'));
  fs.writeFileSync(path.join(dir, 'tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${path.join(dir, 'no-providers')}"\n  }\n}\n`);
  return dir;
}

/** Edits one file of a fixture city. */
export function edit(city: string, file: string, from: string, to: string): void {
  const f = path.join(city, file);
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not hold ${from}`);
  fs.writeFileSync(f, text.replace(from, to));
}

export const engineEnv = (dir: string): NodeJS.ProcessEnv => ({ ...process.env, TF_CLI_CONFIG_FILE: path.join(dir, 'tfrc'), LANG: 'C' });

/** The arguments of a template's `npx govcloud …` line, its `$VARIABLES` filled in from `vars`. */
export function fill(cmd: string, vars: Record<string, string>): string[] {
  const line = cmd.replace(/\s*\|\|.*$/, '').replace(/"?\$\{?(\w+)\}?"?/g, (whole, name: string) => {
    if (!(name in vars)) throw new Error(`${cmd}: no value for $${name}`);
    return vars[name];
  });
  if (/\$\{\{/.test(line)) throw new Error(`${cmd}: a GitHub expression in a command (pass it through env instead)`);
  return line.split(/\s+/).slice(2);
}

export function govcloud(dir: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: engineEnv(dir) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs a GitHub step's script with bash -e (as `run:` does), `npx govcloud` being this build; returns what it wrote to $GITHUB_OUTPUT. */
export function runStep(dir: string, script: string, env: Record<string, string>): Record<string, string> {
  const out = path.join(tmpDir('gh-output'), 'output');
  fs.writeFileSync(out, '');
  const bin = path.join(tmpDir('gh-bin'), 'govcloud');
  fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  const r = spawnSync('bash', ['-e', '-c', script.replace(/\bnpx govcloud\b/g, JSON.stringify(bin))], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...engineEnv(dir), ...env, GITHUB_OUTPUT: out },
  });
  if (r.status !== 0) throw new Error(`step failed (${r.status}): ${r.stderr}`);
  return parseGithubOutput(fs.readFileSync(out, 'utf8'));
}

/** `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks, as the runner reads $GITHUB_OUTPUT. */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const ls = text.split('\n');
  for (let i = 0; i < ls.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(ls[i]);
    if (heredoc) {
      const end = ls.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`no closing ${heredoc[2]} in $GITHUB_OUTPUT`);
      out[heredoc[1]] = ls.slice(i + 1, end).join('\n');
      i = end;
    } else if (/^[\w-]+=/.test(ls[i])) out[ls[i].slice(0, ls[i].indexOf('='))] = ls[i].slice(ls[i].indexOf('=') + 1);
  }
  return out;
}

export interface GithubRun {
  readonly result: 'success' | 'failure' | 'skipped';
  /** The matrix entries a job ran with (one entry `{}` for a job without a matrix). */
  readonly include: Record<string, string>[];
  readonly outputs: Record<string, string>;
}

/**
 * Decides the GitHub job graph for one push to main whose before-SHA is `before`: each job in
 * `needs` order runs if its `if:` says so; a job running `govcloud stacks` runs its steps for real,
 * with its `env:` evaluated (its outputs feed the matrices); every other job that runs ends as
 * `results` says (default success).
 */
export function githubRun(
  dir: string,
  jobs: readonly Job[],
  opts: { readonly before: string; readonly env: Record<string, string> },
  results: Record<string, 'success' | 'failure'> = {},
): Map<string, GithubRun> {
  const done = new Map<string, GithubRun>();
  const github = { event_name: 'push', event: { before: opts.before } };
  const pending = [...jobs];
  while (pending.length > 0) {
    const i = pending.findIndex((j) => j.needs.every((n) => done.has(n)));
    if (i < 0) throw new Error(`a cycle or an unknown job in needs: ${pending.map((j) => j.name).join(', ')}`);
    const job = pending.splice(i, 1)[0];
    const needs: Record<string, Value> = Object.fromEntries(job.needs.map((n) => [n, { result: done.get(n)!.result, outputs: done.get(n)!.outputs }]));
    const context: Record<string, Value> = { github, needs, secrets: {} };
    if (!jobRuns(job.if, context, { needs: job.needs })) {
      done.set(job.name, { result: 'skipped', include: [], outputs: {} });
      continue;
    }
    const matrix = job.matrix === undefined ? undefined : (interpolate(job.matrix, context) as { include: Record<string, string>[] });
    if (matrix !== undefined && Object.keys(matrix).some((k) => k !== 'include')) throw new Error(`${job.name}: a matrix with more than include`);
    let outputs: Record<string, string> = {};
    if (job.commands.some((c) => c.split(/\s+/)[2] === 'stacks')) {
      const env = { ...opts.env, ...Object.fromEntries(Object.entries(job.variables).map(([k, v]) => [k, String(interpolate(v, context) ?? '')])) };
      const steps: Record<string, Value> = {};
      for (const s of job.steps) if (s.run !== undefined && s.id !== undefined) steps[s.id] = { outputs: runStep(dir, s.run, env) };
      outputs = Object.fromEntries(Object.entries(job.outputs).map(([k, v]) => [k, String(interpolate(v, { ...context, steps }))]));
    }
    done.set(job.name, { result: results[job.name] ?? 'success', include: matrix?.include ?? [{}], outputs });
  }
  return done;
}

/** A job's env for one matrix entry, as its steps see it. */
export function stepEnv(job: Job, entry: Record<string, string>, workflowEnv: Record<string, string>): Record<string, string> {
  const context: Record<string, Value> = { matrix: entry, secrets: {}, github: { event_name: 'push' } };
  return { ...workflowEnv, ...Object.fromEntries(Object.entries(job.variables).map(([k, v]) => [k, String(interpolate(v, context) ?? '')])) };
}
