/**
 * The flows of the city as the judged stacks open them, not as the requests declare them: every
 * peer of every ingress and egress rule of every NetworkPolicy in a tenant's namespaces (generated
 * or hand-written, `overrides/*.tf.json` merged), resolved to a tenant, a zone, the Internet or
 * anywhere. Each flow says whether the zoning allows it (one network; within a zone or to or from the
 * exchange zone; the Internet only from the public-service zone) and whether the request files
 * declare it, so that a picture drawn from these shows a hand-opened path across zones as what it is.
 * Platform peers (DNS, the ingress gateway) are not flows between tenants and are left out.
 */
import type { CityModel, Network, Tenant } from '../config/model';
import { Deployment, Json, tenantByName, tenantOfNamespace, tenantView } from './deployment';
import { ENV, NAME, ROLE, TENANT, ZONE, cidrOf, hasNamespaceSelector, matchLabels, policyRules, selectsAll } from './rules/net/policies';
import { isEgressPeer, namespaceLabels, peerZone } from './rules/net/peers';
import { poolIndex } from './rules/net/pools';

/** One end of a flow. `anywhere`: a rule with no peer, an empty selector or an address range of no known place. */
export type FlowEnd =
  | { readonly kind: 'tenant'; readonly tenant: string }
  | { readonly kind: 'zone'; readonly zone: string }
  | { readonly kind: 'internet' }
  | { readonly kind: 'anywhere'; readonly what: string };

export interface JudgedFlow {
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  /** Ports as written (`443`, `8000-8100`), sorted; empty: every port. */
  readonly ports: readonly string[];
  /** The zoning allows it. */
  readonly allowed: boolean;
  /** The request files declare it (a tenant's spec.flows, or for a zone end, a tenant of that zone towards this one). */
  readonly declared: boolean;
  /** The policies that open it (`<stack>:<type>.<name>`), sorted; empty for flows taken from the requests. */
  readonly policies: readonly string[];
}

/** `tenant:relief`, `zone:exchange`, `internet`, `anywhere`: one key per end. */
export function endKey(e: FlowEnd): string {
  return e.kind === 'tenant' ? `tenant:${e.tenant}` : e.kind === 'zone' ? `zone:${e.zone}` : e.kind;
}

/** The zone and network of an end; undefined for the Internet, anywhere, or a zone the platform does not know. */
function placeOf(model: CityModel, e: FlowEnd): { zone: string; network: Network } | undefined {
  if (e.kind === 'tenant') {
    const t = tenantByName(model, e.tenant);
    return t ? { zone: t.zone, network: t.network } : undefined;
  }
  if (e.kind !== 'zone') return undefined;
  if (e.zone === 'intranet') return { zone: 'intranet', network: 'intranet' };
  return model.zones.some((z) => z.name === e.zone) ? { zone: e.zone, network: 'extranet' } : undefined;
}

/** Whether the zoning allows traffic from one end to the other. */
export function zoningAllows(model: CityModel, from: FlowEnd, to: FlowEnd): boolean {
  if (to.kind === 'internet') {
    const a = placeOf(model, from);
    return a !== undefined && a.network === 'extranet' && a.zone === 'public-service';
  }
  const a = placeOf(model, from);
  const b = placeOf(model, to);
  if (!a || !b || a.network !== b.network) return false;
  return a.zone === b.zone || a.zone === 'exchange' || b.zone === 'exchange';
}

/** Whether the request files declare traffic from one end to the other. */
function isDeclared(model: CityModel, from: FlowEnd, to: FlowEnd): boolean {
  const src = from.kind === 'tenant' ? tenantByName(model, from.tenant) : undefined;
  if (src && to.kind === 'internet') return src.flows.some((f) => f.kind === 'internet');
  if (src && to.kind === 'tenant') return src.flows.some((f) => f.kind === 'tenant' && f.tenant === to.tenant);
  if (src && to.kind === 'zone') return src.flows.some((f) => f.kind === 'tenant' && f.zone === to.zone);
  const dst = to.kind === 'tenant' ? tenantByName(model, to.tenant) : undefined;
  if (dst && from.kind === 'zone') return dst.inbound.some((i) => i.zone === from.zone);
  return false;
}

const portText = (p: Json): string => (p.end_port !== undefined ? `${String(p.port)}-${String(p.end_port)}` : String(p.port ?? ''));

