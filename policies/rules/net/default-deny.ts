/** Whether a NetworkPolicy denies everything: every pod of its namespace, Ingress and Egress, no rule. */
import { block, list } from '../../deployment';

export const isDenyAll = (body: unknown): boolean => {
  const spec = block(body, 'spec');
  if (!spec) return false;
  const selector = block(spec, 'pod_selector');
  const types = (spec.policy_types as string[] | undefined) ?? [];
  const emptySelector = !selector || Object.keys(selector).length === 0;
  return emptySelector && types.includes('Ingress') && types.includes('Egress') && list(spec, 'ingress').length === 0 && list(spec, 'egress').length === 0;
};
