/**
 * How the MGMT rules judge one record (policies/records.ts): current → pass; overdue, missing after
 * the grace period, or an assessment that concluded 不符合 → fail; inside the grace period →
 * not-applicable, saying when it falls due; not asked at the level → not-applicable.
 */
import { fail, notApplicable, pass, RuleContext, RuleResult } from '../../types';
import { RecordKind, recordsEvidence } from '../../records';

const FIELD: Readonly<Record<RecordKind, string>> = {
  filing: 'spec.mlps.filing',
  assessment: 'spec.mlps.assessment',
  riskAssessment: 'spec.mlps.riskAssessment',
};

export function judgeRecord(kind: RecordKind, { model, tenant, level, today }: RuleContext): RuleResult {
  const s = recordsEvidence(model, tenant, level, today)[kind];
  // a missing record has no field of its own: the finding points at spec.mlps, or at the level that asks for it
  const field = s.on === undefined ? (tenant.mlps ? 'spec.mlps' : 'spec.mlpsLevel') : FIELD[kind];
  switch (s.state) {
    case 'current':
      return pass({ field, detail: s.text.en });
    case 'grace':
    case 'not-required':
      return notApplicable(s.text.en);
    default:
      return fail({ field, detail: s.text.en });
  }
}
