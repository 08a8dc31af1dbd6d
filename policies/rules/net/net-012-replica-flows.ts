/**
 * An active-active or hot-standby tenant's replica serves like its primary, so its namespace at the
 * DR site has the tenant's declared flows, out and in, addressed as seen from the DR cluster: a peer
 * there by its namespace labels, a peer elsewhere by its namespace's pool. Without them every flow
 * is blocked at the DR site and switching over does not work. Backup replicas serve nothing.
 */
import { CityModel, Tenant, replicatedEnvironment } from '../../../config/model';
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { Json, list } from '../../deployment';
import { ENV, TENANT, cidrOf, matchLabels, policyRules, PolicyRule } from './policies';
import { poolIndex } from './pools';

/** The serving tenant namespaces (`tenant/env`) a rule's peer selects, as seen from `cluster`: by labels, or by a pool on another cluster. */
function selected(model: CityModel, p: Json, cluster: string): string[] {
  const ml = matchLabels(p);
  if (ml[TENANT] !== undefined && ml[ENV] !== undefined) return [`${ml[TENANT]}/${ml[ENV]}`];
  const cidr = cidrOf(p);
  if (cidr === undefined) return [];
  return (poolIndex(model).byCidr.get(cidr) ?? [])
    .filter((o) => o.tenant !== undefined && o.cluster !== cluster && o.replica !== 'backup')
    .map((o) => `${o.tenant}/${o.environment}`);
}

/** A namespace's rules by direction and the tenant namespace they select, read once (a hub has many). */
function byPeer(model: CityModel, rules: readonly PolicyRule[], cluster: string): Map<string, PolicyRule[]> {
  const out = new Map<string, PolicyRule[]>();
  for (const r of rules) {
    for (const key of new Set(r.peers.flatMap((p) => selected(model, p, cluster)))) {
      const k = `${r.direction} ${key}`;
      const l = out.get(k);
      if (l) l.push(r);
      else out.set(k, [r]);
    }
  }
  return out;
}

const coversPorts = (r: PolicyRule, ports: readonly number[]): boolean =>
  ports.every((port) => list({ ports: r.ports }, 'ports').some((x) => String(x.port) === String(port) && (x.protocol ?? 'TCP') === 'TCP'));

export const rule: Rule = {
  id: 'MLPS-NET-012',
  family: 'NET',
  title: { en: "An active or standby DR replica has its tenant's flows", zh: '双活或热备灾备副本具备其租户声明的访问流向' },
  clauses: at([3, 4], '8.1.4.9 c)', '8.1.3.2 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Give the replica namespace of an active-active or hot-standby tenant the tenant's declared flows, addressed from the DR cluster (govcloud synth does: peers there by namespace labels, peers elsewhere by their pool); a backup replica has none.",
    zh: '双活或热备租户的灾备副本命名空间应具备租户声明的全部访问流向，并按灾备集群的视角指定对端（govcloud synth 自动生成：同集群对端用命名空间标签，其他集群对端用其地址池）；仅备份副本不开放任何流向。',
  },
  check: ({ tenant, view, model }) => judge(model, tenant, view.namespaces),
};

function judge(model: CityModel, t: Tenant, namespaces: Parameters<Rule['check']>[0]['view']['namespaces']): ReturnType<Rule['check']> {
  const serving = t.replicas.filter((r) => r.mode !== 'backup');
  if (serving.length === 0) return notApplicable(`tenant ${t.name} has no active or standby replica (DR tier ${t.dr})`);
  const env = replicatedEnvironment(t);
  const flows = [
    ...t.flows.flatMap((f) => (f.kind === 'tenant' ? [{ direction: 'egress' as const, peer: f.tenant, ports: f.ports }] : [])),
    ...t.inbound.map((i) => ({ direction: 'ingress' as const, peer: i.tenant, ports: i.ports })),
  ].filter((f) => (poolIndex(model).byTenant.get(f.peer) ?? []).some((e) => e.environment === env && e.replica !== 'backup'));
  if (flows.length === 0) return notApplicable(`tenant ${t.name} declares no flow with another tenant's ${env} environment`);
  const bad: Evidence[] = [];
  const ok: Evidence[] = [];
  for (const r of serving) {
    const ns = namespaces.find((n) => n.role === 'replica' && n.cluster === r.cluster);
    const rules = byPeer(model, ns ? policyRules({ namespaces: [ns], strays: [] }) : [], r.cluster);
    for (const f of flows) {
      const what = `${f.direction === 'egress' ? 'flow to' : 'flow from'} ${f.peer} on ${f.ports.join(', ')}`;
      const found = (rules.get(`${f.direction} ${f.peer}/${env}`) ?? []).find((x) => coversPorts(x, f.ports));
      if (found) ok.push({ address: found.policy.address, detail: `replica ${r.cluster}/${t.name}-${env} (${r.mode}): ${what} in ${found.where}` });
      else
        bad.push({
          address: ns?.namespace?.address,
          field: 'spec.dr.tier',
          detail: `replica ${r.cluster}/${t.name}-${env} (${r.mode}) lacks the ${what}: at the DR site it is blocked`,
        });
    }
  }
  return bad.length > 0 ? fail(...bad) : pass(...ok);
}
