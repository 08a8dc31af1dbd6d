/**
 * Teardown through the product: `plan --destroy` is refused while namespaces are protected; with
 * every tenant's decommission approved it destroys every stack, county stacks before the platform
 * stacks, and nothing of any tenant is left. Then every process the suite started is stopped.
 */
import * as fs from 'fs';
import { commitAll, explain, govcloud, kubes, model, outDir, rows, runDir, tenantFile } from './harness/suite';
import * as path from 'path';
import { alive, stopAll } from './harness/procs';
import { dataPlane } from './harness/data-plane';
import { labDown } from './harness/lab-down';
import { hostDiff, hostState, HostState } from './harness/host-state';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('tearing the city down', () => {
  const kube = kubes();

  it('refuses to destroy protected namespaces without a decommission approval', () => {
    const t = model().tenants.find((x) => x.mlpsLevel >= 2 && x.decommission === undefined)!;
    const stack = `dept-${t.county}-${t.department}-${t.cluster}`;
    const r = govcloud(['plan', '--destroy', '--stack', stack, '--out', outDir()]);
    expect(r.code).toBe(1);
    expect(rows(r.out).map((x) => [x.stack, x.status, x.summary])).toEqual([[stack, 'failed', 'plan: Error: Instance cannot be destroyed']]);
  });

  it('destroys every stack once every decommission is approved, county stacks first', async () => {
    for (const t of model().tenants.filter((x) => x.decommission === undefined)) {
      const file = tenantFile(t.county, t.name);
      fs.writeFileSync(
        file,
        `${fs.readFileSync(file, 'utf8').trimEnd()}\n  decommission: { approvedBy: 市政务服务数据管理局, ref: XM-2026-0200, retainBackupDays: 90 }\n`,
      );
    }
    commitAll('decommission the example city (e2e teardown)');
    const plan = govcloud(['plan', '--destroy', '--out', outDir()]);
    expect(explain(plan)).toMatch(/^exit 0/);
    const apply = govcloud(['apply', '--planned', '--out', outDir()]);
    expect(explain(apply)).toMatch(/^exit 0/);
    const order = rows(apply.out).map((x) => `${x.network === 'extranet' ? 1 : 0}${x.stack.startsWith('platform-') ? 1 : 0}`);
    // intranet before extranet (reverse of apply order), and in each network county stacks first
    expect(order).toEqual([...order].sort());
    for (const x of rows(apply.out)) expect(x.status).toBe('applied');

    const left = async () => {
      const found: string[] = [];
      for (const [name, k] of kube) {
        for (const ns of await k.list(`/api/v1/namespaces?labelSelector=${encodeURIComponent('app.kubernetes.io/managed-by=govcloud')}`))
          found.push(`${name}/${ns.metadata.name}`);
        for (const p of await k.list('/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies'))
          if (p.metadata.name.startsWith('govcloud-')) found.push(`${name}/vap/${p.metadata.name}`);
        for (const s of await k.list('/api/v1/secrets?labelSelector=owner%3Dhelm')) found.push(`${name}/helm/${s.metadata.name}`);
      }
      return found;
    };
    for (let i = 0; i < 240 && (await left()).length > 0; i++) await sleep(250);
    expect(await left()).toEqual([]);
  });

  it('stops every process it started and leaves the host as it found it', async () => {
    const stopped = await stopAll(runDir());
    // etcd ×2, PostgreSQL, per cluster API server, controller manager and scheduler, and the data plane
    const plane = dataPlane(runDir());
    expect(stopped.length).toBeGreaterThanOrEqual(2 + 1 + 3 * kube.size + 4 * plane.lab.nodes.length + 2);
    expect(stopped.filter(alive)).toEqual([]);
    labDown(runDir());
    const before = JSON.parse(fs.readFileSync(path.join(runDir(), 'lab', 'before.json'), 'utf8')) as HostState;
    expect(hostDiff(before, hostState())).toEqual([]);
  });
});
