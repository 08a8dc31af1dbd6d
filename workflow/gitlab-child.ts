/**
 * `govcloud stacks --format gitlab-child`: the child pipeline a GitLab job triggers with
 * `trigger: include: - artifact:`, one plan job and one apply job per stack. Its jobs say only which
 * stack, which network, which stage and what they wait for; what a job runs, on which runners and
 * behind which gate is in the jobs they extend (`ci/gitlab-stack-jobs.yml`, included from the
 * repository), so the runner image, the tags and the intranet's manual gate are edited there.
 */
import { stringify } from 'yaml';
import { ListedBy, ListedStack, Phase } from './stack-list';

/** The file of the repository that holds the jobs the child's jobs extend. */
export const GITLAB_STACK_JOBS = 'ci/gitlab-stack-jobs.yml';

/** The child's stages: every platform stack is planned and applied before the department stacks of its network. */
export const GITLAB_CHILD_STAGES = ['platform-plan', 'platform-apply', 'department-plan', 'department-apply'] as const;

export const planJobName = (stack: string): string => `plan:${stack}`;
export const applyJobName = (stack: string): string => `apply:${stack}`;

interface Need {
  readonly job: string;
  readonly artifacts: boolean;
}

interface ChildJob {
  readonly extends: string;
  readonly stage: (typeof GITLAB_CHILD_STAGES)[number];
  readonly variables?: { readonly GOVCLOUD_STACK: string; readonly GOVCLOUD_NETWORK: string };
  readonly needs: readonly Need[];
}

const stage = (phase: Phase, step: 'plan' | 'apply'): ChildJob['stage'] => `${phase}-${step}`;

/** The child pipeline for these stacks (already in apply order), as YAML; byte-identical for the same list. */
export function gitlabChild(list: readonly ListedStack[], by: ListedBy = {}): string {
  const jobs: Record<string, ChildJob> = {};
  for (const s of list) {
    const variables = () => ({ GOVCLOUD_STACK: s.name, GOVCLOUD_NETWORK: s.network });
    // a department stack waits for every platform stack of its network: one that fails holds them back, as in `govcloud apply`
    const platform = s.phase === 'department' ? list.filter((p) => p.phase === 'platform' && p.network === s.network) : [];
    jobs[planJobName(s.name)] = {
      extends: `.govcloud-plan-${s.network}`,
      stage: stage(s.phase, 'plan'),
      variables: variables(),
      needs: platform.map((p) => ({ job: applyJobName(p.name), artifacts: false })),
    };
    // the apply job gets its plan job's cdktf.out/ (the saved plan and what it was made with), nothing else
    jobs[applyJobName(s.name)] = {
      extends: `.govcloud-apply-${s.network}`,
      stage: stage(s.phase, 'apply'),
      variables: variables(),
      needs: [{ job: planJobName(s.name), artifacts: true }],
    };
  }
  // a pipeline needs at least one job
  if (list.length === 0) jobs['no-affected-stacks'] = { extends: '.govcloud-none', stage: 'platform-plan', needs: [] };
  const header = [
    `# written by govcloud stacks${by.affectedBy !== undefined ? ` --affected-by ${JSON.stringify(by.affectedBy)}` : ''}` +
      `${by.network !== undefined ? ` --network ${by.network}` : ''} --format gitlab-child:`,
    `# one plan and one apply job for each of ${list.length} stacks; the jobs they extend are in ${GITLAB_STACK_JOBS}`,
  ];
  const doc = { include: [{ local: GITLAB_STACK_JOBS }], stages: [...GITLAB_CHILD_STAGES], ...jobs };
  return `${header.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`;
}
