/** Bilingual messages of the DR drill records (drills/<tenant>/<at>-<to cluster>.json, config/drills.ts). */
import type { Bilingual } from '../vocabulary';

export const drillMessages = {
  'drill.misplaced': {
    en: 'drill records belong in drills/<tenant>/<at>-<to cluster>.json, got {value}',
    zh: '演练记录应位于 drills/<租户>/<完成时间>-<目标集群>.json，实际为 {value}',
  },
  'drill.unknownTenant': {
    en: "a drill record for tenant {tenant}, which does not exist in this city (no tenants/<county>/{tenant}.yaml): kept as the history of a removed tenant and judged for no one; if the tenant was never removed, move the record to its own tenant's folder",
    zh: '演练记录所属租户 {tenant} 在本市不存在（没有 tenants/<县区>/{tenant}.yaml）：作为已下线租户的历史保留，不作为任何租户的证据；如该租户从未下线，请把记录移到其所属租户的目录',
  },
  'drill.folder': {
    en: "tenant {tenant} does not match the folder drills/{folder}/ the record is in; a record lives in its own tenant's folder",
    zh: '租户 {tenant} 与记录所在目录 drills/{folder}/ 不一致；记录应放在其租户的目录下',
  },
  'drill.fileName': {
    en: 'the file is named {name}, but the record says {expected} (its `at` with ":" as "-", then to.cluster); rename it, do not edit the record',
    zh: '文件名为 {name}，但按记录内容应为 {expected}（at 中的 ":" 换成 "-"，再加 to.cluster）；请重命名文件，不要修改记录',
  },
  'drill.unknownCluster': {
    en: 'cluster {value} is not a cluster of platform.yaml (known: {allowed})',
    zh: '集群 {value} 不是 platform.yaml 中的集群（已知：{allowed}）',
  },
  'drill.unknownSite': {
    en: 'site {value} is not a site of platform.yaml (known: {allowed})',
    zh: '站点 {value} 不是 platform.yaml 中的站点（已知：{allowed}）',
  },
  'drill.passContradicted': {
    en: 'result is "pass", but {why}: a record passes only when every check is ok, both measures are within their targets and no failure is listed',
    zh: '结果为 "pass"，但{why_zh}：只有所有核对项均通过、两项实测均在目标之内且没有失败原因时，记录才算通过',
  },
  'drill.failUnexplained': {
    en: 'result is "fail" but no failure is listed: a failed drill says why, one line each',
    zh: '结果为 "fail" 但没有列出失败原因：演练失败须逐条说明原因',
  },
  'drill.timeOrder': {
    en: '{later} ({value}) is before {earlier} ({before}); a drill runs backup, restore, ready, in that order',
    zh: '{later}（{value}）早于 {earlier}（{before}）；演练依次为备份、恢复、就绪',
  },
} satisfies Record<string, Bilingual>;
