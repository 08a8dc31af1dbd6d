/**
 * SecurityBaseline: the graded-protection bundle of one cluster. The admission policies (allowed
 * registries; limits and read-only root filesystem from level 3) and the audit settings ship as a
 * Helm release of the project's own chart `charts/govcloud-baseline`; the log-retention record is a
 * plain ConfigMap the policy checks can read.
 */
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { Release } from '@cdktf/provider-helm/lib/release';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { LABEL, Level, MANAGED_BY } from '../common/labels';

/** Six months, rounded up to the longest half year (Cybersecurity Law art. 21). */
export const MIN_LOG_RETENTION_DAYS = 184;

export interface SecurityBaselineProps {
  readonly clusterName: string;
  readonly network: Network;
  /** Highest MLPS level the cluster hosts (its platform level). */
  readonly mlpsLevel: Level;
  /** Levels of the tenants on the cluster. Default: none. */
  readonly tenantLevels?: readonly Level[];
  /** Image registry prefixes tenants may use. */
  readonly registries: readonly string[];
  readonly logRetentionDays: number;
  /** Namespace of the release. */
  readonly namespace: string;
  /**
   * The chart, from platform.yaml's charts.baseline: `charts/<name>` of this project (synth copies it
   * into the stack's working directory, so the release reads `./charts/<name>`) or an `oci://` repository.
   */
  readonly chart: { readonly repository: string; readonly version: string };
}

export class SecurityBaseline extends Construct {
  readonly release: Release;

  constructor(scope: Construct, id: string, props: SecurityBaselineProps) {
    super(scope, id);
    if (props.registries.length === 0) {
      throw new Error(`SecurityBaseline ${props.clusterName}: registries is empty; list at least one allowed registry prefix`);
    }
    const values = {
      cluster: props.clusterName,
      network: props.network,
      mlpsLevel: props.mlpsLevel,
      registries: [...props.registries],
      logRetentionDays: props.logRetentionDays,
      tenantLevels: [...new Set(props.tenantLevels ?? [])].sort().map(String),
    };
    this.release = new Release(this, 'release', {
      name: 'govcloud-baseline',
      namespace: props.namespace,
      chart: props.chart.repository.startsWith('oci://') ? props.chart.repository : `./${props.chart.repository}`,
      version: props.chart.version,
      values: [JSON.stringify(values)],
      wait: false,
      atomic: false,
      createNamespace: false,
      maxHistory: 10,
    });
    new ConfigMapV1(this, 'retention', {
      metadata: { name: 'log-retention', namespace: props.namespace, labels: { [LABEL.managedBy]: MANAGED_BY } },
      data: {
        days: String(props.logRetentionDays),
        minimumDays: String(MIN_LOG_RETENTION_DAYS),
        basis: 'Cybersecurity Law art. 21 / 网络安全法第二十一条',
      },
    });
  }
}
