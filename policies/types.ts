/**
 * A graded-protection rule is a small pure definition: id (never renumbered), bilingual title and
 * remediation, the clauses it evidences per level, the levels it applies to, a severity, and a
 * check that returns pass / fail / not-applicable with evidence. No cdktf here: rules read the
 * synthesized Terraform JSON (through the deployment view) and the resolved model.
 */
import type { Bilingual } from '../config/vocabulary';
import type { FilePosition } from './position';
import { CityModel, MlpsLevel, Tenant } from '../config/model';
import { Deployment, TenantView } from './deployment';

export type Outcome = 'pass' | 'fail' | 'not-applicable';
/** error blocks (check exits 1); warning and note are reported (SARIF levels of the same names). */
export type Severity = 'error' | 'warning' | 'note';
export type Family = 'NET' | 'HOST' | 'IAM' | 'AUDIT' | 'DATA' | 'RES' | 'PLACE' | 'MGMT';

export type Text = Bilingual;

/** One piece of evidence: a Terraform resource address and/or a place in the request file. */
export interface Evidence {
  /** `<stack>:<type>.<name>`, e.g. `dept-hengshan-civil-affairs-ext-primary:kubernetes_namespace_v1.x_prod_namespace_1A2B`. */
  readonly address?: string;
  /** Field path in the request file (`spec.dr.tier`); the report turns it into file:line. */
  readonly field?: string;
  /** What was found, for people. */
  readonly detail: string;
  /** Where `field` is in the request file; set by the engine when the report is built, absent when the file does not hold it. */
  readonly at?: FilePosition;
}

export interface RuleResult {
  readonly outcome: Outcome;
  readonly evidence: readonly Evidence[];
}

export interface RuleContext {
  readonly model: CityModel;
  readonly deployment: Deployment;
  readonly tenant: Tenant;
  readonly view: TenantView;
  /** The level the tenant is judged at (its own, or --level). */
  readonly level: MlpsLevel;
  /** YYYY-MM-DD, the check's day (Beijing): what waivers expire against and drill records age against. */
  readonly today: string;
}

export interface Rule {
  /** `MLPS-<FAMILY>-<NNN>`, never renumbered. */
  readonly id: string;
  readonly family: Family;
  readonly title: Text;
  /** Clause numbers per level it applies to, as GB/T 22239-2019 numbers them (`8.1.3.2 a)`). */
  readonly clauses: Readonly<Partial<Record<MlpsLevel, readonly string[]>>>;
  /** Part of the cloud-computing extension (云计算安全扩展要求). */
  readonly cloud: boolean;
  readonly severity: Severity;
  readonly remediation: Text;
  /** Unwaivable rules say why (physical isolation, classified work). */
  readonly unwaivable?: Text;
  /**
   * Good practice the standard does not ask for: the levels it is judged at and why. Such a rule
   * cites no clause, so it never makes a clause pass or fail.
   */
  readonly hygiene?: { readonly levels: readonly MlpsLevel[]; readonly why: Text };
  /**
   * Also judged on what belongs to no tenant (platform namespaces, `default`, cluster-scoped
   * objects, hand-written overrides) at the platform's level; `only` when it judges nothing else.
   */
  readonly platform?: 'also' | 'only';
  readonly check: (ctx: RuleContext) => RuleResult;
}

export const pass = (...evidence: Evidence[]): RuleResult => ({ outcome: 'pass', evidence });
export const fail = (...evidence: Evidence[]): RuleResult => ({ outcome: 'fail', evidence });
export const notApplicable = (detail: string): RuleResult => ({ outcome: 'not-applicable', evidence: [{ detail }] });

/** Levels a rule applies to: those it names clauses for, and those of its hygiene. */
export function levelsOf(rule: Rule): MlpsLevel[] {
  return ([1, 2, 3, 4] as const).filter((l) => (rule.clauses[l] ?? []).length > 0 || (rule.hygiene?.levels ?? []).includes(l));
}
