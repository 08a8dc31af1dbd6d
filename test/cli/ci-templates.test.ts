/**
 * The CI templates call govcloud commands; this runs each of them, as written, on a fixture
 * repository (a base commit, then a new tenant), with the template variables filled in. Terraform
 * is real; its provider mirror is empty here, so plan stops at init and says so in its table.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { FIXTURES, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function commands(file: string): string[] {
  const doc = parse(fs.readFileSync(path.join(REPO, 'ci', file), 'utf8')) as Record<string, unknown>;
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const line of v.split('\n')) if (line.trim().startsWith('npx govcloud ')) out.push(line.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

function fixtureRepo(): string {
  const dir = tmpDir('ci');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('config', 'user.email', 'ci@example.gov.cn');
  git('config', 'user.name', 'ci');
  fs.cpSync(path.join(FIXTURES, 'base'), path.join(dir, 'environments', 'example-city'), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('tag', 'base');
  const t = path.join(dir, 'environments', 'example-city', 'tenants', 'north');
  fs.writeFileSync(path.join(t, 'records.yaml'), fs.readFileSync(path.join(t, 'relief.yaml'), 'utf8').replace('name: relief', 'name: records'));
  git('add', '-A');
  git('commit', '-qm', 'add records');
  return dir;
}

function fill(cmd: string): string[] {
  const line = cmd
    .replace(/\s*\|\|.*$/, '')
    .replace(/"\$GOVCLOUD_ENV"/g, 'environments/example-city')
    .replace(/"\$BASE_REF"|"origin\/\$\{\{ github.base_ref \}\}"|HEAD~1/g, 'base');
  return line.split(/\s+/).slice(2);
}

describe.each(['gitlab-ci.yml', 'github-workflow.yml'])('%s', (file) => {
  const cmds = commands(file);
  const dir = fixtureRepo();
  const mirror = path.join(dir, 'no-providers');
  fs.mkdirSync(mirror);
  fs.writeFileSync(path.join(dir, 'tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${mirror}"\n  }\n}\n`);
  const run = (cmd: string) => {
    const r = spawnSync(process.execPath, [CLI, ...fill(cmd)], { cwd: dir, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: path.join(dir, 'tfrc'), LANG: 'C' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('calls validate, check, pr, plan and apply', () => {
    const verbs = new Set(cmds.map((c) => c.split(/\s+/)[2]));
    expect([...verbs].sort()).toEqual(['apply', 'check', 'plan', 'pr', 'validate']);
  });

  it.each(cmds.map((c) => [c]))('runs %s', (cmd) => {
    const r = run(cmd);
    expect(r.err).not.toContain('Run govcloud --help');
    const verb = cmd.split(/\s+/)[2];
    if (verb === 'validate') expect(r.code).toBe(0);
    if (verb === 'check') expect((JSON.parse(fs.readFileSync(path.join(dir, fill(cmd).slice(-1)[0]), 'utf8')) as { version: string }).version).toBe('2.1.0');
    if (verb === 'pr') expect(fs.readFileSync(path.join(dir, 'pr-summary.md'), 'utf8')).toContain('+ `records` (north, L2 extranet)');
    if (verb === 'plan') {
      const network = cmd.includes('--network intranet') ? 'intranet' : 'extranet';
      if (network === 'intranet') expect(r.out).toContain('stack');
      else {
        expect(r.out).toMatch(/^county-north-ext-main +extranet +failed .*init: Error: Failed to query available provider packages/m);
        expect(r.code).toBe(1);
      }
    }
    if (verb === 'apply' && !cmd.includes('intranet')) expect(r.out).toMatch(/^county-north-ext-main +extranet +skipped .*no saved plan/m);
  });
});
