/** What a synth output declares, per stack: the Kubernetes objects and where they must be. */
import * as fs from 'fs';
import * as path from 'path';

type Json = Record<string, unknown>;

export interface Declared {
  readonly stack: string;
  readonly network: 'extranet' | 'intranet';
  /** The kubeconfig context (= cluster) the stack deploys to. */
  readonly context: string;
  readonly type: string;
  readonly address: string;
  readonly name: string;
  readonly namespace?: string;
  /** `apiVersion` and `kind` of a kubernetes_manifest object. */
  readonly manifest?: { readonly apiVersion: string; readonly kind: string };
  readonly body: Json;
}

/** API path of an object of a Terraform resource type, or undefined for types judged otherwise. */
export function apiPath(type: string, name: string, namespace?: string, manifest?: Declared['manifest']): string | undefined {
  const ns = (p: string, plural: string) => `${p}/namespaces/${namespace}/${plural}/${name}`;
  switch (type) {
    case 'kubernetes_manifest':
      // the custom resources the stacks write (Velero's) are namespaced, plural = lower-case kind + s
      return manifest && namespace ? ns(`/apis/${manifest.apiVersion}`, `${manifest.kind.toLowerCase()}s`) : undefined;
    case 'kubernetes_service_account_v1':
      return ns('/api/v1', 'serviceaccounts');
    case 'kubernetes_deployment_v1':
      return ns('/apis/apps/v1', 'deployments');
    case 'kubernetes_daemon_set_v1':
      return ns('/apis/apps/v1', 'daemonsets');
    case 'kubernetes_cluster_role_binding_v1':
      return `/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/${name}`;
    case 'kubernetes_namespace_v1':
      return `/api/v1/namespaces/${name}`;
    case 'kubernetes_resource_quota_v1':
      return ns('/api/v1', 'resourcequotas');
    case 'kubernetes_limit_range_v1':
      return ns('/api/v1', 'limitranges');
    case 'kubernetes_config_map_v1':
      return ns('/api/v1', 'configmaps');
    case 'kubernetes_default_service_account_v1':
      return ns('/api/v1', 'serviceaccounts');
    case 'kubernetes_network_policy_v1':
      return ns('/apis/networking.k8s.io/v1', 'networkpolicies');
    case 'kubernetes_role_binding_v1':
      return ns('/apis/rbac.authorization.k8s.io/v1', 'rolebindings');
    case 'kubernetes_cron_job_v1':
      return ns('/apis/batch/v1', 'cronjobs');
    case 'kubernetes_service_v1':
      return ns('/api/v1', 'services');
    case 'kubernetes_pod_disruption_budget_v1':
      return ns('/apis/policy/v1', 'poddisruptionbudgets');
    case 'kubernetes_cluster_role_v1':
      return `/apis/rbac.authorization.k8s.io/v1/clusterroles/${name}`;
    case 'helm_release':
      // Helm keeps each release revision as a Secret in the release namespace
      return `/api/v1/namespaces/${namespace}/secrets?labelSelector=owner%3Dhelm%2Cname%3D${name}`;
    default:
      return undefined;
  }
}

function meta(body: Json): Json {
  const m = body.metadata;
  return (Array.isArray(m) ? m[0] : m) as Json;
}

/** Every resource of every stack under `out`, with references to other resources' names resolved. */
export function declared(out: string): Declared[] {
  const result: Declared[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = path.join(out, network, 'stacks');
    if (!fs.existsSync(dir)) continue;
    for (const stack of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, stack, 'cdk.tf.json');
      if (!fs.existsSync(file)) continue;
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        resource?: Record<string, Record<string, Json>>;
        variable?: { kube_context?: { default?: string } };
      };
      const resources = json.resource ?? {};
      const resolve = (v: unknown): string | undefined => {
        if (typeof v !== 'string') return undefined;
        const ref = /^\$\{([\w]+)\.([\w-]+)\.metadata(?:\[0\])?\.name\}$/.exec(v);
        if (!ref) return v;
        const target = resources[ref[1]]?.[ref[2]];
        return target ? (meta(target).name as string) : undefined;
      };
      for (const [type, byName] of Object.entries(resources)) {
        for (const [id, body] of Object.entries(byName)) {
          const manifest = type === 'kubernetes_manifest' ? (body.manifest as Json) : undefined;
          const m = type === 'helm_release' ? body : meta(manifest ?? body);
          result.push({
            stack,
            network,
            context: json.variable?.kube_context?.default ?? '',
            type,
            address: `${type}.${id}`,
            name: resolve(m.name) ?? '',
            namespace: resolve(m.namespace),
            manifest: manifest ? { apiVersion: String(manifest.apiVersion), kind: String(manifest.kind) } : undefined,
            body,
          });
        }
      }
    }
  }
  return result;
}
