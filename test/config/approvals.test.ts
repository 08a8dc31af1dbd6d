/**
 * The city's approval paperwork (platform.yaml spec.approvals): the 项目联审 reference format, the
 * security reviewers' roster of waivers, the platform's waiver length, and a change that needs a new
 * approval reference. One fixture per error (test/fixtures/config/approvals/<case>/ laid over the base
 * city), asserting every printed line in English and Chinese.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment, ValidationResult } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { RULES } from '../../policies/registry';
import { caseEnv, FIXTURES, tmpDir } from '../helpers/env';
import { exampleReference, matchesReference } from '../../config/schema/approvals';

const TODAY = '2026-11-23';

/** The base fixture city with an approvals case laid over it. */
function approvalsCase(name: string): string {
  const dir = caseEnv(undefined, tmpDir(`approvals-${name}`));
  fs.cpSync(path.join(FIXTURES, 'approvals', name), dir, { recursive: true });
  return dir;
}

function lines(dir: string, result: ValidationResult, lang: 'en' | 'zh'): string[] {
  return result.issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );
}

const validate = (dir: string) => validateEnvironment(dir, { rules: RULES, today: TODAY });

describe('reference format', () => {
  it('reads YYYY as a year and N as a digit, every other character as itself', () => {
    expect(matchesReference('XM-2026-0142', 'XM-YYYY-NNNN')).toBe(true);
    expect(matchesReference('XM-2026-142', 'XM-YYYY-NNNN')).toBe(false);
    expect(matchesReference('XM.2026-0142', 'XM-YYYY-NNNN')).toBe(false);
    expect(matchesReference('发改审〔2026〕012号', '发改审〔YYYY〕NNN号')).toBe(true);
    expect(exampleReference('发改审〔YYYY〕NNN号', '2026')).toBe('发改审〔2026〕001号');
  });

  it('fails a reference that does not follow the default format XM-YYYY-NNNN', () => {
    const dir = approvalsCase('ref-format');
    const result = validate(dir);
    expect(lines(dir, result, 'en')).toEqual([
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "2026-0001" does not follow the city\'s 项目联审 (joint project review) reference format XM-YYYY-NNNN (spec.approvals.referenceFormat in platform.yaml; YYYY is a year, N a digit): give the reference as the review\'s reply writes it, such as XM-2026-0001',
    ]);
    expect(lines(dir, result, 'zh')).toEqual([
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: 批复文号 "2026-0001" 不符合本市项目联审批复文号格式 XM-YYYY-NNNN（platform.yaml 中的 spec.approvals.referenceFormat；YYYY 为年份，N 为一位数字）：请按联审批复填写文号，如 XM-2026-0001',
    ]);
    expect(result.model).toBeUndefined();
  });

  it("holds every request to the city's own format, and passes one that follows it", () => {
    const dir = approvalsCase('ref-format-custom');
    const result = validate(dir);
    const en = lines(dir, result, 'en');
    // the other requests of the base city still carry XM- references
    expect(en).toHaveLength(4);
    expect(en.filter((l) => l.startsWith('case/tenants/north/relief.yaml'))).toEqual([
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "发改审〔2026〕7号" does not follow the city\'s 项目联审 (joint project review) reference format 发改审〔YYYY〕NNN号 (spec.approvals.referenceFormat in platform.yaml; YYYY is a year, N a digit): give the reference as the review\'s reply writes it, such as 发改审〔2026〕001号',
    ]);
    for (const f of ['tenants/north/relief.yaml', 'tenants/north/portal.yaml', 'tenants/south/case-files.yaml', 'tenants/south/exchange-hub.yaml']) {
      const file = path.join(dir, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/ref: [^,]+,/, 'ref: 发改审〔2026〕007号,'));
    }
    expect(validate(dir).issues).toEqual([]);
  });

  it('refuses a placeholder once, as a placeholder', () => {
    const dir = approvalsCase('ref-placeholder');
    expect(lines(dir, validate(dir), 'en')).toEqual([
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: "n/a" is the placeholder `govcloud new tenant` writes: fill in the 项目联审 (joint project review) reference that approved this request before the request is reviewed',
    ]);
  });

  it('fails a format with nothing to fill in, a group that is no CODEOWNERS owner and a waiver length over three years', () => {
    const dir = approvalsCase('platform-bad');
    expect(lines(dir, validate(dir), 'en')).toEqual([
      'case/platform.yaml:76:22 spec.approvals.referenceFormat: value "XM-0001" is not a valid reference format (up to 60 characters without spaces, with YYYY for the year and an N for each digit, such as XM-YYYY-NNNN)',
      'case/platform.yaml:77:29 spec.approvals.jointReview.finance: value "finance-team" is not a valid CODEOWNERS owner (@org/team, @user or an e-mail address, such as @govcloud/finance)',
      'case/platform.yaml:78:20 spec.approvals.maxWaiverDays: value 3650 is above the maximum 1095',
    ]);
  });
});

describe('waivers', () => {
  it("fails an approver who is not on the security reviewers' roster, and passes one who is", () => {
    const dir = approvalsCase('waiver-approver');
    const result = validate(dir);
    // the second waiver's approver, 安全处王工, is on the roster
    expect(lines(dir, result, 'en')).toEqual([
      'case/tenants/north/relief.yaml:19:106 spec.waivers[0].approvedBy: waiver of MLPS-NET-001 is approved by "安全处李公", who is not on the security reviewers\' roster (spec.approvals.securityReviewers in platform.yaml: 安全处李工, 安全处王工): a waiver is approved by a security reviewer (安全审查); name one as the roster writes it; did you mean 安全处李工?',
    ]);
    expect(lines(dir, result, 'zh')).toEqual([
      'case/tenants/north/relief.yaml:19:106 spec.waivers[0].approvedBy: MLPS-NET-001 的豁免由 "安全处李公" 审批，但其不在安全审查人员名单中（platform.yaml 中的 spec.approvals.securityReviewers：安全处李工, 安全处王工）：豁免须由安全审查人员审批；请按名单写法填写；是否应为 安全处李工？',
    ]);
  });

  it('fails an expiry beyond the days platform.yaml allows', () => {
    const dir = approvalsCase('waiver-platform-days');
    expect(lines(dir, validate(dir), 'en')).toEqual([
      'case/tenants/north/relief.yaml:19:122 spec.waivers[0].expires: waiver of MLPS-NET-001 expires on 2027-03-01, more than 90 days after today (2026-11-23, Beijing time): a waiver is temporary; set an expiry no later than 2027-02-21 and renew it with a new approval',
    ]);
    // the same waiver under the default of 365 days
    const platform = path.join(dir, 'platform.yaml');
    fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace(/ {2}approvals:\n.*\n/, ''));
    expect(validate(dir).issues).toEqual([]);
  });

  it('checks no approver when the city declares no roster', () => {
    const dir = approvalsCase('waiver-approver');
    const platform = path.join(dir, 'platform.yaml');
    fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace(/ {2}approvals:\n.*\n/, ''));
    expect(validate(dir).issues).toEqual([]);
  });
});
