/**
 * SquidProxy: Debian's Squid (5.7) running a generated squid.conf, as both gateways run it — a
 * ConfigMap with the configuration, a Deployment of at least two hardened pods (non-root with the pod
 * user, read-only root filesystem with a memory emptyDir for Squid's run and temporary directories,
 * no capabilities, seccomp RuntimeDefault, no service-account token), TCP probes on the first port, a
 * ClusterIP Service and a PodDisruptionBudget. A changed configuration rolls the pods.
 */
import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { LABEL, MANAGED_BY } from '../../config/vocabulary';

/** Where the configuration is mounted in the pod. */
export const SQUID_CONFIG_DIR = '/etc/squid/govcloud';
/** The uid and gid the pods run as (Squid keeps it: cache_effective_user is left unset). */
export const SQUID_UID = '10001';

export interface SquidProxyProps {
  /** Name of the Deployment, Service, ConfigMap and PodDisruptionBudget. */
  readonly name: string;
  readonly namespace: string;
  /** Labels of the pods (and the Service's selector); at least one. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Full image reference of Squid, from platform.yaml. */
  readonly image: string;
  /** The generated squid.conf. */
  readonly config: string;
  /** Key of the configuration in the ConfigMap (the file name in SQUID_CONFIG_DIR). */
  readonly configKey: string;
  /** TCP ports Squid listens on (named in the Service); at least one; the first is probed. */
  readonly ports: readonly { readonly name: string; readonly port: number }[];
  /** Pods; at least 2, so that one can be drained. Default: 2. */
  readonly replicas?: number;
}

export class SquidProxy extends Construct {
  readonly deployment: DeploymentV1;
  readonly service: ServiceV1;
  readonly config: ConfigMapV1;

  constructor(scope: Construct, id: string, props: SquidProxyProps) {
    super(scope, id);
    const who = `SquidProxy ${this.node.path}`;
    const replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 2) {
      throw new Error(`${who}: replicas ${replicas} is below 2; a gateway runs at least 2 pods so that one can be drained`);
    }
    if (props.image.trim() === '') throw new Error(`${who}: image is empty; give images.egressGateway (the Squid image) in platform.yaml`);
    if (props.ports.length === 0) throw new Error(`${who}: ports is empty; give at least the port Squid listens on (e.g. 3128)`);
    if (Object.keys(props.podLabels).length === 0) throw new Error(`${who}: podLabels is empty; the Service and NetworkPolicies select the pods by them`);
    for (const p of props.ports) {
      if (!Number.isInteger(p.port) || p.port < 1024 || p.port > 65535) {
        throw new Error(`${who}: port ${p.name}=${p.port} is not a TCP port from 1024 to 65535; Squid runs unprivileged and cannot bind below 1024`);
      }
    }
    const ns = props.namespace;
    const meta = { name: props.name, namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY, ...props.podLabels } };
    this.config = new ConfigMapV1(this, 'config', { metadata: meta, data: { [props.configKey]: props.config } });
    const first = String(props.ports[0].port);
    const probe = (delay: number) => ({
      tcpSocket: [{ port: first }],
      initialDelaySeconds: delay,
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    });
    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata: meta,
      // the e2e clusters may have no nodes: Terraform must not wait for pods that never start
      waitForRollout: false,
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: { ...props.podLabels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: '1' } },
        template: {
          metadata: {
            labels: { ...props.podLabels },
            // Squid reads its configuration at start: a changed allow-list rolls the pods
            annotations: { 'govcloud.gov.cn/config-sha256': createHash('sha256').update(props.config).digest('hex') },
          },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: SQUID_UID, runAsGroup: SQUID_UID, seccompProfile: { type: 'RuntimeDefault' } },
            container: [
              {
                name: 'squid',
                image: props.image,
                command: ['squid'],
                // -N: in the foreground, one process; the configuration is the generated one only
                args: ['-N', '-f', `${SQUID_CONFIG_DIR}/${props.configKey}`],
                port: props.ports.map((p) => ({ name: p.name, containerPort: p.port, protocol: 'TCP' })),
                readinessProbe: probe(2),
                livenessProbe: probe(10),
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  capabilities: { drop: ['ALL'] },
                },
                volumeMount: [
                  { name: 'config', mountPath: SQUID_CONFIG_DIR, readOnly: true },
                  { name: 'run', mountPath: '/var/run/squid' },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volume: [
              { name: 'config', configMap: { name: this.config.metadata.name } },
              { name: 'run', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
              { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
            ],
          },
        },
      },
    });
    this.service = new ServiceV1(this, 'service', {
      metadata: meta,
      spec: {
        type: 'ClusterIP',
        selector: { ...props.podLabels },
        port: props.ports.map((p) => ({ name: p.name, port: p.port, targetPort: String(p.port), protocol: 'TCP' })),
      },
    });
    new PodDisruptionBudgetV1(this, 'disruption', {
      metadata: meta,
      spec: { minAvailable: '1', selector: { matchLabels: { ...props.podLabels } } },
    });
  }
}
