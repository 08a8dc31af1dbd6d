/**
 * Address pools (config/pools/, workflow/pools.ts, `govcloud pools`): sizes, the allocation's lock-file
 * behaviour (kept, lowest free aligned block, dropped, the same on every run), the model carrying the
 * pools, a city without the file, and the command in both languages.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { allocatePools, poolBits } from '../../config/pools/allocate';
import { renderPools } from '../../config/pools/file';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { updatePools } from '../../workflow/pools';
import { caseEnv, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const cluster = { name: 'c', podCidr: '10.244.0.0/20' };
const tenant = (namespace: string, pods: number) => ({ namespace, pods, owner: { kind: 'tenant' as const, tenant: namespace, replica: false } });
const table = (entries: Record<string, string>) => new Map([['c', new Map(Object.entries(entries))]]);

describe('pool sizes', () => {
  it('holds the pod quota plus a quarter (at least 4), never below a /28; a platform namespace gets a /27', () => {
    expect([poolBits(5), poolBits(12), poolBits(13), poolBits(25), poolBits(26), poolBits(50), poolBits(200), poolBits(undefined)]).toEqual([
      28, 28, 27, 27, 26, 26, 24, 27,
    ]);
  });
});

describe('allocatePools', () => {
  const wanted = new Map([['c', [tenant('b-prod', 50), tenant('a-prod', 5), { namespace: 'velero', owner: { kind: 'platform' as const } }]]]);

  it('gives the lowest free aligned block in name order, the same on every run', () => {
    const a = allocatePools([cluster], wanted, new Map());
    expect(Object.fromEntries(a.pools.get('c')!)).toEqual({ 'a-prod': '10.244.0.0/28', 'b-prod': '10.244.0.64/26', velero: '10.244.0.32/27' });
    expect(a.added).toEqual(['c/a-prod', 'c/b-prod', 'c/velero']);
    expect(renderPools(allocatePools([cluster], wanted, new Map()).pools)).toBe(renderPools(a.pools));
  });

  it('keeps every existing entry, even one smaller than asked, and allocates around it', () => {
    const a = allocatePools([cluster], wanted, table({ 'b-prod': '10.244.0.0/26' }));
    expect(Object.fromEntries(a.pools.get('c')!)).toEqual({ 'a-prod': '10.244.0.64/28', 'b-prod': '10.244.0.0/26', velero: '10.244.0.96/27' });
    expect(a.added).toEqual(['c/a-prod', 'c/velero']);
  });

  it('drops the entries of namespaces and clusters that no longer exist, and moves an entry outside the range', () => {
    const a = allocatePools(
      [cluster],
      wanted,
      new Map([...table({ 'gone-prod': '10.244.1.0/28', 'a-prod': '10.99.0.0/28' }), ['old', new Map([['x', '10.245.0.0/28']])]]),
    );
    expect(a.dropped.sort()).toEqual(['c/gone-prod', 'old/x']);
    expect(a.pools.get('c')!.get('a-prod')).toBe('10.244.0.0/28');
  });

  it('says which namespaces no block is left for', () => {
    const small = { name: 'c', podCidr: '10.244.0.0/26' };
    const a = allocatePools([small], new Map([['c', [tenant('a-prod', 40), tenant('b-prod', 40)]]]), new Map());
    expect(a.full).toEqual(['c/b-prod']);
  });
});

describe('the model', () => {
  it("carries each namespace's pool: tenants per environment, replicas, platform namespaces", () => {
    const m = validateEnvironment(caseEnv(undefined)).model!;
    const hub = m.tenants.find((t) => t.name === 'exchange-hub')!;
    expect(hub.pools.prod).toMatch(/^10\.244\./);
    expect(hub.replicas.map((r) => [r.cluster, r.pool.split('.').slice(0, 2).join('.')])).toEqual([
      ['ext-twin', '10.245'],
      ['ext-far', '10.246'],
    ]);
    const main = m.clusters.find((c) => c.name === 'ext-main')!;
    expect(Object.keys(main.platformPools)).toEqual([
      'govcloud-system',
      'internet-egress',
      'internet-ingress',
      'velero',
      'zone-administrative',
      'zone-exchange',
      'zone-public-service',
    ]);
  });

  it('is refused without address-pools.yaml, once, naming the command to run', () => {
    const dir = caseEnv(undefined);
    fs.rmSync(path.join(dir, 'address-pools.yaml'));
    const r = validateEnvironment(dir);
    const shown = (lang: 'en' | 'zh') =>
      r.issues.map((i) =>
        formatIssue(i, lang)
          .split(path.dirname(dir) + path.sep)
          .join(''),
      );
    expect(shown('en')).toEqual([
      'case/address-pools.yaml:1:1 address-pools.yaml is missing: every namespace needs an address pool, so that its pods can be named by address on another cluster; run govcloud pools --write --env case and commit the file',
    ]);
    expect(shown('zh')).toEqual([
      'case/address-pools.yaml:1:1 缺少 address-pools.yaml：每个命名空间都需要地址池，其他集群才能按地址识别其 Pod；请运行 govcloud pools --write --env case 并提交该文件',
    ]);
    expect(r.model).toBeUndefined();
    // pools --write writes it, the same bytes as the committed fixture
    const update = updatePools(dir);
    expect(update.ok && update.text).toBe(fs.readFileSync(path.join(caseEnv(undefined), 'address-pools.yaml'), 'utf8'));
  });
});

describe('govcloud pools', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'pools', '--env', path.basename(dir), ...args], { cwd: path.dirname(dir), encoding: 'utf8' });

  it('says an up-to-date file is, and exits 0', () => {
    const r = run(caseEnv(undefined), '--lang', 'en');
    expect([r.status, r.stdout]).toEqual([0, 'case/address-pools.yaml is up to date\n']);
  });

  it('lists what would change and exits 1 without --write; writes it with --write, in both languages', () => {
    const dir = caseEnv(undefined);
    const src = fs.readFileSync(path.join(dir, 'tenants/north/relief.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'tenants/north/records.yaml'), src.replace('name: relief', 'name: records'));
    const before = fs.readFileSync(path.join(dir, 'address-pools.yaml'), 'utf8');
    const check = run(dir, '--lang', 'zh');
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^\+ ext-main\/records-prod 10\.244\.\d+\.\d+\/\d+\n\+ ext-main\/records-test /);
    expect(check.stderr).toBe('case/address-pools.yaml 需要更新（见上）：请运行 govcloud pools --write --env case 并提交该文件\n');
    expect(fs.readFileSync(path.join(dir, 'address-pools.yaml'), 'utf8')).toBe(before);
    const write = run(dir, '--write', '--lang', 'en');
    expect(write.status).toBe(0);
    expect(write.stdout).toContain('wrote case/address-pools.yaml');
    expect(validateEnvironment(dir).issues).toEqual([]);
    // every entry that was there is still there
    const after = fs.readFileSync(path.join(dir, 'address-pools.yaml'), 'utf8');
    for (const line of before.split('\n').filter((l) => /^ {6}\S+: /.test(l))) expect(after).toContain(line);
  });
});
