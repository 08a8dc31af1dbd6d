/**
 * Typed network peers for NetworkPolicy rules, instead of hand-written selectors:
 * `Peer.tenant('social-security', 'prod')`, `Peer.namespace('kube-system')`, `Peer.pods('internet-egress', labels)`,
 * `Peer.cidr('10.0.0.0/8')`.
 */
import { readCidr } from '../../config/cidr';
import { LABEL } from './labels';
import { CLUSTER_DNS } from '../../config/vocabulary';

export interface PolicyPeer {
  readonly namespaceSelector?: { readonly matchLabels: Record<string, string> };
  readonly podSelector?: { readonly matchLabels: Record<string, string> };
  readonly ipBlock?: { readonly cidr: string };
}

export class Peer {
  /** Namespaces of one tenant environment, on the same cluster. */
  static tenant(tenant: string, environment: string): Peer {
    return new Peer(`tenant ${tenant}/${environment}`, { namespaceSelector: { matchLabels: { [LABEL.tenant]: tenant, [LABEL.environment]: environment } } });
  }
  /** One namespace by name, on the same cluster. */
  static namespace(name: string): Peer {
    return new Peer(`namespace ${name}`, { namespaceSelector: { matchLabels: { [LABEL.nsName]: name } } });
  }
  /** The labelled pods of one namespace, on the same cluster (the egress gateway's pods, not the whole namespace). */
  static pods(namespace: string, labels: Readonly<Record<string, string>>): Peer {
    if (Object.keys(labels).length === 0) {
      throw new Error(`Peer.pods: no labels given for namespace ${namespace}; an empty pod selector selects every pod there, use Peer.namespace for that`);
    }
    const shown = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return new Peer(`pods ${shown} of namespace ${namespace}`, {
      namespaceSelector: { matchLabels: { [LABEL.nsName]: namespace } },
      podSelector: { matchLabels: { ...labels } },
    });
  }
  /** The cluster's DNS pods (`k8s-app: kube-dns` in kube-system), not the rest of kube-system. */
  static clusterDns(): Peer {
    return Peer.pods(CLUSTER_DNS.namespace, CLUSTER_DNS.podLabels);
  }
  /** Every namespace of a zone, on the same cluster. */
  static zone(zone: string): Peer {
    return new Peer(`zone ${zone}`, { namespaceSelector: { matchLabels: { [LABEL.zone]: zone } } });
  }
  /** An address range (for peers on another cluster or outside Kubernetes). */
  static cidr(cidr: string): Peer {
    if (readCidr(cidr) === undefined) {
      throw new Error(`Peer.cidr: "${cidr}" is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.20.0.0/16): a, b, c and d from 0 to 255, n from 0 to 32`);
    }
    if (cidr === '0.0.0.0/0') {
      throw new Error('Peer.cidr: "0.0.0.0/0" would allow everything; Internet traffic goes through the unified egress (Peer.pods of the egress gateway)');
    }
    return new Peer(`cidr ${cidr}`, { ipBlock: { cidr } });
  }

  private constructor(
    /** What people read in descriptions. */
    readonly description: string,
    readonly spec: PolicyPeer,
  ) {}
}

/** An allowed peer with its TCP ports (none = all ports of that peer). */
export interface PeerRule {
  readonly peer: Peer;
  readonly ports: readonly number[];
  /** UDP as well as TCP (DNS). Default: TCP only. */
  readonly udp?: boolean;
}

export function portsOf(rule: PeerRule): { port: string; protocol: string }[] {
  const out: { port: string; protocol: string }[] = [];
  for (const p of rule.ports) {
    out.push({ port: String(p), protocol: 'TCP' });
    if (rule.udp) out.push({ port: String(p), protocol: 'UDP' });
  }
  return out;
}

/** DNS to the cluster's DNS pods, UDP and TCP 53: what every namespace may send. */
export function dnsRule(): PeerRule {
  return { peer: Peer.clusterDns(), ports: [CLUSTER_DNS.port], udp: true };
}
