/**
 * One module as Terraform loads it: every `*.tf.json` of a stack folder, override files last. Used by
 * check (synthesized stacks with the environment's hand-written files) and by `check --from` (a synth
 * output read back), so that both judge exactly what Terraform will see.
 */
import { Json } from './json';

/** Whether Terraform treats a file as an override file. */
export const isOverride = (file: string): boolean => file.endsWith('_override.tf.json');

/** Terraform reads override files after all others; then by name. */
export function overridesLast(a: string, b: string): number {
  return Number(isOverride(a)) - Number(isOverride(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Merges Terraform JSON documents the way Terraform sees one module: blocks by type and name. In an
 * override file (`*_override.tf.json`) a block of the same name keeps its other arguments and takes
 * the overriding ones (Terraform's override semantics); elsewhere a new block is added.
 */
export function mergeTerraform(into: Json, doc: Json, override = false): void {
  for (const [k, v] of Object.entries(doc)) {
    const cur = into[k];
    const bothObjects = cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v);
    if (!bothObjects) {
      into[k] = v;
      continue;
    }
    if (k === 'resource' || k === 'data') {
      const byType = { ...(cur as Json) };
      for (const [type, byName] of Object.entries(v as Json)) {
        const names = { ...((byType[type] as Json | undefined) ?? {}) };
        for (const [name, body] of Object.entries(byName as Json)) {
          names[name] = override && names[name] ? { ...(names[name] as Json), ...(body as Json) } : body;
        }
        byType[type] = names;
      }
      into[k] = byType;
    } else {
      into[k] = { ...(cur as Json), ...(v as Json) };
    }
  }
}

/** Merges named documents into `into` in the order Terraform loads them (`into` is changed). */
export function mergeFiles(into: Json, files: readonly { readonly name: string; readonly json: Json }[]): Json {
  for (const f of [...files].sort((a, b) => overridesLast(a.name, b.name))) mergeTerraform(into, f.json, isOverride(f.name));
  return into;
}
