/** Shared by MLPS-PLACE-005: what the baseline release sets for domestic (信创) placement, and whether a pod spec selects the domestic nodes. */
import type { NodeLabel } from '../../../config/vocabulary';
import { Json, TfResource, block, list } from '../../deployment';
import { releaseValues } from '../audit/baseline';

export interface PlacementValues {
  readonly nodeLabel: Partial<NodeLabel>;
  readonly namespaceLabel: Partial<NodeLabel>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `domesticPlacement` of the baseline release: its values documents, then any `set` of one of its fields. */
export function placementValues(release: TfResource): PlacementValues {
  const v = (releaseValues(release).domesticPlacement ?? {}) as Json;
  const part = (name: 'nodeLabel' | 'namespaceLabel'): Partial<NodeLabel> => {
    const doc = (v[name] ?? {}) as Json;
    const set = (field: 'key' | 'value') => list(release.body, 'set').find((s) => s.name === `domesticPlacement.${name}.${field}`)?.value;
    return { key: text(set('key') ?? doc.key), value: text(set('value') ?? doc.value) };
  };
  return { nodeLabel: part('nodeLabel'), namespaceLabel: part('namespaceLabel') };
}

export const same = (a: Partial<NodeLabel>, b: NodeLabel): boolean => a.key === b.key && a.value === b.value;
export const show = (l: Partial<NodeLabel>): string => `${l.key ?? '(missing)'}=${l.value ?? '(missing)'}`;

/** The pod spec (Terraform JSON) selects the label: by node_selector, or every required node affinity term asks for it. */
export function selectsNodes(spec: Json, label: NodeLabel): boolean {
  const selector = block(spec, 'node_selector') as Record<string, unknown> | undefined;
  if (selector?.[label.key] === label.value) return true;
  const required = block(block(block(spec, 'affinity'), 'node_affinity'), 'required_during_scheduling_ignored_during_execution');
  const terms = list(required, 'node_selector_term');
  return (
    terms.length > 0 &&
    terms.every((t) =>
      list(t, 'match_expressions').some((e) => {
        const values = Array.isArray(e.values) ? e.values : [];
        return e.key === label.key && e.operator === 'In' && values.length > 0 && values.every((x) => x === label.value);
      }),
    )
  );
}
