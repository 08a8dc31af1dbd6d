/**
 * NetworkSegment: one network (extranet or intranet) as it exists on one cluster: its zones, and on
 * the extranet the namespace of the unified Internet egress (互联网统一出口) — the only way out to the
 * Internet, which only the public-service zone may use — with its gateway where tenants of the
 * cluster declare Internet flows; and the namespace of the Internet ingress (互联网接入) — the only
 * way in from the Internet, to exposed public-service tenants — with its gateway where the cluster
 * serves one.
 */
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { LABEL, MANAGED_BY, ZoneLabel } from '../common/labels';
import { denyAll, poolAnnotation } from '../common/network-policy';
import { IsolationZone } from './isolation-zone';
import { EgressGateway, EgressGatewayProps } from './egress-gateway';
import { IngressGateway, IngressGatewayProps } from './ingress-gateway';
import { INGRESS_GATEWAY } from '../../config/vocabulary';

export interface InternetEgressProps {
  readonly namespace: string;
  readonly cidr: string;
  /** Address pool of the egress namespace on this cluster (address-pools.yaml). */
  readonly addressPool: string;
  /**
   * The gateway that forwards the declared Internet flows. Default: none — the namespace exists and
   * denies everything, so no pod of the cluster reaches the Internet.
   */
  readonly gateway?: Omit<EgressGatewayProps, 'namespace'>;
}

export interface InternetIngressProps {
  readonly namespace: string;
  /** Address pool of the ingress namespace on this cluster (address-pools.yaml). */
  readonly addressPool: string;
  /**
   * The reverse proxy that serves the exposed tenants. Default: none — the namespace exists and
   * denies everything, so nothing of the cluster is reachable from the Internet.
   */
  readonly gateway?: Omit<IngressGatewayProps, 'namespace'>;
}

export interface NetworkSegmentProps {
  readonly network: Network;
  /** Each zone with its range and the address pool of its namespace on this cluster. */
  readonly zones: readonly { readonly name: ZoneLabel; readonly cidr: string; readonly addressPool: string }[];
  /** The unified egress; extranet only. Default: none (no Internet). */
  readonly egress?: InternetEgressProps;
  /** The Internet ingress; extranet only, and only with an egress. Default: none (nothing exposed). */
  readonly ingress?: InternetIngressProps;
}

export class NetworkSegment extends Construct {
  readonly zones: IsolationZone[] = [];
  readonly egressNamespace?: NamespaceV1;
  readonly gateway?: EgressGateway;
  readonly ingressNamespace?: NamespaceV1;
  readonly ingressGateway?: IngressGateway;

  constructor(scope: Construct, id: string, props: NetworkSegmentProps) {
    super(scope, id);
    if (props.network === 'intranet' && props.egress) {
      throw new Error('NetworkSegment intranet: egress given, but the intranet is physically isolated and has no Internet egress; remove egress');
    }
    if (props.ingress && !props.egress) {
      throw new Error(`NetworkSegment ${props.network}: ingress given without egress; only an extranet with the unified egress has an Internet ingress`);
    }
    if (props.ingress && props.egress && props.ingress.namespace === props.egress.namespace) {
      throw new Error(
        `NetworkSegment: ingress namespace "${props.ingress.namespace}" is the egress namespace; the two gateways need namespaces of their own (e.g. internet-ingress and internet-egress)`,
      );
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
      this.zones.push(new IsolationZone(this, z.name, { zone: z.name, cidr: z.cidr, addressPool: z.addressPool, acceptFrom }));
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
    this.egressNamespace = new NamespaceV1(this, 'egress', {
      metadata: { name: e.namespace, labels, annotations: poolAnnotation(`NetworkSegment ${props.network}`, e.addressPool) },
    });
    denyAll(this, 'deny', this.egressNamespace.metadata.name);
    if (e.gateway) this.gateway = new EgressGateway(this, 'gateway', { ...e.gateway, namespace: this.egressNamespace.metadata.name });
    if (!props.ingress) return;
    const i = props.ingress;
    // in the public-service zone: the ingress serves that zone's tenants only
    this.ingressNamespace = new NamespaceV1(this, 'ingress', {
      metadata: {
        name: i.namespace,
        labels: { ...labels, [LABEL.zone]: 'public-service', [LABEL.role]: INGRESS_GATEWAY.role },
        annotations: poolAnnotation(`NetworkSegment ${props.network}`, i.addressPool),
      },
    });
    denyAll(this, 'ingress-deny', this.ingressNamespace.metadata.name);
    if (i.gateway) this.ingressGateway = new IngressGateway(this, 'ingress-gateway', { ...i.gateway, namespace: this.ingressNamespace.metadata.name });
  }
}
