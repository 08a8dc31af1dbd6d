/**
 * SecurityBaseline: the graded-protection bundle of one cluster. The admission policies (allowed
 * registries; limits and read-only root filesystem from level 3; domestic (信创) namespaces only on
 * the domestic nodes) and the audit settings ship as a
 * Helm release of the project's own chart `charts/govcloud-baseline`; the log-retention record is a
 * plain ConfigMap the policy checks can read.
 */
import { LABEL_KEY, LABEL_KEY_MAX, LABEL_VALUE } from '../../config/vocabulary';
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { Release } from '@cdktf/provider-helm/lib/release';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DOMESTIC, LABEL, Level, MANAGED_BY, NodeLabel } from '../common/labels';

/** Where synth puts the chart, relative to each platform stack's working directory. */
export const BASELINE_CHART_PATH = './charts/govcloud-baseline';
export const BASELINE_CHART_VERSION = '0.1.0';

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
  /**
   * The label the cluster's domestic (信创) nodes carry. Pods in namespaces labelled
   * `govcloud.gov.cn/placement: domestic` are admitted only when they select it.
   */
  readonly domesticNodeLabel: NodeLabel;
  /** Namespace of the release. */
  readonly namespace: string;
  /** Chart path as seen from the stack's working directory. Default: BASELINE_CHART_PATH. */
  readonly chartPath?: string;
}

export class SecurityBaseline extends Construct {
  readonly release: Release;

  constructor(scope: Construct, id: string, props: SecurityBaselineProps) {
    super(scope, id);
    if (props.registries.length === 0) {
      throw new Error(`SecurityBaseline ${props.clusterName}: registries is empty; list at least one allowed registry prefix`);
    }
    const { key, value } = props.domesticNodeLabel;
    if (!LABEL_KEY.test(key) || key.length > LABEL_KEY_MAX || !LABEL_VALUE.test(value)) {
      throw new Error(
        `SecurityBaseline ${props.clusterName}: domesticNodeLabel ${JSON.stringify(`${key}=${value}`)} is not a Kubernetes label; give a key like govcloud.gov.cn/node-pool and a value like xinchuang (letters, digits, '-', '_', '.', at most 63 characters)`,
      );
    }
    const values = {
      cluster: props.clusterName,
      network: props.network,
      mlpsLevel: props.mlpsLevel,
      registries: [...props.registries],
      logRetentionDays: props.logRetentionDays,
      tenantLevels: [...new Set(props.tenantLevels ?? [])].sort().map(String),
      domesticPlacement: { nodeLabel: { key, value }, namespaceLabel: { key: LABEL.placement, value: DOMESTIC } },
    };
    this.release = new Release(this, 'release', {
      name: 'govcloud-baseline',
      namespace: props.namespace,
      chart: props.chartPath ?? BASELINE_CHART_PATH,
      version: BASELINE_CHART_VERSION,
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
