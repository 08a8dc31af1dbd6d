/**
 * State in PostgreSQL, one database per network: two applies of one stack at once give exactly one
 * lock error and intact state; an apply killed with SIGKILL mid-way leaves the state readable and no
 * lock, and the next plan + apply converges.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { holdAfterFirst } from './harness/hold-webhook';
import { commitAll, engineEnv, explain, govcloud, govcloudAsync, kubes, model, outDir, rows, tenantFile, topology } from './harness/suite';
import { Tenant } from '../../config/model';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function psql(db: string, sql: string): string {
  const top = topology();
  return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(top.pg.port), '-U', 'postgres', '-d', db, '-Atc', sql], { encoding: 'utf8' }).trim();
}

/** Raises the pod quota of these tenants by one, on main. */
function raisePods(tenants: readonly Tenant[]): void {
  for (const t of tenants) {
    const file = tenantFile(t.county, t.name);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/pods: (\d+) \}/, (_, n: string) => `pods: ${Number(n) + 1} }`),
    );
  }
  commitAll(`pods +1 for ${tenants.map((t) => t.name).join(', ')}`);
}

describe('state in PostgreSQL', () => {
  it('keeps extranet and intranet state in different databases, one schema per stack', () => {
    const ext = psql('govcloud_extranet', "select schema_name from information_schema.schemata where schema_name like 'govcloud_%' order by 1").split('\n');
    const int = psql('govcloud_intranet', "select schema_name from information_schema.schemata where schema_name like 'govcloud_%' order by 1").split('\n');
    expect(ext).toContain('govcloud_platform_ext_primary');
    expect(ext.some((s) => s.endsWith('_int_primary'))).toBe(false);
    expect(int).toEqual(expect.arrayContaining(['govcloud_platform_int_primary']));
    expect(int.some((s) => s.includes('_ext_'))).toBe(false);
  });

  it('refuses one connection string for both networks', () => {
    const env = engineEnv();
    delete env.PG_CONN_STR_EXTRANET;
    delete env.PG_CONN_STR_INTRANET;
    env.PG_CONN_STR = topology().pg.conn.extranet;
    const r = govcloud(['apply', '--planned', '--out', outDir()], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('extranet and intranet state would share one database');
  });

  it('lets exactly one of two simultaneous applies of a stack through; the state stays intact', async () => {
    const m = model();
    const t = m.tenants.find((x) => x.network === 'extranet' && x.county !== 'city') as Tenant;
    const stack = `dept-${t.county}-${t.department}-${t.cluster}`;
    raisePods([t]);
    const plan = govcloud(['plan', '--stack', stack, '--out', outDir()]);
    expect(rows(plan.out).map((x) => x.status)).toEqual(['changes']);
    const a = govcloudAsync(['apply', '--stack', stack, '--out', outDir()]);
    const b = govcloudAsync(['apply', '--stack', stack, '--out', outDir()]);
    const results = await Promise.all([a.done, b.done]);
    const summaries = results.flatMap((r) => rows(r.out).map((x) => `${x.status}: ${x.summary}`)).sort();
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toMatch(/^applied: Apply complete!/);
    expect(summaries[1]).toMatch(/^failed: apply: Error: Error acquiring the state lock/);
    const again = govcloud(['plan', '--stack', stack, '--out', outDir()]);
    expect(explain(again)).toMatch(/^exit 0/);
    expect(rows(again.out).map((x) => x.status)).toEqual(['no changes']);
  });

  it('survives an apply killed with SIGKILL mid-way: state readable, no lock, the next apply converges', async () => {
    const m = model();
    // the extranet department stack with the most objects to update, so that the kill lands between two
    const byStack = new Map<string, typeof m.tenants>();
    for (const x of m.tenants.filter((y) => y.network === 'extranet')) {
      const name = `dept-${x.county}-${x.department}-${x.cluster}`;
      byStack.set(name, [...(byStack.get(name) ?? []), x]);
    }
    const envs = (ts: typeof m.tenants) => ts.reduce((n, t) => n + t.environments.length, 0);
    const [stack, tenants] = [...byStack].sort((a, b) => envs(b[1]) - envs(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
    raisePods(tenants);
    const plan = govcloud(['plan', '--stack', stack, '--out', outDir()]);
    const planned = tenants.reduce((n, t) => n + t.environments.length, 0);
    expect(rows(plan.out).map((x) => [x.status, x.summary])).toEqual([['changes', `Plan: 0 to add, ${planned} to change, 0 to destroy.`]]);
    expect(planned).toBeGreaterThan(1);
    // the first quota update goes through, the next is held by a webhook until the engine is killed:
    // the kill lands between two updates however fast the API server answers
    const cluster = topology().clusters.find((c) => c.name === tenants[0].cluster)!;
    const namespaces = tenants.flatMap((t) => t.environments.map((e) => `${t.name}-${e}`));
    const hold = await holdAfterFirst(
      cluster,
      kubes().get(cluster.name)!,
      'resourcequotas',
      namespaces,
      `/api/v1/namespaces/${namespaces[0]}/resourcequotas/quota`,
    );
    const log = path.join(outDir(), 'extranet', 'stacks', stack, 'govcloud-apply.log');
    fs.rmSync(log, { force: true });
    const run = govcloudAsync(['apply', '--stack', stack, '--out', outDir()], { ...engineEnv(), TF_CLI_ARGS_apply: '-parallelism=1' });
    try {
      for (let i = 0; i < 1200 && !(hold.held() > 0 && fs.existsSync(log) && /Modifications complete after/.test(fs.readFileSync(log, 'utf8'))); i++)
        await sleep(50);
      expect([hold.passed(), hold.held()]).toEqual([1, 1]);
      process.kill(-run.pid, 'SIGKILL');
      await run.done;
    } finally {
      await hold.release();
    }
    const text = fs.readFileSync(log, 'utf8');
    expect(text).toMatch(/Modifications complete after/);
    expect(text).not.toMatch(/Apply complete!/);

    // the lock was a session advisory lock of the killed engine: gone with its connection
    for (let i = 0; i < 40 && psql('govcloud_extranet', "select count(*) from pg_locks where locktype = 'advisory'") !== '0'; i++) await sleep(250);
    expect(psql('govcloud_extranet', "select count(*) from pg_locks where locktype = 'advisory'")).toBe('0');
    const env = { ...engineEnv(), PG_CONN_STR: topology().pg.conn.extranet };
    const list = spawnSync('terraform', ['state', 'list'], { cwd: path.dirname(log), env, encoding: 'utf8' });
    expect([list.status, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toContain('kubernetes_resource_quota_v1.');

    const replan = govcloud(['plan', '--stack', stack, '--out', outDir()]);
    expect(explain(replan)).toMatch(/^exit 0/);
    // what the killed apply did is seen on the cluster, not redone: only the rest is planned
    const rest = Number(/(\d+) to change/.exec(rows(replan.out)[0].summary)?.[1]);
    expect(rest).toBe(planned - 1);
    const apply = govcloud(['apply', '--stack', stack, '--out', outDir()]);
    expect(explain(apply)).toMatch(/^exit 0/);
    const last = govcloud(['plan', '--stack', stack, '--out', outDir()]);
    expect(rows(last.out).map((x) => x.status)).toEqual(['no changes']);
    const k = kubes().get(tenants[0].cluster)!;
    for (const t of tenants) {
      for (const e of t.environments) {
        const q = await k.get(`/api/v1/namespaces/${t.name}-${e}/resourcequotas/quota`);
        expect([t.name, e, q.body.spec.hard.pods]).toEqual([t.name, e, String(t.quota.pods + 1)]);
      }
    }
  });
});
