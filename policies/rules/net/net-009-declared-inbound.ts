/** Ingress from another tenant only as its declared flows say: that tenant, same environment, declared ports. */
import { Evidence, Rule, RuleContext, fail, pass } from '../../types';
import { at } from '../../clause';
import { PoolEntry, poolIndex } from './pools';
import { ENV, NAME, PolicyRule, TENANT, cidrOf, describe, hasNamespaceSelector, matchLabels, policyRules } from './policies';
import { namespaceLabels, peerZone } from './peers';
import { Json, tenantOfNamespace, tenantByName } from '../../deployment';

type Verdict = { readonly bad: string } | { readonly ok: string } | undefined;

/** What other tenants declared towards this one, indexed once per check. */
interface Inbound {
  /** Ports each tenant declared towards this one. */
  readonly portsOf: ReadonlyMap<string, ReadonlySet<number>>;
  /** Tenants of a zone whose primary cluster is not the given one, with the ports they declared; by `<zone> <cluster>`. */
  readonly remote: (zone: string, cluster: string) => { readonly tenants: readonly string[]; readonly ports: ReadonlySet<number> };
}

function indexInbound({ tenant, model }: RuleContext): Inbound {
  const portsOf = new Map<string, Set<number>>();
  /** by zone, then by the declaring tenant's primary cluster: tenants and ports */
  const byZone = new Map<string, Map<string | undefined, { tenants: Set<string>; ports: Set<number> }>>();
  for (const i of tenant.inbound) {
    const own = portsOf.get(i.tenant) ?? new Set<number>();
    for (const p of i.ports) own.add(p);
    portsOf.set(i.tenant, own);
    const clusters = byZone.get(i.zone) ?? new Map<string | undefined, { tenants: Set<string>; ports: Set<number> }>();
    byZone.set(i.zone, clusters);
    const cluster = tenantByName(model, i.tenant)?.cluster;
    const here = clusters.get(cluster) ?? { tenants: new Set<string>(), ports: new Set<number>() };
    clusters.set(cluster, here);
    here.tenants.add(i.tenant);
    for (const p of i.ports) here.ports.add(p);
  }
  const memo = new Map<string, { tenants: string[]; ports: Set<number> }>();
  const remote = (zone: string, cluster: string) => {
    const key = `${zone} ${cluster}`;
    let v = memo.get(key);
    if (!v) {
      v = { tenants: [], ports: new Set<number>() };
      for (const [c, here] of byZone.get(zone) ?? []) {
        if (c === cluster) continue;
        v.tenants.push(...here.tenants);
        for (const p of here.ports) v.ports.add(p);
      }
      memo.set(key, v);
    }
    return v;
  };
  return { portsOf, remote };
}

/** At most a few names, then how many more: evidence stays the size of the rule it is about. */
function some(items: Iterable<string | number>, size: number, max = 5): string {
  const shown: (string | number)[] = [];
  for (const x of items) {
    if (shown.length === max) break;
    shown.push(x);
  }
  return size <= max ? shown.join(', ') : `${shown.join(', ')} and ${size - max} more`;
}

/** The tenant namespace whose address pool an ip_block peer is, if it is one. */
function poolOwner(model: RuleContext['model'], p: Json): PoolEntry | undefined {
  const cidr = cidrOf(p);
  return cidr === undefined ? undefined : (poolIndex(model).byCidr.get(cidr) ?? []).find((o) => o.tenant !== undefined);
}

