/** Approval routing: who must approve a change to one tenant request, and the approvers.yaml overrides. */
import * as fs from 'fs';
import * as path from 'path';
import { formatIssue } from '../../config/issues';
import { Tenant } from '../../config/model';
import { validateEnvironment } from '../../config/validate';
import { Approval, approversFor, approversForAll, describeChange } from '../../workflow/approvers';
import { APPROVERS_FILE, DEFAULT_APPROVERS, loadApprovers } from '../../workflow/approvers-config';
import { caseEnv } from '../helpers/env';

const base = validateEnvironment(caseEnv(undefined));
if (!base.model) throw new Error('the base fixture city must validate');
const model = base.model;
const relief = model.tenants.find((t) => t.name === 'relief') as Tenant; // north, level 2, extranet, administrative

const groups = (as: readonly Approval[]) => as.map((a) => a.group);
/** The joint-review (项目联审) roles' default groups, in role order. */
const JOINT = ['@govcloud/joint-review-office', '@govcloud/development-reform', '@govcloud/economy-it', '@govcloud/finance'];
const reasons = (as: readonly Approval[], role: Approval['role'], lang: 'en' | 'zh' = 'en') =>
  (as.find((a) => a.role === role)?.reasons ?? []).map((r) => r[lang]);

describe('approversFor', () => {
  it('routes a level-2 extranet tenant added in a county to the platform, the county and the joint-review roles', () => {
    expect(relief).toMatchObject({ county: 'north', mlpsLevel: 2, network: 'extranet' });
    const a = approversFor({ kind: 'added', head: relief });
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-north', ...JOINT]);
    expect(a.map((x) => x.role)).toEqual(['platform', 'county', 'joint-review', 'joint-review', 'joint-review', 'joint-review']);
    expect(reasons(a, 'joint-review', 'zh')).toEqual(['租户 relief 为新上云系统']);
    expect(a[1].reasons[0]).toEqual({ en: "the request is in county north's folder tenants/north/", zh: '申请位于县区 north 的目录 tenants/north/' });
  });

  it('adds security review at level 3', () => {
    const a = approversFor({ kind: 'added', head: { ...relief, mlpsLevel: 3 } });
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-north', ...JOINT, '@govcloud/security-review']);
    expect(reasons(a, 'security')).toEqual(['tenant relief is at graded-protection level 3 (3 or higher)']);
    expect(reasons(a, 'security', 'zh')).toEqual(['租户 relief 等保级别为 3 级（三级及以上）']);
  });

  it('adds the classified-systems officer for the intranet', () => {
    const caseFiles = model.tenants.find((t) => t.name === 'case-files') as Tenant;
    expect(caseFiles.network).toBe('intranet');
    const a = approversFor({ kind: 'changed', base: caseFiles, head: caseFiles });
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-south', '@govcloud/security-review', '@govcloud/classified-officer']);
    expect(reasons(a, 'classified')[0]).toBe('tenant case-files is on the intranet (电子政务内网)');
    // a level-2 tenant moved to the intranet: the officer, but no security review
    const moved = approversFor({ kind: 'changed', base: relief, head: { ...relief, network: 'intranet', zone: 'intranet' } });
    expect(groups(moved)).toEqual(['@govcloud/platform', '@govcloud/county-north', '@govcloud/classified-officer']);
  });

  it('adds security review when a waiver is added, derived from base and head or flagged', () => {
    const waiver = { rule: 'MLPS-DATA-003', reason: 'hot standby arrives with the 2027 upgrade', approvedBy: '安全审查组', expires: '2027-06-30', line: 20 };
    const head = { ...relief, waivers: [waiver] };
    const a = approversFor({ kind: 'changed', base: relief, head });
    expect(groups(a)).toContain('@govcloud/security-review');
    expect(reasons(a, 'security')).toEqual(['tenant relief: a waiver is added or changed']);
    expect(groups(approversFor({ kind: 'changed', base: relief, head: relief, waiversChanged: true }))).toContain('@govcloud/security-review');
    // a changed expiry is a changed waiver; a moved line is not; a removed waiver is not flagged
    expect(describeChange(head, { ...relief, waivers: [{ ...waiver, expires: '2028-06-30' }] }).waiversChanged).toBe(true);
    expect(describeChange(head, { ...relief, waivers: [{ ...waiver, line: 30 }] }).waiversChanged).toBe(false);
    expect(groups(approversFor({ kind: 'changed', base: head, head: relief }))).not.toContain('@govcloud/security-review');
  });

  it('adds security review when Internet exposure is turned on or Internet flows change', () => {
    const a = approversFor({ kind: 'changed', base: relief, head: { ...relief, exposedToInternet: true } });
    expect(groups(a)).toContain('@govcloud/security-review');
    expect(reasons(a, 'security')).toEqual(['tenant relief: Internet exposure or Internet flows change']);
    const flows = [{ kind: 'internet' as const, hosts: ['api.example.cn'], ports: [443] }];
    expect(describeChange(relief, { ...relief, flows }).exposureOrInternetFlowsChanged).toBe(true);
    expect(describeChange({ ...relief, flows }, { ...relief, flows: [{ ...flows[0], ports: [443] }] }).exposureOrInternetFlowsChanged).toBe(false);
    expect(groups(approversFor({ kind: 'changed', base: relief, head: relief }))).toEqual(['@govcloud/platform', '@govcloud/county-north']);
  });

  it('adds security review when the level is lowered from 3 to 2', () => {
    const a = approversFor({ kind: 'changed', base: { ...relief, mlpsLevel: 3 }, head: relief });
    // a level change needs a new 项目联审 approval too
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-north', ...JOINT, '@govcloud/security-review']);
    expect(reasons(a, 'joint-review')).toEqual(['tenant relief: the graded-protection level changes from 3 to 2']);
    expect(reasons(a, 'security')).toContain('tenant relief: the graded-protection level is lowered from 3 to 2');
    expect(reasons(a, 'security', 'zh')).toContain('租户 relief：等保级别从 3 级降为 2 级');
    // the flag alone is enough, e.g. from a caller that compares the files
    expect(groups(approversFor({ kind: 'changed', base: relief, head: relief, levelLowered: true }))).toContain('@govcloud/security-review');
  });

  it('adds the joint-review roles for a quota increase or a new Internet flow, not for a quota decrease or an admin group', () => {
    const more = approversFor({ kind: 'changed', base: relief, head: { ...relief, quota: { ...relief.quota, pods: relief.quota.pods + 10 } } });
    expect(groups(more)).toEqual(['@govcloud/platform', '@govcloud/county-north', ...JOINT]);
    expect(reasons(more, 'joint-review')).toEqual(['tenant relief: the quota grows (pods)']);
    const flows = [{ kind: 'internet' as const, hosts: ['api.example.cn'], ports: [443] }];
    expect(reasons(approversFor({ kind: 'changed', base: relief, head: { ...relief, flows } }), 'joint-review')).toEqual([
      'tenant relief: a new Internet flow (api.example.cn:443)',
    ]);
    const less = { ...relief, quota: { ...relief.quota, pods: relief.quota.pods - 10 }, admins: ['grp-other'] };
    expect(groups(approversFor({ kind: 'changed', base: relief, head: less }))).toEqual(['@govcloud/platform', '@govcloud/county-north']);
  });

  it('accepts a change with more fields (pr-diff TenantChange) and merges a pull request per group', () => {
    const changes = [
      { name: 'relief', county: 'north', file: 'x', kind: 'added' as const, head: relief },
      describeChange(
        undefined,
        model.tenants.find((t) => t.name === 'case-files'),
      ),
      describeChange(
        model.tenants.find((t) => t.name === 'portal'),
        undefined,
      ),
    ];
    const all = approversForAll(changes);
    expect(groups(all)).toEqual([
      '@govcloud/platform',
      '@govcloud/county-north',
      '@govcloud/county-south',
      // a whole pull request's groups are sorted within a role
      ...[...JOINT].sort(),
      '@govcloud/security-review',
      '@govcloud/classified-officer',
    ]);
    expect(all[0].reasons).toHaveLength(1);
    expect(reasons(all, 'security')).toEqual([
      'tenant case-files is at graded-protection level 4 (3 or higher)',
      'tenant portal is at graded-protection level 3 (3 or higher)',
      // removing an exposed tenant changes what the unified egress lets in
      'tenant portal: Internet exposure or Internet flows change',
    ]);
  });
});

