/** TenantRequest: the file a department writes, one per tenant, tenants/<county>/<name>.yaml. */
import { z } from 'zod';
import {
  bytesQuantity,
  cpuQuantity,
  dnsLabel,
  drTier,
  environmentName,
  HOST_NAME,
  isoDate,
  mlpsLevel,
  network,
  zoneName,
} from './common';
import { quotaProblem } from './quota';
import { mlpsRecords } from './mlps-records';
import { MAX_ADMINS, MAX_ENVIRONMENTS, MAX_FLOWS, MAX_HOSTS_PER_FLOW, MAX_PORTS_PER_FLOW, MAX_WAIVERS } from './limits';

export const FLOW_TARGET = /^(internet|tenant\/[a-z]([-a-z0-9]*[a-z0-9])?\/[a-z]([-a-z0-9]*[a-z0-9])?)$/;

const flow = z
  .strictObject({
    to: z
      .string()
      .regex(FLOW_TARGET)
      
      .describe('tenant/<county>/<name> or internet / 目标：tenant/<县区>/<名称> 或 internet')
      .meta({ examples: ['tenant/hengshan/social-security', 'internet'] }),
    ports: z
      .array(z.number().int().min(1).max(65535))
      .min(1)
      .max(MAX_PORTS_PER_FLOW)
      .describe(`TCP ports allowed, at most ${MAX_PORTS_PER_FLOW} / 允许的 TCP 端口，最多 ${MAX_PORTS_PER_FLOW} 个`)
      .meta({ examples: [[443]] }),
    hosts: z
      .array(z.string().regex(HOST_NAME))
      .min(1)
      .max(MAX_HOSTS_PER_FLOW)
      .optional()
      .describe(`Internet host names, for the unified egress allow-list, at most ${MAX_HOSTS_PER_FLOW} / 互联网目标主机（统一出口白名单），最多 ${MAX_HOSTS_PER_FLOW} 个`),
  })
  .describe('One allowed traffic flow out of the tenant / 一条允许的访问流向');

export const tenantSpec = z.strictObject({
  classification: z
    .enum(['unclassified', 'classified'])
    .describe('unclassified (非涉密) or classified (涉密, intranet only)'),
  mlpsLevel,
  mlps: mlpsRecords.optional(),
  network,
  zone: zoneName.optional().describe('Extranet zone (extranet only) / 外网区域（仅外网）'),
  environments: z
    .array(environmentName)
    .min(1)
    .max(MAX_ENVIRONMENTS)
    .describe('Environments, one namespace each / 环境，每个环境一个命名空间')
    .meta({ examples: [['prod', 'test']] }),
  quota: z
    .strictObject({
      cpu: cpuQuantity,
      memory: bytesQuantity,
      storage: bytesQuantity,
      pods: z.number().int().min(1).max(10000).describe('Maximum pods / 最大 Pod 数'),
    })
    .superRefine((q, ctx) => {
      for (const key of ['cpu', 'memory', 'storage'] as const) {
        const problem = quotaProblem(key, q[key]);
        if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem.code, params: { ...problem } });
      }
    })
    .describe('ResourceQuota of each environment namespace; the cluster is charged quota × environments / 每个环境命名空间的配额')
    .meta({ examples: [{ cpu: '16', memory: '64Gi', storage: '500Gi', pods: 200 }] }),
  placement: z
    .strictObject({
      domestic: z.boolean().default(false).describe('Run on the domestic (信创) node pool / 部署在信创节点池'),
      cluster: dnsLabel(40).optional().describe('Pin to a cluster of the primary site (default: chosen by network) / 指定主中心集群'),
    })
    .default({ domestic: false })
    .describe('Where the tenant runs / 部署位置'),
  dr: z
    .strictObject({ tier: drTier })
    .default({ tier: 'none' })
    .describe('Disaster recovery tier (两地三中心) / 灾备级别'),
  exposure: z
    .strictObject({
      internet: z.boolean().default(false).describe('Reachable from the Internet through the ingress gateway / 经互联网接入网关对互联网开放'),
      ports: z
        .array(z.number().int().min(1).max(65535))
        .min(1)
        .max(MAX_PORTS_PER_FLOW)
        .optional()
        .describe(
          `TCP ports of the tenant's Service (named after the tenant, in its prod namespace) the ingress gateway forwards to (HTTP); required when internet is true, at most ${MAX_PORTS_PER_FLOW} / 接入网关转发到的租户服务端口（服务名同租户名，位于 prod 命名空间）；开放时必填`,
        )
        .meta({ examples: [[8080]] }),
    })
    .default({ internet: false })
    .describe('Exposure to the Internet (public-service only) / 互联网暴露（仅公共服务域）'),
  flows: z
    .array(flow)
    .max(MAX_FLOWS)
    .default([])
    .describe(`Allowed traffic besides the tenant's own namespaces, at most ${MAX_FLOWS} flows / 除自身外允许的访问，最多 ${MAX_FLOWS} 条`),
  waivers: z
    .array(
      z
        .strictObject({
          rule: z.string().regex(/^MLPS-[A-Z]+-[0-9]{3}$/).describe('Rule id, e.g. MLPS-DATA-003 / 规则编号'),
          reason: z.string().min(10).max(500).describe('Why the rule is waived, and what compensates / 豁免理由及补偿措施'),
          approvedBy: z.string().min(1).max(100).describe('Security reviewer who approved the waiver / 审批人'),
          expires: isoDate.describe('Last day the waiver holds (YYYY-MM-DD) / 豁免截止日期'),
        })
        .describe('A waived policy rule / 策略豁免'),
    )
    .max(MAX_WAIVERS)
    .default([])
    .describe(`Graded-protection rules waived for this tenant, each with reason, approver and expiry, at most ${MAX_WAIVERS} / 等保规则豁免，最多 ${MAX_WAIVERS} 条`),
  decommission: z
    .strictObject({
      approvedBy: z.string().min(1).max(100).describe('Who approved taking the tenant down / 下线审批人'),
      ref: z.string().min(1).max(60).describe('Approval reference / 下线审批文号'),
      retainBackupDays: z.number().int().min(0).max(3650).describe('Days backups are kept after removal / 下线后备份保留天数'),
    })
    .optional()
    .describe('Approval to remove the tenant, an environment, or lower its quota; until then its namespaces are protected from destroy / 下线审批'),
  admins: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][-a-z0-9_.:]*$/)
        .superRefine((v, ctx) => {
          const meaning = reservedGroup(v);
          if (meaning) ctx.addIssue({ code: 'custom', message: 'reserved group', params: { code: 'tenant.reservedGroup', value: JSON.stringify(v), meaning: meaning[0], meaningZh: meaning[1] } });
        }),
    )
    .min(1)
    .max(MAX_ADMINS)
    .describe(`Directory groups bound as namespace administrators, at most ${MAX_ADMINS} / 命名空间管理员用户组，最多 ${MAX_ADMINS} 个`)
    .meta({ examples: [['grp-civil-affairs-ops']] }),
});

