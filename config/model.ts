/**
 * The resolved model of a city's government cloud: the only input the stacks see. Plain data,
 * no YAML types, no cdktf: quantities are numbers, references are resolved, placement is decided.
 */

import type { YamlIndex } from './yaml-index';
import type { z } from 'zod';
import type { drTier, environmentName, network, siteRole, zoneName } from './schema/common';
import type { DrillRecordFile } from './schema/drill-record';
import type { MlpsRecordsFile } from './schema/mlps-records';
import type { JointReviewRole } from './schema/approvals';

// the enums of the request schemas, written once (config/schema/common.ts)
export type Network = z.infer<typeof network>;
export type ZoneName = z.infer<typeof zoneName>;
export type SiteRole = z.infer<typeof siteRole>;
export type DrTier = z.infer<typeof drTier>;
export type EnvironmentName = z.infer<typeof environmentName>;
export type MlpsLevel = 1 | 2 | 3 | 4;
export type StateBackend = 'local' | 'pg';

export interface SourceRef {
  readonly file: string;
  readonly line: number;
  /** Where each value of the file starts, when validation was asked to record it. */
  readonly index?: YamlIndex;
}

export interface Resources {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly storageBytes: number;
  readonly pods: number;
}

/** Quota as written, for Kubernetes objects ("16", "64Gi"). */
export interface QuotaText {
  readonly cpu: string;
  readonly memory: string;
  readonly storage: string;
  readonly pods: number;
}

export interface County {
  readonly code: string;
  readonly name: string;
}

export interface Site {
  readonly name: string;
  readonly displayName: string;
  readonly city: string;
  readonly role: SiteRole;
  readonly backupEndpoint: string;
  readonly backupCidr: string;
  /** PEM of the CA behind the backup storage's TLS certificate, when the platform file gives one. */
  readonly backupCaCert?: string;
}

export interface NodePool {
  readonly name: string;
  readonly kind: 'general' | 'domestic';
  readonly nodes: number;
}

/** A node label, as the nodes carry it (`govcloud.gov.cn/node-pool=xinchuang`). */
export interface NodeLabel {
  readonly key: string;
  readonly value: string;
}

export interface Cluster {
  readonly name: string;
  readonly site: string;
  readonly siteRole: SiteRole;
  readonly network: Network;
  /** The range the cluster's pods get addresses from; each namespace's pool lies inside it. */
  readonly podCidr: string;
  /** Pools of the platform's namespaces on this cluster (govcloud-system, velero, zones, egress), namespace → CIDR. */
  readonly platformPools: Readonly<Record<string, string>>;
  /** Where pods reach the API server (its endpoints, after the Service is translated); absent when platform.yaml does not say. */
  readonly apiServer?: { readonly cidr: string; readonly port: number };
  readonly mlpsLevel: MlpsLevel;
  readonly kubeContext: string;
  readonly capacity: Resources;
  readonly nodePools: readonly NodePool[];
  readonly source: SourceRef;
}

export type Flow =
  | { readonly kind: 'tenant'; readonly tenant: string; readonly county: string; readonly zone: ZoneName | 'intranet'; readonly ports: readonly number[] }
  | { readonly kind: 'internet'; readonly hosts: readonly string[]; readonly ports: readonly number[] };

/** A flow arriving at a tenant, computed from the other tenants' declared flows. */
export interface InboundFlow {
  readonly tenant: string;
  readonly county: string;
  readonly zone: ZoneName | 'intranet';
  readonly ports: readonly number[];
}

export type ReplicaMode = 'standby' | 'active' | 'backup';

export interface Replica {
  readonly site: string;
  readonly siteRole: 'same-city' | 'remote';
  readonly cluster: string;
  readonly mode: ReplicaMode;
  /** Cron schedule of the backups to this replica's site (a Velero Schedule); follows the tier. */
  readonly schedule: string;
  /** Days each of those backups is kept at least (the Schedule's TTL); follows the tier and site role. */
  readonly retentionDays: number;
  readonly backupEndpoint: string;
  readonly backupCidr: string;
  /** Address pool of the replica namespace on that cluster (address-pools.yaml). */
  readonly pool: string;
}

