/**
 * Every rule has a passing and a failing fixture (test/policies/cases/<family>.ts); rule ids are
 * unique, well formed and in the packs their clauses name.
 */
import { RULES } from '../../policies/registry';
import { PACKS, CLOUD_PACK } from '../../policies/packs';
import { levelsOf } from '../../policies/types';
import { ASKS } from '../../policies/asks';
import { controlPointsAt } from '../../policies/catalog';
import { controlPoint, numberAt } from '../../policies/clause';

const LEVELS = [1, 2, 3, 4] as const;
import { runCase, RuleCase } from '../helpers/policy';
import { CASES as NET } from './cases/net';
import { CASES as GATEWAYS } from './cases/gateways';
import { CASES as POOLS } from './cases/pools';
import { CASES as HOST } from './cases/host';
import { CASES as IAM } from './cases/iam';
import { CASES as CLUSTER_ROLES } from './cases/cluster-roles';
import { CASES as AUDIT } from './cases/audit';
import { CASES as DATA } from './cases/data';
import { CASES as DRILLS } from './cases/drills';
import { CASES as RES } from './cases/res';
import { CASES as PLACE } from './cases/place';
import { CASES as MGMT } from './cases/mgmt';

const ALL: RuleCase[] = [...NET, ...GATEWAYS, ...POOLS, ...HOST, ...IAM, ...CLUSTER_ROLES, ...AUDIT, ...DATA, ...DRILLS, ...RES, ...PLACE, ...MGMT];

describe.each(ALL.map((c) => [`${c.rule} ${c.name}`, c] as const))('%s', (_n, c) => {
  it(`gives ${c.expect} with evidence`, () => {
    const r = runCase(c);
    expect(r.outcome).toBe(c.expect);
    expect(r.evidence.length).toBeGreaterThan(0);
    for (const e of r.evidence) expect(e.detail.length).toBeGreaterThan(0);
    if (c.detail) expect(r.evidence.map((e) => e.detail)).toContainEqual(expect.stringMatching(c.detail));
  });
});

describe('the rule registry', () => {
  it('has unique, well-formed ids in the family folder they belong to', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.id).toMatch(new RegExp(`^MLPS-${r.family}-\\d{3}$`));
  });

  it('gives every rule a passing and a failing fixture', () => {
    const missing = RULES.flatMap((r) =>
      (['pass', 'fail'] as const).filter((o) => !ALL.some((c) => c.rule === r.id && c.expect === o)).map((o) => `${r.id} has no ${o} fixture`),
    );
    expect(missing).toEqual([]);
  });

  it('puts every rule in exactly the level packs its clauses name, and cloud rules in the cloud pack', () => {
    for (const r of RULES) {
      for (const l of [1, 2, 3, 4] as const) expect([r.id, l, PACKS[l].includes(r.id)]).toEqual([r.id, l, levelsOf(r).includes(l)]);
      expect([r.id, CLOUD_PACK.includes(r.id)]).toEqual([r.id, r.cloud]);
    }
    for (const l of [1, 2, 3, 4] as const) for (const id of PACKS[l]) expect(RULES.map((r) => r.id)).toContain(id);
  });

  it('names only registered rules in the requirement catalog, and each rule under a control point it cites', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const misplaced: string[] = [];
    for (const [cp, { asks }] of Object.entries(ASKS))
      for (const a of asks)
        for (const id of a.rules) {
          expect([cp, id, ids.has(id)]).toEqual([cp, id, true]);
          const rule = RULES.find((r) => r.id === id)!;
          const within = (c: string, n: string) => controlPoint(c) === n || controlPoint(c).startsWith(`${n}.`);
          const cited = LEVELS.some((l) => (rule.clauses[l] ?? []).some((c) => within(c, numberAt(cp, l))));
          if (!cited) misplaced.push(`${id} under ${cp}`);
        }
    expect(misplaced).toEqual([]);
    // a rule that cites a control point shows at least one of its requirements
    const silent = RULES.flatMap((r) =>
      LEVELS.flatMap((l) =>
        (r.clauses[l] ?? []).map(
          (c) => controlPointsAt(l).find((cp) => controlPoint(c) === numberAt(cp.id, l) || controlPoint(c).startsWith(`${numberAt(cp.id, l)}.`))?.id,
        ),
      )
        .filter((cp): cp is string => cp !== undefined && !ASKS[cp].asks.some((a) => a.rules.includes(r.id)))
        .map((cp) => `${r.id} cites ${cp}`),
    );
    expect([...new Set(silent)]).toEqual([]);
  });

  it('claims no backup requirement that configuration cannot show: restore, real-time copies and switch-over are partly, until drills prove them', () => {
    const byHow = Object.fromEntries(ASKS['8.1.4.9'].asks.map((a) => [a.text.en, a.how]));
    expect(byHow).toEqual({
      'Local backup and restore of important data': 'partly',
      'Off-site backup: important data sent to a backup site in scheduled batches': 'auto',
      'Real-time off-site backup; hot redundancy of important data-processing systems': 'partly',
      'Remote disaster-recovery centre with real-time switch-over': 'partly',
      'Restore tests on a schedule': 'manual',
    });
    // only a restore completes the restore requirement: a passing, recent drill record (MLPS-DATA-010); no other is completed by one
    const completed = ASKS['8.1.4.9'].asks.filter((a) => a.autoWhen !== undefined).map((a) => [a.text.en, a.autoWhen]);
    expect(completed).toEqual([['Local backup and restore of important data', 'MLPS-DATA-010']]);
    expect(Object.values(ASKS).flatMap((c) => c.asks.filter((a) => a.autoWhen !== undefined))).toHaveLength(1);
  });

  it('gives every rule bilingual title and remediation, and clause numbers of the right chapter', () => {
    for (const r of RULES) {
      expect(r.title.en && r.title.zh && r.remediation.en && r.remediation.zh).toBeTruthy();
      for (const l of levelsOf(r)) for (const c of r.clauses[l] ?? []) expect([r.id, c.startsWith(`${l + 5}.`)]).toEqual([r.id, true]);
    }
  });
});
