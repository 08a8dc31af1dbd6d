/**
 * EgressGateway: the unified Internet egress (互联网统一出口) as a running proxy — Envoy, configured
 * from the tenants' declared Internet flows so that it tunnels HTTP CONNECT only to the declared
 * host:port pairs, refuses everything else and logs every request. Its NetworkPolicy admits only the
 * namespaces of the tenants that declared those flows, on the proxy port, and lets it out only to
 * the Internet (never the private ranges or the platform's zones) on the declared ports, plus DNS.
 */
import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { readCidr, within } from '../../config/cidr';
import { CLUSTER_DNS, EGRESS_GATEWAY, LABEL, MANAGED_BY } from '../../config/vocabulary';
import { allowedDestinations, envoyConfig } from './envoy-config';

/** Private and special ranges the egress gateway never forwards to. */
export const NON_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];

/** One tenant's declared Internet flow: the hosts it may reach, on these TCP ports. */
export interface EgressAllowance {
  readonly tenant: string;
  readonly hosts: readonly string[];
  readonly ports: readonly number[];
}

export interface EgressGatewayProps {
  /** The egress namespace (created by the caller; its name or a reference to it). */
  readonly namespace: string;
  /** Full image reference of the Envoy proxy, from platform.yaml (images.egressGateway). */
  readonly image: string;
  /** The declared Internet flows of the cluster's tenants; at least one. */
  readonly allowList: readonly EgressAllowance[];
  /**
   * Address ranges of the platform the gateway must never reach, beyond the private and special
   * ranges (NON_INTERNET): the extranet zones. Default: none beyond NON_INTERNET.
   */
  readonly internalRanges?: readonly string[];
  /** Pods of the gateway; at least 2, so that one can be drained. Default: 2. */
  readonly replicas?: number;
}

export class EgressGateway extends Construct {
  readonly deployment: DeploymentV1;
  readonly service: ServiceV1;
  readonly config: ConfigMapV1;

  constructor(scope: Construct, id: string, props: EgressGatewayProps) {
    super(scope, id);
    const replicas = props.replicas ?? 2;
    const who = `EgressGateway ${this.node.path}`;
    if (props.allowList.length === 0) {
      throw new Error(`${who}: allowList is empty; the gateway forwards only declared Internet flows, so leave it out where no tenant declares one`);
    }
    if (!Number.isInteger(replicas) || replicas < 2) {
      throw new Error(`${who}: replicas ${replicas} is below 2; the unified egress runs at least 2 pods so that one can be drained`);
    }
    if (props.image.trim() === '') throw new Error(`${who}: image is empty; give images.egressGateway in platform.yaml`);
    for (const c of props.internalRanges ?? []) {
      if (readCidr(c) === undefined) throw new Error(`${who}: internal range "${c}" is not an IPv4 CIDR (e.g. 10.10.0.0/16)`);
    }
    const ns = props.namespace;
    const meta = (name: string) => ({ name, namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY, ...EGRESS_GATEWAY.podLabels } });
    const destinations = allowedDestinations(props.allowList);
    const text = `${JSON.stringify(envoyConfig(destinations, EGRESS_GATEWAY), null, 2)}\n`;
    this.config = new ConfigMapV1(this, 'config', { metadata: meta(EGRESS_GATEWAY.name), data: { [EGRESS_GATEWAY.configKey]: text } });

    const probe = (delay: number) => ({
      httpGet: { path: '/ready', port: String(EGRESS_GATEWAY.healthPort) },
      initialDelaySeconds: delay,
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    });
    this.deployment = new DeploymentV1(this, 'deployment', {
      metadata: meta(EGRESS_GATEWAY.name),
      // the e2e clusters have no nodes: Terraform must not wait for pods that never start
      waitForRollout: false,
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: { ...EGRESS_GATEWAY.podLabels } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0', maxSurge: '1' } },
        template: {
          metadata: {
            labels: { ...EGRESS_GATEWAY.podLabels },
            // Envoy reads its static configuration once: a changed allow-list rolls the pods
            annotations: { 'govcloud.gov.cn/config-sha256': createHash('sha256').update(text).digest('hex') },
          },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: '101', runAsGroup: '101', seccompProfile: { type: 'RuntimeDefault' } },
            container: [
              {
                name: 'envoy',
                image: props.image,
                command: ['envoy'],
                args: ['--config-path', `/etc/envoy/${EGRESS_GATEWAY.configKey}`, '--disable-hot-restart', '--log-level', 'info'],
                port: [
                  { name: 'proxy', containerPort: EGRESS_GATEWAY.proxyPort, protocol: 'TCP' },
                  { name: 'health', containerPort: EGRESS_GATEWAY.healthPort, protocol: 'TCP' },
                ],
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
                  { name: 'config', mountPath: '/etc/envoy', readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volume: [
              { name: 'config', configMap: { name: this.config.metadata.name } },
              { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } },
            ],
          },
        },
      },
    });
    this.service = new ServiceV1(this, 'service', {
      metadata: meta(EGRESS_GATEWAY.name),
      spec: {
        type: 'ClusterIP',
        selector: { ...EGRESS_GATEWAY.podLabels },
        port: [{ name: 'proxy', port: EGRESS_GATEWAY.proxyPort, targetPort: String(EGRESS_GATEWAY.proxyPort), protocol: 'TCP' }],
      },
    });
    new PodDisruptionBudgetV1(this, 'disruption', {
      metadata: meta(EGRESS_GATEWAY.name),
      spec: { minAvailable: '1', selector: { matchLabels: { ...EGRESS_GATEWAY.podLabels } } },
    });

    const tenants = [...new Set(props.allowList.map((a) => a.tenant))].sort();
    const ports = [...new Set(destinations.map((d) => d.port))].sort((a, b) => a - b);
    const except = [...NON_INTERNET, ...[...new Set(props.internalRanges ?? [])].sort().filter((c) => !NON_INTERNET.some((n) => within(c, n)))];
    new NetworkPolicyV1(this, 'policy', {
      metadata: { name: EGRESS_GATEWAY.name, namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY } },
      spec: {
        podSelector: { matchLabels: { ...EGRESS_GATEWAY.podLabels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: tenants.map((t) => ({ namespaceSelector: { matchLabels: { [LABEL.tenant]: t, [LABEL.zone]: 'public-service' } } })),
            ports: [{ port: String(EGRESS_GATEWAY.proxyPort), protocol: 'TCP' }],
          },
        ],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except } }], ports: ports.map((p) => ({ port: String(p), protocol: 'TCP' })) },
          {
            // the cluster's DNS pods, not every pod of kube-system
            to: [{ namespaceSelector: { matchLabels: { [LABEL.nsName]: CLUSTER_DNS.namespace } }, podSelector: { matchLabels: { ...CLUSTER_DNS.podLabels } } }],
            ports: [
              { port: '53', protocol: 'UDP' },
              { port: '53', protocol: 'TCP' },
            ],
          },
        ],
      },
    });
  }
}
