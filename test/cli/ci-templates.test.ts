/**
 * The CI templates call govcloud commands; this runs each of them, as written, on a fixture
 * repository (a base commit, then a new tenant), with the template variables filled in. Terraform
 * is real; its provider mirror is empty here, so plan stops at init and says so in its table, and
 * `apply --planned` finds no saved plan. It also reads the job graph: plan and apply are separate
 * jobs, and apply only applies the saved plans of its network's plan job, after validate and check.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { FIXTURES, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function commands(file: string): string[] {
  const doc = parse(fs.readFileSync(path.join(REPO, 'ci', file), 'utf8')) as Record<string, unknown>;
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const line of v.split('\n')) if (line.trim().startsWith('npx govcloud ')) out.push(line.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

/** What the tests need to know about one CI job. */
interface Job {
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
}

const GITLAB_KEYWORDS = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'services', 'before_script', 'after_script', 'cache']);

function govcloudLines(v: unknown): string[] {
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CI YAML: the test reads whatever the template holds
type Loose = any;

function jobs(file: string): Job[] {
  const doc = parse(fs.readFileSync(path.join(REPO, 'ci', file), 'utf8')) as Record<string, Loose>;
  if (file.startsWith('gitlab')) {
    return Object.entries(doc)
      .filter(([name]) => !name.startsWith('.') && !GITLAB_KEYWORDS.has(name))
      .map(([name, j]) => {
        const lines = govcloudLines([j.before_script, j.script]);
        const rules = (j.rules ?? []) as Record<string, unknown>[];
        const manual =
          (j.when === 'manual' && j.allow_failure === false) || rules.some((r) => r.when === 'manual' && (r.allow_failure ?? j.allow_failure) === false);
        return {
          name,
          commands: lines.filter((l) => l.startsWith('npx govcloud ')),
          shell: lines.filter((l) => !l.startsWith('npx govcloud ')),
          needs: ((j.needs ?? []) as (string | { job: string; artifacts?: boolean })[]).map((n) => (typeof n === 'string' ? n : n.job)),
          downloads: ((j.needs ?? []) as (string | { job: string; artifacts?: boolean })[])
            .filter((n) => typeof n === 'string' || n.artifacts !== false)
            .map((n) => (typeof n === 'string' ? n : n.job)),
          artifacts: list(j.artifacts?.paths).map((p) => ({ path: p, always: j.artifacts?.when === 'always' })),
          manual,
          environment: typeof j.environment === 'string' ? j.environment : j.environment?.name,
          runners: list(j.tags),
        };
      });
  }
  return Object.entries(doc.jobs as Record<string, Loose>).map(([name, j]) => {
    const steps = (j.steps ?? []) as Record<string, Loose>[];
    const lines = govcloudLines(steps.map((s) => s.run));
    const uses = (action: string) => steps.filter((s) => typeof s.uses === 'string' && s.uses.startsWith(`${action}@`));
    return {
      name,
      commands: lines.filter((l) => l.startsWith('npx govcloud ')),
      shell: lines.filter((l) => !l.startsWith('npx govcloud ')),
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
    };
  });
}

const runsVerb = (j: Job, verb: string) => j.commands.some((c) => c.split(/\s+/)[2] === verb);
const networkOf = (cmd: string) => /--network (\w+)/.exec(cmd)?.[1];

/** Whether a job keeps the whole cdktf.out folder: directly (GitLab) or as a tar made in the job (GitHub, which would drop .terraform/ and executable bits). */
function keepsOutFolder(j: Job): { name?: string } | undefined {
  for (const a of j.artifacts) {
    if (/^(\.\/)?cdktf\.out\/?$/.test(a.path)) return a;
    if (j.shell.some((l) => new RegExp(`tar -c\\w* ${a.path.replace(/\./g, '\\.')} cdktf\\.out\\/?(\\s|$)`).test(l))) return a;
  }
  return undefined;
}

/** Whether the per-stack engine logs are kept when the job fails. */
const keepsLogsAlways = (j: Job) =>
  j.artifacts.some((a) => a.always && (/^(\.\/)?cdktf\.out\/?$/.test(a.path) || a.path === 'cdktf.out/*/stacks/*/govcloud-*.log'));

// the files the templates' log glob (cdktf.out/*/stacks/*/govcloud-*.log) matches, relative to out
function engineLogs(out: string): string[] {
  const found: string[] = [];
  const dirs = (d: string) =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
      : [];
  for (const network of dirs(out))
    for (const stack of dirs(path.join(out, network, 'stacks')))
      for (const f of fs.readdirSync(path.join(out, network, 'stacks', stack))) if (/^govcloud-.*\.log$/.test(f)) found.push(`${network}/stacks/${stack}/${f}`);
  return found;
}

function fixtureRepo(): string {
  const dir = tmpDir('ci');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'ci@example.gov.cn');
  git('config', 'user.name', 'ci');
  fs.cpSync(path.join(FIXTURES, 'base'), path.join(dir, 'environments', 'example-city'), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('tag', 'base');
  const t = path.join(dir, 'environments', 'example-city', 'tenants', 'north');
  fs.writeFileSync(path.join(t, 'records.yaml'), fs.readFileSync(path.join(t, 'relief.yaml'), 'utf8').replace('name: relief', 'name: records'));
  git('add', '-A');
  git('commit', '-qm', 'add records');
  return dir;
}

function fill(cmd: string): string[] {
  const line = cmd
    .replace(/\s*\|\|.*$/, '')
    .replace(/"\$GOVCLOUD_ENV"/g, 'environments/example-city')
    .replace(/"\$BASE_REF"|"origin\/\$\{\{ github.base_ref \}\}"|HEAD~1/g, 'base');
  return line.split(/\s+/).slice(2);
}

describe.each(['gitlab-ci.yml', 'github-workflow.yml'])('%s', (file) => {
  const cmds = commands(file);
  const dir = fixtureRepo();
  const mirror = path.join(dir, 'no-providers');
  fs.mkdirSync(mirror);
  fs.writeFileSync(path.join(dir, 'tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`);
  const run = (cmd: string) => {
    const r = spawnSync(process.execPath, [CLI, ...fill(cmd)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: path.join(dir, 'tfrc'), LANG: 'C' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('calls validate, check, pr, plan and apply', () => {
    const verbs = new Set(cmds.map((c) => c.split(/\s+/)[2]));
    expect([...verbs].sort()).toEqual(['apply', 'check', 'plan', 'pr', 'validate']);
  });

  it.each(cmds.map((c) => [c]))('runs %s', (cmd) => {
    const r = run(cmd);
    expect(r.err).not.toContain('Run govcloud --help');
    const verb = cmd.split(/\s+/)[2];
    if (verb === 'validate') expect(r.code).toBe(0);
    if (verb === 'check') expect((JSON.parse(fs.readFileSync(path.join(dir, fill(cmd).slice(-1)[0]), 'utf8')) as { version: string }).version).toBe('2.1.0');
    if (verb === 'pr') expect(fs.readFileSync(path.join(dir, 'pr-summary.md'), 'utf8')).toContain('+ `records` (north, L2 extranet)');
    if (verb === 'plan') {
      const network = cmd.includes('--network intranet') ? 'intranet' : 'extranet';
      if (network === 'intranet') expect(r.out).toContain('stack');
      else {
        expect(r.out).toMatch(
          /^dept-north-civil-affairs-ext-main +extranet +failed .*init: (Error: Failed to query available provider packages|provider hashicorp\/[\w-]+ is not installed)/m,
        );
        expect(r.code).toBe(1);
        // where the templates' artifacts look for it: cdktf.out/*/stacks/*/govcloud-*.log
        expect(engineLogs(path.join(dir, 'cdktf.out'))).toContain('extranet/stacks/dept-north-civil-affairs-ext-main/govcloud-plan.log');
      }
    }
    if (verb === 'apply') {
      // the fixture's plans stopped at init: nothing was saved, so nothing is applied
      expect(r.code).toBe(1);
      expect(r.err).toContain('no stack has a saved plan');
    }
  });

  describe('jobs', () => {
    const all = jobs(file);
    const byName = new Map(all.map((j) => [j.name, j]));
    const validateJob = all.find((j) => runsVerb(j, 'validate'));
    const checkJob = all.find((j) => runsVerb(j, 'check'));
    const applies = all.filter((j) => runsVerb(j, 'apply'));

    it('has a validate job, a check job and an apply job per network', () => {
      expect(validateJob).toBeDefined();
      expect(checkJob).toBeDefined();
      expect(validateJob).not.toBe(checkJob);
      expect(applies.map((j) => networkOf(j.commands.find((c) => c.includes('govcloud apply'))!)).sort()).toEqual(['extranet', 'intranet']);
    });

    it('never plans and applies in the same job', () => {
      for (const j of all) expect({ job: j.name, both: runsVerb(j, 'plan') && runsVerb(j, 'apply') }).toEqual({ job: j.name, both: false });
    });

    it.each(applies.map((j) => [j.name, j]))('%s applies the saved plans of its network, after validate, check and that plan', (_name, j) => {
      const apply = j.commands.filter((c) => c.split(/\s+/)[2] === 'apply');
      expect(apply).toHaveLength(1);
      expect(apply[0]).toMatch(/ --planned( |$)/);
      expect(apply[0]).toMatch(/ --out cdktf\.out( |$)/);
      expect(apply[0]).not.toMatch(/--affected-by|--stack/);
      const network = networkOf(apply[0]);
      expect(network).toBeDefined();
      expect(j.needs).toEqual(expect.arrayContaining([validateJob!.name, checkJob!.name]));
      const plans = j.needs.map((n) => byName.get(n)).filter((n): n is Job => n !== undefined && runsVerb(n, 'plan'));
      expect(plans).toHaveLength(1);
      const plan = plans[0];
      expect(plan.commands.filter((c) => c.includes('govcloud plan')).map(networkOf)).toEqual([network]);
      expect(plan.runners).toEqual(j.runners);
      // the plan job keeps the whole cdktf.out folder, and the apply job gets exactly that
      const kept = keepsOutFolder(plan);
      expect(kept).toBeDefined();
      if (file.startsWith('github')) {
        expect(j.downloads).toContain(kept!.name);
        expect(j.shell.some((l) => /^tar -x/.test(l))).toBe(true);
      } else expect(j.downloads).toContain(plan.name);
      // the engine logs of plan and apply survive a failure
      expect(keepsLogsAlways(plan)).toBe(true);
      expect(keepsLogsAlways(j)).toBe(true);
    });

    it('keeps the engine logs of every plan job, the preview included', () => {
      const plans = all.filter((j) => runsVerb(j, 'plan'));
      expect(plans.length).toBeGreaterThanOrEqual(3);
      for (const p of plans) expect({ job: p.name, logs: keepsLogsAlways(p) }).toEqual({ job: p.name, logs: true });
    });

    it('gates the intranet apply and keeps it and its plan on intranet runners', () => {
      const intranet = applies.find((j) => j.commands.some((c) => c.includes('govcloud apply') && networkOf(c) === 'intranet'))!;
      const extranet = applies.find((j) => j !== intranet)!;
      if (file.startsWith('gitlab')) {
        expect(intranet.manual).toBe(true);
        expect(extranet.manual).toBe(false);
      } else expect(intranet.environment).toBe('intranet');
      const label = file.startsWith('gitlab') ? 'intranet' : 'govcloud-intranet';
      expect(intranet.runners).toContain(label);
      expect(extranet.runners).not.toContain(label);
      const plan = intranet.needs.map((n) => byName.get(n)!).find((n) => runsVerb(n, 'plan'))!;
      expect(plan.runners).toContain(label);
    });
  });
});
