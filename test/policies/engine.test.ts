import { runChecks, blocking } from '../../policies/engine';
import { ruleById } from '../../policies/registry';
import { buildDeployment } from '../../policies/deployment';
import { synthInMemory } from '../../stacks/in-memory';
import { baseModel } from '../helpers/policy';
import type { Runtime } from '../../policies/runtime';

describe('the check engine', () => {
  const model = baseModel();
  const deployment = buildDeployment(model, synthInMemory(model));

  it('turns a rule that throws into a failing finding that says so, and carries on', () => {
    const rule = ruleById('MLPS-RES-002');
    if (!rule) throw new Error('rule missing');
    const original = rule.check;
    Object.assign(rule, {
      check: () => {
        throw new Error('boom');
      },
    });
    try {
      const report = runChecks(model, deployment, { today: '2026-11-23', tenants: ['exchange-hub'] });
      const f = report.tenants[0].findings.find((x) => x.rule.id === 'MLPS-RES-002');
      expect(f?.status).toBe('fail');
      expect(f?.crashed).toBe('boom');
      expect(f?.evidence[0].detail).toBe('rule raised an error: boom');
      // warnings and notes (image digests, pull policy of the DR sync job) do not block
      expect(report.tenants[0].findings.filter((x) => x.rule.id !== 'MLPS-RES-002' && x.rule.severity === 'error').every((x) => x.status !== 'fail')).toBe(
        true,
      );
      expect(blocking(report)).toBe(1);
    } finally {
      Object.assign(rule, { check: original });
    }
  });

  it('gives every control point of the level a row: manual where nothing is automated, partly where the rules check only part of it', () => {
    const report = runChecks(model, deployment, { today: '2026-11-23', tenants: ['exchange-hub'] });
    const rows = report.tenants[0].clauses;
    expect(rows.find((r) => r.clause === '8.1.1')).toMatchObject({ status: 'manual', checked: [] });
    expect(rows.find((r) => r.clause === '8.1.1')?.collect?.what.en).toMatch(/inspection records/);
    // boundary access control at level 3: default deny, minimal rules and 5-tuple checks are automated, session state and layer 7 are not
    const acl = rows.find((r) => r.clause === '8.1.3.2')!;
    expect(acl.status).toBe('partly');
    expect(acl.rules).toEqual(expect.arrayContaining(['MLPS-NET-001', 'MLPS-NET-002']));
    // configured, not verified: without runtime evidence nothing is settled
    expect(acl.checked).toEqual([]);
    const automated = acl.open.filter((a) => a.how === 'auto');
    expect(automated.map((a) => a.rules)).toEqual([
      ['MLPS-NET-001', 'MLPS-NET-011', 'MLPS-NET-012', 'MLPS-NET-013', 'MLPS-NET-014', 'MLPS-NET-015'],
      ['MLPS-NET-002', 'MLPS-NET-011'],
      ['MLPS-NET-008', 'MLPS-NET-016'],
    ]);
    expect(automated.map((a) => acl.states.get(a))).toEqual([
      { configured: true, needs: ['applied', 'traffic'], verified: [], lacking: ['applied', 'traffic'], failing: [] },
      { configured: true, needs: ['applied'], verified: [], lacking: ['applied'], failing: [] },
      { configured: true, needs: ['applied'], verified: [], lacking: ['applied'], failing: [] },
    ]);
    expect(acl.open.map((a) => a.how)).toEqual(['auto', 'auto', 'auto', 'partly', 'manual']);
    // identification: binding admins as groups is not authentication
    expect(rows.find((r) => r.clause === '8.1.4.1')?.status).toBe('partly');
    // data confidentiality: no plaintext secret found is not encryption in transit and at rest
    expect(rows.find((r) => r.clause === '8.1.4.8')?.status).toBe('partly');
    // data stays in the declared sites; that those sites are in mainland China is the assessor's to see
    expect(rows.find((r) => r.clause === '8.2.1.1')?.status).toBe('partly');
    // access control at the virtual boundaries: configured; a declared NetworkPolicy is not proof that it is enforced
    expect(rows.find((r) => r.clause === '8.2.3.1')).toMatchObject({ status: 'partly', checked: [] });
  });

  it('settles a requirement only with the runtime evidence it needs, and fails it on a difference', () => {
    const t = model.tenants.find((x) => x.name === 'exchange-hub')!;
    const clusters = [t.cluster, ...t.replicas.map((r) => r.cluster)];
    const namespaces = clusters.flatMap((c) => t.environments.map((e) => `${c}/exchange-hub-${e}`));
    const at = '2026-11-23T02:00:00Z';
    const applied = clusters.map((cluster) => ({ kind: 'applied' as const, cluster, takenAt: at }));
    const only = (runtime: Runtime) => runChecks(model, deployment, { today: '2026-11-23', tenants: ['exchange-hub'], runtime }).tenants[0];
    const row = (r: ReturnType<typeof only>, c: string) => r.clauses.find((x) => x.clause === c)!;
    // the applied state alone: 8.2.3.1 still lacks the traffic that shows the policies enforced
    const appliedOnly = only({ taken: applied, problems: [] });
    expect(row(appliedOnly, '8.2.3.1').status).toBe('partly');
    expect(row(appliedOnly, '8.1.3.2').checked.map((a) => a.rules[0])).toEqual(['MLPS-NET-002', 'MLPS-NET-008']);
    // with the truth table over its namespaces: verified, with the times
    const both = only({ taken: [...applied, { kind: 'traffic', takenAt: at, namespaces }], problems: [] });
    expect(row(both, '8.2.3.1')).toMatchObject({ status: 'pass', open: [] });
    expect(row(both, '8.2.3.1').states.get(row(both, '8.2.3.1').checked[0])?.verified).toEqual([
      { kind: 'applied', takenAt: at },
      { kind: 'traffic', takenAt: at },
    ]);
    // a truth table of other namespaces verifies nothing of this tenant
    expect(row(only({ taken: [...applied, { kind: 'traffic', takenAt: at, namespaces: ['x/y'] }], problems: [] }), '8.2.3.1').status).toBe('partly');
    // an object on the cluster that no judged stack declares: the requirements that need the applied state fail, and the check blocks
    const problem = {
      kind: 'applied' as const,
      cluster: t.cluster,
      namespace: `exchange-hub-${t.environments[0]}`,
      what: 'NetworkPolicy x',
      detail: { en: 'x', zh: 'x' },
    };
    const report = runChecks(model, deployment, { today: '2026-11-23', tenants: ['exchange-hub'], runtime: { taken: applied, problems: [problem] } });
    expect(row(report.tenants[0], '8.1.3.2').status).toBe('fail');
    expect(report.tenants[0].runtime.problems).toEqual([problem]);
    expect(blocking(report)).toBe(1);
  });

  it('passes no clause unless every requirement at the level is automated and checked', () => {
    const report = runChecks(model, deployment, { today: '2026-11-23' });
    for (const t of report.tenants)
      for (const c of t.clauses.filter((x) => x.status === 'pass')) {
        expect([t.tenant.name, c.clause, c.open]).toEqual([t.tenant.name, c.clause, []]);
        expect(c.checked.length).toBeGreaterThan(0);
        for (const a of c.checked) expect(a.how).toBe('auto');
      }
  });

  it('keeps a manual-evidence control point manual when its rule passes, and shows it failing when the rule fails', () => {
    // 9.2.6 (supply chain) needs contracts as evidence: MLPS-PLACE-005 can show it broken, never done
    const passing = runChecks(model, deployment, { today: '2026-11-23', tenants: ['case-files'] }).tenants[0];
    expect(passing.findings.find((f) => f.rule.id === 'MLPS-PLACE-005')?.status).toBe('pass');
    expect(passing.clauses.find((r) => r.clause === '9.2.6')).toMatchObject({ status: 'manual', rules: ['MLPS-PLACE-005'] });
    const unlabelled = synthInMemory(model);
    for (const s of unlabelled) {
      const namespaces = ((s.json.resource as Record<string, unknown> | undefined)?.kubernetes_namespace_v1 ?? {}) as Record<
        string,
        { metadata: { labels: Record<string, string> } }
      >;
      for (const ns of Object.values(namespaces)) delete ns.metadata.labels['govcloud.gov.cn/placement'];
    }
    const failing = runChecks(model, buildDeployment(model, unlabelled), { today: '2026-11-23', tenants: ['case-files'] }).tenants[0];
    expect(failing.clauses.find((r) => r.clause === '9.2.6')).toMatchObject({ status: 'fail', rules: ['MLPS-PLACE-005'] });
  });

  it('judges a level-1 tenant with level-1 numbers (backup is 6.1.4.7)', () => {
    const report = runChecks(model, deployment, { today: '2026-11-23', tenants: ['relief'], level: 1 });
    const backup = report.tenants[0].findings.find((f) => f.rule.id === 'MLPS-DATA-001');
    expect(backup?.clauses).toEqual(['6.1.4.7 a)']);
    expect(report.tenants[0].clauses.some((r) => r.clause === '6.1.4.3' && r.rules.includes('MLPS-HOST-001'))).toBe(true);
  });
});
