/** `govcloud new tenant`: the scaffolded request validates in a city as written, and nothing is ever overwritten. */
import * as fs from 'fs';
import * as path from 'path';
import { formatIssue } from '../../config/issues';
import { validateEnvironment } from '../../config/validate';
import { buildDeployment } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { RULES } from '../../policies/registry';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { APPROVAL_PLACEHOLDER, MODELINE, scaffoldTenant, writeScaffold } from '../../workflow/scaffold';
import { WorkflowError } from '../../workflow/text';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-11-23';

describe('scaffoldTenant', () => {
  const text = scaffoldTenant({ county: 'north', name: 'new-portal', department: 'civil-affairs', lang: 'zh', today: TODAY });

  it('starts with the schema modeline and explains the fields in Chinese and English', () => {
    expect(text.split('\n')[0]).toBe(MODELINE);
    expect(MODELINE).toBe('# yaml-language-server: $schema=../../../../schema/tenant-request.schema.json');
    expect(text).toContain('# 等保 2.0 级别 1..4');
    expect(text).toContain('# Graded-protection (等保 2.0) level 1..4');
    expect(text).toContain('admins: [grp-civil-affairs-ops]');
  });

  it('marks the approval reference as a placeholder to replace with the real 项目联审 reference', () => {
    expect(text).toContain(`approval: { ref: ${APPROVAL_PLACEHOLDER}, approvedOn: ${TODAY} }`);
    expect(text).toMatch(/# TODO 项目联审批复：XM-TODO 只是占位符，合并前必须填写真实的项目联审批复文号/);
    expect(text).toMatch(/# TODO joint project review \(项目联审\): XM-TODO is a placeholder/);
  });

  it('puts the chosen language first', () => {
    const en = scaffoldTenant({ county: 'north', name: 'new-portal', lang: 'en', today: TODAY }).split('\n');
    const i = en.indexOf('  mlpsLevel: 3');
    expect(en[i - 2]).toMatch(/^ {2}# Graded-protection/);
    expect(en[i - 1]).toMatch(/^ {2}# 等保/);
    expect(en).toContain('  department: new-portal');
    expect(en).toContain('  admins: [grp-new-portal-ops]');
  });

  it('refuses a name, county or department that is not a DNS label, naming the value and what is allowed', () => {
    expect(() => scaffoldTenant({ county: 'north', name: 'New_Portal', lang: 'en' })).toThrow(
      `tenant name "New_Portal" is not a DNS label: allowed are lower-case letters, digits and '-', starting with a letter and not ending with '-', at most 40 characters`,
    );
    expect(() => scaffoldTenant({ county: 'North', name: 'portal2', lang: 'en' })).toThrow(/^county "North" is not a DNS label/);
    expect(() => scaffoldTenant({ county: 'north', name: 'a'.repeat(41), lang: 'en' })).toThrow(/at most 40 characters/);
    expect(() => scaffoldTenant({ county: 'north', name: 'ok', department: '-ops', lang: 'zh' })).toThrow(/^部门 "-ops" 不是 DNS 标签/);
    let caught: unknown;
    try {
      scaffoldTenant({ county: 'north', name: '1st', lang: 'zh' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WorkflowError);
    expect((caught as WorkflowError).text.en).toMatch(/^tenant name "1st" is not a DNS label/);
    expect((caught as WorkflowError).message).toMatch(/^租户名称 "1st" 不是 DNS 标签/);
  });

  it('shows the code points of a look-alike letter in a name (issue 10)', () => {
    expect(() => scaffoldTenant({ county: 'north', name: 'civil-\u0430ffairs', lang: 'en' })).toThrow(
      /^tenant name "civil-\u0430ffairs" \(U\+0430 at 7\) is not a DNS label/,
    );
    expect(() => scaffoldTenant({ county: 'north', name: 'civil-\u0430ffairs', lang: 'zh' })).toThrow(
      /^租户名称 "civil-\u0430ffairs"（第 7 个字符为 U\+0430） 不是 DNS 标签/,
    );
  });
});

describe('writeScaffold', () => {
  it('writes a request that validates in the fixture city, with no issue at all, and passes its level', () => {
    const dir = caseEnv(undefined);
    const file = writeScaffold(dir, { county: 'north', name: 'new-portal', department: 'civil-affairs', lang: 'en', today: TODAY });
    expect(file).toBe(path.join(dir, 'tenants', 'north', 'new-portal.yaml'));
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toBe(MODELINE);
    // until the department fills in every placeholder, each at its line, the request cannot pass
    const draft = validateEnvironment(dir, { rules: RULES, today: TODAY });
    expect(draft.issues.map((i) => formatIssue(i, 'en').replace(/^.*?tenants/, 'tenants'))).toEqual([
      expect.stringMatching(/^tenants\/north\/new-portal\.yaml:\d+:\d+ metadata\.displayName: "TODO 系统名称 \/ system name" is the placeholder/),
      expect.stringMatching(/^tenants\/north\/new-portal\.yaml:\d+:\d+ metadata\.owner\.name: "TODO" is the placeholder/),
      expect.stringMatching(/^tenants\/north\/new-portal\.yaml:\d+:\d+ metadata\.owner\.email: "todo@example\.invalid" is the placeholder/),
      expect.stringMatching(/^tenants\/north\/new-portal\.yaml:\d+:\d+ metadata\.approval\.ref: approval reference "XM-TODO" is a placeholder/),
    ]);
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace('ref: XM-TODO', 'ref: XM-2026-0321')
        .replace('"TODO 系统名称 / system name"', '新门户')
        .replace('{ name: TODO, email: todo@example.invalid }', '{ name: 李四, email: lisi@civil-affairs.example-city.gov.cn }'),
    );
    const r = validateEnvironment(dir, { rules: RULES, today: TODAY });
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([]);
    const t = r.model?.tenants.find((x) => x.name === 'new-portal');
    expect(t).toMatchObject({
      county: 'north',
      approvalRef: 'XM-2026-0321',
      classification: 'unclassified',
      mlpsLevel: 3,
      network: 'extranet',
      zone: 'administrative',
      environments: ['prod', 'test'],
      dr: 'hot-standby',
      exposedToInternet: false,
      flows: [],
      admins: ['grp-civil-affairs-ops'],
    });
    // the graded-protection check at level 3 finds nothing to fix in the new tenant
    const model = r.model;
    if (!model) throw new Error('no model');
    const report = runChecks(model, buildDeployment(model, stacksForCheck(model, dir).stacks), { tenants: ['new-portal'], today: TODAY });
    expect(report.tenants.map((x) => x.tenant.name)).toEqual(['new-portal']);
    expect(report.tenants[0].findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(10);
    const failing = report.tenants
      .flatMap((x) => x.findings)
      .filter((f) => f.status === 'fail')
      .map((f) => f.rule.id);
    expect(failing).toEqual([]);
  });

  it('creates the county folder of a county that has no tenant yet', () => {
    const dir = caseEnv(undefined);
    fs.rmSync(path.join(dir, 'tenants', 'south'), { recursive: true });
    const file = writeScaffold(dir, { county: 'south', name: 'first-one', lang: 'zh', today: TODAY });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses a county the platform does not declare', () => {
    const dir = caseEnv(undefined);
    expect(() => writeScaffold(dir, { county: 'nort', name: 'new-portal', lang: 'en' })).toThrow(
      'county "nort" is not declared in platform.yaml (allowed: north, south); did you mean north?',
    );
    expect(() => writeScaffold(dir, { county: 'city', name: 'new-portal', lang: 'zh' })).toThrow('县区 "city" 未在 platform.yaml 中声明（允许：north, south）');
    expect(fs.existsSync(path.join(dir, 'tenants', 'nort'))).toBe(false);
  });

  it('never overwrites: an existing file, or the same tenant name in another county, is refused', () => {
    const dir = caseEnv(undefined);
    const first = writeScaffold(dir, { county: 'north', name: 'new-portal', lang: 'en', today: TODAY });
    fs.appendFileSync(first, '# edited by the department\n');
    const before = fs.readFileSync(first, 'utf8');
    expect(() => writeScaffold(dir, { county: 'north', name: 'new-portal', lang: 'en' })).toThrow(
      /new-portal\.yaml already exists: tenant names are unique in the city/,
    );
    expect(fs.readFileSync(first, 'utf8')).toBe(before);
    const relief = path.join(dir, 'tenants', 'north', 'relief.yaml');
    const reliefText = fs.readFileSync(relief, 'utf8');
    expect(() => writeScaffold(dir, { county: 'south', name: 'relief', lang: 'zh' })).toThrow(/relief\.yaml 已存在：租户名称全市唯一/);
    expect(fs.readFileSync(relief, 'utf8')).toBe(reliefText);
    expect(fs.existsSync(path.join(dir, 'tenants', 'south', 'relief.yaml'))).toBe(false);
  });

  it('refuses the department defaulted to the tenant name, and approval references that stand for none', () => {
    const dir = caseEnv(undefined);
    const file = writeScaffold(dir, { county: 'north', name: 'new-portal', lang: 'en', today: TODAY });
    for (const ref of ['n/a', 'TBD', 'none', '待定']) {
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/ref: [^,]+,/, `ref: "${ref}",`));
      const issues = validateEnvironment(dir, { rules: RULES, today: TODAY }).issues.map((i) => formatIssue(i, 'en'));
      expect([ref, issues.some((l) => l.includes(`metadata.approval.ref: "${ref}" is the placeholder`))]).toEqual([ref, true]);
      expect(issues.some((l) => /metadata\.department: department "new-portal" is the tenant name/.test(l))).toBe(true);
    }
    const zh = validateEnvironment(dir, { rules: RULES, today: TODAY }).issues.map((i) => formatIssue(i, 'zh'));
    expect(zh).toContainEqual(expect.stringContaining('是 `govcloud new tenant` 写入的占位内容：提交审核前请填写批准本申请的项目联审批复文号'));
    expect(zh).toContainEqual(expect.stringContaining('与租户名称相同'));
  });

  it('refuses a folder without platform.yaml, and bad names before touching the disk', () => {
    const dir = caseEnv(undefined);
    expect(() => writeScaffold(path.join(dir, 'tenants'), { county: 'north', name: 'x1', lang: 'en' })).toThrow(
      /no platform\.yaml in .*: is it an environment folder\?/,
    );
    expect(() => writeScaffold(dir, { county: 'north', name: 'bad name', lang: 'en' })).toThrow(/tenant name "bad name" is not a DNS label/);
  });
});
