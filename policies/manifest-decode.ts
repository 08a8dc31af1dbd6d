/**
 * A `kubernetes_manifest` reaches the cluster like its typed form does, so the rules judge it like one.
 * The manifest of a kind the rules know (workloads, Services, NetworkPolicies, roles and bindings) is
 * decoded into the body its typed resource would have: Kubernetes field names in the provider's
 * spelling (`securityContext` → `security_context`, `containers` → `container`, `hostPath` →
 * `host_path`, `roleRef` → `role_ref`), maps of user data (labels, selectors, limits) left as they are.
 * The resource keeps its own address (`kubernetes_manifest.<name>`), so evidence points at what was
 * written. Kinds the rules do not know (Velero's, a tenant's own) stay manifests.
 */
import { Json } from '../terraform/json';

/** apiVersion/kind → the typed resource the rules judge. */
const TYPED: Readonly<Record<string, string>> = {
  'apps/v1/Deployment': 'kubernetes_deployment_v1',
  'apps/v1/StatefulSet': 'kubernetes_stateful_set_v1',
  'apps/v1/DaemonSet': 'kubernetes_daemon_set_v1',
  'apps/v1/ReplicaSet': 'kubernetes_replication_controller_v1',
  'batch/v1/Job': 'kubernetes_job_v1',
  'batch/v1/CronJob': 'kubernetes_cron_job_v1',
  'v1/Pod': 'kubernetes_pod_v1',
  'v1/ReplicationController': 'kubernetes_replication_controller_v1',
  'v1/Service': 'kubernetes_service_v1',
  'v1/ResourceQuota': 'kubernetes_resource_quota_v1',
  'v1/LimitRange': 'kubernetes_limit_range_v1',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes_network_policy_v1',
  'rbac.authorization.k8s.io/v1/Role': 'kubernetes_role_v1',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'kubernetes_cluster_role_v1',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'kubernetes_role_binding_v1',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'kubernetes_cluster_role_binding_v1',
};

/** Lists the provider names in the singular, one block per item. */
const RENAMED: Readonly<Record<string, string>> = {
  containers: 'container',
  initContainers: 'init_container',
  ephemeralContainers: 'ephemeral_container',
  volumes: 'volume',
  volumeMounts: 'volume_mount',
  tolerations: 'toleration',
  subjects: 'subject',
  rules: 'rule',
  hostPID: 'host_pid',
  hostIPC: 'host_ipc',
  nonResourceURLs: 'non_resource_urls',
  imagePullSecrets: 'image_pull_secrets',
  topologySpreadConstraints: 'topology_spread_constraint',
};

/** Fields whose value is a map of user data: keys kept as written. */
const USER_MAPS = new Set(['labels', 'annotations', 'matchLabels', 'nodeSelector', 'limits', 'requests', 'data', 'stringData', 'hard', 'selector']);

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function decode(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(v, key));
  if (value === null || typeof value !== 'object') return value;
  // a Service's selector is a map; a workload's selector is a block with matchLabels
  if (USER_MAPS.has(key) && !(key === 'selector' && ('matchLabels' in value || 'matchExpressions' in value))) return { ...(value as Json) };
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    // a container's ports are `port` blocks; a NetworkPolicy rule's stay `ports`
    const name = k === 'ports' ? (key === 'ingress' || key === 'egress' ? 'ports' : 'port') : (RENAMED[k] ?? snake(k));
    out[name] = decode(v, k);
  }
  return out;
}

/** Any API object's fields in the provider's spelling (the decoding above, for any kind): what the live comparison reads. */
export function decodeObject(obj: Json): Json {
  return decode(obj, '') as Json;
}

export interface Decoded {
  readonly type: string;
  readonly body: Json;
}

/** The typed form of a manifest the rules know, or undefined. */
export function decodeManifest(manifest: Json | undefined): Decoded | undefined {
  if (!manifest) return undefined;
  const type = TYPED[`${String(manifest.apiVersion)}/${String(manifest.kind)}`];
  if (!type) return undefined;
  const { apiVersion: _a, kind: _k, ...rest } = manifest;
  return { type, body: decode(rest, '') as Json };
}
