/**
 * Bilingual messages: values a schema accepts in form but that make no sense (issue 21): near-zero
 * quotas, permanent waivers, approvals from before the platform, moving image tags, request files
 * whose extension would be ignored, and the did-you-mean variants of format and enum errors.
 */
import type { Bilingual } from '../vocabulary';

export const boundsMessages = {
  'schema.formatSuggest': {
    en: 'value {value} is not a valid {format} ({hint}); did you mean {suggestion}?',
    zh: '取值 {value} 不是有效的{format}（{hint}）；是否应为 {suggestion}？',
  },
  'schema.enumSuggest': {
    en: 'value {value} is not allowed (allowed: {allowed}); did you mean {suggestion}?',
    zh: '取值 {value} 不允许（允许：{allowed}）；是否应为 {suggestion}？',
  },
  'quota.belowMinimum': {
    en: '{resource} quota {value} is below the minimum of {min} per namespace: {why_en}; ask for at least {min}',
    zh: '{resource} 配额 {value} 低于每个命名空间的最小值 {min}：{why_zh}；请至少申请 {min}',
  },
  'quota.fraction': {
    en: '{resource} quota {value} is not a whole number of {unit_en}, which Kubernetes would round; write whole {unit_en}, such as {example}',
    zh: '{resource} 配额 {value} 不是整数个{unit_zh}，Kubernetes 会对其取整；请填写整数个{unit_zh}，如 {example}',
  },
  'waiver.tooLong': {
    en: 'waiver of {rule} expires on {expires}, more than {days} days after today ({today}, Beijing time): a waiver is temporary; set an expiry no later than {latest} and renew it with a new approval',
    zh: '{rule} 的豁免截止日期 {expires} 距今天（{today}，北京时间）超过 {days} 天：豁免只能是临时的；请将截止日期设为不晚于 {latest}，到期后重新审批',
  },
  'approval.tooOld': {
    en: 'approval date {value} is before {earliest}, before any joint project review (项目联审) of this cloud: check the 项目联审 reply for the date it was approved',
    zh: '批复日期 {value} 早于 {earliest}，早于本政务云的任何项目联审：请按项目联审批复核对批复日期',
  },
  'image.mutableTag': {
    en: 'tag {value} of image {image} moves to new content (refused in any case: {refused}); give a version tag such as 5.7 or v1.16.1, or a digest (sha256:…)',
    zh: '镜像 {image} 的标签 {value} 会指向新的内容（不区分大小写，拒绝：{refused}）；请填写版本标签（如 5.7、v1.16.1）或镜像摘要（sha256:…）',
  },
  'file.extensionCase': {
    en: '{name} is not read as a request: request files end in .yaml (or .yml) in lower case; rename it to {expected}',
    zh: '{name} 不会作为申请文件读取：申请文件的扩展名应为小写的 .yaml（或 .yml）；请重命名为 {expected}',
  },
} satisfies Record<string, Bilingual>;
