/**
 * EgressGateway: the unified Internet egress (互联网统一出口) of one cluster as a running proxy — Squid,
 * configured from the tenants' declared Internet flows (squid-config.ts) so that each tenant reaches
 * its own declared hosts and ports only, from its own addresses only, everything else is refused and
 * every request is logged. Its NetworkPolicy admits only the namespaces of the tenants that declared
 * those flows, on the proxy port, and lets it out only to the Internet (never the private ranges or
 * the platform's own) on the declared ports, plus DNS.
 */
import { Construct } from 'constructs';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { readCidr, within } from '../../config/cidr';
import { CLUSTER_DNS, EGRESS_GATEWAY, LABEL, MANAGED_BY } from '../../config/vocabulary';
import { EgressAllowance, egressSquidConf } from './squid-config';
import { SquidProxy } from './squid-proxy';

export type { EgressAllowance };

/** Private and special ranges the egress gateway never forwards to. */
export const NON_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];

export interface EgressGatewayProps {
  /** The egress namespace (created by the caller; its name or a reference to it). */
  readonly namespace: string;
  /** Cluster the gateway runs on (named in the generated configuration's header). */
  readonly clusterName: string;
  /** Full image reference of the Squid proxy, from platform.yaml (images.egressGateway). */
  readonly image: string;
  /** The declared Internet flows of the tenants served on this cluster, each with its sources; at least one. */
  readonly allowList: readonly EgressAllowance[];
  /**
   * Address ranges of the platform the gateway must never reach, beyond the private and special
   * ranges (NON_INTERNET): zones, intranet, egress, pod ranges. Default: none beyond NON_INTERNET.
   */
  readonly internalRanges?: readonly string[];
  /** Pods of the gateway; at least 2, so that one can be drained. Default: 2. */
  readonly replicas?: number;
}

const HOST = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/;

export class EgressGateway extends Construct {
  readonly proxy: SquidProxy;

  constructor(scope: Construct, id: string, props: EgressGatewayProps) {
    super(scope, id);
    const who = `EgressGateway ${this.node.path}`;
    if (props.allowList.length === 0) {
      throw new Error(`${who}: allowList is empty; the gateway forwards only declared Internet flows, so leave it out where no tenant declares one`);
    }
    for (const a of props.allowList) {
      if (a.sources.length === 0)
        throw new Error(`${who}: allowList entry of tenant ${a.tenant} has no sources; each entry is allowed from its tenant's own address ranges only`);
      for (const c of a.sources) {
        if (readCidr(c) === undefined) throw new Error(`${who}: source "${c}" of tenant ${a.tenant} is not an IPv4 CIDR (e.g. 10.10.0.0/16)`);
        if (c.endsWith('/0')) throw new Error(`${who}: source "${c}" of tenant ${a.tenant} covers every address; give the tenant's own ranges`);
      }
      if (a.hosts.length === 0 || a.ports.length === 0)
        throw new Error(`${who}: allowList entry of tenant ${a.tenant} has no hosts or no ports; both are required`);
      for (const h of a.hosts)
        if (!HOST.test(h)) throw new Error(`${who}: host "${h}" of tenant ${a.tenant} is not a host name or *.suffix (e.g. api.example.cn)`);
      for (const p of a.ports)
        if (!Number.isInteger(p) || p < 1 || p > 65535) throw new Error(`${who}: port ${p} of tenant ${a.tenant} is not a TCP port (1 to 65535)`);
    }
    for (const c of props.internalRanges ?? []) {
      if (readCidr(c) === undefined) throw new Error(`${who}: internal range "${c}" is not an IPv4 CIDR (e.g. 10.10.0.0/16)`);
    }
    const ns = props.namespace;
    this.proxy = new SquidProxy(this, 'squid', {
      name: EGRESS_GATEWAY.name,
      namespace: ns,
      podLabels: EGRESS_GATEWAY.podLabels,
      image: props.image,
      config: egressSquidConf(props.clusterName, EGRESS_GATEWAY.proxyPort, props.allowList),
      configKey: EGRESS_GATEWAY.configKey,
      ports: [{ name: 'proxy', port: EGRESS_GATEWAY.proxyPort }],
      replicas: props.replicas,
    });

    const tenants = [...new Set(props.allowList.map((a) => a.tenant))].sort();
    const ports = [...new Set(props.allowList.flatMap((a) => a.ports))].sort((a, b) => a - b);
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
