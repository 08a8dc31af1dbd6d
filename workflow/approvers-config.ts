/**
 * Who approves what: the approver groups, with defaults, overridable per city by the optional file
 * environments/<city>/approvers.yaml. Errors are positioned issues, like every other input file.
 *
 * ```yaml
 * # environments/<city>/approvers.yaml — every key under spec is optional
 * apiVersion: govcloud/v1
 * kind: Approvers
 * spec:
 *   platform: "@govcloud/platform"                 # every change
 *   countyAdmins: "@govcloud/county-{county}"      # a county's folder; {county} is the county code
 *   security: "@govcloud/security-review"          # level ≥ 3, waivers, exposure, level lowered
 *   classified: "@govcloud/classified-officer"     # anything on the intranet
 *   counties:                                      # one county's administrators, instead of the template
 *     hengshan: "@hengshan-gov/admins"
 * ```
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { Issue, issue, sortIssues } from '../config/issues';
import { displayPath } from '../config/load';
import { checkSchema } from '../config/schema-issues';
import { fieldPath, locate, PathSegment, readYaml, SourceFile } from '../config/source';
import { suggest } from '../config/suggest';
import { CODEOWNERS_OWNER, DEFAULT_JOINT_REVIEW, JOINT_REVIEW_ROLES, JointReviewRole } from '../config/schema/approvals';

export const APPROVERS_FILE = 'approvers.yaml';
export const COUNTY_PLACEHOLDER = '{county}';

export interface ApproversConfig {
  /** The platform team: every change. */
  readonly platform: string;
  /** A county's administrators, as a template in which {county} is replaced by the county code. */
  readonly countyAdmins: string;
  /** Security review (安全审查). */
  readonly security: string;
  /** The classified-systems officer (保密管理员), for the intranet. */
  readonly classified: string;
  /** Per-county groups that replace the template, by county code. */
  readonly counties: Readonly<Record<string, string>>;
  /**
   * The joint-review (项目联审) roles' groups: a new tenant and a change that needs a new 项目联审
   * reference. They come from platform.yaml spec.approvals.jointReview, not from approvers.yaml
   * (withJointReview); absent: the defaults.
   */
  readonly jointReview?: readonly string[];
}

/** The config with the joint-review groups of platform.yaml (the model's approvals), in role order. */
export function withJointReview(config: ApproversConfig, groups: Readonly<Record<JointReviewRole, string>> | undefined): ApproversConfig {
  return { ...config, jointReview: JOINT_REVIEW_ROLES.map((r) => (groups ?? DEFAULT_JOINT_REVIEW)[r]) };
}

/** The joint-review groups of a config, the defaults when it names none. */
export function jointReviewOf(config: ApproversConfig): readonly string[] {
  return config.jointReview ?? JOINT_REVIEW_ROLES.map((r) => DEFAULT_JOINT_REVIEW[r]);
}

export const DEFAULT_APPROVERS: ApproversConfig = {
  platform: '@govcloud/platform',
  countyAdmins: '@govcloud/county-{county}',
  security: '@govcloud/security-review',
  classified: '@govcloud/classified-officer',
  counties: {},
};

/** The administrators' group of one county. */
export function countyGroup(config: ApproversConfig, county: string): string {
  return config.counties[county] ?? config.countyAdmins.split(COUNTY_PLACEHOLDER).join(county);
}

const owner = z.string().min(1).max(200);

export const approversFileSchema = z
  .strictObject({
    apiVersion: z.literal('govcloud/v1'),
    kind: z.literal('Approvers'),
    spec: z.strictObject({
      platform: owner.optional().describe('Platform team, owns everything / 平台团队'),
      countyAdmins: owner.optional().describe('County administrators, {county} replaced by the county code / 县区管理员'),
      security: owner.optional().describe('Security review / 安全审查'),
      classified: owner.optional().describe('Classified-systems officer, for the intranet / 保密管理员'),
      counties: z.record(z.string(), owner).optional().describe('Per-county administrators / 各县区管理员'),
    }),
  })
  .describe('Approver groups of a city, for CODEOWNERS and approval routing / 审批人配置');

export type ApproversFile = z.infer<typeof approversFileSchema>;

/** A CODEOWNERS owner: @user, @org/team (GitLab: @group/subgroup/…), or an e-mail address. */
export const OWNER = CODEOWNERS_OWNER;
const OWNER_HINT = '@user, @org/team, name@example.gov.cn';

function ownerIssues(src: SourceFile, file: ApproversFile, counties: readonly string[] | undefined): Issue[] {
  const out: Issue[] = [];
  const bad = (p: PathSegment[], value: string, format: string, hint: string) =>
    out.push(issue('error', locate(src, p), fieldPath(p), 'schema.format', { value: JSON.stringify(value), format, hint }));
  const spec = file.spec;
  for (const key of ['platform', 'security', 'classified'] as const) {
    const v = spec[key];
    if (v !== undefined && !OWNER.test(v)) bad(['spec', key], v, 'CODEOWNERS owner', OWNER_HINT);
  }
  const tpl = spec.countyAdmins;
  if (tpl !== undefined && (!tpl.includes(COUNTY_PLACEHOLDER) || !OWNER.test(tpl.split(COUNTY_PLACEHOLDER).join('county')))) {
    bad(['spec', 'countyAdmins'], tpl, 'CODEOWNERS owner template', '@govcloud/county-{county}');
  }
  for (const [county, v] of Object.entries(spec.counties ?? {})) {
    if (counties !== undefined && !counties.includes(county)) {
      out.push(
        issue('error', locate(src, ['spec', 'counties', county], { key: true }), `spec.counties.${county}`, 'ref.unknownCounty', {
          value: JSON.stringify(county),
          known: counties.join(', '),
          suggestion: `suggest:${suggest(county, counties) ?? ''}`,
        }),
      );
    }
    if (!OWNER.test(v)) bad(['spec', 'counties', county], v, 'CODEOWNERS owner', OWNER_HINT);
  }
  return out;
}

export interface ApproversResult {
  /** Present only when there is no error: the defaults when the file does not exist. */
  readonly config?: ApproversConfig;
  readonly issues: readonly Issue[];
  /** The file read, as displayed in issues; absent when there is none. */
  readonly file?: string;
}

/**
 * Reads environments/<city>/approvers.yaml over the defaults. With `counties` (the platform's county
 * codes), a per-county group for an unknown county is an error.
 */
export function loadApprovers(envDir: string, opts: { readonly counties?: readonly string[] } = {}): ApproversResult {
  const full = path.join(envDir, APPROVERS_FILE);
  if (!fs.existsSync(full)) return { config: DEFAULT_APPROVERS, issues: [] };
  const file = displayPath(full);
  const read = readYaml(file, 'Approvers');
  if (!read.source) return { issues: read.issues, file };
  const checked = checkSchema(read.source, approversFileSchema);
  if (!checked.data) return { issues: checked.issues, file };
  const issues = ownerIssues(read.source, checked.data, opts.counties);
  if (issues.length > 0) return { issues: sortIssues(issues), file };
  const spec = checked.data.spec;
  const config: ApproversConfig = {
    platform: spec.platform ?? DEFAULT_APPROVERS.platform,
    countyAdmins: spec.countyAdmins ?? DEFAULT_APPROVERS.countyAdmins,
    security: spec.security ?? DEFAULT_APPROVERS.security,
    classified: spec.classified ?? DEFAULT_APPROVERS.classified,
    counties: { ...(spec.counties ?? {}) },
  };
  return { config, issues: [], file };
}