/** What a Kubernetes system group stands for ([en, zh]), or undefined for an ordinary directory group. */
export function reservedGroup(group: string): readonly [string, string] | undefined {
  const known: Record<string, readonly [string, string]> = {
    'system:authenticated': ['every authenticated user', '所有已认证用户'],
    'system:unauthenticated': ['anonymous requests', '匿名请求'],
    'system:serviceaccounts': ['every service account', '所有服务账号'],
    'system:masters': ['cluster administrators', '集群管理员'],
  };
  if (known[group]) return known[group];
  return group.startsWith('system:') ? ['a group Kubernetes reserves', 'Kubernetes 保留的组'] : undefined;
}

export const tenantRequestSchema = z
  .strictObject({
    apiVersion: z.literal('govcloud/v1'),
    kind: z.literal('TenantRequest'),
    metadata: z.strictObject({
      name: dnsLabel(40).describe('DNS label, unique in the city, equal to the file name / 租户名称，全市唯一，与文件名相同').meta({ examples: ['civil-affairs-relief'] }),
      county: dnsLabel(40).describe('County code, equal to the folder name (city for city departments) / 县区代码，与目录名相同').meta({ examples: ['hengshan', 'city'] }),
      department: dnsLabel(40).describe('Department code / 部门代码').meta({ examples: ['civil-affairs'] }),
      displayName: z.string().min(1).max(100).describe('Name people read / 显示名称').meta({ examples: ['衡山县民政局社会救助系统'] }),
      owner: z.strictObject({
        name: z.string().min(1).max(50).describe('Name of the responsible person / 责任人姓名'),
        email: z.email().describe('E-mail of the responsible person / 责任人邮箱'),
      }).describe('Responsible person / 责任人'),
      approval: z
        .strictObject({
          ref: z.string().min(1).max(60).describe('项目联审 reference / 项目联审批复文号').meta({ examples: ['XM-2026-0142'] }),
          approvedOn: isoDate,
        })
        .describe('Joint project review (项目联审) that approved this request / 项目联审批复'),
    }),
    spec: tenantSpec,
  })
  .describe('A department request for tenant environments on the government cloud / 部门租户申请');

export type TenantRequestFile = z.infer<typeof tenantRequestSchema>;
export type FlowRequest = z.infer<typeof flow>;
