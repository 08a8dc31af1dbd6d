/**
 * NetworkSegment: one network (extranet or intranet) as it exists on one cluster: its zones, and on
 * the extranet the unified Internet egress (互联网统一出口) — the only way out to the Internet, which
 * only the public-service zone may use, with its allow-list of hosts per tenant.
 */
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { LABEL, MANAGED_BY, ZoneLabel } from '../common/labels';
import { denyAll } from '../common/network-policy';
import { IsolationZone } from './isolation-zone';

/** Private and special ranges the egress gateway never forwards to. */
export const NON_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'];

export interface EgressAllowance {
  readonly tenant: string;
  readonly hosts: readonly string[];
  readonly ports: readonly number[];
}

export interface InternetEgressProps {
  readonly namespace: string;
  readonly cidr: string;
  /** Per-tenant host allow-list rendered into the gateway's ConfigMap. Default: empty. */
  readonly allowList?: readonly EgressAllowance[];
}

export interface NetworkSegmentProps {
  readonly network: Network;
  readonly zones: readonly { readonly name: ZoneLabel; readonly cidr: string }[];
  /** The unified egress; extranet only. Default: none (no Internet). */
  readonly egress?: InternetEgressProps;
}

export class NetworkSegment extends Construct {
  readonly zones: IsolationZone[] = [];
  readonly egressNamespace?: NamespaceV1;

  constructor(scope: Construct, id: string, props: NetworkSegmentProps) {
    super(scope, id);
    if (props.network === 'intranet' && props.egress) {
      throw new Error('NetworkSegment intranet: egress given, but the intranet is physically isolated and has no Internet egress; remove egress');
    }
    for (const z of props.zones) {
      if ((props.network === 'intranet') !== (z.name === 'intranet')) {
        throw new Error(
          `NetworkSegment ${props.network}: zone "${z.name}" does not belong to this network (intranet has only zone intranet; extranet has public-service, administrative, exchange)`,
        );
      }
    }
    const names = props.zones.map((z) => z.name);
    for (const z of props.zones) {
      const acceptFrom = z.name === 'exchange' ? names.filter((n) => n !== 'exchange') : [];
      this.zones.push(new IsolationZone(this, z.name, { zone: z.name, cidr: z.cidr, acceptFrom }));
    }
    if (!props.egress) return;
    const e = props.egress;
    const labels = {
      [LABEL.managedBy]: MANAGED_BY,
      [LABEL.network]: 'extranet',
      [LABEL.role]: 'internet-egress',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
    };
    this.egressNamespace = new NamespaceV1(this, 'egress', { metadata: { name: e.namespace, labels } });
    const ns = this.egressNamespace.metadata.name;
    const allow = [...(e.allowList ?? [])].sort((a, b) => (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0));
    const data: Record<string, string> = { cidr: e.cidr };
    for (const a of allow) data[a.tenant] = `${[...a.hosts].sort().join(',')} ports=${[...a.ports].sort((x, y) => x - y).join(',')}`;
    new ConfigMapV1(this, 'allowlist', { metadata: { name: 'egress-allowlist', namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY } }, data });
    denyAll(this, 'deny', ns);
    const declared = [...new Set(allow.flatMap((a) => a.ports))].sort((x, y) => x - y);
    const ports = declared.length > 0 ? declared : [443];
    const except = [...NON_INTERNET];
    new NetworkPolicyV1(this, 'gateway', {
      metadata: { name: 'allow-public-service-to-internet', namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY } },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { [LABEL.zone]: 'public-service' } } }],
            ports: ports.map((p) => ({ port: String(p), protocol: 'TCP' })),
          },
        ],
        egress: [
          { to: [{ ipBlock: { cidr: '0.0.0.0/0', except } }], ports: ports.map((p) => ({ port: String(p), protocol: 'TCP' })) },
          // inbound Internet traffic is proxied to exposed public-service tenants (their own policy decides)
          { to: [{ namespaceSelector: { matchLabels: { [LABEL.zone]: 'public-service' } } }], ports: [{ port: '443', protocol: 'TCP' }] },
          {
            to: [{ namespaceSelector: { matchLabels: { [LABEL.nsName]: 'kube-system' } } }],
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
