/**
 * Runtime evidence: what the running clusters showed, beside what the configuration says. A
 * requirement the rules show in the judged stacks is *configured*; it is *verified* only when the
 * runtime evidence of each kind it names (asks.ts `verify`) was taken and agrees:
 *
 *   applied    the objects on the API server are the judged ones ("what was judged is what was applied")
 *   traffic    the probe's connectivity truth table: declared flows connect, everything else is refused
 *   drill      a passing restore drill, recent enough (the committed records, policies/drills.ts)
 *   flags      the API server runs with the flags synth wrote for its cluster
 *   audit-log  a sample of the API server's audit log, recorded as the synthesized policy says
 *
 * `govcloud evidence --live` gathers it (live/gather.ts); everything else (`check`, `pr`) has only the
 * drill records, so there a requirement is configured, and the report says which evidence it lacks.
 * A difference the runtime evidence shows is a problem: it fails the requirement and the check.
 */
import type { Bilingual } from '../config/vocabulary';
import { CityModel, namespaceName, Tenant } from '../config/model';

export type RuntimeKind = 'applied' | 'traffic' | 'drill' | 'flags' | 'audit-log';

export const RUNTIME_KINDS: readonly RuntimeKind[] = ['applied', 'traffic', 'drill', 'flags', 'audit-log'];

export const KIND_WORDS: Readonly<Record<RuntimeKind, Bilingual>> = {
  applied: { en: 'applied state equals the judged stacks', zh: '实际对象与所评判的栈一致' },
  traffic: { en: 'connectivity truth table (probe)', zh: '连通性真值表（探测）' },
  drill: { en: 'passing restore drill', zh: '通过的恢复演练' },
  flags: { en: "API server's running flags", zh: 'API 服务器的运行参数' },
  'audit-log': { en: 'audit-log sample', zh: '审计日志样本' },
};

/** One difference the running clusters showed. */
export interface RuntimeProblem {
  readonly kind: RuntimeKind;
  readonly cluster: string;
  /** The namespace it is in, when it is in one (a tenant's problem); absent for the cluster's own. */
  readonly namespace?: string;
  /** What differs: an address (`<stack>:<type>.<name>`), an object (`NetworkPolicy ns/name`), a flag or a probe id. */
  readonly what: string;
  readonly detail: Bilingual;
}

/** One piece of evidence taken: of which kind, on which cluster (none: the whole city), when. */
export interface RuntimeTaken {
  readonly kind: RuntimeKind;
  readonly cluster?: string;
  /** ISO time it was taken. */
  readonly takenAt: string;
  /** For `traffic`: the namespaces the truth table probed, from or to. */
  readonly namespaces?: readonly string[];
}

export interface Runtime {
  readonly taken: readonly RuntimeTaken[];
  readonly problems: readonly RuntimeProblem[];
}

/** What the runtime evidence says of one tenant (or of one cluster's platform entry). */
export interface TenantRuntime {
  /** Kinds taken and without a problem for it, with the time of the oldest piece. */
  readonly verified: ReadonlyMap<RuntimeKind, string>;
  readonly problems: readonly RuntimeProblem[];
}

export const NO_RUNTIME: Runtime = { taken: [], problems: [] };

/** The namespaces of a tenant on every cluster it is on. */
function namespacesOf(t: Tenant): { cluster: string; namespace: string }[] {
  const clusters = [t.cluster, ...t.replicas.map((r) => r.cluster)];
  return clusters.flatMap((cluster) => t.environments.map((e) => ({ cluster, namespace: namespaceName(t.name, e) })));
}

/**
 * A tenant's runtime verdicts. `applied` counts when every cluster the tenant is on was compared,
 * `flags` and `audit-log` when its primary cluster's were taken, `traffic` when the truth table probed
 * at least one of its namespaces; each only without a problem of that kind in its namespaces (or, for
 * the cluster-wide kinds, on its primary cluster). `drill` is not decided here (the drill rule is).
 */
export function tenantRuntime(rt: Runtime, t: Tenant): TenantRuntime {
  const spots = namespacesOf(t);
  const mine = new Set(spots.map((s) => `${s.cluster}/${s.namespace}`));
  const problems = rt.problems.filter((p) =>
    p.namespace !== undefined ? mine.has(`${p.cluster}/${p.namespace}`) : (p.kind === 'flags' || p.kind === 'audit-log') && p.cluster === t.cluster,
  );
  const verified = new Map<RuntimeKind, string>();
  const clusters = [...new Set(spots.map((s) => s.cluster))];
  const at = (kind: RuntimeKind, cluster: string) => rt.taken.find((x) => x.kind === kind && x.cluster === cluster)?.takenAt;
  const bad = new Set(problems.map((p) => p.kind));
  const applied = clusters.map((c) => at('applied', c));
  // the oldest comparison of the tenant's clusters: the time by which all of it was seen
  if (applied.every((x) => x !== undefined) && !bad.has('applied')) verified.set('applied', [...(applied as string[])].sort()[0]);
  for (const kind of ['flags', 'audit-log'] as const) {
    const x = at(kind, t.cluster);
    if (x !== undefined && !bad.has(kind)) verified.set(kind, x);
  }
  const traffic = rt.taken.find((x) => x.kind === 'traffic' && (x.namespaces ?? []).some((n) => spots.some((s) => `${s.cluster}/${s.namespace}` === n)));
  if (traffic && !bad.has('traffic')) verified.set('traffic', traffic.takenAt);
  return { verified, problems };
}

/** The runtime verdicts of a cluster's platform entry: its cluster-wide evidence, and the problems outside every tenant's namespaces. */
export function platformRuntime(rt: Runtime, model: CityModel, cluster: string): TenantRuntime {
  const tenantNamespaces = new Set(model.tenants.flatMap((t) => namespacesOf(t).map((s) => `${s.cluster}/${s.namespace}`)));
  const problems = rt.problems.filter((p) => p.cluster === cluster && (p.namespace === undefined || !tenantNamespaces.has(`${p.cluster}/${p.namespace}`)));
  const bad = new Set(problems.map((p) => p.kind));
  const verified = new Map<RuntimeKind, string>();
  for (const x of rt.taken) if (x.cluster === cluster && x.kind !== 'traffic' && !bad.has(x.kind)) verified.set(x.kind, x.takenAt);
  return { verified, problems };
}
