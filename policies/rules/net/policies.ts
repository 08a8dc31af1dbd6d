/** Reading a tenant's NetworkPolicies for the NET rules: their rules, peers and ports. */
import { LABEL } from '../../../config/vocabulary';
import { Json, NamespaceView, TenantView, TfResource, block, list } from '../../deployment';

export const NAME = 'kubernetes.io/metadata.name';
export const TENANT = LABEL.tenant;
export const ZONE = LABEL.zone;
export const ENV = LABEL.environment;
export const ROLE = LABEL.role;

export interface PolicyRule {
  readonly policy: TfResource;
  readonly ns: NamespaceView;
  readonly direction: 'ingress' | 'egress';
  /** 1-based position of the rule in its direction. */
  readonly index: number;
  /** Empty: the rule names no peer, so it matches every source or destination. */
  readonly peers: readonly Json[];
  readonly ports: readonly Json[];
  /** `allow-declared-flows (ext-main/relief-prod) ingress rule 1`. */
  readonly where: string;
}

export const isPolicy = (r: TfResource): boolean => r.type === 'kubernetes_network_policy_v1' || r.type === 'kubernetes_network_policy';

/** Every ingress and egress rule of every NetworkPolicy in the tenant's namespaces. */
export function policyRules(view: TenantView): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const ns of view.namespaces) {
    for (const policy of ns.resources.filter(isPolicy)) {
      const spec = block(policy.body, 'spec');
      const name = String(block(policy.body, 'metadata')?.name ?? policy.name);
      for (const direction of ['ingress', 'egress'] as const) {
        list(spec, direction).forEach((r, i) => {
          const peers = list(r, direction === 'ingress' ? 'from' : 'to');
          const where = `${name} (${ns.cluster}/${ns.name}) ${direction} rule ${i + 1}`;
          out.push({ policy, ns, direction, index: i + 1, peers, ports: list(r, 'ports'), where });
        });
      }
    }
  }
  return out;
}

export const matchLabels = (peer: Json): Record<string, string> => (block(block(peer, 'namespace_selector'), 'match_labels') ?? {}) as Record<string, string>;

export const hasNamespaceSelector = (peer: Json): boolean => peer.namespace_selector !== undefined;

/** A label selector that selects everything: absent keys, `{}`, or empty match_labels and match_expressions. */
export const selectsAll = (sel: Json | undefined): boolean =>
  !sel || (Object.keys(block(sel, 'match_labels') ?? {}).length === 0 && list(sel, 'match_expressions').length === 0);

export const cidrOf = (peer: Json): string | undefined => {
  const c = block(peer, 'ip_block')?.cidr;
  return typeof c === 'string' ? c : undefined;
};

export const describe = (peer: Json): string => (Object.keys(peer).length === 0 ? '{} (empty peer)' : JSON.stringify(peer));
