/**
 * The CI templates call govcloud commands; this runs them, as written, on a fixture repository (a
 * base commit, then a change), with the template variables filled in — the per-stack jobs too, once
 * per stack the change affects, as the CI system's own fan-out would (GitLab: the child pipeline
 * the stacks job writes; GitHub: the matrices fed by the stacks jobs). Terraform is real; its
 * provider mirror is empty here, so plan stops at init and says so in its table, and apply finds no
 * saved plan. It also reads the job graph: plan and apply are separate jobs, each apply applies only
 * its own stack's saved plan, after validate and check, and intranet applies wait behind a gate on
 * intranet runners.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allocatePools, REPO } from '../helpers/env';
import { Job, networkOf, readYaml, runsVerb } from '../helpers/ci-jobs';
import { edit, fill, fixtureRepo, govcloud } from '../helpers/ci-run';
import { fanout, Fanout, StackJob, stacksOf, templateJobs, VARS } from '../helpers/ci-stack-jobs';

const TEMPLATES = ['gitlab-ci.yml', 'github-workflow.yml'];
const STACK_JOBS = path.join(REPO, 'ci', 'gitlab-stack-jobs.yml');

// a new tenant in an existing department, with its namespaces' pools: one department stack
const records = fixtureRepo('ci-records', (city) => {
  fs.writeFileSync(
    path.join(city, 'tenants/north/records.yaml'),
    fs.readFileSync(path.join(city, 'tenants/north/relief.yaml'), 'utf8').replace('name: relief', 'name: records'),
  );
  allocatePools(city);
});
// every phase of both networks: a registry (every platform stack) and a quota on each network
const wide = fixtureRepo('ci-wide', (city) => {
  edit(city, 'platform.yaml', 'registries: [registry.test.gov.cn/]', 'registries: [registry.test.gov.cn/, mirror.test.gov.cn/]');
  edit(city, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"');
  edit(city, 'tenants/south/case-files.yaml', 'cpu: "8"', 'cpu: "10"');
});

/** Every govcloud line of a template, the per-stack jobs' included (GitLab: from ci/gitlab-stack-jobs.yml). */
function allCommands(file: string): string[] {
  const own = templateJobs(file).flatMap((j) => j.commands);
  if (!file.startsWith('gitlab')) return own;
  const jobs = readYaml(STACK_JOBS) as Record<string, { script?: string[] }>;
  return [...own, ...Object.values(jobs).flatMap((j) => (j.script ?? []).filter((l) => l.startsWith('npx govcloud ')))];
}

/** The logs that the templates' log glob (cdktf.out/*\/stacks/*\/govcloud-*.log) matches, relative to out. */
function engineLogs(out: string): string[] {
  const dirs = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((e) => fs.statSync(path.join(d, e)).isDirectory()) : []);
  return dirs(out).flatMap((n) =>
    dirs(path.join(out, n, 'stacks')).flatMap((s) =>
      fs
        .readdirSync(path.join(out, n, 'stacks', s))
        .filter((f) => /^govcloud-.*\.log$/.test(f))
        .map((f) => `${n}/stacks/${s}/${f}`),
    ),
  );
}

/** Whether a job keeps the whole cdktf.out folder: directly (GitLab) or as a tar made in the job (GitHub, which would drop .terraform/ and executable bits). */
function keepsOutFolder(j: Job): { name?: string } | undefined {
  for (const a of j.artifacts) {
    if (/^(\.\/)?cdktf\.out\/?$/.test(a.path)) return a;
    if (j.shell.some((l) => new RegExp(`^tar -c\\w* ${a.path.replace(/\./g, '\\.')} cdktf\\.out\\/?(\\s|$)`).test(l))) return a;
  }
  return undefined;
}

/** Whether the per-stack engine logs are kept when the job fails. */
const keepsLogsAlways = (j: Job) =>
  j.artifacts.some((a) => a.always && (/^(\.\/)?cdktf\.out\/?$/.test(a.path) || a.path === 'cdktf.out/*/stacks/*/govcloud-*.log'));

