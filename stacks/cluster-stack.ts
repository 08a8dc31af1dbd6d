/**
 * The base of every govcloud stack: one cluster, its providers and its state. Providers read the
 * kubeconfig from KUBE_CONFIG_PATH at deploy time and select the cluster's context through the
 * `kube_context` variable (default: the context named in platform.yaml); no credential is ever
 * synthesized. State is local by default, or PostgreSQL (`pg`, PG_CONN_STR at deploy time) with
 * one schema per stack.
 */
import { Construct } from 'constructs';
import { LocalBackend, PgBackend, TerraformElement, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { IConstruct } from 'constructs';
import { fastResolve } from './fast-resolve';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolve } = require('cdktf/lib/_tokens') as { resolve: (scope: IConstruct, obj: unknown) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const util = require('cdktf/lib/util') as { deepMerge: (target: unknown, ...sources: unknown[]) => unknown };
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Cluster, CityModel } from '../config/model';
import { pinProviders } from './providers';

export interface ClusterStackProps {
  readonly cluster: Cluster;
  readonly state: CityModel['state'];
}

/** PostgreSQL schema of a stack's state: `<prefix>_<stack name with _>`. */
export function pgSchemaName(prefix: string, stackName: string): string {
  return `${prefix}_${stackName.replace(/-/g, '_')}`;
}

export class ClusterStack extends TerraformStack {
  readonly network: Cluster['network'];
  readonly clusterName: string;
  /** Chart folders (relative to the repository) synth copies next to this stack's cdk.tf.json. */
  readonly charts: string[] = [];

  constructor(scope: Construct, name: string, props: ClusterStackProps) {
    super(scope, name);
    this.network = props.cluster.network;
    this.clusterName = props.cluster.name;
    const context = new TerraformVariable(this, 'kube_context', {
      type: 'string',
      default: props.cluster.kubeContext,
      description: `kubeconfig context of cluster ${props.cluster.name}; the kubeconfig itself comes from KUBE_CONFIG_PATH at deploy time`,
    });
    new KubernetesProvider(this, 'kubernetes', { configContext: context.stringValue });
    new HelmProvider(this, 'helm', { kubernetes: { configContext: context.stringValue } });
    pinProviders(this);
    if (props.state.backend === 'pg') {
      const backend = new PgBackend(this, { connStr: 'PG_CONN_STR', schemaName: pgSchemaName(props.state.schemaPrefix, name) });
      // the connection string (with its password) comes from PG_CONN_STR at deploy time, never from synth
      backend.addOverride('conn_str', undefined);
    } else {
      new LocalBackend(this, { path: 'terraform.tfstate' });
    }
  }

  /**
   * TerraformStack.toTerraform resolves every element, merges them, and then resolves the merged
   * document a second time, which only matters for tokens in stack-level overrides. This does the
   * same work once: elements resolved one by one (only where a token can be, see fast-resolve),
   * stack overrides resolved on their own. The output
   * is identical (a test compares it with the base implementation); synth of a large city is much faster.
   */
  override toTerraform(): Record<string, unknown> {
    const elements: TerraformElement[] = [];
    const collect = (c: IConstruct) => {
      if (TerraformElement.isTerraformElement(c)) elements.push(c);
      for (const child of c.node.children) if (!TerraformStack.isStack(child)) collect(child);
    };
    collect(this);
    const rawOverrides = (this as unknown as { rawOverrides: Record<string, unknown> }).rawOverrides;
    const metadata: Record<string, unknown> = {
      version: (this as unknown as { cdktfVersion: string }).cdktfVersion,
      stackName: this.node.id,
      backend: 'local',
      cloud: undefined,
      ...(Object.keys(rawOverrides).length > 0 ? { overrides: { stack: Object.keys(rawOverrides) } } : {}),
    };
    for (const e of elements) util.deepMerge(metadata, fastResolve(this, e.toMetadata()));
    const outputs: Record<string, unknown> = {};
    for (const item of elements) {
      if (!TerraformOutput.isTerraformOutput(item)) continue;
      const nested = item.node.path
        .split('/')
        .reduceRight<Record<string, unknown>>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: item.friendlyUniqueId } : { [part]: inner }), {});
      util.deepMerge(outputs, nested);
    }
    const tf: Record<string, unknown> = { '//': { metadata, outputs } };
    for (const e of elements) util.deepMerge(tf, fastResolve(this, e.toTerraform()));
    util.deepMerge(tf, resolve(this, rawOverrides));
    return tf;
  }
}
