/** The IAM rules, in id order. */
import { Rule } from '../../types';

export const IAM_RULES: readonly Rule[] = [];
