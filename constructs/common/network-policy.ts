/** Small helpers that build NetworkPolicy specs from typed peers; used by the constructs. */
import { Construct } from 'constructs';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { LABEL, MANAGED_BY } from './labels';
import { PeerRule, portsOf } from './peer';

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
