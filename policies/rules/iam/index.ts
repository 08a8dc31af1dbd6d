/** The IAM rules, in id order. */
import { Rule } from '../../types';
import { rule as iam001 } from './iam-001-no-cluster-admin';
import { rule as iam002 } from './iam-002-no-wildcards';
import { rule as iam003 } from './iam-003-no-default-token';
import { rule as iam004 } from './iam-004-group-bindings';
import { rule as iam005 } from './iam-005-admin-cannot-change-guards';
import { rule as iam006 } from './iam-006-no-user-cluster-bindings';
import { rule as iam007 } from './iam-007-least-privilege-cluster-roles';

export const IAM_RULES: readonly Rule[] = [iam001, iam002, iam003, iam004, iam005, iam006, iam007];
