/** Every registered rule, by family. */
import { Rule } from './types';
import { NET_RULES } from './rules/net';
import { HOST_RULES } from './rules/host';
import { IAM_RULES } from './rules/iam';
import { AUDIT_RULES } from './rules/audit';
import { DATA_RULES } from './rules/data';
import { RES_RULES } from './rules/res';
import { PLACE_RULES } from './rules/place';
import { MGMT_RULES } from './rules/mgmt';

export const RULES: readonly Rule[] = [...NET_RULES, ...HOST_RULES, ...IAM_RULES, ...AUDIT_RULES, ...DATA_RULES, ...RES_RULES, ...PLACE_RULES, ...MGMT_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
