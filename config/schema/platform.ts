/** Platform: the city's government cloud center, environments/<city>/platform.yaml. */
import { z } from 'zod';
import { BACKUP_URL, bytesQuantity, cidr, cpuQuantity, dnsLabel, duration, HOST_NAME, mlpsLevel, network, siteRole } from './common';
import { credentialInName } from '../credentials';
import { LABEL_KEY, LABEL_KEY_MAX, LABEL_VALUE } from '../vocabulary';
import { DEFAULT_FILING_NUMBER, DEFAULT_RECORDS_GRACE, recordsSettings } from './mlps-records';
import { approvalsSchema, DEFAULT_APPROVALS } from './approvals';

/** One or more PEM certificates and nothing else (a private key or any other block is refused). */
const PEM_CERTIFICATES = /^(\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----)+\s*$/;

const county = z
  .strictObject({
    code: dnsLabel(40).describe('County code, the folder name under tenants/ / 县区代码'),
    name: z.string().min(1).max(50).describe('Chinese name / 中文名称'),
  })
  .describe('A county (district) of the city, or the city itself / 县区');

const site = z
  .strictObject({
    name: dnsLabel(40),
    displayName: z.string().min(1).max(100).optional(),
    city: z.string().min(1).max(50).describe('City the site is in / 所在城市'),
    role: siteRole,
    backupStorage: z
      .strictObject({
        endpoint: z
          .string()
          .regex(BACKUP_URL)
          .describe(
            'Backup storage URL without credentials: s3://bucket[/prefix] or https://host/bucket[/prefix] (S3-compatible); Velero writes there / 备份存储地址（不含凭据）：s3://存储桶[/前缀] 或 https://主机/存储桶[/前缀]',
          ),
        cidr,
        caCert: z
          .string()
          .regex(PEM_CERTIFICATES)
          .optional()
          .describe(
            "PEM certificate(s) of the CA that signed the storage's TLS certificate, when it is not a public one (a city's own CA): Velero checks the storage against it. Certificates only, never a key / 签发备份存储 TLS 证书的 CA 证书（PEM，仅证书，不含私钥）",
          ),
      })
      .describe('Backup storage at this site / 站点备份存储'),
  })
  .describe('A data center: primary, same-city DR or remote DR / 数据中心站点');

const nodePool = z.strictObject({
  name: dnsLabel(40),
  kind: z.enum(['general', 'domestic']).describe('general or domestic (信创) hardware and OS / 通用或信创'),
  nodes: z.number().int().min(1).max(10000),
});

const capacity = z
  .strictObject({ cpu: cpuQuantity, memory: bytesQuantity, storage: bytesQuantity, pods: z.number().int().min(1).optional() })
  .describe('Allocatable capacity of the cluster / 集群可分配容量');

const cluster = z
  .strictObject({
    name: dnsLabel(40),
    site: dnsLabel(40).describe('Site name / 站点名称'),
    network,
    podCidr: cidr.describe(
      "Address range the cluster's pods get their addresses from (the CNI's pod network), /12 to /20; each namespace gets a pool inside it (address-pools.yaml). Never overlaps another cluster's; on the extranet it overlaps no zone, the intranet, the egress or a backup storage range; on the intranet it lies inside intranet.cidr / 集群 Pod 地址段（/12 至 /20），各命名空间的地址池从中分配",
    ),
    apiServer: z
      .strictObject({
        cidr: cidr.describe('The API server endpoints\' addresses (usually a /32 per control-plane node) / API 服务器端点地址'),
        port: z.number().int().min(1).max(65535).default(6443).describe('Port the endpoints listen on (default 6443) / 端点端口（默认 6443）'),
      })
      .optional()
      .describe(
        "Where pods reach the cluster's API server after the kubernetes Service is translated (the endpoint addresses, not the Service IP): the only way out of the velero namespace besides backup storage and DNS. Absent: Velero cannot reach the API server under its NetworkPolicy / 集群 API 服务器端点地址与端口（velero 命名空间出站放行）",
      ),
    mlpsLevel: mlpsLevel.describe('Highest MLPS level the cluster platform is assessed for / 平台测评等级'),
    kubeContext: z
      .string()
      .min(1)
      .max(100)
      // the name goes into every stack's variables: a token pasted here would be published with them
      .superRefine((v, ctx) => {
        const what = credentialInName(v);
        if (what !== undefined) ctx.addIssue({ code: 'custom', message: 'credential', params: { code: 'platform.credentialContext', what: `credential:${what}` } });
      })
      .optional()
      .describe('kubeconfig context at deploy time (default: cluster name) / 部署时使用的 kubeconfig 上下文'),
    capacity,
    nodePools: z.array(nodePool).min(1),
  })
  .describe('A Kubernetes cluster at a site, on one network / 集群');

