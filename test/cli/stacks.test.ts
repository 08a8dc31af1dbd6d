/**
 * `govcloud stacks --affected-by REF --format json`: the list a CI system fans out over, one job per
 * stack, platform phase before department phase; refused behind the same gate as plan --affected-by.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { baseRepo, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

interface StacksJson {
  affectedBy: string | null;
  network: string | null;
  any: boolean;
  stacks: { name: string; network: string; cluster: string; kind: string; phase: string }[];
  matrix: { platform: { include: { stack: string; network: string }[] }; department: { include: { stack: string; network: string }[] } };
}

const repo = (): string => baseRepo('stacks');

function stacks(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'stacks', '--env', 'env', '--lang', 'en', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GOVCLOUD_TODAY: '2026-11-23' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) as StacksJson };
}

const edit = (dir: string, file: string, from: string, to: string) => {
  const f = path.join(dir, 'env', file);
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(from, to));
};

describe('govcloud stacks --format json', () => {
  it('lists every stack, platform phase first, with a matrix per phase', () => {
    const r = stacks(repo(), '--format', 'json');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.affectedBy).toBeNull();
    expect(j.any).toBe(true);
    const phases = j.stacks.map((s) => s.phase);
    expect(phases.indexOf('department')).toBe(phases.lastIndexOf('platform') + 1);
    expect(j.matrix.platform.include.map((x) => x.stack)).toEqual(j.stacks.filter((s) => s.kind === 'platform').map((s) => s.name));
    expect(j.matrix.department.include.map((x) => x.stack)).toEqual(j.stacks.filter((s) => s.kind === 'department').map((s) => s.name));
    for (const x of [...j.matrix.platform.include, ...j.matrix.department.include]) expect(['extranet', 'intranet']).toContain(x.network);
  });

  it('lists only the stacks a quota change affects', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"');
    const r = stacks(dir, '--affected-by', 'HEAD', '--format', 'json');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.affectedBy).toBe('HEAD');
    expect(j.stacks).toEqual([
      { name: 'dept-north-civil-affairs-ext-main', network: 'extranet', cluster: 'ext-main', kind: 'department', phase: 'department' },
    ]);
    expect(j.matrix).toEqual({ platform: { include: [] }, department: { include: [{ stack: 'dept-north-civil-affairs-ext-main', network: 'extranet' }] } });
  });

  it("lists only the stacks of one network with --network, for a CI job on that network's runners", () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"');
    edit(dir, 'tenants/south/case-files.yaml', 'cpu: "8"', 'cpu: "10"');
    const both = stacks(dir, '--affected-by', 'HEAD', '--format', 'json').json();
    expect(both.network).toBeNull();
    expect(both.stacks.map((s) => s.name)).toEqual(['dept-north-civil-affairs-ext-main', 'dept-south-public-security-int-main']);
    const intranet = stacks(dir, '--affected-by', 'HEAD', '--network', 'intranet', '--format', 'json').json();
    expect(intranet.network).toBe('intranet');
    expect(intranet.matrix).toEqual({
      platform: { include: [] },
      department: { include: [{ stack: 'dept-south-public-security-int-main', network: 'intranet' }] },
    });
    const extranet = stacks(dir, '--network', 'extranet');
    expect(extranet.code).toBe(0);
    expect(extranet.out).not.toMatch(/int-main/);
    expect(extranet.out).toMatch(/^platform-ext-main +extranet/m);
  });

  it('writes the list to --out instead of printing it', () => {
    const dir = repo();
    const r = stacks(dir, '--format', 'json', '--out', 'stacks.json');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'stacks.json'), 'utf8')) as StacksJson;
    expect(j.stacks.length).toBeGreaterThan(0);
    expect(stacks(dir, '--out', 'no-such-folder/stacks.json').code).toBe(2);
  });

  it('writes a GitLab child pipeline with a plan and an apply job for each affected stack', () => {
    const dir = repo();
    edit(dir, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"');
    const r = stacks(dir, '--affected-by', 'HEAD', '--format', 'gitlab-child');
    expect(r.code).toBe(0);
    const doc = parse(r.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['include', 'stages', 'plan:dept-north-civil-affairs-ext-main', 'apply:dept-north-civil-affairs-ext-main']);
  });

  it('says there is nothing to run when nothing changed', () => {
    const j = stacks(repo(), '--affected-by', 'HEAD', '--format', 'json').json();
    expect(j.any).toBe(false);
    expect(j.stacks).toEqual([]);
  });

  it('refuses a change that loses a tenant without an approved decommission, as plan --affected-by does', () => {
    const dir = repo();
    fs.rmSync(path.join(dir, 'env/tenants/north/relief.yaml'));
    const r = stacks(dir, '--affected-by', 'HEAD', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^refused: tenant removed for relief without an approved decommission at HEAD \(spec\.decommission\): data at risk in /m);
  });

  it('refuses an unknown REF as a usage error', () => {
    const r = stacks(repo(), '--affected-by', 'no-such-ref');
    expect(r.code).toBe(2);
  });
});
