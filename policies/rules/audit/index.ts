/** The AUDIT rules, in id order. */
import { Rule } from '../../types';

export const AUDIT_RULES: readonly Rule[] = [];
