/**
 * NodeAgent: Velero's node agent, one pod per node, which backs up and restores the data of the
 * tenants' volumes (file-system backup with Kopia). Without it a backup holds a tenant's objects
 * and none of its data. Velero finds it by name: a DaemonSet `node-agent` in Velero's namespace, whose
 * `host-pods` volume tells Velero where the kubelet keeps pod volumes on every node; the pods that
 * move one volume's data are made by the agent from this same template (image, account, mounts).
 *
 * What it may do on a node is as small as the job allows: it runs as root (it reads files of every
 * owner) but unprivileged, with no privilege escalation and a read-only root file system, and sees
 * the kubelet's pod folder read-only with host-to-container propagation (the volumes the kubelet
 * mounts after the agent starts appear inside it). The file-restore helper that Velero adds to a
 * restored pod comes from the platform's registry (`fs-restore-action-config`), never Docker Hub.
 */
import { Construct } from 'constructs';
import { DaemonSetV1 } from '@cdktf/provider-kubernetes/lib/daemon-set-v1';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { BACKUP } from '../../config/vocabulary';
import { LABEL, MANAGED_BY } from '../common/labels';

/** Where the kubelet keeps pod volumes on a node. */
export const KUBELET_PODS = BACKUP.kubeletPods;

export interface NodeAgentProps {
  readonly clusterName: string;
  /** Velero's image (the node agent is the same program as the server). */
  readonly image: string;
  /** Velero's namespace and service account. */
  readonly namespace: string;
  readonly serviceAccount: string;
  /** The operators' Secret with the object-store keys (the agent reads the same storage as the server). */
  readonly credentialSecret: { readonly name: string; readonly key: string };
  /** The kubelet's pod folder on the nodes. Default: /var/lib/kubelet/pods. */
  readonly podVolumePath?: string;
  /** Objects to create first (the namespace). */
  readonly dependsOn?: Construct[];
}

export class NodeAgent extends Construct {
  readonly daemonSet: DaemonSetV1;

  constructor(scope: Construct, id: string, props: NodeAgentProps) {
    super(scope, id);
    const podVolumePath = props.podVolumePath ?? KUBELET_PODS;
    if (!/^\/[^\s]*[^/\s]$/.test(podVolumePath)) {
      throw new Error(`NodeAgent ${props.clusterName}: podVolumePath "${podVolumePath}" is not an absolute folder path (e.g. ${KUBELET_PODS})`);
    }
    const labels = { [LABEL.managedBy]: MANAGED_BY, 'app.kubernetes.io/name': 'velero', 'app.kubernetes.io/component': 'node-agent' };
    const deps = props.dependsOn as never;
    // Velero's own selector for the agents on a node is `role=node-agent` (pkg/nodeagent)
    const podLabels = { ...labels, name: 'node-agent', role: 'node-agent' };
    this.daemonSet = new DaemonSetV1(this, 'daemonset', {
      metadata: { name: BACKUP.nodeAgent, namespace: props.namespace, labels },
      spec: {
        selector: { matchLabels: { name: 'node-agent' } },
        template: {
          metadata: { labels: podLabels },
          spec: {
            serviceAccountName: props.serviceAccount,
            automountServiceAccountToken: true,
            securityContext: { runAsUser: '0', runAsGroup: '0', seccompProfile: { type: 'RuntimeDefault' } },
            container: [
              {
                name: 'node-agent',
                image: props.image,
                command: ['/velero'],
                args: ['node-agent', 'server'],
                env: [
                  { name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
                  { name: 'VELERO_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'VELERO_SCRATCH_DIR', value: '/scratch' },
                  { name: 'AWS_SHARED_CREDENTIALS_FILE', value: `/credentials/${props.credentialSecret.key}` },
                ],
                volumeMount: [
                  { name: 'host-pods', mountPath: '/host_pods', mountPropagation: 'HostToContainer', readOnly: true },
                  { name: 'scratch', mountPath: '/scratch' },
                  { name: 'tmp', mountPath: '/tmp' },
                  { name: 'credentials', mountPath: '/credentials', readOnly: true },
                ],
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '1Gi' } },
                // root for the kubelet's root-owned folders, but no capability: it lists and reads what root owns, nothing more
                securityContext: { privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                port: [{ name: 'metrics', containerPort: 8085 }],
                livenessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, initialDelaySeconds: 30, periodSeconds: 30 },
                readinessProbe: { httpGet: { path: '/metrics', port: 'metrics' }, initialDelaySeconds: 10, periodSeconds: 15 },
              },
            ],
            volume: [
              { name: 'host-pods', hostPath: { path: podVolumePath, type: 'Directory' } },
              { name: 'scratch', emptyDir: {} },
              { name: 'tmp', emptyDir: {} },
              { name: 'credentials', secret: { secretName: props.credentialSecret.name } },
            ],
          },
        },
      },
      waitForRollout: false,
      dependsOn: deps,
    });
    // the init container Velero adds to each restored pod with volume data: Velero's own image, from the platform's registry
    new ConfigMapV1(this, 'restore-helper', {
      metadata: {
        name: 'fs-restore-action-config',
        namespace: props.namespace,
        labels: { ...labels, 'velero.io/plugin-config': '', 'velero.io/pod-volume-restore': 'RestoreItemAction' },
      },
      data: { image: props.image, cpuRequest: '50m', memRequest: '64Mi', cpuLimit: '200m', memLimit: '128Mi' },
      dependsOn: deps,
    });
  }
}
