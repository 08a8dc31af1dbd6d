/**
 * What the CI templates fan out over for a given change, read from what they really produce on a
 * fixture repository: GitLab's generated child pipeline, GitHub's job graph with the matrices its
 * stacks jobs feed. One change, one set of per-stack jobs: nothing else plans or applies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { edit, fixtureRepo } from '../helpers/ci-run';
import { allocatePools } from '../helpers/env';
import { fanout, stacksOf } from '../helpers/ci-stack-jobs';
import { runsVerb } from '../helpers/ci-jobs';

const quota = fixtureRepo('fan-quota', (city) => edit(city, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"'));
// a tenant of a department new to the city, with a backup replica at the remote site
const newDepartment = fixtureRepo('fan-dept', (city) => {
  fs.writeFileSync(
    path.join(city, 'tenants/north/archives.yaml'),
    fs
      .readFileSync(path.join(city, 'tenants/north/relief.yaml'), 'utf8')
      .replace('name: relief', 'name: archives')
      .replace('department: civil-affairs', 'department: archives')
      .replace('tier: none', 'tier: backup')
      .replace('grp-civil-affairs-ops', 'grp-archives-ops'),
  );
  // committed with the pools of its namespaces, as govcloud new tenant or pools --write leaves it
  allocatePools(city);
});
const intranet = fixtureRepo('fan-int', (city) => edit(city, 'tenants/south/case-files.yaml', 'cpu: "8"', 'cpu: "10"'));
const nothing = fixtureRepo('fan-none', (city) => fs.writeFileSync(path.join(city, 'README.txt'), 'not a request file\n'));

describe.each(['gitlab-ci.yml', 'github-workflow.yml'])('%s', (file) => {
  const gitlab = file.startsWith('gitlab');

  it("plans and applies exactly one department stack, and no platform stack, for a tenant's quota", () => {
    const f = fanout(file, quota);
    expect(stacksOf(f, 'plan')).toEqual(['dept-north-civil-affairs-ext-main extranet']);
    expect(stacksOf(f, 'apply')).toEqual(['dept-north-civil-affairs-ext-main extranet']);
    if (gitlab)
      expect(Object.keys(f.child!.written).filter((k) => k.includes(':'))).toEqual([
        'plan:dept-north-civil-affairs-ext-main',
        'apply:dept-north-civil-affairs-ext-main',
      ]);
    else {
      const ran = [...f.graph!].filter(([, r]) => r.result !== 'skipped').map(([n]) => n);
      expect(ran.filter((n) => /^(plan|apply)-/.test(n)).sort()).toEqual(['apply-department-extranet', 'plan-department-extranet']);
      expect(f.graph!.get('plan-department-extranet')!.include).toEqual([{ stack: 'dept-north-civil-affairs-ext-main', network: 'extranet' }]);
    }
  });

  it('plans the stacks of a new department, after the platform stack its replica site needs', () => {
    const f = fanout(file, newDepartment);
    expect(stacksOf(f, 'plan')).toEqual(['platform-ext-far extranet', 'dept-north-archives-ext-far extranet', 'dept-north-archives-ext-main extranet']);
    if (gitlab) expect(f.child!.resolved['plan:dept-north-archives-ext-main'].needs).toEqual([{ job: 'apply:platform-ext-far', artifacts: false }]);
    else expect(f.graph!.get('plan-department-extranet')!.result).toBe('success');
  });

  it('sends an intranet change to intranet runners, its apply behind the gate', () => {
    const f = fanout(file, intranet);
    expect(stacksOf(f, 'plan')).toEqual(['dept-south-public-security-int-main intranet']);
    const apply = f.runs.find((r) => runsVerb(r.job, 'apply'))!;
    if (gitlab) expect({ manual: apply.job.manual, tags: apply.job.runners }).toEqual({ manual: true, tags: ['intranet'] });
    else
      expect({ environment: apply.job.environment, runsOn: apply.job.runners }).toEqual({
        environment: 'intranet',
        runsOn: ['self-hosted', 'govcloud-intranet'],
      });
  });

  it('plans and applies nothing when no request file changed', () => {
    const f = fanout(file, nothing);
    expect(f.runs.filter((r) => runsVerb(r.job, 'plan') || runsVerb(r.job, 'apply'))).toEqual([]);
    if (gitlab) expect(Object.keys(f.child!.resolved).filter((k) => k !== 'stages' && k !== 'default')).toEqual(['no-affected-stacks']);
    else for (const [name, r] of f.graph!) if (/^(plan|apply)-/.test(name)) expect({ name, result: r.result }).toEqual({ name, result: 'skipped' });
  });
});