/** Verdict on one ingress peer; undefined when it is not another tenant. */
function judge(p: Json, r: PolicyRule, { tenant, model, deployment }: RuleContext, inbound: Inbound): Verdict {
  const ports = r.ports.map((x) => (x.end_port !== undefined ? NaN : Number(x.port)));
  /** The rule's ports the declared ones do not cover (a port range is never covered). */
  const beyond = (declared: ReadonlySet<number>): number[] => (ports.length === 0 ? [NaN] : ports.filter((x) => !declared.has(x)));
  const shown = (xs: readonly number[]): string => xs.map((x) => (Number.isNaN(x) ? 'any' : String(x))).join(', ');
  const owner = poolOwner(model, p);
  if (cidrOf(p) !== undefined && owner === undefined) {
    const zone = peerZone(p, model, deployment, r.ns.cluster);
    if (zone === undefined) return undefined;
    const remote = inbound.remote(zone, r.ns.cluster);
    if (remote.tenants.length === 0)
      return { bad: `admits the ${zone} zone range ${String(cidrOf(p))}, but no tenant of that zone on another cluster declares a flow to ${tenant.name}` };
    const extra = beyond(remote.ports);
    return extra.length === 0
      ? { ok: `admits the ${zone} zone range for the declared flows of ${some(remote.tenants, remote.tenants.length)}` }
      : {
          bad: `opens ports [${shown(extra)}] to the ${zone} range, beyond the ports its tenants on other clusters declared [${some(remote.ports, remote.ports.size, 10)}]`,
        };
  }
  if (owner === undefined && !hasNamespaceSelector(p)) return undefined;
  const ml = matchLabels(p);
  // a pool names its tenant's namespace on another cluster
  let other = owner?.tenant ?? ml[TENANT];
  let env = owner?.environment ?? ml[ENV];
  if (other === undefined && ml[NAME] !== undefined) {
    const l = namespaceLabels(deployment, r.ns.cluster, ml[NAME]) ?? {};
    other = l[TENANT] ?? tenantOfNamespace(model, ml[NAME]);
    env = l[ENV] ?? (other ? ml[NAME].slice(other.length + 1) : undefined);
    if (other === undefined) return undefined;
  }
  if (other === undefined) return { bad: `selects namespaces by ${describe(p)} without naming a tenant, which admits tenants that declared no flow` };
  if (other === tenant.name) return undefined;
  const declared = inbound.portsOf.get(other);
  if (declared === undefined) return { bad: `admits tenant ${other}, which declares no flow to ${tenant.name}` };
  if (env !== undefined && env !== r.ns.environment)
    return { bad: `admits ${other} environment ${env} into environment ${r.ns.environment}; flows connect like environments` };
  const extra = beyond(declared);
  return extra.length === 0
    ? { ok: `admits ${other} on its declared ports [${shown(ports)}]` }
    : { bad: `opens ports [${shown(extra)}] to ${other}, beyond the ports it declared [${some(declared, declared.size, 10)}]` };
}

export const rule: Rule = {
  id: 'MLPS-NET-009',
  family: 'NET',
  title: { en: 'No ingress from another tenant except declared flows', zh: '除已声明的流向外，不得接受其他租户的入站访问' },
  clauses: at([1, 2, 3, 4], '8.2.2.1 b)'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Remove ingress rules that admit other tenants; a tenant that needs access declares it in its own request (spec.flows: [{ to: tenant/<county>/<this tenant>, ports: [...] }]) and the platform renders the matching ingress.',
    zh: '删除放行其他租户的入站规则；需要访问的租户应在自己的申请中声明（spec.flows: [{ to: tenant/<区县>/<本租户>, ports: [...] }]），由平台生成对应的入站规则。',
  },
  check: (ctx) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    const inbound = indexInbound(ctx);
    for (const r of policyRules(ctx.view).filter((x) => x.direction === 'ingress')) {
      for (const p of r.peers) {
        const v = judge(p, r, ctx, inbound);
        if (v && 'bad' in v) bad.push({ address: r.policy.address, field: 'spec.flows', detail: `${r.where} ${v.bad}` });
        else if (v) ok.push({ address: r.policy.address, detail: `${r.where} ${v.ok}` });
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({
      field: 'spec.flows',
      detail: `no ingress from another tenant; inbound flows declared by: ${some(inbound.portsOf.keys(), inbound.portsOf.size) || 'none'}`,
    });
  },
};
