/** Building blocks shared by the file schemas. Descriptions feed the generated JSON Schema. */
import { z } from 'zod';
import { readCidr } from '../cidr';
import { DURATION } from '../duration';

export const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const CPU_QUANTITY = /^([0-9]+(\.[0-9]+)?|[0-9]+m)$/;
export const BYTES_QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;
export const CIDR_V4 = /^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\/(3[0-2]|[12]?[0-9])$/;
/** A backup storage URL without credentials: `s3://bucket[/prefix]` or `https://host[:port]/bucket[/prefix]`. */
export const BACKUP_URL = /^(s3:\/\/[^\s@/]+|https:\/\/[^\s@/]+\/[^\s@/]+)(\/[^\s@]*)?$/;
export const HOST_NAME = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/;

export const dnsLabel = (max: number) =>
  z
    .string()
    .max(max)
    .regex(DNS_LABEL)
    ;

export const cpuQuantity = z
  .union([z.string().regex(CPU_QUANTITY), z.number().positive()])
  .describe('CPU in cores ("16", 16, "500m") / CPU 核数');

export const bytesQuantity = z
  .string()
  .regex(BYTES_QUANTITY)
  
  .describe('Kubernetes quantity such as 64Gi or 500Gi / 容量，如 64Gi、500Gi');

export const cidr = z
  .string()
  .regex(CIDR_V4)
  // 10.20.0.5/16 is 10.20.0.0/16 to a router but not to a reader: say which one is meant
  .superRefine((v, ctx) => {
    const network = CIDR_V4.test(v) ? readCidr(v)?.network : undefined;
    if (network !== undefined && network !== v) ctx.addIssue({ code: 'custom', message: 'host bits', params: { code: 'schema.cidrHostBits', value: JSON.stringify(v), network } });
  })
  .describe('IPv4 CIDR, e.g. 10.20.0.0/16');

export const isoDate = z.iso.date().describe('Date as YYYY-MM-DD / 日期，格式 YYYY-MM-DD');

export const mlpsLevel = z
  .number()
  .int()
  .min(1)
  .max(4)
  .describe('Graded-protection (等保 2.0) level 1..4, GB/T 22239-2019 / 等保级别 1..4')
  .meta({ examples: [3] });

export const network = z.enum(['extranet', 'intranet']).describe('extranet (电子政务外网) or intranet (电子政务内网)');

export const zoneName = z
  .enum(['public-service', 'administrative', 'exchange'])
  .describe('Extranet zone: public-service (公共服务域), administrative (行政服务域), exchange (交换区)');

export const siteRole = z
  .enum(['primary', 'same-city', 'remote'])
  .describe('primary (主中心), same-city (同城灾备中心) or remote (异地灾备中心)');

export const drTier = z
  .enum(['none', 'backup', 'hot-standby', 'active-active'])
  .describe('none | backup (异地备份) | hot-standby (同城热备) | active-active (双活)');

export const environmentName = z.enum(['prod', 'staging', 'test', 'dev']).describe('One namespace per environment');

/** A recovery target: a whole number and one unit, m, h or d (`15m`, `1h`, `2d`); config/duration.ts reads it. */
export const duration = z
  .string()
  .superRefine((v, ctx) => {
    if (!DURATION.test(v)) ctx.addIssue({ code: 'custom', message: 'duration', params: { code: 'schema.duration', value: JSON.stringify(v) } });
  })
  .describe('Duration: a whole number and one unit, m (minutes), h (hours) or d (days), e.g. 15m, 1h, 2d / 时长：整数加一个单位（m 分钟、h 小时、d 天），如 15m、1h、2d')
  .meta({ examples: ['15m', '1h'] });
