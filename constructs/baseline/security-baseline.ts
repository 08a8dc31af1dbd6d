/**
 * SecurityBaseline: the graded-protection bundle of one cluster. The admission policies (allowed
 * registries; limits and read-only root filesystem from level 3; domestic (信创) namespaces only on
 * the domestic nodes) ship as a Helm release of the project's own chart `charts/govcloud-baseline`.
 * The audit policy and log retention are not here: kube-apiserver loads them from files at start,
 * which synth writes per cluster (config/cluster-config.ts).
 */
import { LABEL_KEY, LABEL_KEY_MAX, LABEL_VALUE } from '../../config/vocabulary';
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { Release } from '@cdktf/provider-helm/lib/release';
import { DOMESTIC, LABEL, Level, NodeLabel } from '../common/labels';

export interface SecurityBaselineProps {
  readonly clusterName: string;
  readonly network: Network;
  /** Highest MLPS level the cluster hosts (its platform level). */
  readonly mlpsLevel: Level;
  /** Levels of the tenants on the cluster. Default: none. */
  readonly tenantLevels?: readonly Level[];
  /**
   * Registries tenants may pull from: a host[:port] with an optional path, with or without a trailing
   * `/`. The chart's policy matches each at a host + `/` boundary (`registry.x.cn` never admits
   * `registry.x.cn.evil.io/…`).
   */
  readonly registries: readonly string[];
  /**
   * The label the cluster's domestic (信创) nodes carry. Pods in namespaces labelled
   * `govcloud.gov.cn/placement: domestic` are admitted only when they select it.
   */
  readonly domesticNodeLabel: NodeLabel;
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
      tenantLevels: [...new Set(props.tenantLevels ?? [])].sort().map(String),
      domesticPlacement: { nodeLabel: { key, value }, namespaceLabel: { key: LABEL.placement, value: DOMESTIC } },
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
  }
}
