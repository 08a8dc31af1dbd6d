import { RuleCase, withTenant } from '../../helpers/policy';

export const CASES: RuleCase[] = [
  { name: 'passes for a classified tenant on the intranet', rule: 'MLPS-PLACE-002', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails for a classified tenant placed on the extranet',
    rule: 'MLPS-PLACE-002',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ classification: 'classified' })),
  },
];
