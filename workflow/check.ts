/**
 * What `govcloud check` judges: the stacks synthesized in memory with the environment's hand-written
 * Terraform, or a synth output read back (`--from`); the graded-protection packs per tenant; and
 * what synth would refuse for physical isolation, which fails the check as well.
 */
import { CityModel, MlpsLevel } from '../config/model';
import { Issue } from '../config/issues';
import { todayIso } from '../config/checks/waivers';
import { buildDeployment, Deployment, tenantOfNamespace } from '../policies/deployment';
import type { Runtime } from '../policies/runtime';
import { handWrittenFiles, readSynthOutput } from '../policies/synth-output';
import { CheckReport, runChecks } from '../policies/engine';
import type * as ForCheck from '../stacks/stacks-for-check';
import { IsolationViolation, scanStacks } from '../stacks/isolation';
import { departmentStackName, planStacks, platformStackName } from '../stacks/slices';
import { StackJson } from '../terraform/json';

export interface JudgeInput {
  readonly model: CityModel;
  /** The environment folder, for its hand-written Terraform (`overrides/`). */
  readonly env: string;
  /** A synth output to judge instead of synthesizing. */
  readonly from?: string;
  /** Tenants to judge (default all); names of the model. */
  readonly tenants?: readonly string[];
  /** Judge every tenant at this level instead of its own. */
  readonly level?: MlpsLevel;
  /** YYYY-MM-DD for waiver expiry (default: Beijing's today). */
  readonly today?: string;
  /** What the running clusters showed (`evidence --live`), for the requirements it verifies. */
  readonly runtime?: Runtime;
}

/** The input read and laid out for the rules, before any rule runs. */
export interface Prepared {
  readonly issues: readonly Issue[];
  readonly violations: readonly IsolationViolation[];
  readonly stacks?: readonly StackJson[];
  readonly deployment?: Deployment;
}

export interface Judged {
  /** Absent when the input cannot be read: a check of part of what is deployed would mislead. */
  readonly report?: CheckReport;
  readonly issues: readonly Issue[];
  readonly violations: readonly IsolationViolation[];
  /** The stacks that were judged, as Terraform loads them (for the evidence package). */
  readonly stacks?: readonly StackJson[];
  /** What the rules read of those stacks (the HTML report draws the flows they open). */
  readonly deployment?: Deployment;
}

/** The in-memory synthesis, loaded only when it runs: with `--from`, cdktf and the provider bindings (half a second to load) stay out. */
function forCheck(): typeof ForCheck {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../stacks/stacks-for-check') as typeof ForCheck;
}

/**
 * The stacks whose objects the rules read for these tenants: each tenant's department stacks on its
 * primary and DR clusters, those of the tenants it has flows with (their namespace labels), every
 * cluster's platform stack, and every stack folder holding a hand-written file — which may put
 * objects anywhere — with the stacks of each tenant whose namespace such a file names.
 */
export function stacksReadFor(model: CityModel, names: readonly string[], handWritten: ReadonlyMap<string, readonly unknown[]> = new Map()): Set<string> {
  const wanted = new Set(names);
  const peers = new Set<string>();
  const named = (v: unknown): void => {
    if (typeof v === 'string') {
      const owner = tenantOfNamespace(model, v);
      if (owner !== undefined) peers.add(owner);
    } else if (Array.isArray(v)) v.forEach(named);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        named(k);
        named(x);
      }
  };
  for (const files of handWritten.values()) files.forEach(named);
  for (const t of model.tenants) {
    if (!wanted.has(t.name)) continue;
    peers.add(t.name);
    for (const f of t.flows) if (f.kind === 'tenant') peers.add(f.tenant);
    for (const f of t.inbound) peers.add(f.tenant);
  }
  const out = new Set([...model.clusters.map((c) => platformStackName(c.name)), ...handWritten.keys()]);
  for (const t of model.tenants) {
    if (!peers.has(t.name)) continue;
    for (const c of [t.cluster, ...t.replicas.map((r) => r.cluster)]) out.add(departmentStackName(t.county, t.department, c));
  }
  return out;
}

/** Reads the stacks (synthesized in memory, or a synth output) and builds the deployment the rules judge. */
export function prepare(a: JudgeInput): Prepared {
  // judging some tenants of a synth output reads only the stacks their rules look at, not the whole city
  const only = a.from && a.tenants && a.tenants.length > 0 ? stacksReadFor(a.model, a.tenants, handWrittenFiles(a.from)) : undefined;
  const read = a.from ? { ...readSynthOutput(a.from, only), violations: undefined } : forCheck().stacksForCheck(a.model, a.env);
  if (read.issues.length > 0) return { issues: read.issues, violations: [] };
  const violations = read.violations ?? scanStacks(a.model, planStacks(a.model), read.stacks);
  const deployment = buildDeployment(a.model, read.stacks, 'clusters' in read ? read.clusters : undefined);
  return { issues: [], violations, stacks: read.stacks, deployment };
}

export function judge(a: JudgeInput, prepared: Prepared = prepare(a)): Judged {
  const { issues, violations, stacks, deployment } = prepared;
  if (issues.length > 0 || !deployment) return { issues, violations: [] };
  const report = runChecks(a.model, deployment, {
    tenants: a.tenants,
    level: a.level,
    today: a.today ?? todayIso(),
    runtime: a.runtime,
  });
  return { report, issues: [], violations, stacks, deployment };
}
