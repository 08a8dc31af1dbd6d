/**
 * Runs the rules of a tenant's level over the deployment and applies the tenant's waivers. A rule
 * that throws becomes a failing finding that says so; the check never crashes on a rule.
 */
import type { Bilingual } from '../config/vocabulary';
import { CityModel, Cluster, MlpsLevel, Tenant, Waiver } from '../config/model';
import { platformTenant, platformView } from './platform-view';
import { Deployment, tenantView, TenantView } from './deployment';
import { FilePosition, Positions } from './position';
import { controlPointsAt, numberAt } from './catalog';
import { controlPoint } from './clause';
import { Evidence, Rule } from './types';
import { packFor } from './packs';
import { ASKS, Ask, asksAt, Collect, kindsFor } from './asks';
import { DrillEvidence, drillEvidence } from './drills';
import { RecordsEvidence, recordsEvidence } from './records';
import { NO_RUNTIME, platformRuntime, Runtime, RuntimeKind, RuntimeProblem, TenantRuntime, tenantRuntime } from './runtime';

export type Status = 'pass' | 'fail' | 'waived' | 'not-applicable';

export interface Finding {
  readonly rule: Rule;
  /** Where the finding is annotated: its first evidence field the request file holds, else line 1. */
  readonly at: FilePosition;
  readonly status: Status;
  readonly evidence: readonly Evidence[];
  /** Clauses cited at the tenant's level. */
  readonly clauses: readonly string[];
  readonly waiver?: Waiver;
  /** The rule threw: its message. */
  readonly crashed?: string;
}

/**
 * `pass`: every requirement at the level is checked automatically and passes; `partly`: the
 * automated part passes, the assessor still needs evidence for the rest; `manual`: nothing of it is
 * automated (policies/asks.ts).
 */
export type ClauseStatus = Status | 'manual' | 'partly';

/**
 * How far a requirement is shown for one tenant: `configured` when the rules of the pack that show it
 * pass on the judged stacks; `verified` when, beyond that, every kind of runtime evidence it needs
 * (asks.ts kindsFor) was taken and agrees. Only a verified requirement is settled.
 */
export interface AskState {
  readonly configured: boolean;
  readonly needs: readonly RuntimeKind[];
  /** Kinds taken and agreeing, with when (absent for the drill, whose record the report shows). */
  readonly verified: readonly { readonly kind: RuntimeKind; readonly takenAt?: string }[];
  readonly lacking: readonly RuntimeKind[];
  /** Kinds whose evidence shows a difference: the requirement fails. */
  readonly failing: readonly RuntimeKind[];
}

export interface ClauseRow {
  /** Number at the tenant's level, e.g. `7.1.3.2`. */
  readonly clause: string;
  readonly title: Bilingual;
  readonly status: ClauseStatus;
  readonly rules: readonly string[];
  /** Requirements checked automatically, with passing rules. */
  readonly checked: readonly Ask[];
  /** Requirements the assessor must still see (manual, partly automated, or with no rule in the pack). */
  readonly open: readonly Ask[];
  /** What to collect for the open requirements, and from whom. */
  readonly collect?: Collect;
  /** Each requirement's state, configured and verified. */
  readonly states: ReadonlyMap<Ask, AskState>;
  /** Why it does not apply to the tenant (status not-applicable): each rule's own reason. */
  readonly why?: readonly string[];
}

export interface TenantReport {
  readonly tenant: Tenant;
  readonly level: MlpsLevel;
  readonly findings: readonly Finding[];
  readonly clauses: readonly ClauseRow[];
  /** Waivers whose rule passes: not needed any more. */
  readonly staleWaivers: readonly Waiver[];
  /** The tenant's last restore drill and whether it counts (policies/drills.ts); absent for the platform entries. */
  readonly drill?: DrillEvidence;
  /** The tenant's graded-protection records at its judged level and when each falls due (policies/records.ts); absent for the platform entries. */
  readonly records?: RecordsEvidence;
  /** What the running clusters showed of it: the evidence taken, and the differences (each one fails the check). */
  readonly runtime: TenantRuntime;
}

export interface CheckReport {
  readonly city: string;
  readonly today: string;
  readonly tenants: readonly TenantReport[];
  /**
   * What belongs to no tenant, one entry per cluster, judged at the cluster's level under a stand-in
   * tenant `platform:<cluster>` (policies/platform-view.ts). Empty when only some tenants were checked.
   */
  readonly platform: readonly TenantReport[];
}

export interface CheckOptions {
  readonly tenants?: readonly string[];
  /** Judge every tenant at this level instead of its own. */
  readonly level?: MlpsLevel;
  readonly today: string;
  /** The runtime evidence gathered (`evidence --live`); none by default. */
  readonly runtime?: Runtime;
}

