/**
 * Runs the rules of a tenant's level over the deployment and applies the tenant's waivers. A rule
 * that throws becomes a failing finding that says so; the check never crashes on a rule.
 */
import type { Bilingual } from '../config/vocabulary';
import { CityModel, MlpsLevel, Tenant, Waiver } from '../config/model';
import { Deployment, tenantView, TenantView } from './deployment';
import { FilePosition, Positions } from './position';
import { controlPointsAt, numberAt } from './catalog';
import { controlPoint } from './clause';
import { Evidence, Rule } from './types';
import { packFor } from './packs';

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

export type ClauseStatus = Status | 'manual';

export interface ClauseRow {
  /** Number at the tenant's level, e.g. `7.1.3.2`. */
  readonly clause: string;
  readonly title: Bilingual;
  readonly status: ClauseStatus;
  readonly rules: readonly string[];
}

export interface TenantReport {
  readonly tenant: Tenant;
  readonly level: MlpsLevel;
  readonly findings: readonly Finding[];
  readonly clauses: readonly ClauseRow[];
  /** Waivers whose rule passes: not needed any more. */
  readonly staleWaivers: readonly Waiver[];
}

export interface CheckReport {
  readonly city: string;
  readonly today: string;
  readonly tenants: readonly TenantReport[];
}

export interface CheckOptions {
  readonly tenants?: readonly string[];
  /** Judge every tenant at this level instead of its own. */
  readonly level?: MlpsLevel;
  readonly today: string;
}

function runRule(
  rule: Rule,
  model: CityModel,
  deployment: Deployment,
  tenant: Tenant,
  view: TenantView,
  level: MlpsLevel,
): Pick<Finding, 'status' | 'evidence' | 'crashed'> {
  try {
    const r = rule.check({ model, deployment, tenant, view, level });
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

export function checkTenant(model: CityModel, deployment: Deployment, tenant: Tenant, opts: CheckOptions): TenantReport {
  // positions come from what validation recorded of the request file, else from one read of it, let go with the findings
  const pos = new Positions(tenant.source);
  const level = opts.level ?? tenant.mlpsLevel;
  const findings: Finding[] = [];
  const stale: Waiver[] = [];
  const view = tenantView(deployment, tenant);
  for (const rule of packFor(level)) {
    const clauses = rule.clauses[level] ?? [];
    const result = runRule(rule, model, deployment, tenant, view, level);
    const waiver = tenant.waivers.find((w) => w.rule === rule.id && w.expires >= opts.today && !rule.unwaivable);
    if (waiver && result.status === 'fail') findings.push(located(tenant, { rule, clauses, ...result, status: 'waived', waiver }, pos));
    else {
      if (waiver && result.status === 'pass') stale.push(waiver);
      findings.push(located(tenant, { rule, clauses, ...result }, pos));
    }
  }
  const byId = new Map(findings.map((f) => [f.rule.id, f]));
  const cover = coverage(level);
  const rows: ClauseRow[] = controlPointsAt(level).map((cp) => {
    const number = numberAt(cp.id, level);
    const covering = (cover.get(number) ?? []).flatMap((id) => {
      const f = byId.get(id);
      return f ? [f] : [];
    });
    let status: ClauseStatus = 'manual';
    if (covering.length > 0) {
      status = WORST.find((s) => covering.some((f) => f.status === s)) ?? 'pass';
      // a control point the catalog keeps for manual evidence (contracts, procedures): a rule can show it broken, never done
      if (!cp.iac && status !== 'fail' && status !== 'waived') status = 'manual';
    }
    return { clause: number, title: cp.title, status, rules: covering.map((f) => f.rule.id) };
  });
  return { tenant, level, findings, clauses: rows, staleWaivers: stale };
}

export function runChecks(model: CityModel, deployment: Deployment, opts: CheckOptions): CheckReport {
  const chosen = opts.tenants && opts.tenants.length > 0 ? model.tenants.filter((t) => opts.tenants?.includes(t.name)) : model.tenants;
  const tenants = [...chosen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((t) => checkTenant(model, deployment, t, opts));
  return { city: model.name, today: opts.today, tenants };
}

/** Unwaived failures of error severity: what makes `govcloud check` exit 1. */
export function blocking(report: CheckReport): number {
  return report.tenants.reduce((n, t) => n + t.findings.filter((f) => f.status === 'fail' && f.rule.severity === 'error').length, 0);
}
