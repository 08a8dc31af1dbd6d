/**
 * One fixture per kind of bad input (test/fixtures/config/cases/<kind>/ laid over the base city),
 * asserting every printed line — file, line, column, field and message — in English and Chinese.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { RULES } from '../../policies/registry';
import { caseEnv, FIXTURES } from '../helpers/env';

interface Case {
  readonly name: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

const cases: Case[] = [
  {
    name: 'approval-placeholder',
    en: [
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "XM-TODO" is a placeholder: fill in the 项目联审 (joint project review) reference that approved this request',
    ],
    zh: ['case/tenants/north/relief.yaml:9:20 metadata.approval.ref: 批复文号 "XM-TODO" 是占位符：请填写批准本申请的项目联审批复文号'],
  },
  {
    // at the quota line of the request with the largest share, not at platform.yaml (issue 10)
    name: 'capacity-exceeded',
    en: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: cluster ext-main is over capacity: granted cpu 206 exceeds capacity 100 × over-commit 2 = 200 by 6 (103 %); this request takes 190 of it (95 × 2 environments): lower this quota, or ask the platform team for more capacity',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: 集群 ext-main 容量不足：已分配 cpu 206 超出容量 100 × 超分比 2 = 200，超出 6（103%）；本申请占用 190（95 × 2 个环境）：请降低此配额，或请平台团队扩容',
    ],
  },
  {
    // 10^20 cores: figures a person can read, no "2e+23m", no 13-digit percentage
    name: 'capacity-huge',
    en: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: cluster ext-main is over capacity: granted cpu 200E exceeds capacity 100 × over-commit 2 = 200 by 200E (>999 %); this request takes 200E of it (100E × 2 environments): lower this quota, or ask the platform team for more capacity',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: 集群 ext-main 容量不足：已分配 cpu 200E 超出容量 100 × 超分比 2 = 200，超出 200E（>999%）；本申请占用 200E（100E × 2 个环境）：请降低此配额，或请平台团队扩容',
    ],
  },
  {
    name: 'capacity-high',
    en: ['case/platform.yaml:30:24 spec.clusters[0].capacity.cpu: warning: cluster ext-main: granted cpu 176 is 88 % of the allowed 200'],
    zh: ['case/platform.yaml:30:24 spec.clusters[0].capacity.cpu: 警告：集群 ext-main：已分配 cpu 176，达到允许值 200 的 88%'],
  },
  {
    name: 'cidr-overlap',
    en: ['case/platform.yaml:61:23 spec.zones.exchange.cidr: CIDR 10.20.128.0/17 overlaps 10.20.0.0/16 (zone administrative, spec.zones.administrative.cidr)'],
    zh: ['case/platform.yaml:61:23 spec.zones.exchange.cidr: CIDR 10.20.128.0/17 与 10.20.0.0/16（zone administrative, spec.zones.administrative.cidr）重叠'],
  },
  {
    name: 'dr-missing-site',
    en: ['case/tenants/south/case-files.yaml:17:15 spec.dr.tier: DR tier backup needs a remote site with a cluster on the intranet, and none is declared'],
    zh: ['case/tenants/south/case-files.yaml:17:15 spec.dr.tier: 灾备级别 backup 需要带有内网集群的 remote 站点，但平台未声明'],
  },
  {
    name: 'exposure-not-public',
    en: ['case/tenants/north/relief.yaml:18:25 spec.exposure.internet: only public-service tenants may be exposed to the Internet (zone is administrative)'],
    zh: ['case/tenants/north/relief.yaml:18:25 spec.exposure.internet: 只有公共服务域租户可以对互联网开放（当前区域为 administrative）'],
  },
  {
    // exposure without ports leads nowhere: the ingress gateway forwards declared ports only
    name: 'exposure-no-ports',
    en: [
      'case/tenants/north/portal.yaml:18:25 spec.exposure.internet: exposure.internet is true but exposure.ports is not declared: list the ports of the Service the ingress gateway forwards to, e.g. ports: [8080]',
    ],
    zh: [
      'case/tenants/north/portal.yaml:18:25 spec.exposure.internet: exposure.internet 为 true 但未声明 exposure.ports：请列出接入网关转发到的服务端口，例如 ports: [8080]',
    ],
  },
  {
    name: 'exposure-ports-not-exposed',
    en: [
      'case/tenants/north/relief.yaml:18:39 spec.exposure.ports: exposure.ports [8080] given but exposure.internet is not true; set internet: true to expose them, or remove ports',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:39 spec.exposure.ports: 声明了 exposure.ports [8080] 但 exposure.internet 不为 true；如需开放请设 internet: true，否则删除 ports',
    ],
  },
  {
    name: 'file-binary',
    en: ['case/tenants/north/relief.yaml:1:1 file is not UTF-8 text (binary content near byte 8)'],
    zh: ['case/tenants/north/relief.yaml:1:1 文件不是 UTF-8 文本（第 8 字节附近为二进制内容）'],
  },
  {
    name: 'file-empty',
    en: ['case/tenants/north/relief.yaml:1:1 file is empty: expected one TenantRequest document'],
    zh: ['case/tenants/north/relief.yaml:1:1 文件为空：应包含一个 TenantRequest 文档'],
  },
  {
    name: 'file-folder-named-yaml',
    en: [
      'case/tenants/north/records.yaml:1:1 cannot read file (it is not a regular file (a folder, device, pipe or socket); request and platform files must be regular files)',
    ],
    zh: ['case/tenants/north/records.yaml:1:1 无法读取文件（该路径不是普通文件（目录、设备、管道或套接字）；申请文件和平台文件必须是普通文件）'],
  },
  {
    // saved as GBK: the first Chinese character is where it fails
    name: 'file-not-utf8',
    en: ['case/tenants/north/relief.yaml:7:16 the file is not UTF-8: byte 0xB2 here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8'],
    zh: ['case/tenants/north/relief.yaml:7:16 文件不是 UTF-8 编码：此处的字节 0xB2 不是有效的 UTF-8（是否以 GBK 或 Latin-1 保存？）；请将文件另存为 UTF-8'],
  },
  {
    name: 'file-misplaced',
    en: ['case/tenants/stray.yaml:1:1 request files belong in tenants/<county>/<name>.yaml, got tenants/stray.yaml'],
    zh: ['case/tenants/stray.yaml:1:1 申请文件应位于 tenants/<县区>/<名称>.yaml，实际为 tenants/stray.yaml'],
  },
  {
    name: 'flow-cross-zone',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: flow from zone administrative to tenant/north/portal in zone public-service must pass through the exchange zone',
    ],
    zh: ['case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 从administrative区到public-service区 tenant/north/portal 的访问必须经由交换区'],
  },
  {
    name: 'flow-hosts-on-tenant',
    en: ['case/tenants/north/portal.yaml:20:47 spec.flows[0].hosts: hosts apply to Internet flows only; a flow to a tenant is by namespace'],
    zh: ['case/tenants/north/portal.yaml:20:47 spec.flows[0].hosts: hosts 仅适用于互联网访问；到租户的访问按命名空间控制'],
  },
  {
    name: 'flow-internet-hosts',
    en: ['case/tenants/north/portal.yaml:21:13 spec.flows[1].to: a flow to the Internet must list its hosts, for the unified egress allow-list'],
    zh: ['case/tenants/north/portal.yaml:21:13 spec.flows[1].to: 访问互联网的流向必须列出目标主机，用于统一出口白名单'],
  },
  {
    name: 'flow-internet-not-public',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: only public-service tenants may reach the Internet, through the unified egress (zone is administrative)',
    ],
    zh: ['case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 只有公共服务域租户可以经互联网统一出口访问互联网（当前区域为 administrative）'],
  },
  {
    name: 'flow-self',
    en: ['case/tenants/north/relief.yaml:19:13 spec.flows[0].to: warning: flow to the tenant itself is not needed: its own namespaces are already allowed'],
    zh: ['case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 警告：无需声明到自身的访问：租户自身命名空间已允许'],
  },
  {
    name: 'flow-unknown-tenant',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: flow target "tenant/south/exchange-hb" does not exist (no request file tenants/south/exchange-hb.yaml); did you mean tenant/south/exchange-hub?',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 访问目标 "tenant/south/exchange-hb" 不存在（没有申请文件 tenants/south/exchange-hb.yaml）；是否应为 tenant/south/exchange-hub？',
    ],
  },
  {
    // a repeated flow: the same tenant and a port in common; for the Internet, a host and a port in common
    name: 'flow-duplicate',
    en: [
      'case/tenants/north/portal.yaml:22:13 spec.flows[2].to: flow to internet api.example.cn repeats port 443 of the flow at line 21; merge them into one flow',
      'case/tenants/north/relief.yaml:20:13 spec.flows[1].to: flow to tenant/south/exchange-hub repeats port 8443 of the flow at line 19; merge them into one flow',
    ],
    zh: [
      'case/tenants/north/portal.yaml:22:13 spec.flows[2].to: 到 internet api.example.cn 的流向与第 21 行的流向重复（端口 443）；请合并为一条流向',
      'case/tenants/north/relief.yaml:20:13 spec.flows[1].to: 到 tenant/south/exchange-hub 的流向与第 19 行的流向重复（端口 8443）；请合并为一条流向',
    ],
  },
  {
    name: 'flow-duplicate-port',
    en: ['case/tenants/north/relief.yaml:19:59 spec.flows[0].ports[2]: port 443 is listed twice in this flow (first at line 19)'],
    zh: ['case/tenants/north/relief.yaml:19:59 spec.flows[0].ports[2]: 端口 443 在该流向中重复列出（首次在第 19 行）'],
  },
  {
    name: 'flow-duplicate-host',
    en: ['case/tenants/north/portal.yaml:25:11 spec.flows[1].hosts[2]: host "api.example.cn" is listed twice in this flow (first at line 23)'],
    zh: ['case/tenants/north/portal.yaml:25:11 spec.flows[1].hosts[2]: 主机 "api.example.cn" 在该流向中重复列出（首次在第 23 行）'],
  },
  {
    name: 'environment-duplicate',
    en: ['case/tenants/north/relief.yaml:15:30 spec.environments[2]: environment "prod" is listed twice (first at line 15); each environment is one namespace'],
    zh: ['case/tenants/north/relief.yaml:15:30 spec.environments[2]: 环境 "prod" 重复列出（首次在第 15 行）；每个环境对应一个命名空间'],
  },
  {
    name: 'admin-duplicate',
    en: ['case/tenants/north/relief.yaml:21:7 spec.admins[2]: group "grp-civil-affairs-ops" is listed twice (first at line 19)'],
    zh: ['case/tenants/north/relief.yaml:21:7 spec.admins[2]: 用户组 "grp-civil-affairs-ops" 重复列出（首次在第 19 行）'],
  },
  {
    // counts per request (config/schema/limits.ts, docs/limits.md): 10,000 flows once took check minutes
    name: 'limit-flows',
    en: ['case/tenants/north/relief.yaml:19:5 spec.flows: allows at most 200 items, got 201'],
    zh: ['case/tenants/north/relief.yaml:19:5 spec.flows: 最多允许 200 个条目，实际 201 个'],
  },
  {
    name: 'limit-ports',
    en: ['case/tenants/north/relief.yaml:19:47 spec.flows[0].ports: allows at most 32 items, got 33'],
    zh: ['case/tenants/north/relief.yaml:19:47 spec.flows[0].ports: 最多允许 32 个条目，实际 33 个'],
  },
  {
    name: 'limit-hosts',
    en: ['case/tenants/north/portal.yaml:21:30 spec.flows[1].hosts: allows at most 50 items, got 51'],
    zh: ['case/tenants/north/portal.yaml:21:30 spec.flows[1].hosts: 最多允许 50 个条目，实际 51 个'],
  },
  {
    name: 'limit-admins',
    en: ['case/tenants/north/relief.yaml:19:5 spec.admins: allows at most 20 items, got 21'],
    zh: ['case/tenants/north/relief.yaml:19:5 spec.admins: 最多允许 20 个条目，实际 21 个'],
  },
  {
    name: 'limit-waivers',
    en: ['case/tenants/north/relief.yaml:19:5 spec.waivers: allows at most 50 items, got 51'],
    zh: ['case/tenants/north/relief.yaml:19:5 spec.waivers: 最多允许 50 个条目，实际 51 个'],
  },
  {
    name: 'names-duplicate',
    en: ['case/tenants/south/relief.yaml:4:9 metadata.name: tenant name "relief" is already used by case/tenants/north/relief.yaml'],
    zh: ['case/tenants/south/relief.yaml:4:9 metadata.name: 租户名称 "relief" 已被 case/tenants/north/relief.yaml 使用'],
  },
  {
    name: 'names-file-mismatch',
    en: ['case/tenants/north/relief.yaml:4:9 metadata.name: metadata.name "relief-two" must equal the file name "relief"'],
    zh: ['case/tenants/north/relief.yaml:4:9 metadata.name: metadata.name "relief-two" 必须与文件名 "relief" 一致'],
  },
  {
    name: 'names-folder-mismatch',
    en: ['case/tenants/north/relief.yaml:5:11 metadata.county: metadata.county "south" must equal the folder name "north"'],
    zh: ['case/tenants/north/relief.yaml:5:11 metadata.county: metadata.county "south" 必须与所在目录名 "north" 一致'],
  },
  {
    name: 'net-classified-extranet',
    en: ['case/tenants/north/relief.yaml:13:12 spec.network: classified work must run on the intranet (network: intranet), got "extranet"'],
    zh: ['case/tenants/north/relief.yaml:13:12 spec.network: 涉密系统必须部署在电子政务内网（network: intranet），实际为 "extranet"'],
  },
  {
    name: 'net-cross-network',
    en: [
      'case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: flow to tenant/north/relief crosses from the intranet to the extranet; the intranet is physically isolated from the extranet',
    ],
    zh: ['case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: 到 tenant/north/relief 的访问从内网跨到外网；电子政务内网与外网物理隔离'],
  },
  {
    name: 'net-intranet-exposure',
    en: ['case/tenants/south/case-files.yaml:17:25 spec.exposure.internet: intranet tenants are physically isolated and cannot be exposed to the Internet'],
    zh: ['case/tenants/south/case-files.yaml:17:25 spec.exposure.internet: 内网租户物理隔离，不能对互联网开放'],
  },
  {
    name: 'net-intranet-internet',
    en: ['case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: intranet tenants are physically isolated and cannot have flows to the Internet'],
    zh: ['case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: 内网租户物理隔离，不能访问互联网'],
  },
  {
    name: 'net-zone-on-intranet',
    en: ['case/tenants/south/case-files.yaml:14:9 spec.zone: zone "administrative" applies to the extranet only; remove it for an intranet tenant'],
    zh: ['case/tenants/south/case-files.yaml:14:9 spec.zone: 区域 "administrative" 仅适用于外网；内网租户请删除该字段'],
  },
  {
    name: 'net-zone-required',
    en: ['case/tenants/north/relief.yaml:11:3 spec: extranet tenants must name a zone (allowed: public-service, administrative, exchange)'],
    zh: ['case/tenants/north/relief.yaml:11:3 spec: 外网租户必须指定区域（允许：public-service, administrative, exchange）'],
  },
  {
    name: 'placement-cluster-mismatch',
    en: [
      'case/tenants/north/relief.yaml:17:25 spec.placement.cluster: cluster ext-twin is on the extranet at site twin; this tenant needs a cluster on the extranet at the primary site',
    ],
    zh: ['case/tenants/north/relief.yaml:17:25 spec.placement.cluster: 集群 ext-twin 属于站点 twin 的外网；该租户需要主中心的外网集群'],
  },
  {
    name: 'placement-no-domestic',
    en: [
      'case/tenants/south/exchange-hub.yaml:17:26 spec.placement.domestic: domestic (信创) placement needs a domestic node pool, but no cluster on the extranet at the same-city site has one (clusters: ext-twin)',
      'case/tenants/south/exchange-hub.yaml:17:26 spec.placement.domestic: domestic (信创) placement needs a domestic node pool, but no cluster on the extranet at the remote site has one (clusters: ext-far)',
    ],
    zh: [
      'case/tenants/south/exchange-hub.yaml:17:26 spec.placement.domestic: 信创部署需要国产化节点池，但 same-city 站点的外网集群都没有（集群：ext-twin）',
      'case/tenants/south/exchange-hub.yaml:17:26 spec.placement.domestic: 信创部署需要国产化节点池，但 remote 站点的外网集群都没有（集群：ext-far）',
    ],
  },
  {
    name: 'placement-unknown-cluster',
    en: [
      'case/tenants/north/relief.yaml:17:25 spec.placement.cluster: unknown cluster "ext-mian" (known: ext-main, ext-twin, ext-far, int-main); did you mean ext-main?',
    ],
    zh: [
      'case/tenants/north/relief.yaml:17:25 spec.placement.cluster: 未知集群 "ext-mian"（已知：ext-main, ext-twin, ext-far, int-main）；是否应为 ext-main？',
    ],
  },
  {
    name: 'platform-duplicate',
    en: ['case/platform.yaml:11:15 spec.counties[2].code: county "north" is declared twice (first at line 9)'],
    zh: ['case/platform.yaml:11:15 spec.counties[2].code: 县区 "north" 重复声明（首次在第 9 行）'],
  },
  {
    // the two gateways need namespaces (and ranges) of their own
    name: 'platform-ingress-namespace',
    en: [
      'case/platform.yaml:64:25 spec.ingress.namespace: ingress namespace "internet-egress" is already the egress namespace (spec.egress.namespace); the Internet ingress gateway needs a namespace of its own (e.g. internet-ingress)',
      'case/platform.yaml:64:48 spec.ingress.cidr: CIDR 10.99.0.128/25 overlaps 10.99.0.0/24 (egress, spec.egress.cidr)',
    ],
    zh: [
      'case/platform.yaml:64:25 spec.ingress.namespace: 接入网关命名空间 "internet-egress" 已被用作出口网关命名空间（spec.egress.namespace）；互联网接入网关需要独立的命名空间（例如 internet-ingress）',
      'case/platform.yaml:64:48 spec.ingress.cidr: CIDR 10.99.0.128/25 与 10.99.0.0/24（egress, spec.egress.cidr）重叠',
    ],
  },
  {
    name: 'platform-primary-sites',
    en: [
      'case/platform.yaml:12:5 spec.sites: exactly one site must have role primary, found 2',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: DR tier hot-standby needs a same-city site with a cluster on the extranet, and none is declared',
    ],
    zh: [
      'case/platform.yaml:12:5 spec.sites: 必须且只能有一个 primary 站点，实际 2 个',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: 灾备级别 hot-standby 需要带有外网集群的 same-city 站点，但平台未声明',
    ],
  },
  {
    name: 'platform-unknown-site',
    en: [
      'case/platform.yaml:20:13 spec.sites[2]: site far has no cluster; every site needs at least one',
      'case/platform.yaml:43:13 spec.clusters[2].site: unknown site "fra" (known: main, twin, far)',
      'case/tenants/north/portal.yaml:17:15 spec.dr.tier: DR tier backup needs a remote site with a cluster on the extranet, and none is declared',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: DR tier hot-standby needs a remote site with a cluster on the extranet, and none is declared',
    ],
    zh: [
      'case/platform.yaml:20:13 spec.sites[2]: 站点 far 没有集群；每个站点至少需要一个集群',
      'case/platform.yaml:43:13 spec.clusters[2].site: 未知的站点 "fra"（已知：main, twin, far）',
      'case/tenants/north/portal.yaml:17:15 spec.dr.tier: 灾备级别 backup 需要带有外网集群的 remote 站点，但平台未声明',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: 灾备级别 hot-standby 需要带有外网集群的 remote 站点，但平台未声明',
    ],
  },
  {
    name: 'ref-unknown-county',
    en: ['case/tenants/nort/relief2.yaml:5:11 metadata.county: unknown county "nort" (known: north, south); did you mean north?'],
    zh: ['case/tenants/nort/relief2.yaml:5:11 metadata.county: 未知县区 "nort"（已知：north, south）；是否应为 north？'],
  },
  {
    name: 'backup-no-bucket',
    en: [
      'case/platform.yaml:19:34 spec.sites[1].backupStorage.endpoint: value "https://oss.twin.test.gov.cn" is not a valid backup storage URL (s3://bucket[/prefix] or https://host/bucket[/prefix], without credentials)',
    ],
    zh: [
      'case/platform.yaml:19:34 spec.sites[1].backupStorage.endpoint: 取值 "https://oss.twin.test.gov.cn" 不是有效的备份存储地址（s3://存储桶[/前缀] 或 https://主机/存储桶[/前缀]，不含凭据）',
    ],
  },
  {
    name: 'schema-cidr-host-bits',
    en: [
      'case/platform.yaml:19:74 spec.sites[1].backupStorage.cidr: value "10.90.1.7/24" has host bits set: a range starts at its network address; did you mean 10.90.1.0/24?',
    ],
    zh: ['case/platform.yaml:19:74 spec.sites[1].backupStorage.cidr: 取值 "10.90.1.7/24" 的主机位不为零：网段应从网络地址开始；是否应为 10.90.1.0/24？'],
  },
  {
    name: 'platform-domestic-label',
    en: [
      "case/platform.yaml:68:31 spec.placement.domesticNodeLabel.key: value \"govcloud.gov.cn/信创\" (U+4FE1 at 17, U+521B at 18) is not a valid Kubernetes label key (such as govcloud.gov.cn/node-pool: an optional domain and '/', then letters, digits, '-', '_', '.')",
      "case/platform.yaml:68:60 spec.placement.domesticNodeLabel.value: value \"\" is not a valid Kubernetes label value (such as xinchuang: 1 to 63 letters, digits, '-', '_', '.')",
    ],
    zh: [
      'case/platform.yaml:68:31 spec.placement.domesticNodeLabel.key: 取值 "govcloud.gov.cn/信创"（第 17 个字符为 U+4FE1，第 18 个字符为 U+521B） 不是有效的Kubernetes 标签键（如 govcloud.gov.cn/node-pool：可选的域名和“/”，再接字母、数字、“-”“_”“.”）',
      'case/platform.yaml:68:60 spec.placement.domesticNodeLabel.value: 取值 "" 不是有效的Kubernetes 标签值（如 xinchuang：1 至 63 个字母、数字、“-”“_”“.”）',
    ],
  },
  {
    name: 'tenant-zero-quota',
    en: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: a quota of "0" leaves the namespace unable to run anything; ask for what the system needs (an environment that must hold nothing is removed from spec.environments instead)',
      'case/tenants/north/relief.yaml:16:45 spec.quota.storage: a quota of "0Gi" leaves the namespace unable to run anything; ask for what the system needs (an environment that must hold nothing is removed from spec.environments instead)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: 配额 "0" 使命名空间无法运行任何负载；请按系统实际需要申请（不需要的环境应从 spec.environments 中删除）',
      'case/tenants/north/relief.yaml:16:45 spec.quota.storage: 配额 "0Gi" 使命名空间无法运行任何负载；请按系统实际需要申请（不需要的环境应从 spec.environments 中删除）',
    ],
  },
  {
    name: 'tenant-reserved-group',
    en: [
      'case/tenants/north/relief.yaml:18:35 spec.admins[1]: group "system:authenticated" is a Kubernetes system group (every authenticated user): binding it as administrator would give the namespace to every authenticated user; name the directory group of the department\'s operators',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:35 spec.admins[1]: 用户组 "system:authenticated" 是 Kubernetes 系统组（所有已认证用户）：将其绑定为管理员会把命名空间交给所有已认证用户；请填写本部门运维人员的目录用户组',
    ],
  },
  {
    name: 'text-hidden-character',
    en: [
      'case/tenants/north/relief.yaml:7:16 metadata.displayName: holds the invisible character U+202E at character 6 (a control character or a bidirectional override, which makes the text read differently from what is deployed); remove it',
    ],
    zh: [
      'case/tenants/north/relief.yaml:7:16 metadata.displayName: 第 6 个字符处含不可见字符 U+202E（控制字符或双向文本覆盖符，会使显示内容与实际部署不一致）；请删除',
    ],
  },
  {
    name: 'tenant-approval-future',
    en: [
      'case/tenants/north/relief.yaml:9:46 metadata.approval.approvedOn: approval date 2099-01-01 is after today (2026-11-23, Beijing time): a request is approved before it is filed; check the 项目联审 reply',
    ],
    zh: [
      'case/tenants/north/relief.yaml:9:46 metadata.approval.approvedOn: 批复日期 2099-01-01 晚于今天（2026-11-23，北京时间）：申请应在批复之后提交；请核对项目联审批复',
    ],
  },
  {
    name: 'schema-enum',
    en: ['case/tenants/north/relief.yaml:14:9 spec.zone: value "dmz2" is not allowed (allowed: public-service, administrative, exchange)'],
    zh: ['case/tenants/north/relief.yaml:14:9 spec.zone: 取值 "dmz2" 不允许（允许：public-service, administrative, exchange）'],
  },
  {
    name: 'schema-format',
    en: ['case/tenants/north/relief.yaml:8:29 metadata.owner.email: value "wangwu-at-test" is not a valid e-mail address (such as zhangsan@example.gov.cn)'],
    zh: ['case/tenants/north/relief.yaml:8:29 metadata.owner.email: 取值 "wangwu-at-test" 不是有效的电子邮件地址（如 zhangsan@example.gov.cn）'],
  },
  {
    name: 'schema-literal',
    en: ['case/tenants/north/relief.yaml:2:7 kind: must be "TenantRequest", got "Tenant"'],
    zh: ['case/tenants/north/relief.yaml:2:7 kind: 必须为 "TenantRequest"，实际为 "Tenant"'],
  },
  {
    name: 'schema-pattern',
    en: [
      'case/tenants/north/relief.yaml:16:30 spec.quota.memory: value "16 GB" is not a valid size (a number with a unit, Ki, Mi, Gi, Ti, Pi (powers of 1024) or k, M, G, T, P (powers of 1000), such as 64Gi or 500Gi); did you mean 16Gi?',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:30 spec.quota.memory: 取值 "16 GB" 不是有效的容量（带单位的数值，单位为 Ki、Mi、Gi、Ti、Pi（1024 的幂）或 k、M、G、T、P（1000 的幂），如 64Gi、500Gi）；是否应为 16Gi？',
    ],
  },
  {
    name: 'schema-required',
    en: ['case/tenants/north/relief.yaml:4:3 metadata.approval: required field is missing'],
    zh: ['case/tenants/north/relief.yaml:4:3 metadata.approval: 缺少必填字段'],
  },
  {
    // a quantity given as a string or a number: missing is missing, not "invalid value nothing"
    name: 'schema-required-union',
    en: ['case/tenants/north/relief.yaml:16:10 spec.quota.cpu: required field is missing'],
    zh: ['case/tenants/north/relief.yaml:16:10 spec.quota.cpu: 缺少必填字段'],
  },
  {
    name: 'schema-not-whole',
    en: ['case/tenants/north/relief.yaml:16:58 spec.quota.pods: expected a whole number, got 1.5'],
    zh: ['case/tenants/north/relief.yaml:16:58 spec.quota.pods: 应为 整数，实际为 1.5'],
  },
  {
    // a Cyrillic а (U+0430) looks like the Latin a the pattern wants
    name: 'schema-lookalike',
    en: [
      'case/tenants/north/relief.yaml:6:15 metadata.department: value "civil-аffairs" (U+0430 at 7) is not a valid DNS label (lower-case letters, digits and \'-\', starting with a letter)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:6:15 metadata.department: 取值 "civil-аffairs"（第 7 个字符为 U+0430） 不是有效的DNS 标签（小写字母、数字和“-”，以字母开头）',
    ],
  },
  {
    name: 'schema-too-big',
    en: ['case/tenants/north/relief.yaml:12:14 spec.mlpsLevel: value 5 is above the maximum 4'],
    zh: ['case/tenants/north/relief.yaml:12:14 spec.mlpsLevel: 取值 5 大于最大值 4'],
  },
  {
    name: 'schema-type',
    en: ['case/tenants/north/relief.yaml:16:58 spec.quota.pods: expected a number, got string "many"'],
    zh: ['case/tenants/north/relief.yaml:16:58 spec.quota.pods: 应为 数字，实际为 string "many"'],
  },
  {
    name: 'schema-unknown-key',
    en: [
      'case/tenants/north/relief.yaml:18:3 spec.colour: unknown field "colour" (allowed: classification, mlpsLevel, mlps, network, zone, environments, quota, placement, dr, exposure, flows, waivers, decommission, admins)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:3 spec.colour: 未知字段 "colour"（允许：classification, mlpsLevel, mlps, network, zone, environments, quota, placement, dr, exposure, flows, waivers, decommission, admins）',
    ],
  },
  {
    name: 'schema-unknown-key-suggest',
    en: ['case/tenants/north/relief.yaml:12:3 spec.mlps_level: unknown field "mlps_level"; did you mean mlpsLevel?'],
    zh: ['case/tenants/north/relief.yaml:12:3 spec.mlps_level: 未知字段 "mlps_level"；是否应为 mlpsLevel？'],
  },
  {
    name: 'yaml-duplicate-key',
    en: ['case/tenants/north/relief.yaml:13:3 duplicate key "mlpsLevel"'],
    zh: ['case/tenants/north/relief.yaml:13:3 重复的键 "mlpsLevel"'],
  },
  {
    name: 'yaml-multi-doc',
    en: ['case/tenants/north/relief.yaml:19:1 file holds 2 YAML documents; put exactly one per file'],
    zh: ['case/tenants/north/relief.yaml:19:1 文件包含 2 个 YAML 文档；每个文件只能有一个'],
  },
  {
    name: 'yaml-not-mapping',
    en: ['case/tenants/north/relief.yaml:1:1 top level must be a mapping with apiVersion, kind, metadata and spec, got a list'],
    zh: ['case/tenants/north/relief.yaml:1:1 顶层必须是包含 apiVersion、kind、metadata 和 spec 的映射，实际为 列表'],
  },
  {
    name: 'yaml-syntax',
    en: ['case/tenants/north/relief.yaml:13:3 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    zh: ['case/tenants/north/relief.yaml:13:3 YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
  {
    name: 'yaml-unknown-tag',
    en: [
      'case/tenants/north/relief.yaml:6:15 unknown YAML tag !Ref: request files are plain YAML, nothing resolves tags such as !Ref here; write the value itself',
    ],
    zh: ['case/tenants/north/relief.yaml:6:15 未知的 YAML 标签 !Ref：申请文件为普通 YAML，此处不解析 !Ref 等标签；请直接填写取值'],
  },
  {
    // 900 levels of [ in 2 KB once overflowed the parsers' stacks; refused where level 65 opens
    name: 'yaml-too-deep',
    en: ['case/tenants/north/relief.yaml:18:73 YAML is nested more than 64 levels deep; a request needs a handful: flatten it'],
    zh: ['case/tenants/north/relief.yaml:18:73 YAML 嵌套超过 64 层；申请文件只需几层：请减少嵌套'],
  },
  {
    name: 'waiver-duplicate',
    en: ['case/tenants/north/relief.yaml:20:15 spec.waivers[1].rule: rule MLPS-NET-001 is waived twice (first at line 19)'],
    zh: ['case/tenants/north/relief.yaml:20:15 spec.waivers[1].rule: 规则 MLPS-NET-001 重复豁免（首次在第 19 行）'],
  },
  {
    name: 'waiver-expired',
    en: [
      'case/tenants/north/relief.yaml:19:122 spec.waivers[0].expires: waiver of MLPS-NET-001 expired on 2026-06-30 (today is 2026-11-23); fix the finding or renew the waiver with a new approval',
    ],
    zh: ['case/tenants/north/relief.yaml:19:122 spec.waivers[0].expires: MLPS-NET-001 的豁免已于 2026-06-30 到期（今天是 2026-11-23）；请整改或重新审批豁免'],
  },
  {
    name: 'waiver-missing-fields',
    en: [
      'case/tenants/north/relief.yaml:19:7 spec.waivers[0].approvedBy: required field is missing',
      'case/tenants/north/relief.yaml:19:7 spec.waivers[0].expires: required field is missing',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:7 spec.waivers[0].approvedBy: 缺少必填字段',
      'case/tenants/north/relief.yaml:19:7 spec.waivers[0].expires: 缺少必填字段',
    ],
  },
  {
    name: 'waiver-unknown-rule',
    en: ['case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: unknown rule "MLPS-NET-901"; did you mean MLPS-NET-001?'],
    zh: ['case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: 未知规则 "MLPS-NET-901"；是否应为 MLPS-NET-001？'],
  },
  {
    name: 'waiver-unwaivable',
    en: [
      'case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: rule MLPS-PLACE-002 cannot be waived: classified work on the extranet breaks physical isolation required by the Law on Guarding State Secrets',
    ],
    zh: ['case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: 规则 MLPS-PLACE-002 不可豁免：涉密系统部署在外网违反《保守国家秘密法》要求的物理隔离'],
  },
  {
    name: 'pod-cidr-prefix',
    en: [
      "case/platform.yaml:37:16 spec.clusters[1].podCidr: pod CIDR 10.245.0.0/22 is a /22; a cluster's pod range is /12 to /20 (wide enough for the pools of its namespaces, narrow enough to leave room for the other clusters)",
    ],
    zh: [
      'case/platform.yaml:37:16 spec.clusters[1].podCidr: Pod 地址段 10.245.0.0/22 为 /22；集群 Pod 地址段应为 /12 至 /20（足以容纳各命名空间的地址池，又为其他集群留出空间）',
    ],
  },
  {
    name: 'pod-cidr-overlap',
    en: [
      'case/platform.yaml:37:16 spec.clusters[1].podCidr: CIDR 10.30.0.0/16 overlaps 10.30.0.0/16 (zone exchange, spec.zones.exchange.cidr)',
      'case/platform.yaml:45:16 spec.clusters[2].podCidr: CIDR 10.244.128.0/17 overlaps 10.244.0.0/16 (pods of cluster ext-main, spec.clusters[0].podCidr)',
    ],
    zh: [
      'case/platform.yaml:37:16 spec.clusters[1].podCidr: CIDR 10.30.0.0/16 与 10.30.0.0/16（zone exchange, spec.zones.exchange.cidr）重叠',
      'case/platform.yaml:45:16 spec.clusters[2].podCidr: CIDR 10.244.128.0/17 与 10.244.0.0/16（pods of cluster ext-main, spec.clusters[0].podCidr）重叠',
    ],
  },
  {
    name: 'pod-cidr-intranet',
    en: [
      'case/platform.yaml:53:16 spec.clusters[3].podCidr: pod CIDR 172.17.0.0/16 of intranet cluster int-main is not inside the intranet range 172.16.0.0/16 (spec.intranet.cidr): intranet pods take their addresses from the intranet; give a range inside it',
    ],
    zh: [
      'case/platform.yaml:53:16 spec.clusters[3].podCidr: 内网集群 int-main 的 Pod 地址段 172.17.0.0/16 不在内网地址段 172.16.0.0/16（spec.intranet.cidr）之内：内网 Pod 的地址取自内网；请填写其中的地址段',
    ],
  },
  {
    name: 'pools-missing',
    en: [
      'case/tenants/north/relief.yaml:4:9 metadata.name: namespace relief-test on cluster ext-main has no address pool in address-pools.yaml; run govcloud pools --write --env case and commit address-pools.yaml',
    ],
    zh: [
      'case/tenants/north/relief.yaml:4:9 metadata.name: 集群 ext-main 上的命名空间 relief-test 在 address-pools.yaml 中没有地址池；请运行 govcloud pools --write --env case 并提交 address-pools.yaml',
    ],
  },
  {
    name: 'pools-outside',
    en: [
      'case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: pool 10.250.0.0/26 of namespace relief-test is not inside the pod range 10.244.0.0/16 of cluster ext-main (spec.clusters[0].podCidr in platform.yaml); remove the entry and run govcloud pools --write --env case',
    ],
    zh: [
      'case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: 命名空间 relief-test 的地址池 10.250.0.0/26 不在集群 ext-main 的 Pod 地址段 10.244.0.0/16（platform.yaml 中的 spec.clusters[0].podCidr）之内；请删除该条目后运行 govcloud pools --write --env case',
    ],
  },
  {
    name: 'pools-overlap',
    en: [
      'case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: CIDR 10.244.1.128/26 overlaps 10.244.1.128/26 (pool of namespace relief-prod on cluster ext-main)',
    ],
    zh: [
      'case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: CIDR 10.244.1.128/26 与 10.244.1.128/26（pool of namespace relief-prod on cluster ext-main）重叠',
    ],
  },
  {
    name: 'pools-stale',
    en: [
      'case/address-pools.yaml:32:18 spec.clusters.ext-main.gone-prod: warning: namespace gone-prod no longer exists on cluster ext-main; run govcloud pools --write --env case to drop its pool',
    ],
    zh: [
      'case/address-pools.yaml:32:18 spec.clusters.ext-main.gone-prod: 警告：集群 ext-main 上已不存在命名空间 gone-prod；请运行 govcloud pools --write --env case 删除其地址池',
    ],
  },
  {
    name: 'pools-malformed',
    en: ['case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: value "10.244.1.192" is not a valid IPv4 CIDR (such as 10.20.0.0/16)'],
    zh: ['case/address-pools.yaml:31:20 spec.clusters.ext-main.relief-test: 取值 "10.244.1.192" 不是有效的IPv4 CIDR（如 10.20.0.0/16）'],
  },
];

describe('every kind of bad input has a fixture', () => {
  it('lists each fixture folder exactly once in the table', () => {
    const folders = fs.readdirSync(path.join(FIXTURES, 'cases')).sort();
    expect(cases.map((c) => c.name).sort()).toEqual(folders);
  });
});

describe.each(cases)('$name', (c) => {
  const dir = caseEnv(c.name);
  const result = validateEnvironment(dir, { rules: RULES, today: '2026-11-23' });
  const shown = (lang: 'en' | 'zh') =>
    result.issues.map((i) =>
      formatIssue(i, lang)
        .split(path.dirname(dir) + path.sep)
        .join(''),
    );

  it('reports the exact English lines', () => {
    expect(shown('en')).toEqual(c.en);
  });
  it('reports the exact Chinese lines', () => {
    expect(shown('zh')).toEqual(c.zh);
  });
  it('gives a model only when there is no error', () => {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    expect(result.model === undefined).toBe(errors > 0);
  });
});

describe('the base fixture', () => {
  it('is valid, so each case shows only its own error', () => {
    const result = validateEnvironment(caseEnv(undefined));
    expect(result.issues).toEqual([]);
    expect(result.model?.tenants.map((t) => t.name)).toEqual(['portal', 'relief', 'case-files', 'exchange-hub']);
  });
});
