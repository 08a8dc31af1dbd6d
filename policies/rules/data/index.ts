/** The DATA rules, in id order. */
import { Rule } from '../../types';

export const DATA_RULES: readonly Rule[] = [];
