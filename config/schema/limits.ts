/**
 * What one TenantRequest may declare (docs/limits.md). A real request needs a handful of each; the
 * bounds keep validation, synthesis and the policy check of one file small whatever it holds. A
 * request that needs more asks the platform team, which raises the limit here for everyone.
 */

/** spec.flows: flows out of one tenant. */
export const MAX_FLOWS = 200;
/** spec.flows[].ports: ports of one flow. */
export const MAX_PORTS_PER_FLOW = 32;
/** spec.flows[].hosts: Internet host names of one flow. */
export const MAX_HOSTS_PER_FLOW = 50;
/** spec.admins: administrator groups. */
export const MAX_ADMINS = 20;
/** spec.waivers: waived rules. */
export const MAX_WAIVERS = 50;
/** spec.environments: one per environment name (prod, staging, test, dev). */
export const MAX_ENVIRONMENTS = 4;

/**
 * Smallest quota per namespace (spec.quota). The namespace's LimitRange gives each container a
 * default limit of 500m CPU and 512Mi memory (constructs/tenant/tenant-namespace.ts), and Kubernetes
 * refuses a LimitRange whose default is above its maximum, the quota: a smaller quota cannot be
 * applied. Storage below 1Gi is less than the smallest volume a storage class commonly provisions.
 */
export const MIN_QUOTA_CPU_MILLIS = 500;
export const MIN_QUOTA_MEMORY_BYTES = 512 * 2 ** 20;
export const MIN_QUOTA_STORAGE_BYTES = 2 ** 30;

/**
 * spec.waivers[].expires: a waiver lasts at most this many days after the day it is validated, unless
 * platform.yaml spec.approvals.maxWaiverDays says otherwise (config/schema/approvals.ts).
 */
export const MAX_WAIVER_DAYS = 365;

/** metadata.approval.approvedOn: no joint project review (项目联审) of this cloud is older than this day. */
export const EARLIEST_APPROVAL = '2015-01-01';

/**
 * spec.mlps dates: no filing, assessment or risk assessment under the graded-protection rules
 * (《信息安全等级保护管理办法》, 公通字〔2007〕43号, issued 2007-06-22) is older than this day.
 */
export const EARLIEST_MLPS_RECORD = '2007-06-22';
