/**
 * ExposedService: the Service an exposed public-service tenant is reached by from the Internet, in the
 * namespace it serves from on one cluster. Named after the tenant, it is what the cluster's ingress
 * gateway forwards to (`<tenant>.<namespace>.svc.cluster.local`); it selects the tenant's pods
 * labelled `govcloud.gov.cn/serves-internet: "true"` on the exposed ports. govcloud makes it, so the
 * gateway's route exists whenever the gateway does, and a tenant only labels the pods that serve.
 */
import { Construct } from 'constructs';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { LABEL, MANAGED_BY } from '../../config/vocabulary';

export interface ExposedServiceProps {
  /** The tenant's name: the Service's name. */
  readonly tenant: string;
  /** The namespace it serves from (a reference to the namespace resource, so it is made after it). */
  readonly namespace: string;
  /** Exposed TCP ports (spec.exposure.ports); at least one. */
  readonly ports: readonly number[];
}

export class ExposedService extends Construct {
  readonly service: ServiceV1;

  constructor(scope: Construct, id: string, props: ExposedServiceProps) {
    super(scope, id);
    if (props.ports.length === 0) throw new Error(`ExposedService ${props.tenant}: ports is empty; give the tenant's spec.exposure.ports (e.g. [8080])`);
    for (const p of props.ports)
      if (!Number.isInteger(p) || p < 1 || p > 65535) throw new Error(`ExposedService ${props.tenant}: port ${p} is not a TCP port (1 to 65535)`);
    const ports = [...new Set(props.ports)].sort((a, b) => a - b);
    this.service = new ServiceV1(this, 'service', {
      metadata: { name: props.tenant, namespace: props.namespace, labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.tenant]: props.tenant } },
      spec: {
        type: 'ClusterIP',
        selector: { [LABEL.servesInternet]: 'true' },
        port: ports.map((p) => ({ name: `tcp-${p}`, port: p, targetPort: String(p), protocol: 'TCP' })),
      },
    });
  }
}
