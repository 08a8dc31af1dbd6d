/**
 * Reading a CI template's job graph for the tests: per job its govcloud commands, needs, artifacts,
 * runners, gate, and (GitHub) its condition, matrix and outputs. GitLab files are read as GitLab
 * reads them: `include: local` files merged in, `default:` applied, `extends` resolved (hashes
 * merged deeply, everything else replaced by the extending job).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CI YAML: the tests read whatever the template holds
export type Loose = any;

/** What the tests need to know about one CI job. */
export interface Job {
  readonly name: string;
  /** Its `npx govcloud ...` lines. */
  readonly commands: string[];
  readonly needs: string[];
  /** Paths it keeps as artifacts (GitHub: upload-artifact paths), each with whether it is kept when the job fails. */
  readonly artifacts: { path: string; always: boolean; name?: string }[];
  /** Artifact names it downloads (GitHub) — GitLab downloads the artifacts of its `needs`. */
  readonly downloads: string[];
  /** Shell lines other than govcloud commands (tar, ls, …). */
  readonly shell: string[];
  readonly manual: boolean;
  readonly environment?: string;
  /** GitLab tags / GitHub runs-on labels. */
  readonly runners: string[];
  /** GitLab job variables / GitHub job env. */
  readonly variables: Record<string, string>;
  /** GitHub: the job's `if:` and `strategy.matrix` (an expression), its outputs and steps. */
  readonly if?: string;
  readonly matrix?: string;
  readonly outputs: Record<string, string>;
  readonly steps: { id?: string; run?: string }[];
  /** GitLab: the stage, and the child pipeline files a trigger job includes. */
  readonly stage?: string;
  readonly trigger?: { artifact?: string; job?: string; local?: string }[];
}

const GITLAB_KEYWORDS = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'services', 'before_script', 'after_script', 'cache']);

export function readYaml(file: string): Record<string, Loose> {
  return parse(fs.readFileSync(file, 'utf8')) as Record<string, Loose>;
}

function lines(v: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') {
      for (const line of x.split('\n')) if (line.trim() !== '') out.push(line.trim());
    } else if (Array.isArray(x)) x.forEach(walk);
  };
  walk(v);
  return out;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const isHash = (v: unknown): v is Record<string, Loose> => v !== null && typeof v === 'object' && !Array.isArray(v);

function deepMerge(a: Loose, b: Loose): Loose {
  if (!isHash(a) || !isHash(b)) return b;
  const out: Record<string, Loose> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

/** A GitLab file as GitLab runs it: includes merged (relative to `root`), extends resolved, default applied; hidden jobs dropped. */
export function resolveGitlab(doc: Record<string, Loose>, root: string): Record<string, Loose> {
  let all: Record<string, Loose> = {};
  for (const inc of (doc.include === undefined ? [] : [doc.include].flat()) as { local?: string }[]) {
    if (typeof inc.local !== 'string') throw new Error(`only include: local is read here, got ${JSON.stringify(inc)}`);
    all = { ...all, ...readYaml(path.join(root, inc.local)) };
  }
  all = { ...all, ...doc };
  const resolve = (name: string, depth: number): Record<string, Loose> => {
    if (depth > 11) throw new Error(`extends nested too deeply at ${name}`);
    const job = all[name] as Record<string, Loose> | undefined;
    if (!job) throw new Error(`extends names a job that does not exist: ${name}`);
    let base: Record<string, Loose> = {};
    for (const parent of list(job.extends)) base = deepMerge(base, resolve(parent, depth + 1));
    const own = Object.fromEntries(Object.entries(job).filter(([k]) => k !== 'extends'));
    return deepMerge(base, own) as Record<string, Loose>;
  };
  const out: Record<string, Loose> = {};
  for (const [name, v] of Object.entries(all)) {
    if (name === 'include') continue;
    if (GITLAB_KEYWORDS.has(name)) out[name] = v;
    else if (!name.startsWith('.')) out[name] = { ...(all.default ?? {}), ...resolve(name, 0) };
  }
  return out;
}

export function gitlabJobs(doc: Record<string, Loose>): Job[] {
  return Object.entries(doc)
    .filter(([name]) => !name.startsWith('.') && !GITLAB_KEYWORDS.has(name))
    .map(([name, j]) => {
      const ls = lines([j.before_script, j.script]);
      const rules = (j.rules ?? []) as Record<string, unknown>[];
      const manual =
        (j.when === 'manual' && j.allow_failure === false) || rules.some((r) => r.when === 'manual' && (r.allow_failure ?? j.allow_failure) === false);
      const needs = (j.needs ?? []) as (string | { job: string; artifacts?: boolean })[];
      return {
        name,
        commands: ls.filter((l) => l.startsWith('npx govcloud ')),
        shell: ls.filter((l) => !l.startsWith('npx govcloud ')),
        needs: needs.map((n) => (typeof n === 'string' ? n : n.job)),
        downloads: needs.filter((n) => typeof n === 'string' || n.artifacts !== false).map((n) => (typeof n === 'string' ? n : n.job)),
        artifacts: list(j.artifacts?.paths).map((p) => ({ path: p, always: j.artifacts?.when === 'always' })),
        manual,
        environment: typeof j.environment === 'string' ? j.environment : j.environment?.name,
        runners: list(j.tags),
        variables: (j.variables ?? {}) as Record<string, string>,
        outputs: {},
        steps: [],
        stage: j.stage as string | undefined,
        trigger: j.trigger ? [j.trigger.include].flat() : undefined,
      };
    });
}

export function githubJobs(doc: Record<string, Loose>): Job[] {
  return Object.entries(doc.jobs as Record<string, Loose>).map(([name, j]) => {
    const steps = (j.steps ?? []) as Record<string, Loose>[];
    const ls = lines(steps.map((s) => s.run));
    const uses = (action: string) => steps.filter((s) => typeof s.uses === 'string' && s.uses.startsWith(`${action}@`));
    return {
      name,
      commands: ls.filter((l) => l.startsWith('npx govcloud ')),
      shell: ls.filter((l) => !l.startsWith('npx govcloud ')),
      needs: list(j.needs),
      downloads: uses('actions/download-artifact').map((s) => String(s.with?.name)),
      artifacts: uses('actions/upload-artifact').flatMap((s) =>
        list(s.with?.path)
          .flatMap((p) => p.split('\n'))
          .filter((p) => p.trim() !== '')
          .map((p) => ({ path: p.trim(), always: /always\(\)/.test(String(s.if ?? '')), name: String(s.with?.name) })),
      ),
      manual: false,
      environment: typeof j.environment === 'string' ? j.environment : j.environment?.name,
      runners: list(j['runs-on']),
      variables: (j.env ?? {}) as Record<string, string>,
      if: j.if === undefined ? undefined : String(j.if),
      matrix: typeof j.strategy?.matrix === 'string' ? j.strategy.matrix : undefined,
      outputs: (j.outputs ?? {}) as Record<string, string>,
      steps: steps.map((s) => ({ id: s.id as string | undefined, run: s.run as string | undefined })),
    };
  });
}

export const runsVerb = (j: Job, verb: string): boolean => j.commands.some((c) => c.split(/\s+/)[2] === verb);
export const networkOf = (cmd: string): string | undefined => /--network (\w+)/.exec(cmd)?.[1];
