/**
 * IngressGateway: the only way in from the Internet (互联网接入) to the exposed public-service tenants
 * of one cluster — Squid as a reverse proxy (accelerator mode, squid-config.ts) with one listening
 * port per exposed tenant and port, each forwarding only to that tenant's Service (named after the
 * tenant) in the namespace it serves from. Its NetworkPolicy admits any address on the listening
 * ports only, and lets it out only to the exposed tenants' namespaces on their exposed ports, plus DNS.
 */
import { Construct } from 'constructs';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { CLUSTER_DNS, INGRESS_GATEWAY, LABEL, MANAGED_BY } from '../../config/vocabulary';
import { IngressRoute, routesOf } from '../../config/ingress-routes';
import { ingressSquidConf } from './squid-config';
import { SquidProxy } from './squid-proxy';

/** One exposed tenant served on this cluster. */
export interface ExposedTenant {
  readonly tenant: string;
  /** The namespace it serves from (its served environment). */
  readonly namespace: string;
  /** Its exposed TCP ports (spec.exposure.ports); at least one. */
  readonly ports: readonly number[];
}

export interface IngressGatewayProps {
  /** The ingress namespace (created by the caller). */
  readonly namespace: string;
  /** Cluster the gateway runs on (named in the generated configuration's header). */
  readonly clusterName: string;
  /** Full image reference of the Squid proxy, from platform.yaml (images.egressGateway: the same Squid). */
  readonly image: string;
  /** The exposed tenants; at least one. */
  readonly exposed: readonly ExposedTenant[];
  /** Pods of the gateway; at least 2, so that one can be drained. Default: 2. */
  readonly replicas?: number;
}

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export class IngressGateway extends Construct {
  readonly proxy: SquidProxy;
  /** The routes served, with their listening ports, sorted by tenant and port. */
  readonly routes: readonly IngressRoute[];

  constructor(scope: Construct, id: string, props: IngressGatewayProps) {
    super(scope, id);
    const who = `IngressGateway ${this.node.path}`;
    if (props.exposed.length === 0) {
      throw new Error(`${who}: exposed is empty; the gateway serves only tenants with spec.exposure.internet: true, so leave it out where there is none`);
    }
    for (const e of props.exposed) {
      if (!DNS_LABEL.test(e.tenant) || !DNS_LABEL.test(e.namespace))
        throw new Error(`${who}: tenant "${e.tenant}" or namespace "${e.namespace}" is not a DNS label (a-z, 0-9, -)`);
      if (e.ports.length === 0) throw new Error(`${who}: tenant ${e.tenant} has no exposed ports; give spec.exposure.ports (e.g. [8080])`);
      for (const p of e.ports)
        if (!Number.isInteger(p) || p < 1 || p > 65535) throw new Error(`${who}: port ${p} of tenant ${e.tenant} is not a TCP port (1 to 65535)`);
    }
    this.routes = routesOf(props.exposed);
    const ns = props.namespace;
    this.proxy = new SquidProxy(this, 'squid', {
      name: INGRESS_GATEWAY.name,
      namespace: ns,
      podLabels: INGRESS_GATEWAY.podLabels,
      image: props.image,
      config: ingressSquidConf(props.clusterName, this.routes),
      configKey: INGRESS_GATEWAY.configKey,
      ports: this.routes.map((r) => ({ name: `l-${r.listenPort}`, port: r.listenPort })),
      replicas: props.replicas,
    });
    const tcp = (p: number) => ({ port: String(p), protocol: 'TCP' });
    const namespaces = [...new Set(this.routes.map((r) => r.namespace))].sort();
    new NetworkPolicyV1(this, 'policy', {
      metadata: { name: INGRESS_GATEWAY.name, namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY } },
      spec: {
        podSelector: { matchLabels: { ...INGRESS_GATEWAY.podLabels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: this.routes.map((r) => tcp(r.listenPort)) }],
        egress: [
          ...namespaces.map((n) => ({
            to: [{ namespaceSelector: { matchLabels: { [LABEL.nsName]: n } } }],
            ports: [...new Set(this.routes.filter((r) => r.namespace === n).map((r) => r.port))].sort((a, b) => a - b).map(tcp),
          })),
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