/** Recovery targets of a DR tier (platform.yaml spec.recovery), as written and in minutes. */
export interface RecoveryTarget {
  readonly rpo: string;
  readonly rto: string;
  readonly rpoMinutes: number;
  readonly rtoMinutes: number;
}

export interface Waiver {
  readonly rule: string;
  readonly reason: string;
  readonly approvedBy: string;
  /** YYYY-MM-DD, inclusive. */
  readonly expires: string;
  /** Line of the waiver in the request file. */
  readonly line: number;
}

/** The graded-protection paperwork a department states (spec.mlps): filing, assessment, risk assessment; each absent when not stated. */
export type MlpsRecords = MlpsRecordsFile;

export interface Tenant {
  readonly name: string;
  readonly county: string;
  readonly department: string;
  readonly displayName: string;
  readonly approvalRef: string;
  /** YYYY-MM-DD of the joint project review's approval: a new tenant's records fall due a grace period after it. */
  readonly approvedOn: string;
  readonly classification: 'unclassified' | 'classified';
  readonly mlpsLevel: MlpsLevel;
  readonly network: Network;
  /** The extranet zone, or `intranet` for intranet tenants. */
  readonly zone: ZoneName | 'intranet';
  readonly environments: readonly EnvironmentName[];
  readonly quota: Resources;
  readonly quotaText: QuotaText;
  readonly domestic: boolean;
  /** The primary-site cluster the tenant runs on. */
  readonly cluster: string;
  /** Address pool of each environment's namespace on the primary cluster (address-pools.yaml), environment → CIDR. */
  readonly pools: Readonly<Partial<Record<EnvironmentName, string>>>;
  readonly dr: DrTier;
  readonly replicas: readonly Replica[];
  /** Its tier's RPO and RTO (platform.yaml spec.recovery); absent when the platform states none for the tier. */
  readonly recovery?: RecoveryTarget;
  readonly exposedToInternet: boolean;
  /** Ports of the tenant's Service the ingress gateway forwards to (spec.exposure.ports); empty when not exposed. */
  readonly exposedPorts: readonly number[];
  readonly flows: readonly Flow[];
  readonly inbound: readonly InboundFlow[];
  readonly admins: readonly string[];
  readonly waivers: readonly Waiver[];
  /** Its graded-protection records as the department states them (spec.mlps); absent: none stated. */
  readonly mlps?: MlpsRecords;
  /** Approval to take the tenant (or part of it) down; absent: its namespaces are protected. */
  readonly decommission?: { readonly approvedBy: string; readonly ref: string; readonly retainBackupDays: number };
  readonly source: SourceRef;
}

/** A DR drill record (drills/<tenant>/<at>-<to cluster>.json) and the file it was read from. */
export interface DrillEntry {
  readonly file: string;
  readonly record: DrillRecordFile;
}

export interface Utilisation {
  readonly cluster: string;
  readonly granted: Resources;
  readonly allowed: Resources;
}

/** Images the platform deploys, named in platform.yaml's images section. */
export type PlatformImage = 'egressGateway' | 'velero' | 'veleroPluginForAws';

/** A Helm chart: `charts/<name>` of this project or an `oci://` repository, and its version. */
export interface ChartRef {
  readonly repository: string;
  readonly version: string;
}

