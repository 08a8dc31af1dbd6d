/**
 * Level 2+: the system is filed (定级备案) with the public security bureau, and the request states
 * the filing certificate's number, date and authority (spec.mlps.filing). A filing holds until the
 * level changes (a new level is a new request and a new filing). A new tenant without one is not
 * judged until the platform's grace period ends (policies/records.ts). Clause lettering 8.1.9.1 d)
 * (备案材料报主管部门和相应公安机关备案) is from public summaries: verify.
 */
import { Rule } from '../../types';
import { at } from '../../clause';
import { judgeRecord } from './records';

export const rule: Rule = {
  id: 'MLPS-MGMT-001',
  family: 'MGMT',
  title: { en: 'Filed with the public security bureau', zh: '已向公安机关备案' },
  clauses: at([2, 3, 4], '8.1.9.1 d)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'File the grading (定级备案) with the public security bureau and state the certificate in the request: spec.mlps.filing { number, filedOn, authority }, the number as the certificate (备案证明) gives it.',
    zh: '向公安机关办理定级备案，并在申请中填写备案证明：spec.mlps.filing { number, filedOn, authority }，编号按备案证明填写。',
  },
  check: (ctx) => judgeRecord('filing', ctx),
};
