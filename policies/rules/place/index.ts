/** The PLACE rules, in id order. */
import { Rule } from '../../types';
import { rule as place001 } from './place-001-platform-level';
import { rule as place002 } from './place-002-classified-intranet';
import { rule as place003 } from './place-003-declared-sites';
import { rule as place004 } from './place-004-level4-pool';
import { rule as place005 } from './place-005-domestic-placement';

export const PLACE_RULES: readonly Rule[] = [place001, place002, place003, place004, place005];
