/**
 * The stacks a policy check judges: synthesized in memory from the model, with the environment's
 * hand-written Terraform files (`<env>/overrides/<stack>/*.tf.json`) merged the way Terraform
 * loads one module — or read back from a synth output folder (`--from cdktf.out`).
 */
import * as path from 'path';
import { CityModel } from '../config/model';
import { Issue } from '../config/issues';
import { StackOutput, synthInMemory } from './in-memory';
import { Json, StackJson } from '../terraform/json';
import { mergeFiles } from '../terraform/merge';
import { readHandAdded } from '../terraform/hand-added';
import { planStacks } from './slices';
import { IsolationViolation, scanStacks } from './isolation';

export interface StacksForCheck {
  /** Empty when a hand-written file cannot be read: a check of part of what is deployed would mislead. */
  readonly stacks: StackJson[];
  readonly issues: readonly Issue[];
  /** What synth would refuse in these stacks: a mention of the other network. */
  readonly violations: readonly IsolationViolation[];
}

/**
 * `only`: stack names to judge (default all). `ready`: stacks of this model already synthesized in
 * memory (reused, not built again; they are copied before the hand-written files are merged).
 */
export function stacksForCheck(model: CityModel, envDir: string, only?: ReadonlySet<string>, ready?: readonly StackOutput[]): StacksForCheck {
  const names = only ?? planStacks(model).map((s) => s.name);
  const hand = readHandAdded(path.join(envDir, 'overrides'), names);
  if (hand.issues.length > 0) return { stacks: [], issues: hand.issues, violations: [] };
  const reused = (ready ?? []).filter((s) => !only || only.has(s.name));
  const have = new Set(reused.map((s) => s.name));
  const rest = only ? new Set([...only].filter((n) => !have.has(n))) : undefined;
  const built = rest && rest.size === 0 ? [] : synthInMemory(model, undefined, rest);
  const copies = reused.map((s) => ({ ...s, json: JSON.parse(JSON.stringify(s.json)) as Record<string, unknown> }));
  const stacks = [...copies, ...built].map((s) => {
    const json = mergeFiles(s.json as Json, hand.files.get(s.name) ?? []);
    return { name: s.name, network: s.network, json };
  });
  return { stacks, issues: [], violations: scanStacks(model, planStacks(model), stacks) };
}
