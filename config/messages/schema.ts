/** Bilingual messages: schema, platform, names (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const schemaMessages = {
  // schema
  'schema.required': { en: 'required field is missing', zh: '缺少必填字段' },
  'schema.type': { en: 'expected {expected}, got {received}', zh: '应为 {expected}，实际为 {received}' },
  'schema.enum': { en: 'value {value} is not allowed (allowed: {allowed})', zh: '取值 {value} 不允许（允许：{allowed}）' },
  'schema.literal': { en: 'must be {expected}, got {value}', zh: '必须为 {expected}，实际为 {value}' },
  'schema.unknownKey': {
    en: 'unknown field {key} (allowed: {allowed})',
    zh: '未知字段 {key}（允许：{allowed}）',
  },
  'schema.unknownKeySuggest': {
    en: 'unknown field {key}; did you mean {suggestion}?',
    zh: '未知字段 {key}；是否应为 {suggestion}？',
  },
  'schema.tooSmall': { en: 'value {value} is below the minimum {min}', zh: '取值 {value} 小于最小值 {min}' },
  'schema.tooBig': { en: 'value {value} is above the maximum {max}', zh: '取值 {value} 大于最大值 {max}' },
  'schema.tooShort': { en: 'needs at least {min} {unit}', zh: '至少需要 {min} 个{unit}' },
  'schema.tooLong': { en: 'allows at most {max} {unit}, got {count}', zh: '最多允许 {max} 个{unit}，实际 {count} 个' },
  'schema.format': { en: 'value {value} is not a valid {format} ({hint})', zh: '取值 {value} 不是有效的{format}（{hint}）' },
  'schema.duplicateItem': { en: 'duplicate entry {value}', zh: '重复的条目 {value}' },
  'schema.invalid': { en: 'invalid value {value}', zh: '无效取值 {value}' },
  'schema.cidrHostBits': {
    en: 'value {value} has host bits set: a range starts at its network address; did you mean {network}?',
    zh: '取值 {value} 的主机位不为零：网段应从网络地址开始；是否应为 {network}？',
  },
  'tenant.zeroQuota': {
    en: 'a quota of {value} leaves the namespace unable to run anything; ask for what the system needs (an environment that must hold nothing is removed from spec.environments instead)',
    zh: '配额 {value} 使命名空间无法运行任何负载；请按系统实际需要申请（不需要的环境应从 spec.environments 中删除）',
  },
  'tenant.reservedGroup': {
    en: "group {value} is a Kubernetes system group ({meaning}): binding it as administrator would give the namespace to {meaning}; name the directory group of the department's operators",
    zh: '用户组 {value} 是 Kubernetes 系统组（{meaningZh}）：将其绑定为管理员会把命名空间交给{meaningZh}；请填写本部门运维人员的目录用户组',
  },
  'text.hiddenCharacter': {
    en: 'holds the invisible character {codePoint} at character {index} (a control character or a bidirectional override, which makes the text read differently from what is deployed); remove it',
    zh: '第 {index} 个字符处含不可见字符 {codePoint}（控制字符或双向文本覆盖符，会使显示内容与实际部署不一致）；请删除',
  },
  'tenant.approvalInFuture': {
    en: 'approval date {value} is after today ({today}, Beijing time): a request is approved before it is filed; check the 项目联审 reply',
    zh: '批复日期 {value} 晚于今天（{today}，北京时间）：申请应在批复之后提交；请核对项目联审批复',
  },
  // platform
  'platform.duplicate': { en: '{what} {value} is declared twice (first at line {line})', zh: '{what} {value} 重复声明（首次在第 {line} 行）' },
  'platform.unknownRef': { en: 'unknown {what} {value} (known: {known}){suggestion}', zh: '未知的{what} {value}（已知：{known}）{suggestion}' },
  'platform.primarySites': {
    en: 'exactly one site must have role primary, found {count}',
    zh: '必须且只能有一个 primary 站点，实际 {count} 个',
  },
  'platform.imageUnpinned': {
    en: 'image {value} must be pinned: give a version tag other than latest, or a digest (sha256:…)',
    zh: '镜像 {value} 必须固定版本：请填写 latest 以外的版本标签，或镜像摘要（sha256:…）',
  },
  'platform.imageRegistry': {
    en: '{value} is not in an allowed registry (allowed: {allowed}); platform services come from the same registries as tenant workloads',
    zh: '{value} 不在允许的镜像仓库中（允许：{allowed}）；平台服务与租户工作负载使用同样的镜像仓库',
  },
  'platform.chartMissing': {
    en: 'chart {value} is not in this project (expected {value}/Chart.yaml)',
    zh: 'Chart {value} 不在本项目中（应有 {value}/Chart.yaml）',
  },
  'platform.chartVersion': {
    en: 'chart version {value} does not match {chart}/Chart.yaml, which says {expected}',
    zh: 'Chart 版本 {value} 与 {chart}/Chart.yaml 中的 {expected} 不一致',
  },
  'platform.noCluster': {
    en: 'site {site} has no cluster; every site needs at least one',
    zh: '站点 {site} 没有集群；每个站点至少需要一个集群',
  },
  'text.credential': {
    en: 'looks like a credential ({what}); what is accepted here is written into the synthesized stacks, the reports or the pull-request summary: remove it (credentials stay in kubeconfig files and the deploy environment) and rotate it if it was committed',
    zh: '看起来是凭据（{what}）；此处接受的内容会写入生成的栈、报告或合并请求摘要：请删除（凭据只保存在 kubeconfig 文件和部署环境中）；若已提交，请立即轮换该凭据',
  },
  'platform.credentialContext': {
    en: 'kubeContext looks like a credential ({what}); it would be written into every stack of this cluster as the default of the kube_context variable: give the name of a context in the kubeconfig (credentials stay in the kubeconfig file, KUBE_CONFIG_PATH at deploy time) and rotate this one if it was committed',
    zh: 'kubeContext 看起来是凭据（{what}），它会作为 kube_context 变量的默认值写入该集群的每个栈：请填写 kubeconfig 中上下文的名称（凭据只保存在 kubeconfig 文件中，部署时由 KUBE_CONFIG_PATH 指定）；若已提交，请立即轮换该凭据',
  },
  // references and names
  'names.duplicate': { en: 'tenant name {value} is already used by {other}', zh: '租户名称 {value} 已被 {other} 使用' },
  'names.fileMismatch': {
    en: 'metadata.name {value} must equal the file name {expected}',
    zh: 'metadata.name {value} 必须与文件名 {expected} 一致',
  },
  'names.folderMismatch': {
    en: 'metadata.county {value} must equal the folder name {expected}',
    zh: 'metadata.county {value} 必须与所在目录名 {expected} 一致',
  },
  'ref.unknownCounty': { en: 'unknown county {value} (known: {known}){suggestion}', zh: '未知县区 {value}（已知：{known}）{suggestion}' },
  'ref.unknownCluster': { en: 'unknown cluster {value} (known: {known}){suggestion}', zh: '未知集群 {value}（已知：{known}）{suggestion}' },
} satisfies Record<string, Bilingual>;