const zone = z.strictObject({ cidr }).describe('Zone of the extranet / 外网区域');

/** Image references: registry host, repository path, and a tag and/or a digest (checked in config/checks/images.ts). */
const image = z
  .strictObject({
    registry: z.string().regex(/^[a-z0-9.-]+(:[0-9]+)?$/).describe('Registry host, e.g. registry.example-city.gov.cn / 镜像仓库地址'),
    repository: z
      .string()
      .regex(/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/)
      .max(200)
      .describe('Repository path in the registry / 镜像仓库路径'),
    tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/).optional().describe('Version tag (not latest) / 版本标签'),
    digest: z.string().regex(/^sha256:[a-f0-9]{64}$/).optional().describe('Content digest / 镜像摘要'),
  })
  .describe('A container image the platform deploys / 平台部署的镜像');

/** `charts/<name>` or `oci://<registry>/<path>`: every part of the path starts with a letter or digit, so none is `.` or `..`. */
export const CHART_REPOSITORY = /^(charts\/[a-z0-9-]+|oci:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9][a-z0-9._-]*)+)$/;

const chart = z
  .strictObject({
    repository: z
      .string()
      .regex(CHART_REPOSITORY)
      .describe("charts/<name> (this project's chart) or oci://<registry>/<path> / Chart 来源"),
    version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/).describe('Chart version (SemVer) / Chart 版本'),
  })
  .describe('A Helm chart the platform deploys / 平台部署的 Helm Chart');

const placement = z
  .strictObject({
    domesticNodeLabel: z
      .strictObject({
        key: z.string().max(LABEL_KEY_MAX).regex(LABEL_KEY).describe('Label key, e.g. govcloud.gov.cn/node-pool / 标签键'),
        value: z.string().regex(LABEL_VALUE).describe('Label value, e.g. xinchuang / 标签值'),
      })
      .describe(
        'The node label that marks the domestic (信创) nodes on every cluster; pods of domestic tenants must select it, and the API server rejects those that do not / 标记信创节点的节点标签；信创租户的 Pod 必须选择该标签，否则 API 服务器拒绝',
      ),
  })
  .describe('How domestic (信创) placement is enforced / 信创部署的实施方式');

const target = z
  .strictObject({
    rpo: duration.describe(
      "Recovery point objective: the most data (in time) a tenant of the tier may lose; validation refuses an RPO shorter than the longest gap between the tier's most frequent backups / 恢复点目标（RPO）：该等级租户最多可丢失的数据时长；不得短于该等级最频繁备份的最长间隔",
    ),
    rto: duration.describe('Recovery time objective: the longest time to restored and ready at the DR site / 恢复时间目标（RTO）：在灾备站点恢复并就绪的最长时间'),
  })
  .describe('Recovery targets of one DR tier / 一个灾备等级的恢复目标');

const recovery = z
  .strictObject({ backup: target.optional(), 'hot-standby': target.optional(), 'active-active': target.optional() })
  .describe(
    "RPO and RTO per DR tier (spec.dr.tier of the tenants), shown in each tenant's report; a tier not listed states no target / 各灾备等级的 RPO 与 RTO，显示于租户报告；未列出的等级不设目标",
  );

/** How long a drill counts when nothing is written; a half-year, as the 等保 assessments are yearly and a restore is tested between them. */
export const DEFAULT_DRILL_VALID_FOR = '180d';

const drills = z
  .strictObject({
    validFor: duration
      .default(DEFAULT_DRILL_VALID_FOR)
      .describe(
        "How long a passing restore drill counts as evidence that a tenant's backups restore (8.1.4.9 a), from its record's time to today; default 180d / 恢复演练记录作为证据的有效期（自记录时间至今日），默认 180d",
      ),
  })
  .describe('DR restore drills recorded under drills/<tenant>/ / 灾备恢复演练（记录位于 drills/<租户>/）');

