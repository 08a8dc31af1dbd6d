/**
 * Level 3+: a graded-protection assessment (等级测评) by an assessment agency, at least every 12
 * months at level 3 and every 6 months at level 4 (《信息安全等级保护管理办法》 art. 14: verify), with
 * a conclusion other than 不符合 (spec.mlps.assessment). A new tenant without one is not judged until
 * the platform's grace period ends (policies/records.ts). 8.1.9.9 a) asks for regular assessments and
 * for rectifying what they find (lettering from public summaries: verify).
 */
import { Rule } from '../../types';
import { at } from '../../clause';
import { judgeRecord } from './records';

export const rule: Rule = {
  id: 'MLPS-MGMT-002',
  family: 'MGMT',
  title: { en: 'Assessed on time and not found non-conforming', zh: '按期开展等级测评且结论不为不符合' },
  clauses: at([3, 4], '8.1.9.9 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Have a certified assessment agency assess the system (level 3: at least every 12 months; level 4: every 6 months) and state the report in the request: spec.mlps.assessment { lastOn, agency, result }. After a 不符合 (fail) conclusion, rectify and assess again.',
    zh: '委托符合规定的测评机构开展等级测评（第三级每年至少一次，第四级每半年至少一次），并在申请中填写测评报告：spec.mlps.assessment { lastOn, agency, result }。结论为不符合的，应整改后重新测评。',
  },
  check: (ctx) => judgeRecord('assessment', ctx),
};
