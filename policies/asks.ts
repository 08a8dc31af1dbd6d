/**
 * What each control point asks, requirement by requirement (测评项, summarised from
 * ../shared/mlps-catalog.md, itself written from public summaries: wording and lettering are not the
 * standard's and must be checked against the official text), and how far infrastructure as code can
 * show it: `auto` (the rules that cite the control point check it), `partly` (they show the
 * configuration; the assessor still needs runtime or organisational evidence) or `manual`. For what
 * is not automated, what the assessor collects and from whom.
 *
 * A control point passes only when every requirement at the tenant's level is `auto` and every rule
 * citing it passes; otherwise passing rules make it "partly automated" (policies/engine.ts).
 */
import { MlpsLevel } from '../config/model';
import { Text } from './types';
import type { RuntimeKind } from './runtime';
import { TECHNICAL_ASKS } from './asks/technical';
import { MANAGEMENT_ASKS } from './asks/management';
import { CLOUD_ASKS } from './asks/cloud';

export type How = 'auto' | 'partly' | 'manual';

export interface Ask {
  readonly from: MlpsLevel;
  readonly to?: MlpsLevel;
  readonly text: Text;
  readonly how: How;
  /** The rules whose checks show it (`auto`: settle it; `partly`: show the configuration). */
  readonly rules: readonly string[];
  /**
   * A `partly` requirement that runtime evidence completes: for a tenant whose report has this rule
   * passing (one of `rules`), it counts as automated (MLPS-DATA-010: a passing restore drill, recent enough).
   */
  readonly autoWhen?: string;
  /**
   * The runtime evidence (policies/runtime.ts) that verifies it beyond the configuration, besides
   * `applied` which every automatable requirement needs: a `partly` requirement with it counts as
   * automated once all of it is taken and agrees.
   */
  readonly verify?: readonly RuntimeKind[];
}

/**
 * The runtime evidence a requirement needs to be verified: none for a manual one or a `partly` one
 * nothing at runtime completes; a drill (autoWhen) for a restore; else the applied state and what `verify` names.
 */
export function kindsFor(a: Ask): RuntimeKind[] {
  if (a.how === 'manual' || (a.how === 'partly' && a.verify === undefined && a.autoWhen === undefined)) return [];
  // a restore drill is itself run on the clusters: what it restored was there
  if (a.autoWhen !== undefined) return ['drill', ...(a.verify ?? [])];
  return [...new Set<RuntimeKind>(['applied', ...(a.verify ?? [])])];
}

/** How a requirement is judged for one tenant: `autoWhen`'s rule passing makes it automated. */
export function howFor(a: Ask, passes: (rule: string) => boolean): How {
  return a.autoWhen !== undefined && a.how === 'partly' && passes(a.autoWhen) ? 'auto' : a.how;
}

export type EvidenceKind = 'document' | 'screenshot' | 'config' | 'log';

export interface Collect {
  readonly kinds: readonly EvidenceKind[];
  readonly what: Text;
  readonly from: Text;
}

export interface ControlAsks {
  readonly asks: readonly Ask[];
  /** For the requirements that are not `auto`. */
  readonly collect: Collect;
}

/** By level-3 control point id (the catalog's ids), in the catalog's order. */
export const ASKS: Readonly<Record<string, ControlAsks>> = { ...TECHNICAL_ASKS, ...MANAGEMENT_ASKS, ...CLOUD_ASKS };

/** The requirements of a control point at a level. */
export function asksAt(id: string, level: MlpsLevel): Ask[] {
  return (ASKS[id]?.asks ?? []).filter((a) => a.from <= level && (a.to ?? 4) >= level);
}
