/**
 * What `govcloud check` judges: the stacks synthesized in memory with the environment's hand-written
 * Terraform, or a synth output read back (`--from`); the graded-protection packs per tenant; and
 * what synth would refuse for physical isolation, which fails the check as well.
 */
import { CityModel, MlpsLevel } from '../config/model';
import { Issue } from '../config/issues';
import { todayIso } from '../config/checks/waivers';
import { buildDeployment } from '../policies/deployment';
import { readSynthOutput } from '../policies/synth-output';
import { CheckReport, runChecks } from '../policies/engine';
import type * as ForCheck from '../stacks/stacks-for-check';
import { IsolationViolation, scanStacks } from '../stacks/isolation';
import { planStacks } from '../stacks/slices';
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
}

export interface Judged {
  /** Absent when the input cannot be read: a check of part of what is deployed would mislead. */
  readonly report?: CheckReport;
  readonly issues: readonly Issue[];
  readonly violations: readonly IsolationViolation[];
  /** The stacks that were judged, as Terraform loads them (for the evidence package). */
  readonly stacks?: readonly StackJson[];
}

/** The in-memory synthesis, loaded only when it runs: with `--from`, cdktf and the provider bindings (half a second to load) stay out. */
function forCheck(): typeof ForCheck {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../stacks/stacks-for-check') as typeof ForCheck;
}

export function judge(a: JudgeInput): Judged {
  const read = a.from ? { ...readSynthOutput(a.from), violations: undefined } : forCheck().stacksForCheck(a.model, a.env);
  if (read.issues.length > 0) return { issues: read.issues, violations: [] };
  const violations = read.violations ?? scanStacks(a.model, planStacks(a.model), read.stacks);
  const report = runChecks(a.model, buildDeployment(a.model, read.stacks, 'clusters' in read ? read.clusters : undefined), {
    tenants: a.tenants,
    level: a.level,
    today: a.today ?? todayIso(),
  });
  return { report, issues: [], violations, stacks: read.stacks };
}
