/**
 * `govcloud pr` on a temporary git repository: a base commit of the fixture city, then one change
 * per scenario, asserting the summary, the approvers and the exit code.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { baseRepo, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

const repo = (): string => baseRepo('pr');

function pr(dir: string, format: 'md' | 'json' = 'json') {
  const r = spawnSync(process.execPath, [CLI, 'pr', '--base', 'HEAD', '--env', 'env', '--format', format, '--lang', 'en'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GOVCLOUD_TODAY: '2026-11-23' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as PrJson };
}

interface PrJson {
  blocked: boolean;
  blockers: string[];
  tenants: { name: string; kind: string }[];
  stacks: string[];
  resources: { stack: string; address: string; kind: string; attributes: string[] }[];
  capacity: { cluster: string }[];
  dataAtRisk: { tenant: string; what: string; approved: boolean; namespaces: string[] }[];
  approvers: { role: string; group: string }[];
  issues: string[];
}

const edit = (dir: string, file: string, from: string, to: string) => {
  const f = path.join(dir, 'env', file);
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(f, text.replace(from, to));
};

describe('govcloud pr', () => {
  it('summarizes a new tenant: its stacks, resources, capacity and approvers', () => {
    const dir = repo();
    const src = fs.readFileSync(path.join(dir, 'env/tenants/north/relief.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'env/tenants/north/records.yaml'), src.replace('name: relief', 'name: records').replace('tier: none', 'tier: backup'));
    // without the pools of its namespaces the request is refused, naming the command that gives them
    const unpooled = pr(dir);
    expect(unpooled.code).toBe(1);
    expect(unpooled.json().issues).toContain(
      'env/tenants/north/records.yaml:4:9 metadata.name: namespace records-prod on cluster ext-main has no address pool in address-pools.yaml; run govcloud pools --write --env env and commit address-pools.yaml',
    );
    const pools = spawnSync(process.execPath, [CLI, 'pools', '--write', '--env', 'env', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
    expect(pools.stdout).toContain('+ ext-main/records-prod ');
    expect(pools.stdout).toContain('+ ext-far/records-prod ');
    expect(pools.status).toBe(0);
    const r = pr(dir);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.tenants).toEqual([{ name: 'records', county: 'north', kind: 'added', file: 'env/tenants/north/records.yaml', level: 2 }]);
    // the remote site's baseline now also covers level 2
    expect(j.stacks).toEqual(['dept-north-civil-affairs-ext-far', 'dept-north-civil-affairs-ext-main', 'platform-ext-far']);
    expect(j.resources.filter((x) => x.kind !== 'added').map((x) => [x.stack, x.address, x.attributes])).toEqual([
      ['platform-ext-far', 'helm_release.baseline_release_148FA9C1', ['values.0']],
    ]);
    expect(j.resources.some((x) => x.address.startsWith('kubernetes_namespace_v1.records_prod_namespace_'))).toBe(true);
    expect(j.capacity.map((c) => c.cluster)).toEqual(['ext-main', 'ext-far']);
    // a new system is the joint project review's (项目联审) to approve
    expect(j.approvers.map((a) => a.role)).toEqual(['platform', 'county', 'joint-review', 'joint-review', 'joint-review', 'joint-review']);
    const md = pr(dir, 'md');
    expect(md.out).toContain('✅ Ready for approval');
    expect(md.out).toContain('+ `records` (north, L2 extranet)');
  });

  it('blocks a change that synth would refuse for physical isolation, instead of saying Ready (issue 10)', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'displayName: 测试系统 relief', 'displayName: 测试系统 relief (case-files mirror)');
    const r = pr(dir);
    expect(r.code).toBe(1);
    const blockers = r.json().blockers.filter((b) => b.startsWith('physical isolation'));
    expect(blockers.length).toBeGreaterThan(0);
    for (const b of blockers)
      expect(b).toMatch(
        /^physical isolation: dept-north-[a-z-]+-ext-(main|far) \(extranet\) would refer to tenant case-files of the other network at .*; synth refuses it$/,
      );
    expect(pr(dir, 'md').out).not.toContain('Ready for approval');
  });

  it('blocks a quota raised past the cluster capacity', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "95"');
    edit(dir, 'tenants/north/relief.yaml', 'ref: XM-2026-0001', 'ref: XM-2026-0190');
    const r = pr(dir);
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.blockers[0]).toBe('1 validation error(s) in the request files');
    expect(j.issues).toContain(
      'env/tenants/north/relief.yaml:16:17 spec.quota.cpu: cluster ext-main is over capacity: granted cpu 206 exceeds capacity 100 × over-commit 2 = 200 by 6 (103 %); this request takes 190 of it (95 × 2 environments): lower this quota, or ask the platform team for more capacity',
    );
  });

  it('blocks a quota increase that keeps the base revision’s 项目联审 reference, and passes it with a new one', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'pods: 50', 'pods: 60');
    const same = pr(dir);
    expect(same.code).toBe(1);
    expect(same.json().blockers[0]).toBe('1 validation error(s) in the request files');
    expect(same.json().issues).toEqual([
      'env/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference "XM-2026-0001" is the one the request already had at the base revision, but this change needs a new 项目联审 (joint project review) approval: the quota grows (pods); give the reference (and date) of the review that approved this change',
    ]);
    expect(pr(dir, 'md').out).not.toContain('Ready for approval');
    edit(dir, 'tenants/north/relief.yaml', 'ref: XM-2026-0001', 'ref: XM-2026-0190');
    // what still blocks is the tenant's own graded-protection findings, not the reference
    const renewed = pr(dir).json();
    expect(renewed.issues).toEqual([]);
    expect(renewed.blockers).toEqual(['2 unwaived graded-protection failure(s) in the changed tenants']);
  });

  it('points a cluster over capacity at the changed request, not at the largest or at platform.yaml (issue 10)', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "60"'); // 120 of 200, in the base
    execFileSync('git', ['commit', '-qam', 'relief grows'], { cwd: dir, stdio: 'ignore' });
    edit(dir, 'tenants/north/portal.yaml', 'cpu: "4"', 'cpu: "45"'); // 90 more: 218
    const r = pr(dir);
    expect(r.code).toBe(1);
    const capacity = r.json().issues.filter((i) => i.includes('over capacity'));
    expect(capacity).toEqual([
      'env/tenants/north/portal.yaml:16:17 spec.quota.cpu: cluster ext-main is over capacity: granted cpu 218 exceeds capacity 100 × over-commit 2 = 200 by 18 (109 %); this request takes 90 of it (45 × 2 environments): lower this quota, or ask the platform team for more capacity',
    ]);
  });

  it('refuses to delete a tenant without a decommission approval, naming the data at risk', () => {
    const dir = repo();
    fs.rmSync(path.join(dir, 'env/tenants/south/exchange-hub.yaml'));
    edit(dir, 'tenants/north/portal.yaml', '    - { to: tenant/south/exchange-hub, ports: [443] }\n', '');
    const r = pr(dir);
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.dataAtRisk).toEqual([
      expect.objectContaining({
        tenant: 'exchange-hub',
        what: 'tenant removed',
        approved: false,
        namespaces: [
          'ext-main/exchange-hub-prod',
          'ext-main/exchange-hub-test',
          'ext-twin/exchange-hub-prod (same-city standby)',
          'ext-far/exchange-hub-prod (remote backup)',
        ],
      }),
    ]);
    expect(j.blockers.some((b) => b.startsWith('tenant removed for exchange-hub without an approved decommission'))).toBe(true);
    expect(j.resources.filter((x) => x.kind === 'removed').length).toBeGreaterThan(0);
  });

  it('lets the deletion through when the base revision approved the decommission', () => {
    const dir = repo();
    edit(dir, 'tenants/south/exchange-hub.yaml', '  admins:', '  decommission: { approvedBy: 大数据局, ref: XX-2026-9, retainBackupDays: 180 }\n  admins:');
    edit(dir, 'tenants/north/portal.yaml', '    - { to: tenant/south/exchange-hub, ports: [443] }\n', '');
    execFileSync('git', ['commit', '-qam', 'approve decommission'], { cwd: dir });
    fs.rmSync(path.join(dir, 'env/tenants/south/exchange-hub.yaml'));
    const r = pr(dir);
    const j = r.json();
    expect(j.dataAtRisk.map((d) => [d.tenant, d.approved])).toEqual([['exchange-hub', true]]);
    expect(j.blockers).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('asks for security review when a waiver is added', () => {
    const dir = repo();
    edit(
      dir,
      'tenants/north/relief.yaml',
      '  admins:',
      '  waivers:\n    - { rule: MLPS-DATA-001, reason: "backup agent arrives with the 2027 upgrade", approvedBy: 安全处, expires: 2027-06-30 }\n    - { rule: MLPS-DATA-002, reason: "remote copy arrives with the 2027 upgrade", approvedBy: 安全处, expires: 2027-06-30 }\n  admins:',
    );
    const r = pr(dir);
    const j = r.json();
    expect(j.approvers.map((a) => a.role)).toEqual(['platform', 'county', 'security']);
    expect(j.stacks).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('blocks an Internet flow from an administrative-zone tenant and routes it to security review', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', '  admins:', '  flows:\n    - { to: internet, hosts: [api.example.cn], ports: [443] }\n  admins:');
    const r = pr(dir);
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.issues.join('\n')).toContain(
      'spec.flows[0].to: only public-service tenants may reach the Internet, through the unified egress (zone is administrative)',
    );
    expect(j.approvers.map((a) => a.role)).toContain('security');
  });

  it('reports the errors of an added request file, blocks, and routes it by its folder (issue 10)', () => {
    const dir = repo();
    const src = fs.readFileSync(path.join(dir, 'env/tenants/north/relief.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'env/tenants/north/records.yaml'),
      src.replace('name: relief', 'name: records').replace('zone: administrative', 'zone: dmz2'),
    );
    const r = pr(dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.tenants).toEqual([{ name: 'records', county: 'north', kind: 'added', file: 'env/tenants/north/records.yaml' }]);
    expect(j.blockers).toEqual(['1 validation error(s) in the request files']);
    expect(j.issues).toEqual([
      'env/tenants/north/records.yaml:14:9 spec.zone: value "dmz2" is not allowed (allowed: public-service, administrative, exchange)',
    ]);
    expect(j.approvers.map((a) => [a.role, a.group])).toEqual([
      ['platform', '@govcloud/platform'],
      ['county', '@govcloud/county-north'],
      ['joint-review', '@govcloud/development-reform'],
      ['joint-review', '@govcloud/economy-it'],
      ['joint-review', '@govcloud/finance'],
      ['joint-review', '@govcloud/joint-review-office'],
    ]);
    expect(j.dataAtRisk).toEqual([]);
    const zh = spawnSync(process.execPath, [CLI, 'pr', '--base', 'HEAD', '--env', 'env', '--lang', 'zh'], { cwd: dir, encoding: 'utf8' });
    expect(zh.status).toBe(1);
    expect(zh.stdout).toContain('❌ 不可合并');
    expect(zh.stdout).toContain('env/tenants/north/records.yaml:14:9 spec.zone: 取值 "dmz2" 不允许（允许：public-service, administrative, exchange）');
    expect(zh.stdout).toContain('租户 records：申请文件有错误；是否需要安全审查和涉密审查待文件通过校验后确定');
  });

  it('shows hostile request file names and display names literally in the Markdown comment (issue 21)', () => {
    const dir = repo();
    const src = fs.readFileSync(path.join(dir, 'env/tenants/north/relief.yaml'), 'utf8');
    const hostile = ['<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '| col |'];
    for (const h of hostile)
      fs.writeFileSync(path.join(dir, 'env/tenants/north', `${h}.yaml`), src.replace('displayName: 测试系统 relief', `displayName: "${h}"`));
    // a county folder's name goes into the county's approver group and its reason
    fs.mkdirSync(path.join(dir, 'env/tenants/[x](javascript:alert(2))'));
    fs.writeFileSync(path.join(dir, 'env/tenants/[x](javascript:alert(2))/records.yaml'), src.replace('name: relief', 'name: records'));
    const r = pr(dir, 'md');
    expect(r.code).toBe(1);
    expect(r.out).toContain('❌ Blocked');
    // the validation issues are in a code block, where nothing is rendered: the rest must not hold the raw text
    const fence = /^(`{3,})\n[\s\S]*?\n\1$/m;
    expect(r.out).toMatch(fence);
    const outside = r.out.replace(fence, '');
    // before: `tenant <img src=x onerror=alert(1)>: the request file has errors` in the approvers' cell, rendered as HTML
    expect(outside).not.toContain('<img');
    expect(outside).not.toMatch(/[^\\]\[click\]/);
    expect(outside).not.toContain('| col |');
    expect(outside).not.toContain('](javascript:alert(2))');
    expect(r.out).toContain('@govcloud/county-\\[x\\]\\(javascript:alert\\(2\\)\\) (the request is in county \\[x\\]');
    expect(r.out).toContain('tenant &lt;img src=x onerror=alert\\(1\\)&gt;: the request file has errors');
    expect(r.out).toContain('tenant \\[click\\]\\(javascript:alert\\(1\\)\\): the request file has errors');
    expect(r.out).toContain('tenant \\| col \\|: the request file has errors');
    // the summary table keeps its two columns
    for (const row of r.out.split('\n').filter((l) => l.startsWith('|'))) expect(row.replace(/\\\|/g, '').split('|').length).toBe(4);
  });

  it('does not call a changed request with errors a removal', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'mlpsLevel: 2', 'mlpsLevel: "two"');
    const j = pr(dir).json();
    expect(j.dataAtRisk).toEqual([]);
    expect(j.blockers).toEqual(['1 validation error(s) in the request files']);
  });

  it('says plainly when the base ref does not exist', () => {
    const dir = repo();
    const r = spawnSync(process.execPath, [CLI, 'pr', '--base', 'no-such-branch', '--env', 'env'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('base ref "no-such-branch" is not a commit in this repository');
  });
});

describe('govcloud pr on a branch behind its base', () => {
  it('compares with the fork point: tenants merged into main meanwhile are not "removed" by the branch', () => {
    const dir = repo();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('branch', '-M', 'main');
    git('checkout', '-q', '-b', 'quota');
    edit(dir, 'tenants/north/relief.yaml', 'pods: 50', 'pods: 60');
    git('commit', '-qam', 'relief: pods 60');
    // meanwhile another department's tenant lands on main
    git('checkout', '-q', 'main');
    const t = path.join(dir, 'env', 'tenants', 'north');
    fs.writeFileSync(path.join(t, 'records.yaml'), fs.readFileSync(path.join(t, 'relief.yaml'), 'utf8').replace('name: relief', 'name: records'));
    git('add', '-A');
    git('commit', '-qm', 'add records');
    git('checkout', '-q', 'quota');
    const r = spawnSync(process.execPath, [CLI, 'pr', '--base', 'main', '--env', 'env', '--format', 'json', '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GOVCLOUD_TODAY: '2026-11-23' },
    });
    const json = JSON.parse(r.stdout) as PrJson;
    expect(json.tenants.map((x) => [x.name, x.kind])).toEqual([['relief', 'changed']]);
    expect(json.dataAtRisk).toEqual([]);
  });
});

describe('govcloud pr on namespaces that leave their cluster indirectly', () => {
  it('counts a lowered DR tier as data at risk: the same-city replica would be destroyed', () => {
    const dir = repo();
    edit(dir, 'tenants/south/exchange-hub.yaml', 'tier: hot-standby', 'tier: backup');
    const r = pr(dir);
    expect(r.code).toBe(1);
    const risk = r.json().dataAtRisk.find((x) => x.what === 'namespaces moved or removed');
    expect(risk).toEqual({
      tenant: 'exchange-hub',
      what: 'namespaces moved or removed',
      approved: false,
      namespaces: [expect.stringMatching(/^ext-twin\/exchange-hub-/)],
      file: expect.any(String),
      detail: 'DR tier hot-standby → backup',
    });
    expect(r.json().blockers.join('\n')).toContain('namespaces moved or removed for exchange-hub without an approved decommission at the base');
  });

  it('lets a raised DR tier through: nothing leaves', () => {
    const dir = repo();
    edit(dir, 'tenants/north/portal.yaml', 'tier: backup', 'tier: hot-standby');
    expect(pr(dir).json().dataAtRisk).toEqual([]);
  });
});
