import { RuleCase } from '../../helpers/policy';

export const CASES: RuleCase[] = [];