/** The place a NetworkPolicy peer of a namespace on `cluster` names; undefined for a platform peer or the tenant itself. */
function peerEnd(peer: Json, model: CityModel, d: Deployment, cluster: string, self: Tenant): FlowEnd | undefined {
  const cidr = cidrOf(peer);
  if (cidr !== undefined) {
    const owners = poolIndex(model).byCidr.get(cidr) ?? [];
    const tenant = owners.find((o) => o.tenant !== undefined)?.tenant;
    if (tenant !== undefined) return tenant === self.name ? undefined : { kind: 'tenant', tenant };
    if (owners.length > 0) return undefined; // a platform namespace's pool
    if (isEgressPeer(peer, model, d, cluster)) return { kind: 'internet' };
    const zone = peerZone(peer, model, d, cluster);
    return zone === undefined ? { kind: 'anywhere', what: cidr } : { kind: 'zone', zone };
  }
  if (!hasNamespaceSelector(peer)) return undefined; // pods of the tenant's own namespace
  if (selectsAll(peer.namespace_selector as Json)) return { kind: 'anywhere', what: 'every namespace' };
  if (isEgressPeer(peer, model, d, cluster)) return { kind: 'internet' };
  const ml = matchLabels(peer);
  let tenant: string | undefined = ml[TENANT];
  if (tenant === undefined && ml[NAME] !== undefined) tenant = namespaceLabels(d, cluster, ml[NAME])?.[TENANT] ?? tenantOfNamespace(model, ml[NAME]);
  if (tenant !== undefined) return tenant === self.name ? undefined : { kind: 'tenant', tenant };
  if (ml[ZONE] !== undefined) return { kind: 'zone', zone: ml[ZONE] };
  // a platform namespace (DNS, ingress gateway) or one selected by role or environment alone
  return ml[ROLE] !== undefined || ml[NAME] !== undefined || ml[ENV] !== undefined ? undefined : { kind: 'anywhere', what: JSON.stringify(ml) };
}

interface Gathered {
  from: FlowEnd;
  to: FlowEnd;
  ports: Set<string>;
  every: boolean;
  policies: Set<string>;
}

function finish(model: CityModel, found: Iterable<Gathered>): JudgedFlow[] {
  return [...found]
    .map((g) => ({
      from: g.from,
      to: g.to,
      ports: g.every ? [] : [...g.ports].sort(),
      allowed: zoningAllows(model, g.from, g.to),
      declared: isDeclared(model, g.from, g.to),
      policies: [...g.policies].sort(),
    }))
    .sort((a, b) => compareKeys(a, b));
}

const flowKey = (f: { from: FlowEnd; to: FlowEnd }): string => `${endKey(f.from)} > ${endKey(f.to)}`;
const compareKeys = (a: JudgedFlow, b: JudgedFlow): number => (flowKey(a) < flowKey(b) ? -1 : flowKey(a) > flowKey(b) ? 1 : 0);

/** The flows the judged stacks open, for every tenant of the model, merged per pair of ends and sorted. */
export function judgedFlows(model: CityModel, d: Deployment): JudgedFlow[] {
  const found = new Map<string, Gathered>();
  for (const t of model.tenants) {
    const self: FlowEnd = { kind: 'tenant', tenant: t.name };
    for (const r of policyRules(tenantView(d, t))) {
      const ends = r.peers.length === 0 ? [{ kind: 'anywhere', what: 'no peer' } as FlowEnd] : r.peers.map((p) => peerEnd(p, model, d, r.ns.cluster, t));
      for (const other of ends) {
        if (other === undefined) continue;
        const [from, to] = r.direction === 'egress' ? [self, other] : [other, self];
        const key = flowKey({ from, to });
        const g = found.get(key) ?? { from, to, ports: new Set<string>(), every: false, policies: new Set<string>() };
        found.set(key, g);
        if (r.ports.length === 0) g.every = true;
        for (const p of r.ports) g.ports.add(portText(p));
        g.policies.add(r.policy.address);
      }
    }
  }
  return finish(model, found.values());
}

/** The flows the request files declare (for a picture without judged stacks): every tenant's spec.flows. */
export function declaredFlows(model: CityModel): JudgedFlow[] {
  const found = new Map<string, Gathered>();
  for (const t of model.tenants)
    for (const f of t.flows) {
      const from: FlowEnd = { kind: 'tenant', tenant: t.name };
      const to: FlowEnd = f.kind === 'internet' ? { kind: 'internet' } : { kind: 'tenant', tenant: f.tenant };
      const key = flowKey({ from, to });
      const g = found.get(key) ?? { from, to, ports: new Set<string>(), every: false, policies: new Set<string>() };
      found.set(key, g);
      for (const p of f.ports) g.ports.add(String(p));
    }
  return finish(model, found.values());
}
