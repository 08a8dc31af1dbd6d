/**
 * Synthesizes constructs in a throwaway stack and gives the resources by type, for assertions.
 * cdktf's own validations run on every synth here (they are off by default in Testing.synth and
 * skipped by synth while the cdktf shortcuts are on, see stacks/cdktf-edge.ts).
 */
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';

export type Json = Record<string, unknown>;

export interface Synthesized {
  readonly raw: string;
  /** Resources of one Terraform type, as an array (address order). */
  of(type: string): Json[];
  /** Every resource, with its type, for invariants over all of them. */
  all(): { type: string; name: string; body: Json }[];
}

export function synthOf(build: (scope: Construct) => void): Synthesized {
  const stack = new TerraformStack(Testing.app(), 'stack');
  // as in every govcloud stack: cdktf's validations refuse resources whose provider is missing
  new KubernetesProvider(stack, 'kubernetes', {});
  new HelmProvider(stack, 'helm', {});
  build(stack);
  const raw = Testing.synth(stack, true);
  const json = JSON.parse(raw) as { resource?: Record<string, Record<string, Json>> };
  const resources = json.resource ?? {};
  return {
    raw,
    of: (type) => Object.values(resources[type] ?? {}),
    all: () => Object.entries(resources).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => ({ type, name, body }))),
  };
}

export function get(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
