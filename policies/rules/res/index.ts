/** The RES rules, in id order. */
import { Rule } from '../../types';

export const RES_RULES: readonly Rule[] = [];
