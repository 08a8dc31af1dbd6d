/**
 * A department's change, as it arrives: a branch, `govcloud plan --affected-by main` (only the stack
 * the change touches, with exactly that update), `govcloud apply --planned`, with OpenTofu this time.
 * Then a tenant removed: refused without a decommission approval in the base revision, destroyed
 * through the product's own path with it — including a stack the removal empties.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { commitAll, engineEnv, explain, git, govcloud, kubes, model, outDir, rows, tenantFile } from './harness/suite';
import { planStacks } from '../../stacks/slices';
import { Tenant } from '../../config/model';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a department changes its request', () => {
  const kube = kubes();
  const m = model();
  // one environment, backup-only DR: a quota change touches only its primary stack
  const t = m.tenants.find((x) => x.network === 'extranet' && x.environments.length === 1 && x.replicas.every((r) => r.mode === 'backup')) as Tenant;
  const raised = String(Number(t.quotaText.cpu) + 2);

  it('plans only the stack of that department with exactly that update', () => {
    expect(t).toBeDefined();
    git('checkout', '-q', '-b', `raise-${t.name}`);
    const file = tenantFile(t.county, t.name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/quota: \{ cpu: "\d+"/, `quota: { cpu: "${raised}"`));
    commitAll(`${t.name}: cpu quota ${t.quotaText.cpu} → ${raised}`);
    const r = govcloud(['plan', '--affected-by', 'main', '--engine', 'tofu', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    const runs = rows(r.out);
    expect(runs.map((x) => [x.stack, x.status])).toEqual([[`dept-${t.county}-${t.department}-${t.cluster}`, 'changes']]);
    // the saved plan itself: updates in place, of this tenant's quota and limits, nothing else
    const dir = path.join(outDir(), 'extranet', 'stacks', runs[0].stack);
    const plan = JSON.parse(execFileSync('tofu', ['show', '-json', 'tfplan'], { cwd: dir, env: engineEnv(), encoding: 'utf8', maxBuffer: 1 << 26 })) as {
      resource_changes: { address: string; type: string; change: { actions: string[] } }[];
    };
    const changed = plan.resource_changes.filter((c) => c.change.actions.join() !== 'no-op');
    expect(changed.map((c) => [c.type, c.change.actions.join()]).sort()).toEqual([
      ['kubernetes_limit_range_v1', 'update'],
      ['kubernetes_resource_quota_v1', 'update'],
    ]);
    for (const c of changed) expect(c.address).toContain(t.name);
  });

  it('applies that plan, and the cluster shows the new quota', async () => {
    const r = govcloud(['apply', '--planned', '--engine', 'tofu', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    expect(rows(r.out).map((x) => x.summary)).toEqual(['Apply complete! Resources: 0 added, 2 changed, 0 destroyed.']);
    const q = await kube.get(t.cluster)!.get(`/api/v1/namespaces/${t.name}-${t.environments[0]}/resourcequotas/quota`);
    expect(q.body.spec.hard['limits.cpu']).toBe(raised);
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', `raise-${t.name}`);
  });
});

describe('a display name holding template syntax (issue 21)', () => {
  const kube = kubes();
  const t = model().tenants.find((x) => x.network === 'extranet' && x.environments.length === 1 && x.replicas.every((r) => r.mode === 'backup')) as Tenant;
  const hostile = '${file("/etc/hostname")}%{ if true }x%{ endif }';

  const file = () => tenantFile(t.county, t.name);
  /** Commits the request with `text`, plans and applies the stacks that changed with `engine`. */
  const applyWith = (engine: string, text: string, message: string) => {
    fs.writeFileSync(file(), text);
    commitAll(message);
    expect(explain(govcloud(['plan', '--affected-by', 'HEAD~1', '--engine', engine, '--out', outDir()]))).toMatch(/^exit 0/);
    expect(explain(govcloud(['apply', '--planned', '--engine', engine, '--out', outDir()]))).toMatch(/^exit 0/);
  };

  it.each(['terraform', 'tofu'])('is applied by %s as exactly that text: no file is read on the runner', async (engine) => {
    const before = fs.readFileSync(file(), 'utf8');
    const name = `${t.displayName}${hostile}`;
    applyWith(engine, before.replace(/displayName: .*/, `displayName: '${name}'`), `${t.name}: a display name with template syntax (${engine})`);
    const ns = await kube.get(t.cluster)!.get(`/api/v1/namespaces/${t.name}-${t.environments[0]}`);
    expect(Object.values(ns.body.metadata.annotations)).toContain(name);
    applyWith(engine, before, `${t.name}: display name back (${engine})`);
    const back = await kube.get(t.cluster)!.get(`/api/v1/namespaces/${t.name}-${t.environments[0]}`);
    expect(Object.values(back.body.metadata.annotations)).toContain(t.displayName);
  });
});

