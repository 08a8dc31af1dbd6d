/**
 * IsolationZone: one security zone of a network on a cluster (公共服务域, 行政服务域, 交换区, or the
 * intranet). It owns the zone's shared namespace `zone-<name>` (default-deny) and records the zone's
 * address range. The exchange zone is the only zone that accepts traffic from the other zones.
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { LABEL, MANAGED_BY, ZoneLabel } from '../common/labels';
import { allowPeers, denyAll, poolAnnotation } from '../common/network-policy';
import { dnsRule, Peer } from '../common/peer';

export interface IsolationZoneProps {
  readonly zone: ZoneLabel;
  readonly cidr: string;
  /** Address pool of the zone's namespace on this cluster (address-pools.yaml), annotated for the CNI's IPAM. */
  readonly addressPool: string;
  /** Zones whose namespaces may reach this zone's shared services. Default: none; the exchange zone passes the other extranet zones. */
  readonly acceptFrom?: readonly ZoneLabel[];
  /** Ports the shared services listen on. Default: [443]. */
  readonly ports?: readonly number[];
}

export class IsolationZone extends Construct {
  readonly namespace: NamespaceV1;

  constructor(scope: Construct, id: string, props: IsolationZoneProps) {
    super(scope, id);
    if (props.acceptFrom?.includes(props.zone)) {
      throw new Error(`IsolationZone ${props.zone}: acceptFrom lists the zone itself; list other zones only`);
    }
    if (props.zone !== 'exchange' && (props.acceptFrom ?? []).length > 0) {
      throw new Error(
        `IsolationZone ${props.zone}: only the exchange zone may accept traffic from other zones (got acceptFrom: ${props.acceptFrom?.join(', ')})`,
      );
    }
    const network = props.zone === 'intranet' ? 'intranet' : 'extranet';
    const name = `zone-${props.zone}`;
    const labels = {
      [LABEL.managedBy]: MANAGED_BY,
      [LABEL.network]: network,
      [LABEL.zone]: props.zone,
      [LABEL.role]: 'zone',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
    };
    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: { name, labels, annotations: poolAnnotation(`IsolationZone ${props.zone}`, props.addressPool) },
    });
    const ns = this.namespace.metadata.name;
    new ConfigMapV1(this, 'zone-info', {
      metadata: { name: 'zone-info', namespace: ns, labels: { [LABEL.managedBy]: MANAGED_BY } },
      data: { zone: props.zone, network, cidr: props.cidr },
    });
    denyAll(this, 'deny', ns);
    const ports = props.ports ?? [443];
    const accept = props.acceptFrom ?? [];
    allowPeers(this, 'allow', {
      name: 'allow-zone-traffic',
      namespace: ns,
      ingress: [{ peer: Peer.zone(props.zone), ports }, ...accept.map((z) => ({ peer: Peer.zone(z), ports }))],
      egress: [{ peer: Peer.zone(props.zone), ports }, ...accept.map((z) => ({ peer: Peer.zone(z), ports })), dnsRule()],
    });
  }
}
