/** The HOST rules, in id order. */
import { Rule } from '../../types';

export const HOST_RULES: readonly Rule[] = [];
