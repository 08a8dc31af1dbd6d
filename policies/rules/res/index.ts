/** The RES rules, in id order. */
import { Rule } from '../../types';
import { rule as res001 } from './res-001-quota';
import { rule as res002 } from './res-002-limit-range';
import { rule as res003 } from './res-003-quota-bounds';

export const RES_RULES: readonly Rule[] = [res001, res002, res003];
