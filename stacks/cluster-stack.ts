/**
 * The base of every govcloud stack: one cluster, its providers and its state. Providers read the
 * kubeconfig from KUBE_CONFIG_PATH at deploy time and select the cluster's context through the
 * `kube_context` variable (default: the context named in platform.yaml); no credential is ever
 * synthesized. State is local by default, or PostgreSQL (`pg`, PG_CONN_STR at deploy time) with
 * one schema per stack.
 */
import { createHash } from 'crypto';
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

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
export const PG_IDENTIFIER_MAX = 63;

/**
 * PostgreSQL schema of a stack's state: `<prefix>_<stack name with _>`. A longer name than
 * PostgreSQL keeps (county, department and cluster codes can reach 120 characters) would be cut
 * silently, and two stacks could share one state; such a name keeps its first 54 characters and
 * ends with `_` and 8 hex digits of its SHA-256, so it stays unique and the same on every run.
 */
export function pgSchemaName(prefix: string, stackName: string): string {
  const full = `${prefix}_${stackName.replace(/-/g, '_')}`;
  if (full.length <= PG_IDENTIFIER_MAX) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, PG_IDENTIFIER_MAX - 9)}_${hash}`;
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
