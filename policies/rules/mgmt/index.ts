/** The MGMT rules (management requirements judged from the records a department states, spec.mlps), in id order. */
import { Rule } from '../../types';
import { rule as mgmt001 } from './mgmt-001-filing';
import { rule as mgmt002 } from './mgmt-002-assessment';
import { rule as mgmt003 } from './mgmt-003-risk-assessment';

export const MGMT_RULES: readonly Rule[] = [mgmt001, mgmt002, mgmt003];
