/** The NET rules, in id order. */
import { Rule } from '../../types';
import { rule as net001 } from './net-001-default-deny';

export const NET_RULES: readonly Rule[] = [net001];
