/**
 * The stacks a policy check judges: synthesized in memory from the model, with the environment's
 * hand-written Terraform files (`<env>/overrides/<stack>/*.tf.json`) merged the way Terraform
 * loads one module — or read back from a synth output folder (`--from cdktf.out`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CityModel } from '../config/model';
import { StackOutput, synthInMemory } from './in-memory';
import { Json, mergeTerraform, overridesLast, StackJson } from '../policies/deployment';

/**
 * `only`: stack names to judge (default all). `ready`: stacks of this model already synthesized in
 * memory (reused, not built again; they are copied before the hand-written files are merged).
 */
export function stacksForCheck(model: CityModel, envDir: string, only?: ReadonlySet<string>, ready?: readonly StackOutput[]): StackJson[] {
  const overrides = path.join(envDir, 'overrides');
  const reused = (ready ?? []).filter((s) => !only || only.has(s.name));
  const have = new Set(reused.map((s) => s.name));
  const rest = only ? new Set([...only].filter((n) => !have.has(n))) : undefined;
  const built = rest && rest.size === 0 ? [] : synthInMemory(model, undefined, rest);
  const copies = reused.map((s) => ({ ...s, json: JSON.parse(JSON.stringify(s.json)) as Record<string, unknown> }));
  return [...copies, ...built].map((s) => {
    const dir = path.join(overrides, s.name);
    const json = s.json as Json;
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.tf.json')).sort(overridesLast)) {
        mergeTerraform(json, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Json, f.endsWith('_override.tf.json'));
      }
    }
    return { name: s.name, network: s.network, json };
  });
}
