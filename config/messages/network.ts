/** Bilingual messages: network (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const networkMessages = {
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
} satisfies Record<string, Bilingual>;
