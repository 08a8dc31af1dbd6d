/**
 * A tenant's replica at a DR site (同城灾备 or 异地灾备): the replica namespace on the DR cluster,
 * with the same guard rails as the primary, and a sync schedule whose cadence and target follow
 * the tier (standby / active replicas pull every few minutes; backup copies on a daily/hourly
 * cron into the site's backup storage).
 */
import { Construct } from 'constructs';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { LABEL, MANAGED_BY, NodeLabel } from '../common/labels';
import { allowPeers } from '../common/network-policy';
import { Peer } from '../common/peer';
import { NamespaceQuota, TenantIdentity, TenantNamespace } from '../tenant/tenant-namespace';

export type ReplicaMode = 'standby' | 'active' | 'backup';

export interface DisasterRecoveryReplicaProps extends TenantIdentity {
  /** The environment replicated (usually prod); the replica namespace keeps its name. */
  readonly environment: string;
  readonly mode: ReplicaMode;
  /** Site role of this replica: same-city (同城) or remote (异地). */
  readonly siteRole: 'same-city' | 'remote';
  /** Cluster the data comes from. */
  readonly sourceCluster: string;
  /** Cron schedule of the sync job. */
  readonly schedule: string;
  /** Backup storage URL at the DR site (no credentials). */
  readonly backupEndpoint: string;
  /** Address range of that storage; the only egress the sync job gets besides DNS. */
  readonly backupCidr: string;
  /**
   * Quota of the replica namespace. A backup replica holds data only: give it storage and leave
   * cpu/memory at zero. Default: the caller decides; no default.
   */
  readonly quota: NamespaceQuota;
  readonly adminGroups: readonly string[];
  /** Image of the sync agent, from an allowed registry, pinned by tag. */
  readonly syncImage: string;
  /**
   * Domestic (信创) placement: the label the domestic nodes carry. The replica namespace is labelled
   * for the baseline's placement policy and the sync job selects these nodes. Default: none (general nodes).
   */
  readonly domesticNodeLabel?: NodeLabel;
  /** Protect the replica namespace from destroy (see TenantNamespaceProps.protect). Default: false. */
  readonly protect?: boolean;
}

export class DisasterRecoveryReplica extends Construct {
  readonly replica: TenantNamespace;
  readonly syncJob: CronJobV1;

  constructor(scope: Construct, id: string, props: DisasterRecoveryReplicaProps) {
    super(scope, id);
    if (!/^(\*\/\d+|\d+|\*)( (\*\/\d+|\d+|\*)){4}$/.test(props.schedule)) {
      throw new Error(`DisasterRecoveryReplica ${props.tenant}: schedule "${props.schedule}" is not a five-field cron expression (e.g. "*/15 * * * *")`);
    }
    if (/@|:[^/]*@/.test(props.backupEndpoint)) {
      throw new Error(`DisasterRecoveryReplica ${props.tenant}: backupEndpoint must not carry credentials; give the storage URL only`);
    }
    const name = `${props.tenant}-${props.environment}`;
    this.replica = new TenantNamespace(this, 'replica', {
      name,
      tenant: props.tenant,
      county: props.county,
      department: props.department,
      environment: props.environment,
      zone: props.zone,
      mlpsLevel: props.mlpsLevel,
      displayName: props.displayName,
      approvalRef: props.approvalRef,
      quota: props.quota,
      adminGroups: props.adminGroups,
      domestic: props.domesticNodeLabel !== undefined,
      protect: props.protect ?? false,
      extraLabels: { [LABEL.drRole]: props.mode, 'govcloud.gov.cn/dr-site-role': props.siteRole },
    });
    const ns = this.replica.namespace.metadata.name;
    allowPeers(this.replica, 'sync-egress', {
      name: 'allow-dr-sync',
      namespace: ns,
      ingress: [],
      egress: [{ peer: Peer.cidr(props.backupCidr), ports: [443] }],
    });
    this.syncJob = new CronJobV1(this, 'sync', {
      metadata: { name: 'dr-sync', namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.tenant]: props.tenant } },
      spec: {
        schedule: props.schedule,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: {},
          spec: {
            backoffLimit: 2,
            template: {
              metadata: { labels: { [LABEL.tenant]: props.tenant, 'app.kubernetes.io/name': 'dr-sync' } },
              spec: {
                restartPolicy: 'OnFailure',
                automountServiceAccountToken: false,
                nodeSelector: props.domesticNodeLabel ? { [props.domesticNodeLabel.key]: props.domesticNodeLabel.value } : undefined,
                securityContext: { runAsNonRoot: true, runAsUser: '65532', seccompProfile: { type: 'RuntimeDefault' } },
                container: [
                  {
                    name: 'sync',
                    image: props.syncImage,
                    args: [
                      'sync',
                      `--mode=${props.mode}`,
                      `--source-cluster=${props.sourceCluster}`,
                      `--namespace=${name}`,
                      `--target=${props.backupEndpoint}`,
                    ],
                    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
                    securityContext: {
                      allowPrivilegeEscalation: false,
                      readOnlyRootFilesystem: true,
                      runAsNonRoot: true,
                      capabilities: { drop: ['ALL'] },
                    },
                  },
                ],
              },
            },
          },
        },
      },
    });
  }
}
