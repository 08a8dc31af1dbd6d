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
    zh: [
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref: 批复文号 "XM-TODO" 是占位符：请填写批准本申请的项目联审批复文号',
    ],
  },
  {
    name: 'capacity-exceeded',
    en: [
      'case/platform.yaml:29:24 spec.clusters[0].capacity.cpu: cluster ext-main: granted cpu 206 exceeds capacity 100 × over-commit 2 = 200 (103 %)',
    ],
    zh: [
      'case/platform.yaml:29:24 spec.clusters[0].capacity.cpu: 集群 ext-main：已分配 cpu 206 超出容量 100 × 超分比 2 = 200（103%）',
    ],
  },
  {
    name: 'capacity-high',
    en: [
      'case/platform.yaml:29:24 spec.clusters[0].capacity.cpu: warning: cluster ext-main: granted cpu 176 is 88 % of the allowed 200',
    ],
    zh: [
      'case/platform.yaml:29:24 spec.clusters[0].capacity.cpu: 警告：集群 ext-main：已分配 cpu 176，达到允许值 200 的 88%',
    ],
  },
  {
    name: 'cidr-overlap',
    en: [
      'case/platform.yaml:57:23 spec.zones.exchange.cidr: CIDR 10.20.128.0/17 overlaps 10.20.0.0/16 (zone administrative, spec.zones.administrative.cidr)',
    ],
    zh: [
      'case/platform.yaml:57:23 spec.zones.exchange.cidr: CIDR 10.20.128.0/17 与 10.20.0.0/16（zone administrative, spec.zones.administrative.cidr）重叠',
    ],
  },
  {
    name: 'dr-missing-site',
    en: [
      'case/tenants/south/case-files.yaml:17:15 spec.dr.tier: DR tier backup needs a remote site with a cluster on the intranet, and none is declared',
    ],
    zh: [
      'case/tenants/south/case-files.yaml:17:15 spec.dr.tier: 灾备级别 backup 需要带有内网集群的 remote 站点，但平台未声明',
    ],
  },
  {
    name: 'exposure-not-public',
    en: [
      'case/tenants/north/relief.yaml:18:25 spec.exposure.internet: only public-service tenants may be exposed to the Internet (zone is administrative)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:25 spec.exposure.internet: 只有公共服务域租户可以对互联网开放（当前区域为 administrative）',
    ],
  },
  {
    name: 'file-binary',
    en: [
      'case/tenants/north/relief.yaml:1:1 file is not UTF-8 text (binary content near byte 8)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:1:1 文件不是 UTF-8 文本（第 8 字节附近为二进制内容）',
    ],
  },
  {
    name: 'file-empty',
    en: [
      'case/tenants/north/relief.yaml:1:1 file is empty: expected one TenantRequest document',
    ],
    zh: [
      'case/tenants/north/relief.yaml:1:1 文件为空：应包含一个 TenantRequest 文档',
    ],
  },
  {
    name: 'file-misplaced',
    en: [
      'case/tenants/stray.yaml:1:1 request files belong in tenants/<county>/<name>.yaml, got tenants/stray.yaml',
    ],
    zh: [
      'case/tenants/stray.yaml:1:1 申请文件应位于 tenants/<县区>/<名称>.yaml，实际为 tenants/stray.yaml',
    ],
  },
  {
    name: 'flow-cross-zone',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: flow from zone administrative to tenant/north/portal in zone public-service must pass through the exchange zone',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 从administrative区到public-service区 tenant/north/portal 的访问必须经由交换区',
    ],
  },
  {
    name: 'flow-hosts-on-tenant',
    en: [
      'case/tenants/north/portal.yaml:20:47 spec.flows[0].hosts: hosts apply to Internet flows only; a flow to a tenant is by namespace',
    ],
    zh: [
      'case/tenants/north/portal.yaml:20:47 spec.flows[0].hosts: hosts 仅适用于互联网访问；到租户的访问按命名空间控制',
    ],
  },
  {
    name: 'flow-internet-hosts',
    en: [
      'case/tenants/north/portal.yaml:21:13 spec.flows[1].to: a flow to the Internet must list its hosts, for the unified egress allow-list',
    ],
    zh: [
      'case/tenants/north/portal.yaml:21:13 spec.flows[1].to: 访问互联网的流向必须列出目标主机，用于统一出口白名单',
    ],
  },
  {
    name: 'flow-internet-not-public',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: only public-service tenants may reach the Internet, through the unified egress (zone is administrative)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 只有公共服务域租户可以经互联网统一出口访问互联网（当前区域为 administrative）',
    ],
  },
  {
    name: 'flow-self',
    en: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: warning: flow to the tenant itself is not needed: its own namespaces are already allowed',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:13 spec.flows[0].to: 警告：无需声明到自身的访问：租户自身命名空间已允许',
    ],
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
    name: 'names-duplicate',
    en: [
      'case/tenants/south/relief.yaml:4:9 metadata.name: tenant name "relief" is already used by case/tenants/north/relief.yaml',
    ],
    zh: [
      'case/tenants/south/relief.yaml:4:9 metadata.name: 租户名称 "relief" 已被 case/tenants/north/relief.yaml 使用',
    ],
  },
  {
    name: 'names-file-mismatch',
    en: [
      'case/tenants/north/relief.yaml:4:9 metadata.name: metadata.name "relief-two" must equal the file name "relief"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:4:9 metadata.name: metadata.name "relief-two" 必须与文件名 "relief" 一致',
    ],
  },
  {
    name: 'names-folder-mismatch',
    en: [
      'case/tenants/north/relief.yaml:5:11 metadata.county: metadata.county "south" must equal the folder name "north"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:5:11 metadata.county: metadata.county "south" 必须与所在目录名 "north" 一致',
    ],
  },
  {
    name: 'net-classified-extranet',
    en: [
      'case/tenants/north/relief.yaml:13:12 spec.network: classified work must run on the intranet (network: intranet), got "extranet"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:13:12 spec.network: 涉密系统必须部署在电子政务内网（network: intranet），实际为 "extranet"',
    ],
  },
  {
    name: 'net-cross-network',
    en: [
      'case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: flow to tenant/north/relief crosses from the intranet to the extranet; the intranet is physically isolated from the extranet',
    ],
    zh: [
      'case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: 到 tenant/north/relief 的访问从内网跨到外网；电子政务内网与外网物理隔离',
    ],
  },
  {
    name: 'net-intranet-exposure',
    en: [
      'case/tenants/south/case-files.yaml:17:25 spec.exposure.internet: intranet tenants are physically isolated and cannot be exposed to the Internet',
    ],
    zh: [
      'case/tenants/south/case-files.yaml:17:25 spec.exposure.internet: 内网租户物理隔离，不能对互联网开放',
    ],
  },
  {
    name: 'net-intranet-internet',
    en: [
      'case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: intranet tenants are physically isolated and cannot have flows to the Internet',
    ],
    zh: [
      'case/tenants/south/case-files.yaml:18:13 spec.flows[0].to: 内网租户物理隔离，不能访问互联网',
    ],
  },
  {
    name: 'net-zone-on-intranet',
    en: [
      'case/tenants/south/case-files.yaml:14:9 spec.zone: zone "administrative" applies to the extranet only; remove it for an intranet tenant',
    ],
    zh: [
      'case/tenants/south/case-files.yaml:14:9 spec.zone: 区域 "administrative" 仅适用于外网；内网租户请删除该字段',
    ],
  },
  {
    name: 'net-zone-required',
    en: [
      'case/tenants/north/relief.yaml:11:3 spec: extranet tenants must name a zone (allowed: public-service, administrative, exchange)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:11:3 spec: 外网租户必须指定区域（允许：public-service, administrative, exchange）',
    ],
  },
  {
    name: 'placement-cluster-mismatch',
    en: [
      'case/tenants/north/relief.yaml:17:25 spec.placement.cluster: cluster ext-twin is on the extranet at site twin; this tenant needs a cluster on the extranet at the primary site',
    ],
    zh: [
      'case/tenants/north/relief.yaml:17:25 spec.placement.cluster: 集群 ext-twin 属于站点 twin 的外网；该租户需要主中心的外网集群',
    ],
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
    en: [
      'case/platform.yaml:11:15 spec.counties[2].code: county "north" is declared twice (first at line 9)',
    ],
    zh: [
      'case/platform.yaml:11:15 spec.counties[2].code: 县区 "north" 重复声明（首次在第 9 行）',
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
      'case/platform.yaml:41:13 spec.clusters[2].site: unknown site "fra" (known: main, twin, far)',
      'case/tenants/north/portal.yaml:17:15 spec.dr.tier: DR tier backup needs a remote site with a cluster on the extranet, and none is declared',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: DR tier hot-standby needs a remote site with a cluster on the extranet, and none is declared',
    ],
    zh: [
      'case/platform.yaml:20:13 spec.sites[2]: 站点 far 没有集群；每个站点至少需要一个集群',
      'case/platform.yaml:41:13 spec.clusters[2].site: 未知的站点 "fra"（已知：main, twin, far）',
      'case/tenants/north/portal.yaml:17:15 spec.dr.tier: 灾备级别 backup 需要带有外网集群的 remote 站点，但平台未声明',
      'case/tenants/south/exchange-hub.yaml:17:15 spec.dr.tier: 灾备级别 hot-standby 需要带有外网集群的 remote 站点，但平台未声明',
    ],
  },
  {
    name: 'ref-unknown-county',
    en: [
      'case/tenants/nort/relief2.yaml:5:11 metadata.county: unknown county "nort" (known: north, south); did you mean north?',
    ],
    zh: [
      'case/tenants/nort/relief2.yaml:5:11 metadata.county: 未知县区 "nort"（已知：north, south）；是否应为 north？',
    ],
  },
  {
    name: 'schema-enum',
    en: [
      'case/tenants/north/relief.yaml:14:9 spec.zone: value "dmz2" is not allowed (allowed: public-service, administrative, exchange)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:14:9 spec.zone: 取值 "dmz2" 不允许（允许：public-service, administrative, exchange）',
    ],
  },
  {
    name: 'schema-format',
    en: [
      'case/tenants/north/relief.yaml:8:29 metadata.owner.email: value "wangwu-at-test" is not a valid e-mail address (such as zhangsan@example.gov.cn)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:8:29 metadata.owner.email: 取值 "wangwu-at-test" 不是有效的电子邮件地址（如 zhangsan@example.gov.cn）',
    ],
  },
  {
    name: 'schema-literal',
    en: [
      'case/tenants/north/relief.yaml:2:7 kind: must be "TenantRequest", got "Tenant"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:2:7 kind: 必须为 "TenantRequest"，实际为 "Tenant"',
    ],
  },
  {
    name: 'schema-pattern',
    en: [
      'case/tenants/north/relief.yaml:16:30 spec.quota.memory: value "16 GB" is not a valid size (a number with a unit such as 64Gi or 500Gi)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:30 spec.quota.memory: 取值 "16 GB" 不是有效的容量（带单位的数值，如 64Gi、500Gi）',
    ],
  },
  {
    name: 'schema-required',
    en: [
      'case/tenants/north/relief.yaml:4:3 metadata.approval: required field is missing',
    ],
    zh: [
      'case/tenants/north/relief.yaml:4:3 metadata.approval: 缺少必填字段',
    ],
  },
  {
    name: 'schema-too-big',
    en: [
      'case/tenants/north/relief.yaml:12:14 spec.mlpsLevel: value 5 is above the maximum 4',
    ],
    zh: [
      'case/tenants/north/relief.yaml:12:14 spec.mlpsLevel: 取值 5 大于最大值 4',
    ],
  },
  {
    name: 'schema-type',
    en: [
      'case/tenants/north/relief.yaml:16:58 spec.quota.pods: expected a number, got string "many"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:16:58 spec.quota.pods: 应为 数字，实际为 string "many"',
    ],
  },
  {
    name: 'schema-unknown-key',
    en: [
      'case/tenants/north/relief.yaml:18:3 spec.colour: unknown field "colour" (allowed: classification, mlpsLevel, network, zone, environments, quota, placement, dr, exposure, flows, waivers, decommission, admins)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:3 spec.colour: 未知字段 "colour"（允许：classification, mlpsLevel, network, zone, environments, quota, placement, dr, exposure, flows, waivers, decommission, admins）',
    ],
  },
  {
    name: 'schema-unknown-key-suggest',
    en: [
      'case/tenants/north/relief.yaml:12:3 spec.mlps_level: unknown field "mlps_level"; did you mean mlpsLevel?',
    ],
    zh: [
      'case/tenants/north/relief.yaml:12:3 spec.mlps_level: 未知字段 "mlps_level"；是否应为 mlpsLevel？',
    ],
  },
  {
    name: 'yaml-duplicate-key',
    en: [
      'case/tenants/north/relief.yaml:13:3 duplicate key "mlpsLevel"',
    ],
    zh: [
      'case/tenants/north/relief.yaml:13:3 重复的键 "mlpsLevel"',
    ],
  },
  {
    name: 'yaml-multi-doc',
    en: [
      'case/tenants/north/relief.yaml:19:1 file holds 2 YAML documents; put exactly one per file',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:1 文件包含 2 个 YAML 文档；每个文件只能有一个',
    ],
  },
  {
    name: 'yaml-not-mapping',
    en: [
      'case/tenants/north/relief.yaml:1:1 top level must be a mapping with apiVersion, kind, metadata and spec, got a list',
    ],
    zh: [
      'case/tenants/north/relief.yaml:1:1 顶层必须是包含 apiVersion、kind、metadata 和 spec 的映射，实际为 列表',
    ],
  },
  {
    name: 'yaml-syntax',
    en: [
      'case/tenants/north/relief.yaml:13:3 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    zh: [
      'case/tenants/north/relief.yaml:13:3 YAML 语法错误：Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  },
  {
    // 900 levels of [ in 2 KB once overflowed the parsers' stacks; refused where level 65 opens
    name: 'yaml-too-deep',
    en: [
      'case/tenants/north/relief.yaml:18:73 YAML is nested more than 64 levels deep; a request needs a handful: flatten it',
    ],
    zh: [
      'case/tenants/north/relief.yaml:18:73 YAML 嵌套超过 64 层；申请文件只需几层：请减少嵌套',
    ],
  },
  {
    name: 'waiver-duplicate',
    en: [
      'case/tenants/north/relief.yaml:20:15 spec.waivers[1].rule: rule MLPS-NET-001 is waived twice (first at line 19)',
    ],
    zh: [
      'case/tenants/north/relief.yaml:20:15 spec.waivers[1].rule: 规则 MLPS-NET-001 重复豁免（首次在第 19 行）',
    ],
  },
  {
    name: 'waiver-expired',
    en: [
      'case/tenants/north/relief.yaml:19:122 spec.waivers[0].expires: waiver of MLPS-NET-001 expired on 2026-06-30 (today is 2026-11-23); fix the finding or renew the waiver with a new approval',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:122 spec.waivers[0].expires: MLPS-NET-001 的豁免已于 2026-06-30 到期（今天是 2026-11-23）；请整改或重新审批豁免',
    ],
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
    en: [
      'case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: unknown rule "MLPS-NET-011"; did you mean MLPS-NET-001?',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: 未知规则 "MLPS-NET-011"；是否应为 MLPS-NET-001？',
    ],
  },
  {
    name: 'waiver-unwaivable',
    en: [
      'case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: rule MLPS-PLACE-002 cannot be waived: classified work on the extranet breaks physical isolation required by the Law on Guarding State Secrets',
    ],
    zh: [
      'case/tenants/north/relief.yaml:19:15 spec.waivers[0].rule: 规则 MLPS-PLACE-002 不可豁免：涉密系统部署在外网违反《保守国家秘密法》要求的物理隔离',
    ],
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
  const shown = (lang: 'en' | 'zh') => result.issues.map((i) => formatIssue(i, lang).split(path.dirname(dir) + path.sep).join(''));

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