export interface CityModel {
  readonly name: string;
  readonly displayName: string;
  readonly city: County;
  readonly counties: readonly County[];
  readonly sites: readonly Site[];
  readonly clusters: readonly Cluster[];
  readonly zones: readonly { readonly name: ZoneName; readonly cidr: string }[];
  readonly intranetCidr: string;
  readonly egress: { readonly namespace: string; readonly cidr: string };
  /** The Internet ingress gateway's namespace (default internet-ingress) and, when declared, its range. */
  readonly ingress: { readonly namespace: string; readonly cidr?: string };
  readonly registries: readonly string[];
  /** Full references (`registry/repository:tag@digest`) of the platform's images. */
  readonly images: Readonly<Record<PlatformImage, string>> & { readonly probe?: string };
  readonly charts: { readonly baseline: ChartRef };
  readonly logRetentionDays: number;
  /** RPO and RTO per DR tier (platform.yaml spec.recovery); a tier absent states no target. */
  readonly recovery?: Readonly<Partial<Record<Exclude<DrTier, 'none'>, RecoveryTarget>>>;
  readonly overcommit: { readonly cpu: number; readonly memory: number; readonly storage: number };
  /** The label the domestic (信创) nodes carry: what pods of domestic tenants must select. */
  readonly domesticNodeLabel: NodeLabel;
  readonly state: { readonly backend: StateBackend; readonly schemaPrefix: string };
  readonly tenants: readonly Tenant[];
  readonly utilisation: readonly Utilisation[];
  /**
   * The DR drill records of each tenant (drills/<tenant>/*.json), oldest first; a tenant without
   * any is absent. Evidence for the rules and reports, never an input of a stack.
   */
  readonly drills: Readonly<Record<string, readonly DrillEntry[]>>;
  /** How long a drill counts as evidence (platform.yaml spec.drills.validFor, default 180d), as written and in minutes. */
  readonly drillValidity: { readonly validFor: string; readonly minutes: number };
  /**
   * The tenants' graded-protection records (platform.yaml spec.records): how long a new tenant may
   * lack them (as written and in days) and the format of a filing number.
   */
  readonly records: { readonly gracePeriod: string; readonly graceDays: number; readonly filingNumber: string };
  /** platform.yaml spec.approvals, defaults filled in: who approves what, and the reference format. */
  readonly approvals: Approvals;
}

/** The city's approval paperwork (platform.yaml spec.approvals). */
export interface Approvals {
  /** 项目联审 reference format: YYYY a year, N a digit. */
  readonly referenceFormat: string;
  /** Group of each joint-review role. */
  readonly jointReview: Readonly<Record<JointReviewRole, string>>;
  /** Who may approve a waiver; absent: not checked. */
  readonly securityReviewers?: readonly string[];
  readonly maxWaiverDays: number;
}

/** Namespace of a tenant environment: `<tenant>-<environment>`. */
export function namespaceName(tenant: string, env: EnvironmentName): string {
  return `${tenant}-${env}`;
}

/** The environment a DR replica copies: prod when the tenant has one, else its first environment. */
export function replicatedEnvironment(t: { readonly environments: readonly EnvironmentName[] }): EnvironmentName {
  return t.environments.includes('prod') ? 'prod' : t.environments[0];
}

/** Replicas that serve (active-active and hot-standby): they carry the tenant's Internet flows and exposure. */
export function isServing(replica: Pick<Replica, 'mode'>): boolean {
  return replica.mode === 'active' || replica.mode === 'standby';
}

/**
 * Quota of a backup-only replica namespace (the restore target at the DR site): the tenant's storage
 * plus just enough to run a restore check. Standby and active replicas get the tenant's full quota.
 */
export const BACKUP_REPLICA = { cpu: '1', memory: '1Gi', pods: 5, cpuMillis: 1000, memoryBytes: 2 ** 30 } as const;

/**
 * Days a tenant's backups to a replica's site are kept: the tier's retention, raised to the
 * decommission's retainBackupDays once a decommission is approved. The Schedule keeps running with
 * that TTL until the tenant is removed, so its last backups (taken right before its namespaces go)
 * outlive it by retainBackupDays; removing the Schedule then does not delete them (no owner
 * references), Velero expires each at its own TTL.
 */
export function backupRetentionDays(t: Pick<Tenant, 'decommission'>, replica: Pick<Replica, 'retentionDays'>): number {
  return Math.max(replica.retentionDays, t.decommission?.retainBackupDays ?? 0);
}
