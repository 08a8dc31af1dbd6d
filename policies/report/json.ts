/**
 * The machine-readable report: plain data only (rule metadata once, by id; findings name their
 * rule), keys sorted at every depth, two-space indent and a final newline, so that the same
 * report always gives the same bytes.
 */
import { Waiver } from '../../config/model';
import { blocking, CheckReport, ClauseRow, Finding, TenantReport } from '../engine';
import { Ask } from '../asks';
import { levelsOf, Rule } from '../types';
import { countsOf, judgedRules, totalCounts } from './common';
import { evidencePosition } from '../position';
import { DrillEvidence } from '../drills';
import { RecordsEvidence, RECORD_KINDS } from '../records';
import { sortKeys } from '../../terraform/stable-json';
import { JsonValue } from '../../terraform/json';
import { join, LazyArray, sortedJsonChunks } from './chunks';

// one sorted-keys serializer for synth output and reports
export { sortKeys };
export type { JsonValue };

export function ruleMetadata(r: Rule): Record<string, unknown> {
  const clauses: Record<string, readonly string[]> = {};
  for (const l of levelsOf(r)) clauses[String(l)] = r.clauses[l] ?? [];
  return {
    id: r.id,
    family: r.family,
    title: r.title,
    severity: r.severity,
    cloud: r.cloud,
    levels: levelsOf(r),
    clauses,
    remediation: r.remediation,
    unwaivable: r.unwaivable,
    hygiene: r.hygiene,
    platform: r.platform,
  };
}

const waiverData = (v: Waiver) => ({ rule: v.rule, reason: v.reason, approvedBy: v.approvedBy, expires: v.expires, line: v.line });

function findingData(t: TenantReport, f: Finding): Record<string, unknown> {
  return {
    rule: f.rule.id,
    status: f.status,
    severity: f.rule.severity,
    clauses: f.clauses,
    location: f.at,
    evidence: f.evidence.map((e) => ({
      address: e.address,
      field: e.field,
      detail: e.detail,
      location: e.field === undefined ? undefined : evidencePosition(t.tenant, e),
    })),
    waiver: f.waiver ? waiverData(f.waiver) : undefined,
    crashed: f.crashed,
  };
}

/** The last restore drill: whether it counts (state, what is missing) and the record as its file holds it, with its path. */
function drillData(d: DrillEvidence): Record<string, unknown> {
  return {
    state: d.state,
    validFor: d.validFor,
    missing: d.missing,
    last: d.last ? { file: d.last.file, record: d.last.record, checksPassed: d.last.record.checks.filter((c) => c.ok).length } : undefined,
  };
}

/** The records as the request states them, and for each its state, date, next due day and text; the grace period and its end. */
function recordsData(r: RecordsEvidence, stated: unknown): Record<string, unknown> {
  return {
    stated: stated ?? {},
    gracePeriod: r.gracePeriod,
    graceEndsOn: r.graceEndsOn,
    ...Object.fromEntries(RECORD_KINDS.map((k) => [k, { state: r[k].state, on: r[k].on, dueOn: r[k].dueOn, everyMonths: r[k].everyMonths, text: r[k].text }])),
  };
}

function tenantData(t: TenantReport): Record<string, unknown> {
  const x = t.tenant;
  return {
    name: x.name,
    county: x.county,
    department: x.department,
    displayName: x.displayName,
    classification: x.classification,
    network: x.network,
    zone: x.zone,
    mlpsLevel: x.mlpsLevel,
    level: t.level,
    ...(x.recovery ? { recovery: { tier: x.dr, rpo: x.recovery.rpo, rto: x.recovery.rto } } : {}),
    ...(t.drill ? { drill: drillData(t.drill) } : {}),
    ...(t.records ? { records: recordsData(t.records, x.mlps) } : {}),
    file: x.source.file,
    counts: countsOf(t),
    findings: t.findings.map((f) => findingData(t, f)),
    clauses: t.clauses.map((c) => ({
      clause: c.clause,
      title: c.title,
      status: c.status,
      rules: c.rules,
      checked: c.checked.map((a) => ({ text: a.text, rules: a.rules, ...stateData(c, a) })),
      open: c.open.map((a) => ({ text: a.text, how: a.how, rules: a.rules, ...stateData(c, a) })),
      collect: c.collect,
      ...(c.why ? { why: c.why } : {}),
    })),
    runtime: runtimeData(t),
    waivers: x.waivers.map(waiverData),
    staleWaivers: t.staleWaivers.map(waiverData),
  };
}

function platformData(t: TenantReport): Record<string, unknown> {
  return {
    cluster: t.tenant.cluster,
    network: t.tenant.network,
    level: t.level,
    file: t.tenant.source.file,
    counts: countsOf(t),
    findings: t.findings.map((f) => findingData(t, f)),
    runtime: runtimeData(t),
  };
}

/** A requirement's configured and verified state (a manual one has neither). */
function stateData(c: ClauseRow, a: Ask): Record<string, unknown> {
  const st = c.states.get(a);
  if (!st || a.how === 'manual') return {};
  return {
    configured: st.configured,
    verified: st.verified.map((v) => ({ kind: v.kind, ...(v.takenAt ? { takenAt: v.takenAt } : {}) })),
    lacking: st.lacking,
    failing: st.failing,
  };
}

/** The runtime evidence of a tenant or platform entry: each kind verified and when, and the differences. */
function runtimeData(t: TenantReport): Record<string, unknown> {
  return {
    verified: Object.fromEntries(t.runtime.verified),
    problems: t.runtime.problems.map((p) => ({
      kind: p.kind,
      cluster: p.cluster,
      ...(p.namespace ? { namespace: p.namespace } : {}),
      what: p.what,
      detail: p.detail,
    })),
  };
}

/** The report's data; `lazy`: tenants and platform entries made one at a time while written. */
function reportObject(report: CheckReport, lazy: boolean): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const r of judgedRules(report)) rules[r.id] = ruleMetadata(r);
  const list = <T>(items: readonly T[], f: (x: T) => Record<string, unknown>) =>
    lazy
      ? new LazyArray(function* () {
          for (const x of items) yield f(x);
        })
      : items.map(f);
  return {
    city: report.city,
    today: report.today,
    summary: { ...totalCounts(report), blocking: blocking(report), tenants: report.tenants.length },
    rules,
    tenants: list(report.tenants, tenantData),
    platform: list(report.platform, platformData),
  };
}

export function reportData(report: CheckReport): JsonValue {
  return sortKeys(reportObject(report, false));
}

/** The JSON report in pieces (a piece per tenant at most): joined, the bytes of renderJson. */
export function* jsonChunks(report: CheckReport): Generator<string> {
  yield* sortedJsonChunks(reportObject(report, true));
  yield '\n';
}

export function renderJson(report: CheckReport): string {
  return join(jsonChunks(report));
}