export const platformSchema = z
  .strictObject({
    apiVersion: z.literal('govcloud/v1'),
    kind: z.literal('Platform'),
    metadata: z.strictObject({
      name: dnsLabel(40),
      displayName: z.string().min(1).max(100),
    }),
    spec: z.strictObject({
      city: z.strictObject({ code: dnsLabel(40), name: z.string().min(1).max(50) }),
      counties: z.array(county).min(1),
      sites: z.array(site).min(1),
      clusters: z.array(cluster).min(1),
      zones: z
        .strictObject({ 'public-service': zone, administrative: zone, exchange: zone })
        .describe('The extranet zones and their CIDRs / 外网各区域及其地址段'),
      intranet: z.strictObject({ cidr }).describe('Address range of the intranet / 内网地址段'),
      egress: z
        .strictObject({
          namespace: dnsLabel(63),
          cidr,
          wildcards: z
            .array(
              z.strictObject({
                tenant: dnsLabel(40).describe('The tenant (metadata.name) the wildcard is allowed for / 获许可的租户名称'),
                host: z.string().regex(HOST_NAME).describe('The wildcard, *.suffix, exactly as the tenant writes it in spec.flows[].hosts / 通配符，*.后缀'),
              }),
            )
            .max(200)
            .optional()
            .describe(
              "Wildcard hosts the platform allows one tenant in its Internet flows (default: none; every other entry is an exact DNS name of the public Internet). Never a top-level domain or a shared suffix such as *.com.cn / 平台许可某租户在互联网流向中使用的通配符主机（默认无）",
            ),
        })
        .describe('Unified Internet egress gateway (互联网统一出口) / 统一出口网关'),
      ingress: z
        .strictObject({
          namespace: dnsLabel(63).describe('Namespace of the Internet ingress gateway (default internet-ingress) / 互联网接入网关命名空间'),
          cidr: cidr.optional().describe('Address range of the ingress namespace, kept apart from every other range / 接入网关地址段'),
        })
        .optional()
        .describe(
          'Internet ingress gateway (互联网接入): the only way in from the Internet, to exposed public-service tenants; default namespace internet-ingress / 互联网接入网关：互联网访问公共服务域开放租户的唯一入口',
        ),
      registries: z
        .array(z.string().regex(/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*\/?$/))
        .min(1)
        .describe(
          'Allowed image registries: a host[:port] with an optional path; an image matches at a "/" boundary (registry.x.cn admits registry.x.cn/app, never registry.x.cn.evil.io/app) / 允许的镜像仓库（按 主机/路径 + "/" 边界匹配）',
        ),
      images: z
        .strictObject({
          egressGateway: image.describe(
            'Squid proxy (Debian squid 5.7) of both gateways: the unified egress (forward proxy) and the Internet ingress (reverse proxy) / 统一出口与互联网接入网关的 Squid 代理镜像',
          ),
          velero: image.describe('Backup server (Velero) / 备份服务'),
          veleroPluginForAws: image.describe('Velero object-storage plugin for S3 / Velero S3 存储插件'),
          probe: image
            .optional()
            .describe(
              'Small tool image (busybox: sh, nc, httpd, sha256sum) the live checks run as short tenant pods: govcloud probe (traffic) and govcloud drill (volume data) / 在线检查（probe 流量探测、drill 卷数据校验）以租户短时 Pod 运行的小工具镜像',
            ),
        })
        .describe('Images of the platform services, from the allowed registries / 平台服务镜像'),
      charts: z
        .strictObject({ baseline: chart.describe('The graded-protection baseline chart / 等保基线 Chart') })
        .describe('Helm charts the platform deploys / 平台部署的 Helm Chart'),
      logRetentionDays: z
        .number()
        .int()
        .min(1)
        .max(3650)
        .describe('Days logs are kept (Cybersecurity Law art. 21 asks ≥ 6 months) / 日志保存天数'),
      overcommit: z
        .strictObject({
          cpu: z.number().min(1).max(10).default(1),
          memory: z.number().min(1).max(10).default(1),
          storage: z.number().min(1).max(10).default(1),
        })
        .describe('Allowed over-commit ratio per resource / 允许的超分比'),
      placement,
      recovery: recovery.optional(),
      drills: drills.default({ validFor: DEFAULT_DRILL_VALID_FOR }),
      records: recordsSettings.default({ gracePeriod: DEFAULT_RECORDS_GRACE, filingNumber: DEFAULT_FILING_NUMBER }),
      approvals: approvalsSchema.default(DEFAULT_APPROVALS),
      state: z
        .strictObject({
          backend: z.enum(['local', 'pg']).default('local').describe('local (default) or pg (PostgreSQL, PG_CONN_STR at deploy time)'),
          schemaPrefix: z.string().regex(/^[a-z_][a-z0-9_]*$/).max(30).default('govcloud'),
        })
        .default({ backend: 'local', schemaPrefix: 'govcloud' })
        .describe('Terraform state backend / 状态后端'),
    }),
  })
  .describe('The government cloud platform of one city / 市级政务云平台');

export type PlatformFile = z.infer<typeof platformSchema>;
