/** The AUDIT rules, in id order. */
import { Rule } from '../../types';
import { rule as audit001 } from './audit-001-log-retention';
import { rule as audit002 } from './audit-002-baseline-everywhere';
import { rule as audit003 } from './audit-003-baseline-level';
import { rule as audit004 } from './audit-004-audit-policy';

export const AUDIT_RULES: readonly Rule[] = [audit001, audit002, audit003, audit004];
