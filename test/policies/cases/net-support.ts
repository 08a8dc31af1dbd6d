/** Helpers of the NET rule fixtures: hand-added policies, peers, and edits of the synthesized gateways. */
import { RuleCase, platformOf, resourcesOf, withTenant } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

export const TCP = (port: string) => ({ port, protocol: 'TCP' });

/** A hand-added NetworkPolicy in a namespace, with the given ingress and egress rules. */
export function policy(namespace: string, rules: { ingress?: Json[]; egress?: Json[] }): Json {
  const types = [...(rules.ingress ? ['Ingress'] : []), ...(rules.egress ? ['Egress'] : [])];
  return {
    resource: {
      kubernetes_network_policy_v1: { hand: { metadata: { name: 'hand-added', namespace }, spec: { pod_selector: {}, policy_types: types, ...rules } } },
    },
  };
}

export const nsLabel = (name: string) => ({ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': name } } });
export const gatewayPods = { match_labels: { 'app.kubernetes.io/name': 'egress-gateway' } };
export const ingressPods = { match_labels: { 'app.kubernetes.io/name': 'ingress-gateway' } };

/** Rewrites the squid.conf of a gateway (egress by default) in a platform stack. */
export function editSquid(stack: string, change: (conf: string) => string, gateway = 'egress-gateway') {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    for (const cm of Object.values(resourcesOf(stacks, stack, 'kubernetes_config_map_v1'))) {
      const data = cm.data as Record<string, string> | undefined;
      if ((cm.metadata as { name: string }).name !== gateway || !data?.['squid.conf']) continue;
      data['squid.conf'] = change(data['squid.conf']);
    }
  };
}

/** Rewrites the squid.conf of the egress gateway on a tenant's primary cluster. */
export const editGateway = (tenant: string, change: (conf: string) => string) => editSquid(platformOf(tenant), change);

/** Adds lines to a squid.conf right before its last `http_access deny all`. */
export const beforeDenyAll =
  (...lines: string[]) =>
  (conf: string) =>
    conf.replace('http_access deny all', [...lines, 'http_access deny all'].join('\n'));

/** Deletes every resource of a type whose name is `name` in a stack. */
export function remove(stack: string, type: string, name: string) {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    const all = resourcesOf(stacks, stack, type);
    for (const [k, v] of Object.entries(all)) if ((v.metadata as { name: string }).name === name) delete all[k];
  };
}

/** The base city with portal served hot-standby from ext-twin too (exchange-hub's replicas). */
export const portalHotStandby = (m: Parameters<NonNullable<RuleCase['model']>>[0]) =>
  withTenant(m, 'portal', () => ({ dr: 'hot-standby', replicas: m.tenants.find((t) => t.name === 'exchange-hub')!.replicas }));

/** Sets an annotation on every namespace of a tenant in a stack. */
export function annotate(stack: string, tenant: string, key: string, value: string) {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    for (const body of Object.values(resourcesOf(stacks, stack, 'kubernetes_namespace_v1'))) {
      const meta = body.metadata as { name: string; annotations?: Record<string, string> };
      if (meta.name.startsWith(`${tenant}-`)) meta.annotations = { ...(meta.annotations ?? {}), [key]: value };
    }
  };
}

export const tenantPeer = (tenant: string, env: string) => ({
  namespace_selector: { match_labels: { 'govcloud.gov.cn/tenant': tenant, 'govcloud.gov.cn/environment': env } },
});

/** Sets (or with undefined, removes) a label on a synthesized namespace. */
export function relabel(stack: string, ns: string, key: string, value: string | undefined) {
  return (stacks: Parameters<NonNullable<RuleCase['edit']>>[0]) => {
    for (const body of Object.values(resourcesOf(stacks, stack, 'kubernetes_namespace_v1'))) {
      const meta = body.metadata as { name: string; labels: Record<string, string> };
      if (meta.name !== ns) continue;
      if (value === undefined) delete meta.labels[key];
      else meta.labels[key] = value;
    }
  };
}