const commandOf = (r: StackJob, verb: string) => r.job.commands.find((c) => c.split(/\s+/)[2] === verb)!;
const stackVars = (r: StackJob) => ({ ...VARS, GOVCLOUD_STACK: r.env.GOVCLOUD_STACK, GOVCLOUD_NETWORK: r.env.GOVCLOUD_NETWORK });

describe.each(TEMPLATES)('%s', (file) => {
  const gitlab = file.startsWith('gitlab');
  const parent = templateJobs(file);
  const reviewCommands = parent.flatMap((j) => j.commands).filter((c) => !c.includes('$GOVCLOUD_STACK'));

  it('calls validate, check, pr, stacks, plan and apply', () => {
    expect([...new Set(allCommands(file).map((c) => c.split(/\s+/)[2]))].sort()).toEqual(['apply', 'check', 'plan', 'pr', 'stacks', 'validate']);
  });

  it.each(reviewCommands.map((c) => [c]))('runs %s', (cmd) => {
    const r = govcloud(records, fill(cmd, VARS));
    expect(r.err).not.toContain('Run govcloud --help');
    const args = fill(cmd, VARS);
    const verb = args[0];
    if (verb === 'validate') expect(r.code).toBe(0);
    if (verb === 'check') expect((JSON.parse(fs.readFileSync(path.join(records, args[args.length - 1]), 'utf8')) as { version: string }).version).toBe('2.1.0');
    if (verb === 'pr') expect(fs.readFileSync(path.join(records, 'pr-summary.md'), 'utf8')).toContain('+ `records` (north, L2 extranet)');
    if (verb === 'stacks') {
      expect(r.code).toBe(0);
      // the change is an extranet tenant's: the intranet's list is empty
      const listed = fs.readFileSync(path.join(records, args[args.indexOf('--out') + 1]), 'utf8');
      if (networkOf(cmd) === 'intranet') expect(JSON.parse(listed)).toMatchObject({ network: 'intranet', any: false, stacks: [] });
      else expect(listed).toContain('dept-north-civil-affairs-ext-main');
    }
    if (verb === 'plan') {
      // the merge-request preview: the affected extranet stacks, never applied
      expect(r.out).toMatch(
        /^dept-north-civil-affairs-ext-main +extranet +failed .*init: (Error: Failed to query available provider packages|provider hashicorp\/[\w-]+ is not installed)/m,
      );
      expect(r.code).toBe(1);
      expect(engineLogs(path.join(records, 'cdktf.out'))).toContain('extranet/stacks/dept-north-civil-affairs-ext-main/govcloud-plan.log');
    }
  });

  it('plans and applies each affected stack in jobs of its own, each running its one command for that stack', () => {
    const f = fanout(file, records);
    expect(stacksOf(f, 'plan')).toEqual(['dept-north-civil-affairs-ext-main extranet']);
    expect(stacksOf(f, 'apply')).toEqual(['dept-north-civil-affairs-ext-main extranet']);
    fs.rmSync(path.join(records, 'cdktf.out'), { recursive: true, force: true });
    for (const verb of ['plan', 'apply']) {
      const run = f.runs.find((r) => runsVerb(r.job, verb))!;
      const r = govcloud(records, fill(commandOf(run, verb), stackVars(run)));
      expect(r.err).not.toContain('Run govcloud --help');
      expect(r.code).toBe(1);
      // one stack per job: the table holds that stack and no other
      const rows = r.out.split('\n').filter((l) => /^(platform|dept)-/.test(l));
      expect(rows).toHaveLength(1);
      if (verb === 'plan') {
        expect(rows[0]).toMatch(/^dept-north-civil-affairs-ext-main +extranet +failed .*init: /);
        expect(engineLogs(path.join(records, 'cdktf.out'))).toEqual(['extranet/stacks/dept-north-civil-affairs-ext-main/govcloud-plan.log']);
      } else expect(rows[0]).toMatch(/^dept-north-civil-affairs-ext-main +extranet +skipped .*no saved plan/); // the plan stopped at init: nothing to apply
    }
  });

  describe('jobs', () => {
    let f: Fanout;
    beforeAll(() => {
      f = fanout(file, wide);
    });
    const byName = new Map(parent.map((j) => [j.name, j]));
    const validateJob = parent.find((j) => runsVerb(j, 'validate'))!;
    const checkJob = parent.find((j) => runsVerb(j, 'check'))!;
    const applies = () => f.runs.filter((r) => runsVerb(r.job, 'apply'));
    const plans = () => f.runs.filter((r) => runsVerb(r.job, 'plan'));

    it('has a validate job, a check job, and per change a plan and an apply job for each affected stack', () => {
      expect(validateJob).toBeDefined();
      expect(checkJob).toBeDefined();
      expect(validateJob).not.toBe(checkJob);
      const all = [
        'platform-ext-far',
        'platform-ext-main',
        'platform-ext-twin',
        'platform-int-main',
        'dept-north-civil-affairs-ext-main',
        'dept-south-public-security-int-main',
      ];
      const expected = all.map((s) => `${s} ${s.includes('-int-') ? 'intranet' : 'extranet'}`).sort();
      expect(stacksOf(f, 'plan').sort()).toEqual(expected);
      expect(stacksOf(f, 'apply').sort()).toEqual(expected);
    });

    it('never plans and applies in the same job', () => {
      for (const j of [...parent, ...f.runs.map((r) => r.job)])
        expect({ job: j.name, both: runsVerb(j, 'plan') && runsVerb(j, 'apply') }).toEqual({ job: j.name, both: false });
    });

    it('applies one stack per job, that stack’s saved plan only, after validate, check and that stack’s plan job', () => {
      for (const a of applies()) {
        const apply = a.job.commands.filter((c) => c.split(/\s+/)[2] === 'apply');
        expect(apply).toHaveLength(1);
        expect(fill(apply[0], stackVars(a))).toEqual(['apply', '--stack', a.env.GOVCLOUD_STACK, '--out', 'cdktf.out', '--network', a.env.GOVCLOUD_NETWORK]);
        const planJobs = a.job.needs
          .map((n) => (gitlab ? f.runs.find((r) => r.job.name === n)?.job : byName.get(n)))
          .filter((n): n is Job => !!n && runsVerb(n, 'plan'));
        expect(planJobs).toHaveLength(1);
        const plan = planJobs[0];
        // the plan job plans exactly this stack on this network, on the same runners
        const planCmd = plan.commands.find((c) => c.split(/\s+/)[2] === 'plan')!;
        if (gitlab) expect(plan.variables).toEqual(a.job.variables);
        else {
          expect(plan.matrix).toBe(a.job.matrix);
          expect(plan.variables.GOVCLOUD_STACK).toBe('${{ matrix.stack }}');
          expect(a.job.variables.GOVCLOUD_STACK).toBe('${{ matrix.stack }}');
        }
        expect(fill(planCmd, stackVars(a))).toEqual(['plan', '--stack', a.env.GOVCLOUD_STACK, '--env', VARS.GOVCLOUD_ENV, '--network', a.env.GOVCLOUD_NETWORK]);
        expect(plan.runners).toEqual(a.job.runners);
        // the plan job keeps the whole cdktf.out folder, and the apply job gets exactly that
        const kept = keepsOutFolder(plan);
        expect(kept).toBeDefined();
        if (gitlab) {
          expect(a.job.downloads).toEqual([plan.name]);
          // validate and check come first: the child pipeline starts only after them
          const trigger = parent.find((j) => j.trigger !== undefined)!;
          expect(trigger.needs).toEqual(expect.arrayContaining([validateJob.name, checkJob.name]));
        } else {
          expect(kept!.name).toBe('plan-${{ matrix.stack }}');
          expect(a.job.downloads).toEqual([kept!.name]);
          expect(a.job.shell.some((l) => /^tar -x/.test(l))).toBe(true);
          expect(a.job.needs).toEqual(expect.arrayContaining([validateJob.name, checkJob.name]));
          expect(a.job.if).toMatch(
            new RegExp(`needs\\.validate\\.result == 'success' && needs\\.check\\.result == 'success' && needs\\.${plan.name}\\.result == 'success'`),
          );
        }
        // the engine logs of plan and apply survive a failure
        expect(keepsLogsAlways(plan)).toBe(true);
        expect(keepsLogsAlways(a.job)).toBe(true);
      }
    });

    it('keeps the engine logs of every plan job, the preview included', () => {
      const all = [...parent.filter((j) => runsVerb(j, 'plan')), ...plans().map((r) => r.job)];
      expect(all.length).toBeGreaterThanOrEqual(3);
      for (const p of all) expect({ job: p.name, logs: keepsLogsAlways(p) }).toEqual({ job: p.name, logs: true });
    });

    it('gates every intranet apply and keeps intranet stacks on intranet runners', () => {
      const label = gitlab ? 'intranet' : 'govcloud-intranet';
      const intranet = f.runs.filter((r) => r.env.GOVCLOUD_NETWORK === 'intranet');
      const extranet = f.runs.filter((r) => r.env.GOVCLOUD_NETWORK === 'extranet');
      expect(intranet.length).toBe(4);
      for (const r of intranet) {
        expect(r.job.runners).toContain(label);
        expect(networkOf(fill(commandOf(r, runsVerb(r.job, 'plan') ? 'plan' : 'apply'), stackVars(r)).join(' '))).toBe('intranet');
        if (runsVerb(r.job, 'apply')) {
          if (gitlab) expect(r.job.manual).toBe(true);
          else expect(r.job.environment).toBe('intranet');
        } else expect({ manual: r.job.manual, environment: r.job.environment }).toEqual({ manual: false, environment: undefined });
      }
      for (const r of extranet)
        expect({ runners: r.job.runners.includes(label), manual: r.job.manual, environment: r.job.environment }).toEqual({
          runners: false,
          manual: false,
          environment: undefined,
        });
      // GitHub lists each network's stacks on that network's runners
      if (!gitlab)
        for (const j of parent.filter((x) => runsVerb(x, 'stacks')))
          expect({ job: j.name, intranetRunner: j.runners.includes(label) }).toEqual({
            job: j.name,
            intranetRunner: j.commands.some((c) => networkOf(c) === 'intranet'),
          });
    });

    it('plans a department stack only after every platform stack of its network applied', () => {
      if (gitlab) {
        const child = f.child!.resolved as Record<string, { needs?: { job: string }[]; stage: string }>;
        expect(child.stages).toEqual(['platform-plan', 'platform-apply', 'department-plan', 'department-apply']);
        expect(child['plan:dept-north-civil-affairs-ext-main'].needs!.map((n) => n.job)).toEqual([
          'apply:platform-ext-far',
          'apply:platform-ext-main',
          'apply:platform-ext-twin',
        ]);
        expect(child['plan:dept-south-public-security-int-main'].needs!.map((n) => n.job)).toEqual(['apply:platform-int-main']);
      } else {
        // a failed extranet platform apply holds back the extranet's department phase, not the intranet's
        const failed = fanout(file, wide, { 'apply-platform-extranet': 'failure' });
        expect(stacksOf(failed, 'plan').sort()).toEqual(
          [
            'platform-ext-far extranet',
            'platform-ext-main extranet',
            'platform-ext-twin extranet',
            'platform-int-main intranet',
            'dept-south-public-security-int-main intranet',
          ].sort(),
        );
        for (const n of ['plan-department-extranet', 'apply-department-extranet']) expect(failed.graph!.get(n)!.result).toBe('skipped');
        // and a failed plan holds back the applies of its phase and network
        const planFailed = fanout(file, wide, { 'plan-platform-intranet': 'failure' });
        expect(planFailed.graph!.get('apply-platform-intranet')!.result).toBe('skipped');
        expect(planFailed.graph!.get('plan-department-intranet')!.result).toBe('skipped');
        expect(planFailed.graph!.get('apply-department-extranet')!.result).toBe('success');
      }
    });
  });
});
