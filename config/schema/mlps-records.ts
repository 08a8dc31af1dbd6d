/**
 * The graded-protection paperwork (等保) a department states for its system, spec.mlps of a
 * TenantRequest, and what the platform sets about it, spec.records of platform.yaml. Dates only,
 * as the certificates and reports carry them: the records are what the department says, the
 * assessor sees the documents (policies/asks/management.ts keeps them `partly`).
 */
import { z } from 'zod';
import { duration, isoDate } from './common';

/** The filing number format when platform.yaml states none: 11 digits, a dash, 5 digits (44010013001-21001). */
export const DEFAULT_FILING_NUMBER = '^[0-9]{11}-[0-9]{5}$';
/** How long a new tenant may run before its records are due, from its joint project review's approval. */
export const DEFAULT_RECORDS_GRACE = '180d';

/** 等级测评 conclusions, as the assessment report writes them. */
export const ASSESSMENT_RESULTS = ['符合', '基本符合', '不符合'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

const text = (max: number) => z.string().min(1).max(max);

export const mlpsRecords = z
  .strictObject({
    filing: z
      .strictObject({
        number: text(40).describe("Filing certificate number (备案证明编号), in platform.yaml spec.records.filingNumber's format, e.g. 44010013001-21001 / 备案证明编号"),
        filedOn: isoDate.describe('Day the filing was accepted / 备案日期'),
        authority: text(100).describe('Public security bureau that accepted it (公安机关) / 受理备案的公安机关').meta({ examples: ['衡州市公安局网络安全保卫支队'] }),
      })
      .optional()
      .describe('Filing (定级备案) with the public security bureau, required from level 2 / 等保备案（第二级起）'),
    assessment: z
      .strictObject({
        lastOn: isoDate.describe('Day of the last graded-protection assessment report / 最近一次等级测评报告日期'),
        agency: text(100).describe('Certified assessment agency (测评机构) / 测评机构'),
        result: z.enum(ASSESSMENT_RESULTS).describe('Conclusion: 符合 (pass), 基本符合 (basically pass) or 不符合 (fail) / 测评结论'),
      })
      .optional()
      .describe('Last graded-protection assessment (等级测评): level 3 at least yearly, level 4 at least half-yearly / 等级测评（第三级每年、第四级每半年至少一次）'),
    riskAssessment: z
      .strictObject({ lastOn: isoDate.describe('Day of the last risk assessment report / 最近一次风险评估报告日期') })
      .optional()
      .describe('Last risk assessment (风险评估), at least yearly from level 3 / 风险评估（第三级起每年至少一次）'),
  })
  .describe("The system's graded-protection records, as the department states them / 等保备案、测评与风险评估记录");

export type MlpsRecordsFile = z.infer<typeof mlpsRecords>;

export const recordsSettings = z
  .strictObject({
    gracePeriod: duration
      .default(DEFAULT_RECORDS_GRACE)
      .describe(
        "How long after its approval (metadata.approval.approvedOn) a new tenant may lack a filing, an assessment or a risk assessment; default 180d / 新租户自项目联审批复之日起补齐备案、测评与风险评估的宽限期，默认 180d",
      ),
    filingNumber: z
      .string()
      .min(1)
      .max(200)
      .default(DEFAULT_FILING_NUMBER)
      .describe(`Regular expression a filing number must match; default ${DEFAULT_FILING_NUMBER} / 备案证明编号须匹配的正则表达式`),
  })
  .describe('Graded-protection records of the tenants (spec.mlps) / 租户等保记录');
