/** Small helpers that build NetworkPolicy specs from typed peers; used by the constructs. */
import { Construct } from 'constructs';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { LABEL, MANAGED_BY } from './labels';
import { dnsRule, PeerRule, portsOf } from './peer';
import { ANNOTATION } from './labels';
import { readCidr } from '../../config/cidr';

/** Denies every ingress and egress of every pod in the namespace. */
export function denyAll(scope: Construct, id: string, namespace: string): NetworkPolicyV1 {
  return new NetworkPolicyV1(scope, id, {
    metadata: { name: 'default-deny', namespace, labels: { [LABEL.managedBy]: MANAGED_BY } },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
}

/** Allows the given peers in and out, each on its ports; returns undefined when there is nothing to allow. */
export function allowPeers(
  scope: Construct,
  id: string,
  props: { name: string; namespace: string; ingress: readonly PeerRule[]; egress: readonly PeerRule[] },
): NetworkPolicyV1 | undefined {
  if (props.ingress.length === 0 && props.egress.length === 0) return undefined;
  const types: string[] = [];
  if (props.ingress.length > 0) types.push('Ingress');
  if (props.egress.length > 0) types.push('Egress');
  return new NetworkPolicyV1(scope, id, {
    metadata: { name: props.name, namespace: props.namespace, labels: { [LABEL.managedBy]: MANAGED_BY } },
    spec: {
      podSelector: {},
      policyTypes: types,
      ingress: props.ingress.map((r) => ({ from: [r.peer.spec], ports: portsOf(r) })),
      egress: props.egress.map((r) => ({ to: [r.peer.spec], ports: portsOf(r) })),
    },
  });
}

/**
 * A platform namespace's policies: default-deny in and out, then only the given egress and DNS to
 * the cluster's DNS pods; nothing comes in (the kubelet's probes come from the node, which the
 * NetworkPolicy engines admit to local pods).
 */
export function platformPolicies(scope: Construct, namespace: string, egress: readonly PeerRule[] = []): void {
  denyAll(scope, 'deny', namespace);
  allowPeers(scope, 'allow', { name: 'allow-platform-egress', namespace, ingress: [], egress: [...egress, dnsRule()] });
}

/**
 * The annotation that hands a namespace its address pool to the CNI's IPAM (govcloud.gov.cn/address-pool);
 * throws unless the pool is an IPv4 CIDR.
 */
export function poolAnnotation(who: string, pool: string): Record<string, string> {
  const c = readCidr(pool);
  if (c === undefined || c.network !== pool) {
    throw new Error(
      `${who}: addressPool ${JSON.stringify(pool)} is not an IPv4 CIDR at its network address (e.g. 10.244.3.0/26); give the namespace's pool from address-pools.yaml (govcloud pools --write)`,
    );
  }
  return { [ANNOTATION.addressPool]: pool };
}
