/** Ingress from another tenant only as its declared flows say: that tenant, same environment, declared ports. */
import { Evidence, Rule, RuleContext, fail, pass } from '../../types';
import { at } from '../../clause';
import { ENV, NAME, PolicyRule, TENANT, cidrOf, describe, hasNamespaceSelector, matchLabels, policyRules } from './policies';
import { namespaceLabels, peerZone } from './peers';
import { Json, tenantOfNamespace, tenantByName } from '../../deployment';

type Verdict = { readonly bad: string } | { readonly ok: string } | undefined;

/** Verdict on one ingress peer; undefined when it is not another tenant. */
function judge(p: Json, r: PolicyRule, { tenant, model, deployment }: RuleContext): Verdict {
  const ports = r.ports.map((x) => (x.end_port !== undefined ? NaN : Number(x.port)));
  const covered = (allowed: readonly number[]) => ports.length > 0 && ports.every((x) => allowed.includes(x));
  if (cidrOf(p) !== undefined) {
    const zone = peerZone(p, model, deployment, r.ns.cluster);
    if (zone === undefined) return undefined;
    const remote = tenant.inbound.filter((i) => i.zone === zone && tenantByName(model, i.tenant)?.cluster !== r.ns.cluster);
    if (remote.length === 0) return { bad: `admits the ${zone} zone range ${String(cidrOf(p))}, but no tenant of that zone on another cluster declares a flow to ${tenant.name}` };
    const declared = remote.flatMap((i) => i.ports);
    return covered(declared)
      ? { ok: `admits the ${zone} zone range for the declared flows of ${remote.map((i) => i.tenant).join(', ')}` }
      : { bad: `opens ports [${ports.join(', ')}] to the ${zone} range, beyond the declared [${declared.join(', ')}]` };
  }
  if (!hasNamespaceSelector(p)) return undefined;
  const ml = matchLabels(p);
  let other = ml[TENANT];
  let env = ml[ENV];
  if (other === undefined && ml[NAME] !== undefined) {
    const l = namespaceLabels(deployment, r.ns.cluster, ml[NAME]) ?? {};
    other = l[TENANT] ?? tenantOfNamespace(model, ml[NAME]);
    env = l[ENV] ?? (other ? ml[NAME].slice(other.length + 1) : undefined);
    if (other === undefined) return undefined;
  }
  if (other === undefined) return { bad: `selects namespaces by ${describe(p)} without naming a tenant, which admits tenants that declared no flow` };
  if (other === tenant.name) return undefined;
  const declared = tenant.inbound.filter((i) => i.tenant === other);
  if (declared.length === 0) return { bad: `admits tenant ${other}, which declares no flow to ${tenant.name}` };
  if (env !== undefined && env !== r.ns.environment) return { bad: `admits ${other} environment ${env} into environment ${r.ns.environment}; flows connect like environments` };
  const allowed = declared.flatMap((i) => i.ports);
  return covered(allowed)
    ? { ok: `admits ${other} on its declared ports [${allowed.join(', ')}]` }
    : { bad: `opens ports [${ports.join(', ')}] to ${other}, beyond the declared [${allowed.join(', ')}]` };
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
    for (const r of policyRules(ctx.view).filter((x) => x.direction === 'ingress')) {
      for (const p of r.peers) {
        const v = judge(p, r, ctx);
        if (v && 'bad' in v) bad.push({ address: r.policy.address, field: 'spec.flows', detail: `${r.where} ${v.bad}` });
        else if (v) ok.push({ address: r.policy.address, detail: `${r.where} ${v.ok}` });
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return pass({ field: 'spec.flows', detail: `no ingress from another tenant; inbound flows declared: ${ctx.tenant.inbound.map((i) => i.tenant).join(', ') || 'none'}` });
  },
};
