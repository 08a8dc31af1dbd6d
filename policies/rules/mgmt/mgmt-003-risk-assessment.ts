/**
 * Level 3+: a risk assessment (风险评估) at least every 12 months (spec.mlps.riskAssessment). A new
 * tenant without one is not judged until the platform's grace period ends (policies/records.ts).
 * 8.1.10.5 b) asks for regular security assessments with a report and measures against what they
 * find (lettering from public summaries; the yearly cadence is the 等保 practice: verify).
 */
import { Rule } from '../../types';
import { at } from '../../clause';
import { judgeRecord } from './records';

export const rule: Rule = {
  id: 'MLPS-MGMT-003',
  family: 'MGMT',
  title: { en: 'Risk assessed within the year', zh: '每年至少开展一次风险评估' },
  clauses: at([3, 4], '8.1.10.5 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Carry out a risk assessment of the system at least every 12 months and state the date of its report in the request: spec.mlps.riskAssessment { lastOn }.',
    zh: '每年至少对系统开展一次风险评估，并在申请中填写评估报告日期：spec.mlps.riskAssessment { lastOn }。',
  },
  check: (ctx) => judgeRecord('riskAssessment', ctx),
};
