/**
 * The per-stack jobs a CI template runs for one change, whichever way it fans out: GitLab's stacks
 * job writes a child pipeline (run here, then read with its included jobs resolved); GitHub's
 * stacks jobs feed the matrices (the job graph decided by githubRun). Each entry is one job run on
 * one runner: the job, and the env its commands see (GOVCLOUD_STACK and GOVCLOUD_NETWORK included).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO } from './env';
import { githubJobs, gitlabJobs, Job, Loose, readYaml, resolveGitlab, runsVerb } from './ci-jobs';
import { CITY, fill, githubRun, GithubRun, govcloud, stepEnv } from './ci-run';

export interface StackJob {
  readonly job: Job;
  /** GitHub: the matrix entry; GitLab: the job's variables. */
  readonly env: Record<string, string>;
}

export interface Fanout {
  /** Plan and apply jobs of single stacks, in the order they were found. */
  readonly runs: StackJob[];
  /** GitLab: the child pipeline as written, and as GitLab runs it (includes and extends resolved). */
  readonly child?: { readonly text: string; readonly written: Record<string, Loose>; readonly resolved: Record<string, Loose> };
  /** GitHub: every job's result and matrix. */
  readonly graph?: Map<string, GithubRun>;
}

export const VARS = { GOVCLOUD_ENV: CITY, BASE_REF: 'base' };

export function templateJobs(file: string): Job[] {
  const doc = readYaml(path.join(REPO, 'ci', file));
  return file.startsWith('gitlab') ? gitlabJobs(resolveGitlab(doc, REPO)) : githubJobs(doc);
}

/** Runs the template's stacks job(s) in `dir` (a push whose before-SHA is tag `base`) and lists the per-stack jobs. */
export function fanout(file: string, dir: string, results: Record<string, 'success' | 'failure'> = {}): Fanout {
  const jobs = templateJobs(file);
  if (file.startsWith('gitlab')) {
    const stacksJob = jobs.find((j) => runsVerb(j, 'stacks'));
    if (!stacksJob) throw new Error('no job runs govcloud stacks');
    const cmd = stacksJob.commands.find((c) => c.split(/\s+/)[2] === 'stacks')!;
    const r = govcloud(dir, fill(cmd, VARS));
    if (r.code !== 0) throw new Error(`${cmd}: exit ${r.code}: ${r.err}`);
    const out = fill(cmd, VARS)[fill(cmd, VARS).indexOf('--out') + 1];
    const text = fs.readFileSync(path.join(dir, out), 'utf8');
    const written = parse(text) as Record<string, Loose>;
    const resolved = resolveGitlab(written, REPO);
    const runs = gitlabJobs(resolved).map((job) => ({ job, env: { ...VARS, ...job.variables } }));
    return { runs, child: { text, written, resolved } };
  }
  const workflowEnv = (readYaml(path.join(REPO, 'ci', file)).env ?? {}) as Record<string, string>;
  const graph = githubRun(dir, jobs, { before: 'base', env: workflowEnv }, results);
  const runs = jobs
    .filter((j) => j.matrix !== undefined && graph.get(j.name)!.result !== 'skipped')
    .flatMap((job) => graph.get(job.name)!.include.map((entry) => ({ job, env: { ...stepEnv(job, entry, workflowEnv), GOVCLOUD_NETWORK: entry.network } })));
  return { runs, graph };
}

/** The stacks planned (or applied) by a fan-out, with their networks. */
export const stacksOf = (f: Fanout, verb: 'plan' | 'apply'): string[] =>
  f.runs.filter((r) => runsVerb(r.job, verb)).map((r) => `${r.env.GOVCLOUD_STACK} ${r.env.GOVCLOUD_NETWORK}`);