describe('a department removes a tenant', () => {
  const kube = kubes();
  const m = model();
  // a tenant whose removal also empties a DR stack (a retired stack, destroyed rather than forgotten)
  const slices = planStacks(m);
  const t = m.tenants.find(
    (x) =>
      x.mlpsLevel >= 2 &&
      slices.some((s) => s.kind === 'department' && s.tenants.length === 0 && s.replicas.length > 0 && s.replicas.every((r) => r.tenant.name === x.name)),
  ) as Tenant;
  const emptied = slices
    .filter((s) => s.kind === 'department' && s.tenants.length === 0 && s.replicas.every((r) => r.tenant.name === t?.name))
    .map((s) => s.name);
  const where = async () => {
    const found: string[] = [];
    for (const [name, k] of kube) {
      for (const ns of await k.list(`/api/v1/namespaces?labelSelector=${encodeURIComponent(`govcloud.gov.cn/tenant=${t.name}`)}`))
        found.push(`${name}/${ns.metadata.name}`);
    }
    return found.sort();
  };

  it('is refused by govcloud pr and by plan without a decommission approval at the base', async () => {
    expect(t).toBeDefined();
    expect((await where()).length).toBeGreaterThan(1);
    git('checkout', '-q', '-b', `remove-${t.name}`);
    fs.rmSync(tenantFile(t.county, t.name));
    commitAll(`remove ${t.name}`);
    const pr = govcloud(['pr', '--base', 'main', '--format', 'json']);
    expect(pr.code).toBe(1);
    expect(JSON.parse(pr.out).blockers.join('\n')).toContain(`for ${t.name} without an approved decommission at the base`);
    const plan = govcloud(['plan', '--affected-by', 'main', '--out', outDir()]);
    expect(plan.code).toBe(1);
    expect(plan.err).toContain(`plan refused: tenant removed for ${t.name} without an approved decommission`);
    expect(rows(plan.out)).toEqual([]);
    git('checkout', '-q', 'main');
    git('branch', '-q', '-D', `remove-${t.name}`);
  });

  it("with the approval merged and applied, keeps its backups retainBackupDays: the Schedules' TTL is raised on the cluster", async () => {
    const file = tenantFile(t.county, t.name);
    fs.writeFileSync(
      file,
      `${fs.readFileSync(file, 'utf8').trimEnd()}\n  decommission: { approvedBy: 市政务服务数据管理局, ref: XM-2026-0199, retainBackupDays: 90 }\n`,
    );
    commitAll(`${t.name}: decommission approved`);
    const primary = `dept-${t.county}-${t.department}-${t.cluster}`;
    const plan = govcloud(['plan', '--stack', primary, '--out', outDir()]);
    expect(explain(plan)).toMatch(/^exit 0/);
    const apply = govcloud(['apply', '--planned', '--out', outDir()]);
    expect(explain(apply)).toMatch(/^exit 0/);
    expect(t.replicas.length).toBeGreaterThan(0);
    for (const r of t.replicas) {
      const s = await kube.get(t.cluster)!.get(`/apis/velero.io/v1/namespaces/velero/schedules/${t.name}-${r.siteRole}`);
      // 90 days, above the tier's retention at that site
      expect([r.site, r.retentionDays < 90, s.body.spec.template.ttl]).toEqual([r.site, true, '2160h0m0s']);
    }
  });

  it('with the approval merged first, plans the destroy of every namespace it had, in every stack', () => {
    git('checkout', '-q', '-b', `remove-${t.name}`);
    const file = tenantFile(t.county, t.name);
    fs.rmSync(file);
    commitAll(`remove ${t.name}`);
    const pr = govcloud(['pr', '--base', 'main', '--format', 'json']);
    expect(JSON.parse(pr.out).blockers.join('\n')).not.toContain('decommission');
    const r = govcloud(['plan', '--affected-by', 'main', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    const runs = rows(r.out);
    const holding = [`dept-${t.county}-${t.department}-${t.cluster}`, ...t.replicas.map((r) => `dept-${t.county}-${t.department}-${r.cluster}`)];
    expect(runs.map((x) => x.stack)).toEqual(expect.arrayContaining([...holding, ...emptied]));
    // where its namespaces are: destroyed; elsewhere (its peers' flows to it): updated, nothing destroyed
    for (const x of runs) {
      if (holding.includes(x.stack))
        expect([x.stack, x.summary]).toEqual([x.stack, expect.stringMatching(/^Plan: 0 to add, \d+ to change, [1-9]\d* to destroy\.$/)]);
      else expect([x.stack, x.summary]).toEqual([x.stack, expect.stringMatching(/^Plan: 0 to add, [1-9]\d* to change, 0 to destroy\.$/)]);
    }
    expect(r.err).toContain(`stack ${emptied[0]} (extranet) no longer holds anything`);
  });

  it('applies it: no namespace of the tenant is left on any cluster', async () => {
    const r = govcloud(['apply', '--planned', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    // namespace deletion is finished by the controller manager
    for (let i = 0; i < 240 && (await where()).length > 0; i++) await sleep(250);
    expect(await where()).toEqual([]);
    git('checkout', '-q', 'main');
    git('merge', '-q', '--ff-only', `remove-${t.name}`);
  });

  it('keeps the emptied stack until its folder is removed by hand, and it plans nothing more', () => {
    const r = govcloud(['plan', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    const runs = rows(r.out);
    expect(runs.filter((x) => x.status !== 'no changes')).toEqual([]);
    for (const e of emptied) expect(runs.map((x) => x.stack)).toContain(e);
  });
});
