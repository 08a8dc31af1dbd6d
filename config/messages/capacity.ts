/** Bilingual messages: capacity (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const capacityMessages = {
  // capacity and placement
  'capacity.exceeded': {
    en: 'cluster {cluster}: granted {resource} {granted} exceeds capacity {capacity} × over-commit {ratio} = {allowed} ({pct} %)',
    zh: '集群 {cluster}：已分配 {resource} {granted} 超出容量 {capacity} × 超分比 {ratio} = {allowed}（{pct}%）',
  },
  // at the quota line of a request that overflows the cluster (config/capacity.ts)
  'capacity.overByRequest': {
    en: 'cluster {cluster} is over capacity: granted {resource} {granted} exceeds capacity {capacity} × over-commit {ratio} = {allowed} by {over} ({pct} %); this request takes {share} of it ({how_en}): lower this quota, or ask the platform team for more capacity',
    zh: '集群 {cluster} 容量不足：已分配 {resource} {granted} 超出容量 {capacity} × 超分比 {ratio} = {allowed}，超出 {over}（{pct}%）；本申请占用 {share}（{how_zh}）：请降低此配额，或请平台团队扩容',
  },
  'capacity.high': {
    en: 'cluster {cluster}: granted {resource} {granted} is {pct} % of the allowed {allowed}',
    zh: '集群 {cluster}：已分配 {resource} {granted}，达到允许值 {allowed} 的 {pct}%',
  },
  'placement.noCluster': {
    en: 'no cluster on the {network} at the {role} site to place this tenant',
    zh: '{role} 站点没有可承载该租户的{network}集群',
  },
  'placement.noDomestic': {
    en: 'domestic (信创) placement needs a domestic node pool, but no cluster on the {network} at the {role} site has one (clusters: {clusters})',
    zh: '信创部署需要国产化节点池，但 {role} 站点的{network}集群都没有（集群：{clusters}）',
  },
  'placement.clusterMismatch': {
    en: 'cluster {value} is on the {actual} at site {site}; this tenant needs a cluster on the {network} at the primary site',
    zh: '集群 {value} 属于站点 {site} 的{actual}；该租户需要主中心的{network}集群',
  },
  'dr.missingSite': {
    en: 'DR tier {tier} needs a {role} site with a cluster on the {network}, and none is declared',
    zh: '灾备级别 {tier} 需要带有{network}集群的 {role} 站点，但平台未声明',
  },
  'waiver.unknownRule': { en: 'unknown rule {value}{suggestion}', zh: '未知规则 {value}{suggestion}' },
  'waiver.unwaivable': { en: 'rule {rule} cannot be waived: {why_en}', zh: '规则 {rule} 不可豁免：{why_zh}' },
  'waiver.expired': {
    en: 'waiver of {rule} expired on {expires} (today is {today}); fix the finding or renew the waiver with a new approval',
    zh: '{rule} 的豁免已于 {expires} 到期（今天是 {today}）；请整改或重新审批豁免',
  },
  'waiver.duplicate': { en: 'rule {rule} is waived twice (first at line {line})', zh: '规则 {rule} 重复豁免（首次在第 {line} 行）' },
  'waiver.stale': {
    en: 'waiver of {rule} is not needed: the rule passes for this tenant; remove it',
    zh: '{rule} 的豁免已无必要：该租户已满足此规则；请删除',
  },
  'approval.placeholder': {
    en: 'approval reference {value} is a placeholder: fill in the 项目联审 (joint project review) reference that approved this request',
    zh: '批复文号 {value} 是占位符：请填写批准本申请的项目联审批复文号',
  },
  'podCidr.prefix': {
    en: "pod CIDR {value} is a /{bits}; a cluster's pod range is /{min} to /{max} (wide enough for the pools of its namespaces, narrow enough to leave room for the other clusters)",
    zh: 'Pod 地址段 {value} 为 /{bits}；集群 Pod 地址段应为 /{min} 至 /{max}（足以容纳各命名空间的地址池，又为其他集群留出空间）',
  },
  'podCidr.outsideIntranet': {
    en: 'pod CIDR {value} of intranet cluster {cluster} is not inside the intranet range {intranet} (spec.intranet.cidr): intranet pods take their addresses from the intranet; give a range inside it',
    zh: '内网集群 {cluster} 的 Pod 地址段 {value} 不在内网地址段 {intranet}（spec.intranet.cidr）之内：内网 Pod 的地址取自内网；请填写其中的地址段',
  },
  'pools.noFile': {
    en: '{file} is missing: every namespace needs an address pool, so that its pods can be named by address on another cluster; run govcloud pools --write --env {env} and commit the file',
    zh: '缺少 {file}：每个命名空间都需要地址池，其他集群才能按地址识别其 Pod；请运行 govcloud pools --write --env {env} 并提交该文件',
  },
  'pools.missing': {
    en: 'namespace {namespace} on cluster {cluster} has no address pool in {file}; run govcloud pools --write --env {env} and commit {file}',
    zh: '集群 {cluster} 上的命名空间 {namespace} 在 {file} 中没有地址池；请运行 govcloud pools --write --env {env} 并提交 {file}',
  },
  'pools.outside': {
    en: 'pool {value} of namespace {namespace} is not inside the pod range {podCidr} of cluster {cluster} (spec.clusters[{index}].podCidr in platform.yaml); remove the entry and run govcloud pools --write --env {env}',
    zh: '命名空间 {namespace} 的地址池 {value} 不在集群 {cluster} 的 Pod 地址段 {podCidr}（platform.yaml 中的 spec.clusters[{index}].podCidr）之内；请删除该条目后运行 govcloud pools --write --env {env}',
  },
  'pools.stale': {
    en: 'namespace {namespace} no longer exists on cluster {cluster}; run govcloud pools --write --env {env} to drop its pool',
    zh: '集群 {cluster} 上已不存在命名空间 {namespace}；请运行 govcloud pools --write --env {env} 删除其地址池',
  },
  'cidr.overlap': { en: 'CIDR {value} overlaps {other} ({where})', zh: 'CIDR {value} 与 {other}（{where}）重叠' },
} satisfies Record<string, Bilingual>;
