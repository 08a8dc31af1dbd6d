/** MLPS-DATA-010: a level-3+ tenant's last restore drill, read from the records validation puts in the model. */
import { RuleCase, withTenant } from '../../helpers/policy';
import { CityModel } from '../../../config/model';
import type { DrillRecordFile as DrillRecord } from '../../../drill/record';
import { failedRecord, record } from '../../helpers/drills';

/** exchange-hub (L3, hot-standby) with these drill records, as validation would put them in the model. */
const drilled =
  (...records: DrillRecord[]) =>
  (m: CityModel): CityModel => ({
    ...m,
    drills: { 'exchange-hub': records.map((r) => ({ file: `drills/exchange-hub/${r.at.replace(/:/g, '-')}-${r.to.cluster}.json`, record: r })) },
  });
const hub = {
  tenant: 'exchange-hub',
  from: { cluster: 'ext-main', namespace: 'exchange-hub-prod', site: 'twin' },
  to: { cluster: 'ext-twin', namespace: 'exchange-hub-dr', site: 'twin' },
};

export const CASES: RuleCase[] = [
  {
    name: 'passes with a passing drill younger than validFor',
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'pass',
    today: '2026-12-01',
    model: drilled(record({ ...hub, at: '2026-11-30T02:14:09Z' })),
    detail:
      /drill of 2026-11-30T02:14:09Z .* to ext-twin\/exchange-hub-dr at site twin passed by 李四: RPO 4m \/ 15m, RTO 9m \/ 1h, 2\/2 checks; counts for 180d/,
  },
  {
    name: 'fails when the last drill failed, even after an earlier pass',
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'fail',
    today: '2026-12-01',
    model: drilled(record({ ...hub, at: '2026-11-01T00:00:00Z' }), failedRecord({ ...hub, at: '2026-11-30T02:14:09Z' })),
    detail: /file:\/data\/drill\.bin checksum differs/,
  },
  {
    name: "fails when the last drill measured more than the tier's target platform.yaml states now",
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'fail',
    today: '2026-12-01',
    model: (m) =>
      withTenant(drilled(record({ ...hub, at: '2026-11-30T02:14:09Z' }))(m), 'exchange-hub', () => ({
        recovery: { rpo: '15m', rto: '5m', rpoMinutes: 15, rtoMinutes: 5 },
      })),
    detail: /measured RTO 9m exceeds the tier's target 5m/,
  },
  {
    name: 'is not applicable, saying the record is missing, without a drill record',
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'not-applicable',
    detail: /no drill record .*8\.1\.4\.9 a\) stays partly automated/,
  },
  {
    name: 'is not applicable, saying it is too old, when the last passing drill is older than validFor',
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'not-applicable',
    today: '2027-06-01',
    model: drilled(record({ ...hub, at: '2026-11-30T02:14:09Z' })),
    detail: /the last passing drill of 2026-11-30T02:14:09Z is older than 180d/,
  },
  {
    name: 'is not applicable below level 3',
    rule: 'MLPS-DATA-010',
    tenant: 'exchange-hub',
    expect: 'not-applicable',
    level: 2,
    model: drilled(failedRecord({ ...hub })),
  },
];
