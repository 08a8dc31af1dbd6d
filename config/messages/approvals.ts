/**
 * Bilingual messages for the city's approval paperwork: 项目联审 references (config/checks/approval.ts,
 * config/checks/approval-changes.ts), waivers' approvers (config/checks/waivers.ts) and the
 * committed CODEOWNERS (workflow/codeowners-drift.ts).
 */
import type { Bilingual } from '../vocabulary';

export const approvalMessages = {
  'approval.refFormat': {
    en: "approval reference {value} does not follow the city's 项目联审 (joint project review) reference format {format} (spec.approvals.referenceFormat in platform.yaml; YYYY is a year, N a digit): give the reference as the review's reply writes it, such as {example}",
    zh: '批复文号 {value} 不符合本市项目联审批复文号格式 {format}（platform.yaml 中的 spec.approvals.referenceFormat；YYYY 为年份，N 为一位数字）：请按联审批复填写文号，如 {example}',
  },
  'approval.unchanged': {
    en: 'approval reference {value} is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: {what_en}; give the reference (and date) of the review that approved this change',
    zh: '批复文号 {value} 与基准版本中的相同，但本次变更需要新的项目联审批复：{what_zh}；请填写批准本次变更的联审批复文号（及批复日期）',
  },
  'waiver.unknownApprover': {
    en: "waiver of {rule} is approved by {value}, who is not on the security reviewers' roster (spec.approvals.securityReviewers in platform.yaml: {known}): a waiver is approved by a security reviewer (安全审查); name one as the roster writes it{suggestion}",
    zh: '{rule} 的豁免由 {value} 审批，但其不在安全审查人员名单中（platform.yaml 中的 spec.approvals.securityReviewers：{known}）：豁免须由安全审查人员审批；请按名单写法填写{suggestion}',
  },
  // workflow/codeowners-drift.ts, in `govcloud pr`
  'codeowners.stale': {
    en: '{file} is not what `govcloud codeowners` writes for this change, so the change would be routed to the wrong owners (here the generator writes {expected}, the file has {found}); run {command} and commit the file',
    zh: '{file} 与 `govcloud codeowners` 为本次变更生成的内容不一致，变更将被分派给错误的审批人（此行应为 {expected}，文件中为 {found}）；请运行 {command} 并提交该文件',
  },
} satisfies Record<string, Bilingual>;