function runRule(
  rule: Rule,
  model: CityModel,
  deployment: Deployment,
  tenant: Tenant,
  view: TenantView,
  level: MlpsLevel,
  today: string,
): Pick<Finding, 'status' | 'evidence' | 'crashed'> {
  try {
    const r = rule.check({ model, deployment, tenant, view, level, today });
    return { status: r.outcome, evidence: r.evidence };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { status: 'fail', evidence: [{ detail: `rule raised an error: ${message}` }], crashed: message };
  }
}

const WORST: readonly ClauseStatus[] = ['fail', 'waived', 'pass', 'not-applicable'];

/** For each control point of a level, the pack's rules that cite it (cached: the same for every tenant). */
const coverageCache = new Map<MlpsLevel, ReadonlyMap<string, readonly string[]>>();
function coverage(level: MlpsLevel): ReadonlyMap<string, readonly string[]> {
  let m = coverageCache.get(level);
  if (!m) {
    const rules = packFor(level);
    const built = new Map<string, string[]>();
    for (const cp of controlPointsAt(level)) {
      const number = numberAt(cp.id, level);
      built.set(
        number,
        rules.filter((r) => (r.clauses[level] ?? []).map(controlPoint).some((c) => c === number || c.startsWith(`${number}.`))).map((r) => r.id),
      );
    }
    m = built;
    coverageCache.set(level, m);
  }
  return m;
}

/** A finding with its positions in the tenant's request file (the renderers only format them). */
function located(tenant: Tenant, f: Omit<Finding, 'at'>, pos: Positions): Finding {
  const evidence = f.evidence.map((e) => (e.field === undefined ? e : { ...e, at: pos.find(tenant.source.file, e.field) }));
  return { ...f, evidence, at: evidence.find((e) => e.at !== undefined)?.at ?? { file: tenant.source.file, line: 1, col: 1 } };
}

/**
 * The clause table of a level for these findings. It depends only on the level and each rule's
 * status, which most tenants of a city share, so it is built once per distinct combination and
 * shared (read-only) by the tenants that have it.
 */
const rowsCache = new Map<string, readonly ClauseRow[]>();
function clauseRows(level: MlpsLevel, findings: readonly Finding[], rt: TenantRuntime): readonly ClauseRow[] {
  const runtimeKey = [...rt.verified].map(([k, at]) => `${k}@${at}`).join(',') + '|' + [...new Set(rt.problems.map((p) => p.kind))].sort().join(',');
  const key = `${level}|${findings.map((f) => `${f.rule.id}:${f.status}`).join(',')}|${runtimeKey}`;
  const known = rowsCache.get(key);
  if (known) return known;
  const byId = new Map(findings.map((f) => [f.rule.id, f]));
  const cover = coverage(level);
  const bad = new Set(rt.problems.map((p) => p.kind));
  const shownBy = (a: Ask) =>
    a.rules.flatMap((id) => {
      const f = byId.get(id);
      return f ? [f] : [];
    });
  const stateOf = (a: Ask): AskState => {
    const needs = kindsFor(a);
    // configured: the rules that show it in the stacks (the drill rule is runtime evidence, not configuration) pass, or do not apply
    const config = shownBy(a).filter((f) => f.rule.id !== a.autoWhen);
    const configured =
      a.how !== 'manual' && config.some((f) => f.status === 'pass') && config.every((f) => f.status === 'pass' || f.status === 'not-applicable');
    const ok = (k: RuntimeKind) => (k === 'drill' ? a.autoWhen !== undefined && byId.get(a.autoWhen)?.status === 'pass' : rt.verified.has(k));
    return {
      configured,
      needs,
      verified: needs.filter(ok).map((kind) => ({ kind, takenAt: rt.verified.get(kind) })),
      lacking: needs.filter((k) => !ok(k)),
      failing: needs.filter((k) => bad.has(k)),
    };
  };
  const rows: ClauseRow[] = controlPointsAt(level).map((cp) => {
    const number = numberAt(cp.id, level);
    const covering = (cover.get(number) ?? []).flatMap((id) => {
      const f = byId.get(id);
      return f ? [f] : [];
    });
    const asks = asksAt(cp.id, level);
    const states = new Map(asks.map((a) => [a, stateOf(a)] as const));
    // settled: configured (the rules that show it pass) and verified (every kind of runtime evidence it needs agrees)
    const checked = asks.filter((a) => {
      const st = states.get(a) as AskState;
      return st.configured && st.needs.length > 0 && st.lacking.length === 0 && st.failing.length === 0;
    });
    const open = asks.filter((a) => !checked.includes(a));
    const worst = WORST.find((s) => covering.some((f) => f.status === s));
    let status: ClauseStatus = 'manual';
    if (asks.some((a) => (states.get(a) as AskState).failing.length > 0)) status = 'fail';
    // not applicable only when it truly does not apply: every requirement at the level is automatable and shown by rules, and all of them say so
    else if (worst === 'fail' || worst === 'waived') status = worst;
    else if (
      worst === 'not-applicable' &&
      covering.every((f) => f.status === 'not-applicable') &&
      asks.every((a) => a.how !== 'manual' && shownBy(a).length > 0)
    )
      status = worst;
    else if (worst === 'pass') {
      // partly: some requirement is (partly) automated and shown by a rule of the pack; a rule under a manual requirement can show it broken, never done
      const automated = asks.some((a) => a.how !== 'manual' && shownBy(a).length > 0);
      status = open.length === 0 && checked.length > 0 ? 'pass' : automated ? 'partly' : 'manual';
    }
    return {
      clause: number,
      title: cp.title,
      status,
      rules: covering.map((f) => f.rule.id),
      checked,
      open,
      collect: open.length > 0 ? ASKS[cp.id]?.collect : undefined,
      states,
      ...(status === 'not-applicable' ? { why: covering.map((f) => `${f.rule.id}: ${f.evidence[0]?.detail ?? ''}`) } : {}),
    };
  });
  if (rowsCache.size >= 4096) rowsCache.clear();
  rowsCache.set(key, rows);
  return rows;
}

