/**
 * The base of every govcloud stack: one cluster, its providers and its state. Providers read the
 * kubeconfig from KUBE_CONFIG_PATH at deploy time and select the cluster's context through the
 * `kube_context` variable (default: the context named in platform.yaml); no credential is ever
 * synthesized. State is local by default, or PostgreSQL (`pg`, PG_CONN_STR at deploy time) with
 * one schema per stack.
 */
import { Construct } from 'constructs';
import { LocalBackend, PgBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Cluster, CityModel } from '../config/model';
import { pinProviders } from './providers';
import { stackToTerraform } from './cdktf-edge';

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

  /** The stack's Terraform JSON: see stacks/cdktf-edge.ts for the shortcut and its switch. */
  override toTerraform(): Record<string, unknown> {
    return stackToTerraform(this, () => super.toTerraform() as Record<string, unknown>);
  }
}
