/** The PLACE rules, in id order. */
import { Rule } from '../../types';
import { rule as place002 } from './place-002-classified-intranet';

export const PLACE_RULES: readonly Rule[] = [place002];
