/**
 * platform.yaml spec.approvals: what the city's paperwork looks like. The 项目联审 (joint project
 * review) reference format, the groups of the joint-review roles, the security reviewers who may
 * approve a waiver, and how long a waiver may last. Every key has a default except the reviewers'
 * roster: a city that names none cannot have its waivers' approvers checked (config/checks/waivers.ts).
 */
import { z } from 'zod';
import { MAX_WAIVER_DAYS } from './limits';

/** A CODEOWNERS owner: @user, @org/team (GitLab: @group/subgroup/…), or an e-mail address. */
export const CODEOWNERS_OWNER = /^(@[A-Za-z0-9][-A-Za-z0-9_.]*(\/[A-Za-z0-9][-A-Za-z0-9_.]*)*|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$/;

/**
 * A reference format: YYYY stands for a four-digit year, each N for one digit, every other character
 * for itself (XM-YYYY-NNNN admits XM-2026-0142). No regular expression: a format is read by people.
 */
export const REFERENCE_FORMAT = /^(?=.*(YYYY|N))[^\s]{1,60}$/;
export const DEFAULT_REFERENCE_FORMAT = 'XM-YYYY-NNNN';

/** How long a waiver may last, in days after the day it is validated, when platform.yaml says nothing. */
export const DEFAULT_MAX_WAIVER_DAYS = MAX_WAIVER_DAYS;
/** No platform may let a waiver last longer than three years: the 等保 assessment is yearly. */
export const MAX_MAX_WAIVER_DAYS = 1095;

/** The joint-review (项目联审) roles, in the order they are listed. */
export const JOINT_REVIEW_ROLES = ['office', 'developmentReform', 'economyIt', 'finance'] as const;
export type JointReviewRole = (typeof JOINT_REVIEW_ROLES)[number];

export const DEFAULT_JOINT_REVIEW: Readonly<Record<JointReviewRole, string>> = {
  office: '@govcloud/joint-review-office',
  developmentReform: '@govcloud/development-reform',
  economyIt: '@govcloud/economy-it',
  finance: '@govcloud/finance',
};

const group = (what: string) =>
  z
    .string()
    .regex(CODEOWNERS_OWNER)
    .max(200)
    .describe(`${what}: a CODEOWNERS owner (@org/team, @user or an e-mail address)`);

const jointReview = z
  .strictObject({
    office: group('The joint-review office (项目联审办公室) / 联审办公室').optional(),
    developmentReform: group('The development and reform commission (发展和改革委员会) / 发改委').optional(),
    economyIt: group('The economy and information technology commission (经济和信息化委员会) / 经信委').optional(),
    finance: group('The finance bureau (财政局) / 财政局').optional(),
  })
  .describe(
    'Groups of the joint-review (项目联审) roles: they approve a new tenant or a quota increase (govcloud pr) and are listed in CODEOWNERS; a role not given keeps its default group / 项目联审各角色的审批组：新增租户或增加配额时须其审批',
  );

export const approvalsSchema = z
  .strictObject({
    referenceFormat: z
      .string()
      .regex(REFERENCE_FORMAT)
      .default(DEFAULT_REFERENCE_FORMAT)
      .describe(
        'Format of a 项目联审 reference (metadata.approval.ref of every request): YYYY a four-digit year, N a digit, anything else itself; default XM-YYYY-NNNN / 项目联审批复文号格式：YYYY 为四位年份，N 为一位数字，其余字符照写；默认 XM-YYYY-NNNN',
      )
      .meta({ examples: ['XM-YYYY-NNNN', '发改审〔YYYY〕NNN号'] }),
    jointReview: jointReview.default({}),
    securityReviewers: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(200)
      .optional()
      .describe(
        "The security reviewers (安全审查) who may approve a waiver, as they are written in spec.waivers[].approvedBy; a waiver approved by anyone else is refused. Absent: waivers' approvers are not checked / 可审批豁免的安全审查人员名单（与 approvedBy 写法一致）；未列出者审批的豁免一律拒绝",
      )
      .meta({ examples: [['市委网信办安全审查组']] }),
    maxWaiverDays: z
      .number()
      .int()
      .min(1)
      .max(MAX_MAX_WAIVER_DAYS)
      .default(DEFAULT_MAX_WAIVER_DAYS)
      .describe(
        `Longest a waiver may last: its expiry is at most this many days after the day it is validated (Beijing time), so when it is added to a pull request, after its approval; default ${DEFAULT_MAX_WAIVER_DAYS}, at most ${MAX_MAX_WAIVER_DAYS} / 豁免最长有效天数（自校验之日起算），默认 ${DEFAULT_MAX_WAIVER_DAYS}`,
      ),
  })
  .describe('Approvals: 项目联审 references, joint-review roles, security reviewers, waiver length / 审批：项目联审文号、联审角色、安全审查人员、豁免期限');

export type ApprovalsConfig = z.infer<typeof approvalsSchema>;

export const DEFAULT_APPROVALS: ApprovalsConfig = {
  referenceFormat: DEFAULT_REFERENCE_FORMAT,
  jointReview: {},
  maxWaiverDays: DEFAULT_MAX_WAIVER_DAYS,
};

/** The group of each joint-review role, defaults filled in. */
export function jointReviewGroups(config: ApprovalsConfig | undefined): Readonly<Record<JointReviewRole, string>> {
  return { ...DEFAULT_JOINT_REVIEW, ...(config?.jointReview ?? {}) };
}

/** Whether a reference follows a format (YYYY a four-digit year, N a digit). */
export function matchesReference(ref: string, format: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = format
    .split(/(YYYY|N)/)
    .map((part) => (part === 'YYYY' ? '(19|20)[0-9]{2}' : part === 'N' ? '[0-9]' : escape(part)))
    .join('');
  return new RegExp(`^${body}$`, 'u').test(ref);
}

/** An example reference of a format, for messages: the year given, the digits counting up from 1. */
export function exampleReference(format: string, year: string): string {
  const parts = format.split(/(YYYY|N+)/);
  return parts.map((p) => (p === 'YYYY' ? year : /^N+$/.test(p) ? '1'.padStart(p.length, '0') : p)).join('');
}
