/**
 * A tenant's replica at a DR site (同城灾备 or 异地灾备): the replica namespace on the DR cluster,
 * with the same guard rails as the primary. It is the restore target: the tenant's Velero Schedules
 * (BackupSchedule, on the primary cluster) write to the site's backup storage, and this cluster's
 * Velero, which reads the same storage location, restores into this namespace.
 */
import { Construct } from 'constructs';
import { ANNOTATION, LABEL } from '../common/labels';
import { allowPeers } from '../common/network-policy';
import { NamespaceQuota, TenantIdentity, TenantNamespace } from '../tenant/tenant-namespace';
import { FlowEndpoint, flowRules } from '../tenant/tenant-environment';

export type ReplicaMode = 'standby' | 'active' | 'backup';

export interface DisasterRecoveryReplicaProps extends TenantIdentity {
  /** The environment replicated (usually prod); the replica namespace keeps its name. */
  readonly environment: string;
  readonly mode: ReplicaMode;
  /** The replica namespace's address pool on this cluster (see TenantNamespaceProps.addressPool). */
  readonly addressPool: string;
  /**
   * The tenant's flows out and in, as seen from this cluster: an active or standby replica serves
   * like the primary, so it has the primary's flows — to and from other tenants, out to this
   * cluster's unified egress for its Internet flows, in from this cluster's ingress gateway for its
   * exposure. A backup replica only holds restored data and has none (giving any is refused).
   * Default: none (the replica namespace denies everything but what TenantNamespace allows).
   */
  readonly egress?: readonly FlowEndpoint[];
  /** See egress. Default: none. */
  readonly ingress?: readonly FlowEndpoint[];
  /** Site role of this replica: same-city (同城) or remote (异地). */
  readonly siteRole: 'same-city' | 'remote';
  /** Cluster the data comes from (recorded on the namespace for readers). */
  readonly sourceCluster: string;
  /**
   * Quota of the replica namespace. A backup replica holds data only: give it storage and leave
   * cpu/memory at zero. Default: the caller decides; no default.
   */
  readonly quota: NamespaceQuota;
  readonly adminGroups: readonly string[];
  /** Default: false. */
  readonly domestic?: boolean;
  /** Protect the replica namespace from destroy (see TenantNamespaceProps.protect). Default: false. */
  readonly protect?: boolean;
  /** Internet host names allowed through the unified egress, recorded on the namespace. Default: none. */
  readonly internetHosts?: readonly string[];
}

export class DisasterRecoveryReplica extends Construct {
  readonly replica: TenantNamespace;

  constructor(scope: Construct, id: string, props: DisasterRecoveryReplicaProps) {
    super(scope, id);
    const name = `${props.tenant}-${props.environment}`;
    const flows = (props.egress ?? []).length + (props.ingress ?? []).length;
    if (props.mode === 'backup' && flows > 0) {
      throw new Error(
        `DisasterRecoveryReplica ${name}: mode backup with ${flows} flows; a backup replica only holds restored data and gets no flows (only active and standby replicas serve)`,
      );
    }
    const hosts = [...new Set(props.internetHosts ?? [])].sort();
    this.replica = new TenantNamespace(this, 'replica', {
      name,
      tenant: props.tenant,
      county: props.county,
      department: props.department,
      environment: props.environment,
      addressPool: props.addressPool,
      zone: props.zone,
      mlpsLevel: props.mlpsLevel,
      displayName: props.displayName,
      approvalRef: props.approvalRef,
      quota: props.quota,
      adminGroups: props.adminGroups,
      domestic: props.domestic ?? false,
      protect: props.protect ?? false,
      extraLabels: { [LABEL.drRole]: props.mode, 'govcloud.gov.cn/dr-site-role': props.siteRole, 'govcloud.gov.cn/source-cluster': props.sourceCluster },
      extraAnnotations: hosts.length > 0 ? { [ANNOTATION.egressHosts]: hosts.join(',') } : {},
    });
    allowPeers(this.replica, 'flows', {
      name: 'allow-declared-flows',
      namespace: this.replica.namespace.metadata.name,
      ingress: flowRules(props.ingress ?? [], props.environment),
      egress: flowRules(props.egress ?? [], props.environment),
    });
  }
}