describe('approversFor a request file with errors (issue 10)', () => {
  it('routes an added file that could not be read to the platform and the county of its folder, and says why', () => {
    const a = approversFor({ kind: 'added', name: 'records', county: 'north' });
    // its path tells that it is new
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-north', ...JOINT]);
    expect(reasons(a, 'platform')).toEqual([
      'the platform team approves every change',
      'tenant records: the request file has errors; security and classified review are decided once it is valid',
    ]);
    expect(reasons(a, 'platform', 'zh')[1]).toBe('租户 records：申请文件有错误；是否需要安全审查和涉密审查待文件通过校验后确定');
  });

  it('keeps what the readable base tells, without claiming changes it cannot see', () => {
    const caseFiles = model.tenants.find((t) => t.name === 'case-files') as Tenant;
    const a = approversFor({ kind: 'changed', base: caseFiles, name: 'case-files', county: 'south' });
    expect(groups(a)).toEqual(['@govcloud/platform', '@govcloud/county-south', '@govcloud/security-review', '@govcloud/classified-officer']);
    expect(reasons(a, 'security')).toEqual(['tenant case-files is at graded-protection level 4 (3 or higher)']);
  });
});

describe('approvers.yaml', () => {
  const write = (text: string): string => {
    const dir = caseEnv(undefined);
    fs.writeFileSync(path.join(dir, APPROVERS_FILE), text);
    return dir;
  };
  const counties = model.counties.map((c) => c.code);

  it('uses the defaults when the file does not exist', () => {
    expect(loadApprovers(caseEnv(undefined), { counties })).toEqual({ config: DEFAULT_APPROVERS, issues: [] });
  });

  it('overrides group names, and the county template per county', () => {
    const dir = write(
      [
        'apiVersion: govcloud/v1',
        'kind: Approvers',
        'spec:',
        '  security: "@gov-security/mlps-review"',
        '  countyAdmins: "@govcloud/admins-{county}"',
        '  counties:',
        '    south: "@south-district/ops"',
        '',
      ].join('\n'),
    );
    const r = loadApprovers(dir, { counties });
    expect(r.issues).toEqual([]);
    const config = r.config ?? DEFAULT_APPROVERS;
    expect(groups(approversFor({ kind: 'added', head: { ...relief, mlpsLevel: 3 } }, config))).toEqual([
      '@govcloud/platform',
      '@govcloud/admins-north',
      ...JOINT,
      '@gov-security/mlps-review',
    ]);
    expect(groups(approversFor({ kind: 'removed', base: { ...relief, county: 'south' } }, config))).toEqual(['@govcloud/platform', '@south-district/ops']);
  });

  it('reports a bad file with file:line:col, in English and Chinese', () => {
    const dir = write(['apiVersion: govcloud/v1', 'kind: Approvers', 'spec:', '  securty: "@gov-security/review"', ''].join('\n'));
    const r = loadApprovers(dir, { counties });
    const file = path.join(dir, APPROVERS_FILE);
    expect(r.config).toBeUndefined();
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([`${file}:4:3 spec.securty: unknown field "securty"; did you mean security?`]);
    expect(r.issues.map((i) => formatIssue(i, 'zh'))).toEqual([`${file}:4:3 spec.securty: 未知字段 "securty"；是否应为 security？`]);
  });

  it('reports owners that are not CODEOWNERS owners and counties the platform does not declare', () => {
    const dir = write(
      [
        'apiVersion: govcloud/v1',
        'kind: Approvers',
        'spec:',
        '  platform: platform team',
        '  countyAdmins: "@govcloud/county"',
        '  counties:',
        '    nort: "@north/ops"',
        '',
      ].join('\n'),
    );
    const file = path.join(dir, APPROVERS_FILE);
    expect(loadApprovers(dir, { counties }).issues.map((i) => formatIssue(i, 'en'))).toEqual([
      `${file}:4:13 spec.platform: value "platform team" is not a valid CODEOWNERS owner (@user, @org/team, name@example.gov.cn)`,
      `${file}:5:17 spec.countyAdmins: value "@govcloud/county" is not a valid CODEOWNERS owner template (@govcloud/county-{county})`,
      `${file}:7:5 spec.counties.nort: unknown county "nort" (known: north, south); did you mean north?`,
    ]);
  });

  it('reports YAML syntax errors and a wrong kind at their position', () => {
    const file = (dir: string) => path.join(dir, APPROVERS_FILE);
    const broken = write('apiVersion: govcloud/v1\nkind: Approvers\nspec:\n  platform: [unclosed\n');
    expect(loadApprovers(broken).issues.map((i) => formatIssue(i, 'en'))[0]).toMatch(
      new RegExp(`^${file(broken).replace(/[.]/g, '\\.')}:\\d+:\\d+ YAML syntax error`),
    );
    const wrongKind = write('apiVersion: govcloud/v1\nkind: Approver\nspec: {}\n');
    expect(loadApprovers(wrongKind).issues.map((i) => formatIssue(i, 'en'))).toEqual([`${file(wrongKind)}:2:7 kind: must be "Approvers", got "Approver"`]);
  });
});
