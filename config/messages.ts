/**
 * Bilingual message catalog. Identifiers stay in English; what people read comes in Chinese or
 * English. Templates use `{name}` placeholders filled from the issue's params.
 */
import { Bilingual, didYouMean, Lang } from './vocabulary';
import { formatWords } from './formats';
import { unsafeToEcho } from './credentials';

export type { Lang };
export type MessageParams = Readonly<Record<string, string | number>>;

type Template = Bilingual;

const catalog = {
  // files
  'file.notFound': { en: 'file not found: expected {expected}', zh: '找不到文件：应为 {expected}' },
  'file.unreadable': { en: 'cannot read file ({reason})', zh: '无法读取文件（{reason}）' },
  'file.empty': { en: 'file is empty: expected one {kind} document', zh: '文件为空：应包含一个 {kind} 文档' },
  'file.binary': {
    en: 'file is not UTF-8 text (binary content near byte {offset})',
    zh: '文件不是 UTF-8 文本（第 {offset} 字节附近为二进制内容）',
  },
  'file.notUtf8': {
    en: 'the file is not UTF-8: byte {byte} here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8',
    zh: '文件不是 UTF-8 编码：此处的字节 {byte} 不是有效的 UTF-8（是否以 GBK 或 Latin-1 保存？）；请将文件另存为 UTF-8',
  },
  'file.tooLarge': {
    en: 'file is {size} bytes, more than the limit of {limit} bytes',
    zh: '文件大小 {size} 字节，超过上限 {limit} 字节',
  },
  'file.misplaced': {
    en: 'request files belong in tenants/<county>/<name>.yaml, got {value}',
    zh: '申请文件应位于 tenants/<县区>/<名称>.yaml，实际为 {value}',
  },
  'env.notFound': { en: 'environment folder {value} does not exist', zh: '环境目录 {value} 不存在' },
  'output.notFound': {
    en: 'synth output folder {value} does not exist: run govcloud synth --out {value} first',
    zh: '生成输出目录 {value} 不存在：请先运行 govcloud synth --out {value}',
  },
  'output.empty': {
    en: 'folder {value} holds no synthesized stack (extranet/stacks/<name>/cdk.tf.json or intranet/…): run govcloud synth --out {value} first',
    zh: '目录 {value} 中没有已生成的栈（extranet/stacks/<名称>/cdk.tf.json 或 intranet/…）：请先运行 govcloud synth --out {value}',
  },
  'yaml.syntax': { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误：{detail}' },
  'yaml.unknownTag': {
    en: 'unknown YAML tag {tag}: request files are plain YAML, nothing resolves tags such as !Ref here; write the value itself',
    zh: '未知的 YAML 标签 {tag}：申请文件为普通 YAML，此处不解析 !Ref 等标签；请直接填写取值',
  },
  'yaml.duplicateKey': { en: 'duplicate key {key}', zh: '重复的键 {key}' },
  'yaml.aliasBomb': {
    en: 'YAML aliases expand too much (more than {limit} expansions); write the values out',
    zh: 'YAML 别名展开过多（超过 {limit} 次）；请直接写出取值',
  },
  'yaml.aliasCycle': {
    en: 'this alias refers to a value that contains it, which nests without end; write the value out',
    zh: '此处的别名引用了包含它自身的取值，会无限嵌套；请直接写出取值',
  },
  'yaml.tooDeep': {
    en: 'YAML is nested more than {limit} levels deep; a request needs a handful: flatten it',
    zh: 'YAML 嵌套超过 {limit} 层；申请文件只需几层：请减少嵌套',
  },
  'override.notAFolder': {
    en: '{name} is not read: overrides/ holds one folder per stack (overrides/<stack>/*.tf.json)',
    zh: '{name} 不会被读取：overrides/ 下应为每个栈一个目录（overrides/<栈>/*.tf.json）',
  },
  'override.unknownStack': {
    en: 'no stack {name}: its overrides would never be applied{suggestion} (see govcloud stacks)',
    zh: '没有名为 {name} 的栈：其中的覆盖文件永远不会生效{suggestion}（参见 govcloud stacks）',
  },
  'override.hcl': {
    en: '{name} is HCL, which is not read: write hand-added Terraform in JSON syntax as *.tf.json',
    zh: '{name} 为 HCL 格式，不会被读取：手写的 Terraform 请以 JSON 语法写为 *.tf.json',
  },
  'override.ignored': {
    en: '{name} is not read: only *.tf.json files of a stack folder are applied with the stack',
    zh: '{name} 不会被读取：栈目录中只有 *.tf.json 文件会随栈一起部署',
  },
  'json.syntax': { en: 'JSON syntax error: expected {expected}, found {found}', zh: 'JSON 语法错误：应为 {expected}，实际为 {found}' },
  'json.tooDeep': {
    en: 'JSON is nested more than {limit} levels deep; Terraform needs far fewer: flatten it',
    zh: 'JSON 嵌套超过 {limit} 层；Terraform 配置远不需要这么深：请减少嵌套',
  },
  'json.notObject': {
    en: 'a Terraform JSON file holds one object (resource, data, variable, …), got {received}',
    zh: 'Terraform JSON 文件应为一个对象（resource、data、variable 等），实际为 {received}',
  },
  'yaml.multiDoc': {
    en: 'file holds {count} YAML documents; put exactly one per file',
    zh: '文件包含 {count} 个 YAML 文档；每个文件只能有一个',
  },
  'yaml.notMapping': {
    en: 'top level must be a mapping with apiVersion, kind, metadata and spec, got {received}',
    zh: '顶层必须是包含 apiVersion、kind、metadata 和 spec 的映射，实际为 {received}',
  },
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
  // network rules
  'net.classifiedNeedsIntranet': {
    en: 'classified work must run on the intranet (network: intranet), got {value}',
    zh: '涉密系统必须部署在电子政务内网（network: intranet），实际为 {value}',
  },
  'net.zoneRequired': {
    en: 'extranet tenants must name a zone (allowed: {allowed})',
    zh: '外网租户必须指定区域（允许：{allowed}）',
  },
  'net.zoneOnIntranet': {
    en: 'zone {value} applies to the extranet only; remove it for an intranet tenant',
    zh: '区域 {value} 仅适用于外网；内网租户请删除该字段',
  },
  'net.intranetExposure': {
    en: 'intranet tenants are physically isolated and cannot be exposed to the Internet',
    zh: '内网租户物理隔离，不能对互联网开放',
  },
  'net.intranetInternet': {
    en: 'intranet tenants are physically isolated and cannot have flows to the Internet',
    zh: '内网租户物理隔离，不能访问互联网',
  },
  'net.crossNetwork': {
    en: 'flow to {target} crosses from the {from} to the {to}; the intranet is physically isolated from the extranet',
    zh: '到 {target} 的访问从{from}跨到{to}；电子政务内网与外网物理隔离',
  },
  'flow.unknownTenant': {
    en: 'flow target {value} does not exist (no request file tenants/{county}/{name}.yaml){suggestion}',
    zh: '访问目标 {value} 不存在（没有申请文件 tenants/{county}/{name}.yaml）{suggestion}',
  },
  'flow.self': { en: 'flow to the tenant itself is not needed: its own namespaces are already allowed', zh: '无需声明到自身的访问：租户自身命名空间已允许' },
  'flow.crossZone': {
    en: 'flow from zone {from} to {target} in zone {to} must pass through the exchange zone',
    zh: '从{from}区到{to}区 {target} 的访问必须经由交换区',
  },
  'flow.internetNotPublic': {
    en: 'only public-service tenants may reach the Internet, through the unified egress (zone is {zone})',
    zh: '只有公共服务域租户可以经互联网统一出口访问互联网（当前区域为 {zone}）',
  },
  'flow.internetHosts': {
    en: 'a flow to the Internet must list its hosts, for the unified egress allow-list',
    zh: '访问互联网的流向必须列出目标主机，用于统一出口白名单',
  },
  'flow.hostsOnTenant': {
    en: 'hosts apply to Internet flows only; a flow to a tenant is by namespace',
    zh: 'hosts 仅适用于互联网访问；到租户的访问按命名空间控制',
  },
  // repeats in one request (config/checks/duplicates.ts, docs/limits.md)
  'flow.duplicate': {
    en: 'flow to {target} repeats port {port} of the flow at line {line}; merge them into one flow',
    zh: '到 {target} 的流向与第 {line} 行的流向重复（端口 {port}）；请合并为一条流向',
  },
  'flow.duplicatePort': { en: 'port {port} is listed twice in this flow (first at line {line})', zh: '端口 {port} 在该流向中重复列出（首次在第 {line} 行）' },
  'flow.duplicateHost': { en: 'host {value} is listed twice in this flow (first at line {line})', zh: '主机 {value} 在该流向中重复列出（首次在第 {line} 行）' },
  'environment.duplicate': {
    en: 'environment {value} is listed twice (first at line {line}); each environment is one namespace',
    zh: '环境 {value} 重复列出（首次在第 {line} 行）；每个环境对应一个命名空间',
  },
  'admin.duplicate': { en: 'group {value} is listed twice (first at line {line})', zh: '用户组 {value} 重复列出（首次在第 {line} 行）' },
  'exposure.notPublic': {
    en: 'only public-service tenants may be exposed to the Internet (zone is {zone})',
    zh: '只有公共服务域租户可以对互联网开放（当前区域为 {zone}）',
  },
  'exposure.portsMissing': {
    en: 'exposure.internet is true but exposure.ports is not declared: list the ports of the Service the ingress gateway forwards to, e.g. ports: [8080]',
    zh: 'exposure.internet 为 true 但未声明 exposure.ports：请列出接入网关转发到的服务端口，例如 ports: [8080]',
  },
  'exposure.portsNotExposed': {
    en: 'exposure.ports {value} given but exposure.internet is not true; set internet: true to expose them, or remove ports',
    zh: '声明了 exposure.ports {value} 但 exposure.internet 不为 true；如需开放请设 internet: true，否则删除 ports',
  },
  'exposure.duplicatePort': { en: 'port {port} is listed twice in exposure.ports', zh: '端口 {port} 在 exposure.ports 中重复列出' },
  'platform.ingressNamespace': {
    en: 'ingress namespace {value} is already {what}; the Internet ingress gateway needs a namespace of its own (e.g. internet-ingress)',
    zh: '接入网关命名空间 {value} 已被用作{whatZh}；互联网接入网关需要独立的命名空间（例如 internet-ingress）',
  },
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
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof catalog;

const words: Readonly<Record<string, Template>> = {
  extranet: { en: 'extranet', zh: '外网' },
  intranet: { en: 'intranet', zh: '内网' },
  items: { en: 'items', zh: '条目' },
  characters: { en: 'characters', zh: '字符' },
  list: { en: 'a list', zh: '列表' },
  mapping: { en: 'a mapping', zh: '映射' },
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  'string|number': { en: 'a string or a number', zh: '字符串或数字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  null: { en: 'nothing (null)', zh: '空值 (null)' },
  county: { en: 'county', zh: '县区' },
  site: { en: 'site', zh: '站点' },
  cluster: { en: 'cluster', zh: '集群' },
  'node pool': { en: 'node pool', zh: '节点池' },
  // reasons of file.unreadable given by config/files.ts
  ESYMLINK: {
    en: 'it is a symbolic link, and links are refused: request and platform files must be regular files in the repository, so that a link cannot make govcloud read a file outside it and echo its values in errors and pull-request summaries; commit the file itself',
    zh: '该路径是符号链接，符号链接一律拒绝：申请文件和平台文件必须是仓库中的普通文件，以免通过链接读取仓库以外的文件并在错误信息和合并请求摘要中泄露其内容；请直接提交文件本身',
  },
  ENOTREG: {
    en: 'it is not a regular file (a folder, device, pipe or socket); request and platform files must be regular files',
    zh: '该路径不是普通文件（目录、设备、管道或套接字）；申请文件和平台文件必须是普通文件',
  },
  // kinds of credential (config/credentials.ts)
  'credential:password assignment': { en: 'password assignment', zh: '口令赋值' },
  'credential:passwd': { en: 'passwd', zh: 'passwd 口令' },
  'credential:token': { en: 'token', zh: '令牌' },
  'credential:private key': { en: 'private key', zh: '私钥' },
  'credential:URL with user and password': { en: 'URL with user and password', zh: '带用户名和口令的 URL' },
  'credential:JSON Web Token': { en: 'JSON Web Token', zh: 'JWT 令牌' },
  'credential:Kubernetes bootstrap token': { en: 'Kubernetes bootstrap token', zh: 'Kubernetes 引导令牌' },
  'credential:OpenShift token': { en: 'OpenShift token', zh: 'OpenShift 令牌' },
  'credential:access token': { en: 'access token', zh: '访问令牌' },
  'credential:access key': { en: 'access key', zh: '访问密钥' },
  'credential:password': { en: 'password', zh: '口令' },
  'credential:hexadecimal key': { en: 'hexadecimal key', zh: '十六进制密钥' },
  'credential:random token': { en: 'random token', zh: '随机令牌' },
  'json:value': { en: 'a value', zh: '一个值' },
  'json:name': { en: 'a property name in double quotes', zh: '双引号括起的属性名' },
  'json:commaOrBrace': { en: '"," or "}"', zh: '"," 或 "}"' },
  'json:commaOrBracket': { en: '"," or "]"', zh: '"," 或 "]"' },
  'json:closingQuote': { en: 'the closing quote of the string', zh: '字符串的结束引号' },
  'json:escape': { en: 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', zh: '转义序列（\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）' },
  'json:eof': { en: 'the end of the file', zh: '文件结尾' },
  'json:newline': { en: 'a line break', zh: '换行' },
  'json:control': { en: 'a control character', zh: '控制字符' },
  ...formatWords(),
};

/** Non-ASCII characters listed in a quoted value at most; the rest is `…`. */
const MAX_CODE_POINTS = 3;

/**
 * A value in double quotes and, when it holds characters outside ASCII, their code points and
 * positions: `"civil-аffairs" (U+0430 at 7)`. A Cyrillic а, a full-width letter or a no-break
 * space looks like what the pattern wants and is not; the code point shows which one.
 */
export function quote(value: string, lang: Lang): string {
  const chars = Array.from(value);
  const odd = chars.flatMap((c, i) => ((c.codePointAt(0) ?? 0) > 0x7e || (c.codePointAt(0) ?? 0) < 0x20 ? [{ c, at: i + 1 }] : []));
  if (odd.length === 0) return JSON.stringify(value);
  const cp = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const more = odd.length > MAX_CODE_POINTS ? (lang === 'zh' ? '等' : ', …') : '';
  const listed = odd.slice(0, MAX_CODE_POINTS);
  return lang === 'zh'
    ? `${JSON.stringify(value)}（${listed.map((x) => `第 ${x.at} 个字符为 ${cp(x.c)}`).join('，')}${more}）`
    : `${JSON.stringify(value)} (${listed.map((x) => `${cp(x.c)} at ${x.at}`).join(', ')}${more})`;
}

/** A message parameter rendered by {@link quote} in the reader's language. */
export function quoted(value: string): string {
  return `quoted:${value}`;
}

/** Translates a known vocabulary word (network names, units) and leaves anything else as is. */
export function word(value: string, lang: Lang): string {
  if (value.startsWith('quoted:')) return quote(value.slice('quoted:'.length), lang);
  if (value.startsWith('suggest:')) {
    const name = value.slice('suggest:'.length);
    if (name === '') return '';
    return didYouMean(name, lang);
  }
  const w = words[value];
  return w === undefined ? value : w[lang];
}

/** What is printed instead of a value that looks like a credential. */
function withheld(what: string, lang: Lang): string {
  return lang === 'zh'
    ? `（值未显示：看起来是${word(`credential:${what}`, lang)}）`
    : `(value not shown: it looks like a credential, ${word(`credential:${what}`, lang)})`;
}

export function renderMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  const template: Template = catalog[code];
  return template[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (typeof v === 'number') return String(v);
    // a rejected value is printed back, unless it could be a credential: errors reach CI logs and pull-request comments
    const secret = v.startsWith('suggest:') ? undefined : unsafeToEcho(v.startsWith('quoted:') ? v.slice('quoted:'.length) : v);
    return secret === undefined ? word(v, lang) : withheld(secret, lang);
  });
}

export function knownCodes(): MessageCode[] {
  return Object.keys(catalog) as MessageCode[];
}

/** Chooses the language: an explicit flag wins, then LC_ALL / LC_MESSAGES / LANG starting with zh. */
export function langFromEnv(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