export function checkTenant(model: CityModel, deployment: Deployment, tenant: Tenant, opts: CheckOptions): TenantReport {
  const rules = packFor(opts.level ?? tenant.mlpsLevel).filter((r) => r.platform !== 'only');
  // positions come from what validation recorded of the request file, else from one read of it, let go with the findings
  const pos = new Positions(tenant.source);
  const level = opts.level ?? tenant.mlpsLevel;
  const findings: Finding[] = [];
  const stale: Waiver[] = [];
  const view = tenantView(deployment, tenant);
  for (const rule of rules) {
    const clauses = rule.clauses[level] ?? [];
    const result = runRule(rule, model, deployment, tenant, view, level, opts.today);
    const waiver = tenant.waivers.find((w) => w.rule === rule.id && w.expires >= opts.today && !rule.unwaivable);
    if (waiver && result.status === 'fail') findings.push(located(tenant, { rule, clauses, ...result, status: 'waived', waiver }, pos));
    else {
      if (waiver && result.status === 'pass') stale.push(waiver);
      findings.push(located(tenant, { rule, clauses, ...result }, pos));
    }
  }
  const runtime = tenantRuntime(opts.runtime ?? NO_RUNTIME, tenant);
  return {
    tenant,
    level,
    findings,
    clauses: clauseRows(level, findings, runtime),
    staleWaivers: stale,
    drill: drillEvidence(model, tenant, opts.today),
    records: recordsEvidence(model, tenant, level, opts.today),
    runtime,
  };
}

export function runChecks(model: CityModel, deployment: Deployment, opts: CheckOptions): CheckReport {
  const some = opts.tenants !== undefined && opts.tenants.length > 0;
  const chosen = some ? model.tenants.filter((t) => opts.tenants?.includes(t.name)) : model.tenants;
  const tenants = [...chosen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((t) => checkTenant(model, deployment, t, opts));
  const platform = some ? [] : model.clusters.map((c) => checkPlatform(model, deployment, c, opts.today, opts.runtime));
  return { city: model.name, today: opts.today, tenants, platform };
}

/** The rules that judge what belongs to no tenant, on one cluster at its level. No waivers: the platform files none. */
export function checkPlatform(model: CityModel, deployment: Deployment, cluster: Cluster, today: string, runtime?: Runtime): TenantReport {
  const tenant = platformTenant(cluster);
  const view = platformView(model, deployment, cluster.name);
  const level = cluster.mlpsLevel;
  const findings: Finding[] = packFor(level)
    .filter((r) => r.platform !== undefined)
    .map((rule) => ({
      rule,
      clauses: rule.clauses[level] ?? [],
      ...runRule(rule, model, deployment, tenant, view, level, today),
      at: { file: cluster.source.file, line: cluster.source.line, col: 1 },
    }));
  return { tenant, level, findings, clauses: [], staleWaivers: [], runtime: platformRuntime(runtime ?? NO_RUNTIME, model, cluster.name) };
}

/** Every difference the running clusters showed, once (a cluster's flags difference is in each of its tenants' reports). */
export function runtimeProblems(report: CheckReport): RuntimeProblem[] {
  return [...new Set([...report.platform, ...report.tenants].flatMap((t) => t.runtime.problems))];
}

/** Unwaived failures of error severity and differences the running clusters showed: what makes `govcloud check` exit 1. */
export function blocking(report: CheckReport): number {
  const failing = [...report.platform, ...report.tenants].reduce(
    (n, t) => n + t.findings.filter((f) => f.status === 'fail' && f.rule.severity === 'error').length,
    0,
  );
  return failing + runtimeProblems(report).length;
}
