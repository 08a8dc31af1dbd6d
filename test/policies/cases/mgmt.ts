/**
 * MLPS-MGMT-001 to 003: the graded-protection records a request states (spec.mlps), judged on the
 * check's today. The base fixture's unclassified tenants were approved on 2026-10-01; the platform's
 * grace period is the default 180d, so a missing record is due by 2027-03-30. case-files is classified.
 */
import { RuleCase, withTenant } from '../../helpers/policy';
import { CityModel, MlpsRecords } from '../../../config/model';

const FILING = { number: '44010013001-21001', filedOn: '2026-09-20', authority: '示例市公安局网络安全保卫支队' };
const AGENCY = '示例市信息安全测评中心';

/** The tenant with these records. */
const records =
  (tenant: string, mlps: MlpsRecords) =>
  (m: CityModel): CityModel =>
    withTenant(m, tenant, () => ({ mlps }));

export const CASES: RuleCase[] = [
  {
    name: 'passes with the filing certificate stated',
    rule: 'MLPS-MGMT-001',
    tenant: 'relief',
    expect: 'pass',
    model: records('relief', { filing: FILING }),
    detail: /^no\. 44010013001-21001, filed 2026-09-20 with 示例市公安局网络安全保卫支队$/,
  },
  {
    name: 'fails without a filing once the grace period is over',
    rule: 'MLPS-MGMT-001',
    tenant: 'relief',
    expect: 'fail',
    today: '2027-03-31',
    detail: /none stated; was due by 2027-03-30 \(end of the grace period of 180d\)/,
  },
  {
    name: 'is not applicable without a filing inside the grace period, saying when it falls due',
    rule: 'MLPS-MGMT-001',
    tenant: 'relief',
    expect: 'not-applicable',
    today: '2027-03-30',
    detail: /due by 2027-03-30 \(grace period of 180d from the approval\)/,
  },
  {
    name: 'follows the grace period platform.yaml sets',
    rule: 'MLPS-MGMT-001',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => ({ ...m, records: { ...m.records, gracePeriod: '30d', graceDays: 30 } }),
    detail: /was due by 2026-10-31 \(end of the grace period of 30d\)/,
  },
  {
    name: 'is not applicable at level 1',
    rule: 'MLPS-MGMT-001',
    tenant: 'relief',
    expect: 'not-applicable',
    level: 1,
    today: '2028-01-01',
    detail: /not required at level 1/,
  },
  {
    name: 'passes at level 3 assessed within 12 months, saying when the next is due',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'pass',
    model: records('portal', { assessment: { lastOn: '2026-03-01', agency: AGENCY, result: '符合' } }),
    detail: /2026-03-01 by 示例市信息安全测评中心: 符合 \(pass\); next due by 2027-03-01/,
  },
  {
    name: 'passes with a 基本符合 (basically pass) conclusion',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'pass',
    model: records('portal', { assessment: { lastOn: '2026-06-15', agency: AGENCY, result: '基本符合' } }),
    detail: /基本符合 \(basically pass\)/,
  },
  {
    name: 'fails at level 3 when the last assessment is more than 12 months old',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'fail',
    model: records('portal', { assessment: { lastOn: '2025-11-30', agency: AGENCY, result: '符合' } }),
    detail: /the next was due by 2026-11-30 \(every 12 months at level 3\)/,
  },
  {
    name: 'fails at level 4 when the last assessment is more than 6 months old',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'fail',
    level: 4,
    model: records('portal', { assessment: { lastOn: '2026-05-31', agency: AGENCY, result: '符合' } }),
    detail: /the next was due by 2026-11-30 \(every 6 months at level 4\)/,
  },
  {
    name: 'passes at level 4 assessed within 6 months (month ends carried over)',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'pass',
    level: 4,
    today: '2027-02-28',
    model: records('portal', { assessment: { lastOn: '2026-08-31', agency: AGENCY, result: '符合' } }),
    detail: /next due by 2027-02-28$/,
  },
  {
    name: 'fails when the last assessment concluded 不符合 (fail), however recent',
    rule: 'MLPS-MGMT-002',
    tenant: 'portal',
    expect: 'fail',
    model: records('portal', { assessment: { lastOn: '2026-11-20', agency: AGENCY, result: '不符合' } }),
    detail: /did not conform: rectify and assess again/,
  },
  {
    name: 'fails without an assessment once the grace period is over',
    rule: 'MLPS-MGMT-002',
    tenant: 'exchange-hub',
    expect: 'fail',
    today: '2027-04-01',
    model: records('exchange-hub', { filing: FILING }),
    detail: /none stated; was due by 2027-03-30/,
  },
  {
    name: 'is not applicable without an assessment inside the grace period',
    rule: 'MLPS-MGMT-002',
    tenant: 'exchange-hub',
    expect: 'not-applicable',
    detail: /none stated; due by 2027-03-30/,
  },
  {
    name: 'is not applicable at level 2, whatever the record says',
    rule: 'MLPS-MGMT-002',
    tenant: 'relief',
    expect: 'not-applicable',
    today: '2028-01-01',
    detail: /not required at level 2/,
  },
  {
    name: 'passes with a risk assessment within 12 months',
    rule: 'MLPS-MGMT-003',
    tenant: 'portal',
    expect: 'pass',
    model: records('portal', { riskAssessment: { lastOn: '2026-01-10' } }),
    detail: /^2026-01-10; next due by 2027-01-10$/,
  },
  {
    name: 'fails when the last risk assessment is more than 12 months old',
    rule: 'MLPS-MGMT-003',
    tenant: 'portal',
    expect: 'fail',
    model: records('portal', { riskAssessment: { lastOn: '2025-11-01' } }),
    detail: /the next was due by 2026-11-01/,
  },
  {
    name: 'fails at level 4 without a risk assessment once the grace period is over',
    rule: 'MLPS-MGMT-003',
    tenant: 'exchange-hub',
    expect: 'fail',
    level: 4,
    today: '2027-06-01',
    detail: /none stated; was due by 2027-03-30/,
  },
  {
    name: 'is not applicable to classified work (分级保护, not 等保), whatever is stated',
    rule: 'MLPS-MGMT-003',
    tenant: 'case-files',
    expect: 'not-applicable',
    today: '2028-01-01',
    detail: /classified \(涉密\): protected under 分级保护/,
  },
];
