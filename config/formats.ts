/**
 * Friendly names and hints for the string formats the schemas use. Issues carry a language-neutral
 * key (`fmt:dns-label`, `hint:dns-label`) that the message renderer translates.
 */
import type { Bilingual } from './vocabulary';
import { LABEL_KEY, LABEL_VALUE } from './vocabulary';
import { BACKUP_URL, BYTES_QUANTITY, CIDR_V4, CPU_QUANTITY, DNS_LABEL, HOST_NAME } from './schema/common';
import { FLOW_TARGET } from './schema/tenant';
import { CHART_REPOSITORY } from './schema/platform';
import { CODEOWNERS_OWNER, REFERENCE_FORMAT } from './schema/approvals';

type Words = Bilingual;

const formats: Record<string, { name: Words; hint: Words; pattern?: string }> = {
  'dns-label': {
    pattern: DNS_LABEL.source,
    name: { en: 'DNS label', zh: 'DNS 标签' },
    hint: { en: "lower-case letters, digits and '-', starting with a letter", zh: '小写字母、数字和“-”，以字母开头' },
  },
  'cpu-quantity': {
    pattern: CPU_QUANTITY.source,
    name: { en: 'CPU quantity', zh: 'CPU 数量' },
    hint: {
      en: 'cores such as "16" or "0.5", or millicores with the unit m such as "500m"; no other unit',
      zh: '核数如 "16"、"0.5"，或以 m 为单位的毫核如 "500m"；不接受其他单位',
    },
  },
  'bytes-quantity': {
    pattern: BYTES_QUANTITY.source,
    name: { en: 'size', zh: '容量' },
    hint: {
      en: 'a number with a unit, Ki, Mi, Gi, Ti, Pi (powers of 1024) or k, M, G, T, P (powers of 1000), such as 64Gi or 500Gi',
      zh: '带单位的数值，单位为 Ki、Mi、Gi、Ti、Pi（1024 的幂）或 k、M、G、T、P（1000 的幂），如 64Gi、500Gi',
    },
  },
  cidr: { pattern: CIDR_V4.source, name: { en: 'IPv4 CIDR', zh: 'IPv4 CIDR' }, hint: { en: 'such as 10.20.0.0/16', zh: '如 10.20.0.0/16' } },
  'backup-url': {
    pattern: BACKUP_URL.source,
    name: { en: 'backup storage URL', zh: '备份存储地址' },
    hint: { en: 's3://bucket[/prefix] or https://host/bucket[/prefix], without credentials', zh: 's3://存储桶[/前缀] 或 https://主机/存储桶[/前缀]，不含凭据' },
  },
  'chart-repository': {
    pattern: CHART_REPOSITORY.source,
    name: { en: 'chart source', zh: 'Chart 来源' },
    hint: {
      en: "charts/<name> (a chart of this project) or oci://<registry>/<path>; no '.' or '..' part, no absolute path",
      zh: 'charts/<名称>（本项目的 Chart）或 oci://<仓库>/<路径>；不得含“.”或“..”路径段，不得为绝对路径',
    },
  },
  'host-name': { pattern: HOST_NAME.source, name: { en: 'host name', zh: '主机名' }, hint: { en: 'such as api.example.cn', zh: '如 api.example.cn' } },
  'flow-target': {
    pattern: FLOW_TARGET.source,
    name: { en: 'flow target', zh: '访问目标' },
    hint: { en: 'tenant/<county>/<name> or internet', zh: 'tenant/<县区>/<名称> 或 internet' },
  },
  'label-key': {
    pattern: LABEL_KEY.source,
    name: { en: 'Kubernetes label key', zh: 'Kubernetes 标签键' },
    hint: {
      en: "such as govcloud.gov.cn/node-pool: an optional domain and '/', then letters, digits, '-', '_', '.'",
      zh: '如 govcloud.gov.cn/node-pool：可选的域名和“/”，再接字母、数字、“-”“_”“.”',
    },
  },
  'label-value': {
    pattern: LABEL_VALUE.source,
    name: { en: 'Kubernetes label value', zh: 'Kubernetes 标签值' },
    hint: { en: "such as xinchuang: 1 to 63 letters, digits, '-', '_', '.'", zh: '如 xinchuang：1 至 63 个字母、数字、“-”“_”“.”' },
  },
  'codeowners-owner': {
    pattern: CODEOWNERS_OWNER.source,
    name: { en: 'CODEOWNERS owner', zh: 'CODEOWNERS 负责人' },
    hint: { en: '@org/team, @user or an e-mail address, such as @govcloud/finance', zh: '@组织/团队、@用户 或电子邮件地址，如 @govcloud/finance' },
  },
  'reference-format': {
    pattern: REFERENCE_FORMAT.source,
    name: { en: 'reference format', zh: '文号格式' },
    hint: {
      en: 'up to 60 characters without spaces, with YYYY for the year and an N for each digit, such as XM-YYYY-NNNN',
      zh: '不超过 60 个字符且不含空格，以 YYYY 表示年份、每个 N 表示一位数字，如 XM-YYYY-NNNN',
    },
  },
  email: { name: { en: 'e-mail address', zh: '电子邮件地址' }, hint: { en: 'such as zhangsan@example.gov.cn', zh: '如 zhangsan@example.gov.cn' } },
  date: { name: { en: 'date', zh: '日期' }, hint: { en: 'YYYY-MM-DD', zh: 'YYYY-MM-DD' } },
  value: { name: { en: 'value', zh: '取值' }, hint: { en: 'see the JSON Schema in schema/', zh: '参见 schema/ 中的 JSON Schema' } },
};

/** The format key for a zod `invalid_format` issue. */
export function formatKey(format: string, pattern: string | undefined): string {
  if (pattern !== undefined) {
    for (const [key, f] of Object.entries(formats)) if (f.pattern !== undefined && (f.pattern === pattern || `/${f.pattern}/` === pattern)) return key;
  }
  return formats[format] !== undefined ? format : 'value';
}

/** Vocabulary entries `fmt:<key>` and `hint:<key>` for the message renderer. */
export function formatWords(): Record<string, Words> {
  const out: Record<string, Words> = {};
  for (const [key, f] of Object.entries(formats)) {
    out[`fmt:${key}`] = f.name;
    out[`hint:${key}`] = f.hint;
  }
  return out;
}
