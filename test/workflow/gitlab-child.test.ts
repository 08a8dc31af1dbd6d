/** The GitLab child pipeline of `govcloud stacks --format gitlab-child`: its jobs, their order and what they wait for. */
import { parse } from 'yaml';
import { ListedStack } from '../../workflow/stack-list';
import { GITLAB_CHILD_STAGES, GITLAB_STACK_JOBS, gitlabChild } from '../../workflow/gitlab-child';

const stack = (name: string, network: 'extranet' | 'intranet', kind: ListedStack['kind']): ListedStack => ({
  name,
  network,
  cluster: network === 'extranet' ? 'ext-main' : 'int-main',
  kind,
  phase: kind === 'platform' ? 'platform' : 'department',
  what: '',
});

const LIST: ListedStack[] = [
  stack('platform-ext-main', 'extranet', 'platform'),
  stack('platform-int-main', 'intranet', 'platform'),
  stack('dept-north-relief-ext-main', 'extranet', 'department'),
  stack('dept-north-gone-ext-main', 'extranet', 'retired'),
  stack('dept-south-psb-int-main', 'intranet', 'department'),
];

interface Job {
  extends: string;
  stage: string;
  variables?: { GOVCLOUD_STACK: string; GOVCLOUD_NETWORK: string };
  needs: { job: string; artifacts: boolean }[];
}

const child = (list: ListedStack[]) => parse(gitlabChild(list, { affectedBy: 'base' })) as { include: unknown; stages: string[] } & Record<string, Job>;

describe('gitlabChild', () => {
  const doc = child(LIST);

  it('includes the jobs it extends from the repository and orders platform before department stages', () => {
    expect(doc.include).toEqual([{ local: GITLAB_STACK_JOBS }]);
    expect(doc.stages).toEqual([...GITLAB_CHILD_STAGES]);
    expect(GITLAB_CHILD_STAGES).toEqual(['platform-plan', 'platform-apply', 'department-plan', 'department-apply']);
  });

  it('has one plan and one apply job per stack, naming the stack and its network, and nothing else', () => {
    const names = Object.keys(doc).filter((k) => k !== 'include' && k !== 'stages');
    expect(names.sort()).toEqual(LIST.flatMap((s) => [`plan:${s.name}`, `apply:${s.name}`]).sort());
    for (const s of LIST)
      for (const step of ['plan', 'apply']) {
        const j = doc[`${step}:${s.name}`];
        expect(j.variables).toEqual({ GOVCLOUD_STACK: s.name, GOVCLOUD_NETWORK: s.network });
        expect(j.extends).toBe(`.govcloud-${step}-${s.network}`);
        expect(j.stage).toBe(`${s.phase}-${step}`);
      }
  });

  it('applies a stack only after its own plan, with that plan job’s artifacts', () => {
    for (const s of LIST) expect(doc[`apply:${s.name}`].needs).toEqual([{ job: `plan:${s.name}`, artifacts: true }]);
  });

  it('plans a department stack, retired ones included, after every platform apply of its network and of no other', () => {
    expect(doc['plan:platform-ext-main'].needs).toEqual([]);
    expect(doc['plan:platform-int-main'].needs).toEqual([]);
    expect(doc['plan:dept-north-relief-ext-main'].needs).toEqual([{ job: 'apply:platform-ext-main', artifacts: false }]);
    expect(doc['plan:dept-north-gone-ext-main'].needs).toEqual([{ job: 'apply:platform-ext-main', artifacts: false }]);
    expect(doc['plan:dept-south-psb-int-main'].needs).toEqual([{ job: 'apply:platform-int-main', artifacts: false }]);
  });

  it('plans a department stack at once when its network has no platform change', () => {
    const d = child([stack('dept-north-relief-ext-main', 'extranet', 'department')]);
    expect(d['plan:dept-north-relief-ext-main'].needs).toEqual([]);
  });

  it('has one job that says there is nothing to do when no stack is affected (a pipeline needs a job)', () => {
    const d = child([]);
    expect(Object.keys(d).filter((k) => k !== 'include' && k !== 'stages')).toEqual(['no-affected-stacks']);
    expect(d['no-affected-stacks'].extends).toBe('.govcloud-none');
  });

  it('is byte-identical for the same list, says what wrote it, and uses no YAML aliases', () => {
    const text = gitlabChild(LIST, { affectedBy: 'base', network: 'extranet' });
    expect(gitlabChild(LIST, { affectedBy: 'base', network: 'extranet' })).toBe(text);
    expect(text.split('\n')[0]).toBe('# written by govcloud stacks --affected-by "base" --network extranet --format gitlab-child:');
    expect(text).not.toMatch(/[&*]a\d/);
  });
});
