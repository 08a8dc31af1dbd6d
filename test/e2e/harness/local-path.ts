/**
 * The lab's storage on every cluster, as a distribution installs one: Rancher's local-path provisioner
 * (built from its Go module, scripts/e2e/parts.sh local-path) and a StorageClass `local-path`, so that a
 * tenant's PersistentVolumeClaim gets a volume. Volumes are `local` persistent volumes (a folder of the
 * node, bound by the kubelet into the pod), which Velero's node agent backs up from the kubelet's pod
 * folder — a `hostPath` volume it cannot. Each node keeps its volumes in its own folder of the run.
 * The folders are made and removed by small helper pods running the lab's busybox image.
 */
import { Kube } from './kube';

export const STORAGE_CLASS = 'local-path';
const NS = 'local-path-storage';
const ACCOUNT = 'local-path-provisioner';

export interface LocalPathNode {
  readonly name: string;
  /** The node's volume folder on the host (the node sees the host's files). */
  readonly path: string;
}

async function must(kube: Kube, path: string, body: unknown): Promise<void> {
  const r = await kube.request('POST', path, body);
  if (r.status !== 201 && r.status !== 409) throw new Error(`${kube.cluster}: POST ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
}

export async function deployLocalPath(kube: Kube, image: string, helperImage: string, nodes: readonly LocalPathNode[]): Promise<void> {
  const config = { nodePathMap: nodes.map((n) => ({ node: n.name, paths: [n.path] })) };
  await must(kube, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await must(kube, `/api/v1/namespaces/${NS}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: ACCOUNT } });
  await must(kube, '/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'lab-local-path' },
    rules: [
      { apiGroups: [''], resources: ['nodes', 'persistentvolumeclaims', 'configmaps', 'pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] },
      { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  await must(kube, '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'lab-local-path' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'lab-local-path' },
    subjects: [{ kind: 'ServiceAccount', name: ACCOUNT, namespace: NS }],
  });
  // its helper pods live in its own namespace
  await must(kube, `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'lab-local-path-helpers' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'update', 'delete'] }],
  });
  await must(kube, `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'lab-local-path-helpers' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lab-local-path-helpers' },
    subjects: [{ kind: 'ServiceAccount', name: ACCOUNT, namespace: NS }],
  });
  await must(kube, `/api/v1/namespaces/${NS}/configmaps`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-path-config' },
    data: {
      'config.json': JSON.stringify(config),
      setup: 'set -eu\nmkdir -m 0777 -p "$VOL_DIR"\n',
      teardown: 'set -eu\nrm -rf "$VOL_DIR"\n',
      'helperPod.yaml': JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'helper-pod' },
        spec: {
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists' }],
          containers: [{ name: 'helper-pod', image: helperImage, imagePullPolicy: 'IfNotPresent', securityContext: { runAsUser: 0 } }],
        },
      }),
    },
  });
  await must(kube, `/apis/apps/v1/namespaces/${NS}/deployments`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          serviceAccountName: ACCOUNT,
          containers: [
            {
              name: 'local-path-provisioner',
              image,
              args: ['start', '--config', '/etc/config/config.json', '--service-account-name', ACCOUNT, '--helper-image', helperImage],
              env: [
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
              ],
              volumeMounts: [{ name: 'config', mountPath: '/etc/config/' }],
              resources: { limits: { cpu: '200m', memory: '128Mi' } },
            },
          ],
          volumes: [{ name: 'config', configMap: { name: 'local-path-config' } }],
        },
      },
    },
  });
  await must(kube, '/apis/storage.k8s.io/v1/storageclasses', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    // `local` volumes (the kubelet binds them into the pod's folder, where Velero's node agent reads them)
    metadata: { name: STORAGE_CLASS, annotations: { defaultVolumeType: 'local', 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
    reclaimPolicy: 'Delete',
  });
}
