/**
 * The graded-protection records of a request (spec.mlps) and the platform's settings for them
 * (spec.records): each bad value refused at its position, naming the field, the value and what is
 * allowed, in English and Chinese; good records reach the model.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { RULES } from '../../policies/registry';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-12-01';
const RELIEF = 'tenants/north/relief.yaml';
const ANCHOR = '  mlpsLevel: 2\n';

/** The base city with one text replaced in one file. */
function edited(file: string, from: string, to: string, dir = caseEnv(undefined)): string {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
  return dir;
}

/** relief (level 2) stating these records under spec.mlps, written as YAML lines after `  mlps:`. */
const withRecords = (...lines: string[]) => edited(RELIEF, ANCHOR, `${ANCHOR}  mlps:\n${lines.map((l) => `    ${l}\n`).join('')}`);

function lines(dir: string, lang: 'en' | 'zh' = 'en'): string[] {
  return validateEnvironment(dir, { rules: RULES, today: TODAY }).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );
}

const FILING = 'filing: { number: 44010013001-21001, filedOn: 2026-09-20, authority: 示例市公安局网络安全保卫支队 }';

describe('spec.mlps of a request', () => {
  it('puts stated records into the model, and the approval date the grace period runs from', () => {
    const dir = withRecords(
      FILING,
      'assessment: { lastOn: 2026-03-01, agency: 示例市信息安全测评中心, result: 基本符合 }',
      'riskAssessment: { lastOn: 2026-02-01 }',
    );
    const r = validateEnvironment(dir, { rules: RULES, today: TODAY });
    expect(r.issues).toEqual([]);
    const relief = r.model?.tenants.find((t) => t.name === 'relief');
    expect(relief?.approvedOn).toBe('2026-10-01');
    expect(relief?.mlps).toEqual({
      filing: { number: '44010013001-21001', filedOn: '2026-09-20', authority: '示例市公安局网络安全保卫支队' },
      assessment: { lastOn: '2026-03-01', agency: '示例市信息安全测评中心', result: '基本符合' },
      riskAssessment: { lastOn: '2026-02-01' },
    });
    expect(r.model?.records).toEqual({ gracePeriod: '180d', graceDays: 180, filingNumber: '^[0-9]{11}-[0-9]{5}$' });
  });

  it('refuses a filing number in another format, naming the format platform.yaml sets', () => {
    const dir = withRecords('filing: { number: 粤公网备-123, filedOn: 2026-09-20, authority: 示例市公安局 }');
    expect(lines(dir)).toEqual([
      `case/${RELIEF}:14:23 spec.mlps.filing.number: filing number "粤公网备-123" does not have the format platform.yaml sets (spec.records.filingNumber: ^[0-9]{11}-[0-9]{5}$, e.g. 44010013001-21001): copy the number from the filing certificate (备案证明) the public security bureau issued`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `case/${RELIEF}:14:23 spec.mlps.filing.number: 备案证明编号 "粤公网备-123" 不符合 platform.yaml 规定的格式（spec.records.filingNumber：^[0-9]{11}-[0-9]{5}$，如 44010013001-21001）：请按公安机关出具的备案证明填写编号`,
    ]);
  });

  it('accepts a filing number in the format platform.yaml sets instead of the default', () => {
    let dir = withRecords('filing: { number: 粤公网备-123, filedOn: 2026-09-20, authority: 示例市公安局 }');
    dir = edited(
      'platform.yaml',
      '  logRetentionDays: 190\n',
      '  logRetentionDays: 190\n  records: { filingNumber: "^\\\\S+-[0-9]+$", gracePeriod: 90d }\n',
      dir,
    );
    const r = validateEnvironment(dir, { rules: RULES, today: TODAY });
    expect(r.issues).toEqual([]);
    expect(r.model?.records).toEqual({ gracePeriod: '90d', graceDays: 90, filingNumber: '^\\S+-[0-9]+$' });
  });

  it('refuses a filing number format that is not a regular expression, at its line in platform.yaml', () => {
    const dir = edited('platform.yaml', '  logRetentionDays: 190\n', '  logRetentionDays: 190\n  records: { filingNumber: "[0-9" }\n');
    const [en] = lines(dir);
    expect(en).toMatch(
      /^case\/platform\.yaml:66:28 spec\.records\.filingNumber: filing number format "\[0-9" is not a regular expression \(.+\): write one such as \^\[0-9\]\{11\}-\[0-9\]\{5\}\$$/,
    );
    expect(lines(dir, 'zh')[0]).toContain('备案证明编号格式 "[0-9" 不是有效的正则表达式');
  });

  it('refuses a date after today and one before the graded-protection rules, each at its position', () => {
    const dir = withRecords(
      FILING,
      'assessment: { lastOn: 2026-12-02, agency: 示例市信息安全测评中心, result: 符合 }',
      'riskAssessment: { lastOn: 1900-01-01 }',
    );
    expect(lines(dir)).toEqual([
      `case/${RELIEF}:15:27 spec.mlps.assessment.lastOn: date 2026-12-02 is after today (2026-12-01, Beijing time): a record states what has happened; check the certificate or report for its date`,
      `case/${RELIEF}:16:31 spec.mlps.riskAssessment.lastOn: date 1900-01-01 is before 2007-06-22, when the graded-protection rules (公通字〔2007〕43号) were issued: check the certificate or report for its date`,
    ]);
    expect(lines(dir, 'zh')[0]).toBe(
      `case/${RELIEF}:15:27 spec.mlps.assessment.lastOn: 日期 2026-12-02 晚于今天（2026-12-01，北京时间）：记录只填写已发生的事项；请按备案证明或报告核对日期`,
    );
  });

  it('refuses an assessment result other than 符合, 基本符合 or 不符合, naming what is allowed', () => {
    const [en] = lines(withRecords('assessment: { lastOn: 2026-03-01, agency: 示例市信息安全测评中心, result: pass }'));
    expect(en).toBe(`case/${RELIEF}:14:68 spec.mlps.assessment.result: value "pass" is not allowed (allowed: 符合, 基本符合, 不符合)`);
  });

  it('refuses an unknown key, a missing field and a date that is not one', () => {
    const out = lines(withRecords('filing: { number: 44010013001-21001, filedOn: 2026-02-30, authority: 示例市公安局, by: x }', 'riskAssessment: {}'));
    expect(out.map((l) => l.split(': ')[0])).toEqual([
      `case/${RELIEF}:14:51 spec.mlps.filing.filedOn`,
      `case/${RELIEF}:14:82 spec.mlps.filing.by`,
      `case/${RELIEF}:15:21 spec.mlps.riskAssessment.lastOn`,
    ]);
  });
});
