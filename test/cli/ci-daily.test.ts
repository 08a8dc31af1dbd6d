/**
 * The CI templates' scheduled job: a waiver expires without any change to the repository, so a daily
 * pipeline on the default branch runs `check`, which fails on the expired waiver and names its line.
 * A scheduled pipeline deploys nothing.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO } from '../helpers/env';
import { readYaml } from '../helpers/ci-jobs';
import { edit, engineEnv, fill, fixtureRepo } from '../helpers/ci-run';
import { templateJobs, VARS } from '../helpers/ci-stack-jobs';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

// relief waives a rule until 2026-11-30
const expired = fixtureRepo('ci-daily', (city) =>
  edit(
    city,
    'tenants/north/relief.yaml',
    '  admins:',
    '  waivers:\n    - { rule: MLPS-NET-001, reason: "legacy application needs open egress during migration", approvedBy: 安全处, expires: 2026-11-30 }\n  admins:',
  ),
);

function run(cmd: string, today: string) {
  const r = spawnSync(process.execPath, [CLI, ...fill(cmd, VARS), '--lang', 'en'], {
    cwd: expired,
    encoding: 'utf8',
    env: { ...engineEnv(expired), GOVCLOUD_TODAY: today },
  });
  return { code: r.status, err: r.stderr };
}

type Gitlab = Record<string, { rules?: { if?: string }[] }>;

describe('gitlab-ci.yml', () => {
  const doc = readYaml(path.join(REPO, 'ci', 'gitlab-ci.yml')) as Gitlab;
  const daily = templateJobs('gitlab-ci.yml').find((j) => (doc[j.name].rules ?? []).some((r) => /\$CI_PIPELINE_SOURCE == "schedule"/.test(r.if ?? '')))!;

  it('has a job that runs only in scheduled pipelines of the default branch, and runs check', () => {
    expect(daily.name).toBe('daily-check');
    expect(doc[daily.name].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(daily.commands.map((c) => c.split(/\s+/)[2])).toEqual(['check']);
  });

  it('deploys nothing from a scheduled pipeline', () => {
    for (const name of ['stacks', 'deploy'])
      expect(doc[name].rules?.map((r) => r.if)).toEqual(['$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"']);
  });

  it('fails the day a waiver has expired, naming its line, and says nothing of it the day before', () => {
    const after = run(daily.commands[0], '2026-12-01');
    expect(after.code).toBe(1);
    expect(after.err).toContain(
      'environments/example-city/tenants/north/relief.yaml:19:120 spec.waivers[0].expires: waiver of MLPS-NET-001 expired on 2026-11-30 (today is 2026-12-01)',
    );
    expect(run(daily.commands[0], '2026-11-30').err).not.toContain('expired');
  });
});

describe('github-workflow.yml', () => {
  const doc = readYaml(path.join(REPO, 'ci', 'github-workflow.yml')) as { on: { schedule?: { cron: string }[] } };
  const jobs = templateJobs('github-workflow.yml');
  const daily = jobs.find((j) => j.if === "github.event_name == 'schedule'")!;

  it('is scheduled daily and has a job that runs check only then', () => {
    expect(doc.on.schedule).toEqual([{ cron: '30 0 * * *' }]);
    expect(daily.name).toBe('daily-check');
    expect(daily.commands.map((c) => c.split(/\s+/)[2])).toEqual(['check']);
  });

  it('deploys nothing from a schedule: every stacks job runs on push only', () => {
    const stacks = jobs.filter((j) => j.commands.some((c) => c.split(/\s+/)[2] === 'stacks'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const j of stacks) expect(j.if).toBe("github.event_name == 'push'");
  });

  it('fails on an expired waiver', () => {
    const r = run(daily.commands[0], '2026-12-01');
    expect(r.code).toBe(1);
    expect(r.err).toContain('spec.waivers[0].expires: waiver of MLPS-NET-001 expired on 2026-11-30');
  });
});
