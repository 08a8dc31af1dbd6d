/**
 * Issue 10, class 1: input that once crashed the command (exit 3, "internal error", every other
 * error of the run lost) is reported as input, one positioned line each, in English and Chinese.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { caseEnv, FIXTURES, readTree, REPO } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', GOVCLOUD_TODAY: '2026-11-23' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noTrace = (r: { out: string; err: string }) => expect(r.out + r.err).not.toMatch(/internal error|内部错误|\n\s+at .*:\d+:\d+/);

/** The base city in `<tmp>/case`, with hand-written Terraform for one stack. */
function withOverride(text: string): string {
  const dir = caseEnv(undefined);
  fs.mkdirSync(path.join(dir, 'overrides', 'dept-north-civil-affairs-ext-main'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'overrides', 'dept-north-civil-affairs-ext-main', 'extra.tf.json'), text);
  return path.dirname(dir);
}

const BROKEN = '{\n  "resource": {\n    "kubernetes_config_map_v1": { "x": { "data": { "a": "b" }, } }\n  }\n}\n';
const BROKEN_EN = 'case/overrides/dept-north-civil-affairs-ext-main/extra.tf.json:3:64 JSON syntax error: expected a property name in double quotes, found "}"';
const BROKEN_ZH = 'case/overrides/dept-north-civil-affairs-ext-main/extra.tf.json:3:64 JSON 语法错误：应为 双引号括起的属性名，实际为 "}"';

describe('a request file nested 900 levels deep', () => {
  it('is one positioned error, and the other files of the run are still reported', () => {
    const dir = caseEnv('yaml-too-deep');
    fs.copyFileSync(path.join(FIXTURES, 'cases', 'schema-enum', 'tenants', 'north', 'relief.yaml'), path.join(dir, 'tenants', 'north', 'schema-enum.yaml'));
    const r = govcloud(['validate', '--env', 'case'], path.dirname(dir));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'case/tenants/north/relief.yaml:18:73 YAML is nested more than 64 levels deep; a request needs a handful: flatten it',
      'case/tenants/north/schema-enum.yaml:14:9 spec.zone: value "dmz2" is not allowed (allowed: public-service, administrative, exchange)',
      '6 files checked: 2 errors, 0 warnings',
    ]);
    noTrace(r);
  });
});

describe('malformed hand-written Terraform (overrides)', () => {
  it('refuses synth with the file, line and column, and writes nothing', () => {
    const cwd = withOverride(BROKEN);
    const r = govcloud(['synth', '--env', 'case', '--out', 'out', '--quiet'], cwd);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(BROKEN_EN);
    expect(fs.readdirSync(cwd).sort()).toEqual(['case']);
    noTrace(r);
    const zh = govcloud(['synth', '--env', 'case', '--out', 'out', '--workers', '2', '--lang', 'zh'], cwd);
    expect(zh.code).toBe(1);
    expect(zh.err.trim()).toBe(BROKEN_ZH);
    expect(fs.readdirSync(cwd).sort()).toEqual(['case']);
  });

  it('leaves an earlier synth output as it was', () => {
    const cwd = withOverride('{}\n');
    expect(govcloud(['synth', '--env', 'case', '--out', 'out', '--quiet'], cwd).code).toBe(0);
    const before = readTree(path.join(cwd, 'out'));
    fs.writeFileSync(path.join(cwd, 'case', 'overrides', 'dept-north-civil-affairs-ext-main', 'extra.tf.json'), BROKEN);
    expect(govcloud(['synth', '--env', 'case', '--out', 'out', '--quiet'], cwd).code).toBe(1);
    expect(readTree(path.join(cwd, 'out'))).toEqual(before);
  });

  it('refuses check with the same error in both languages', () => {
    const cwd = withOverride(BROKEN);
    const en = govcloud(['check', '--env', 'case'], cwd);
    expect([en.code, en.out, en.err.trim()]).toEqual([1, '', BROKEN_EN]);
    const zh = govcloud(['check', '--env', 'case', '--lang', 'zh'], cwd);
    expect([zh.code, zh.err.trim()]).toEqual([1, BROKEN_ZH]);
  });
});

describe('check --from', () => {
  it('reports a malformed file of the synth output with its position', () => {
    const cwd = path.dirname(caseEnv(undefined));
    expect(govcloud(['synth', '--env', 'case', '--out', 'out', '--quiet'], cwd).code).toBe(0);
    fs.writeFileSync(path.join(cwd, 'out', 'extranet', 'stacks', 'platform-ext-far', 'extra.tf.json'), '{ "locals": { "a": tru } }\n');
    const r = govcloud(['check', '--env', 'case', '--from', 'out'], cwd);
    expect([r.code, r.out, r.err.trim()]).toEqual([
      1,
      '',
      'out/extranet/stacks/platform-ext-far/extra.tf.json:1:20 JSON syntax error: expected a value, found "tru"',
    ]);
  });

  it('names a folder that does not exist, once, in both languages', () => {
    const cwd = path.dirname(caseEnv(undefined));
    const en = govcloud(['check', '--env', 'case', '--from', 'no-such-out'], cwd);
    expect([en.code, en.out, en.err.trim()]).toEqual([
      1,
      '',
      'no-such-out:1:1 synth output folder no-such-out does not exist: run govcloud synth --out no-such-out first',
    ]);
    const zh = govcloud(['check', '--env', 'case', '--from', 'no-such-out', '--lang', 'zh'], cwd);
    expect([zh.code, zh.err.trim()]).toEqual([1, 'no-such-out:1:1 生成输出目录 no-such-out 不存在：请先运行 govcloud synth --out no-such-out']);
  });

  it('names a folder that holds no synthesized stack', () => {
    const cwd = path.dirname(caseEnv(undefined));
    const r = govcloud(['check', '--env', 'case', '--from', 'case'], cwd);
    expect([r.code, r.err.trim()]).toEqual([
      1,
      'case:1:1 folder case holds no synthesized stack (extranet/stacks/<name>/cdk.tf.json or intranet/…): run govcloud synth --out case first',
    ]);
  });
});

describe('--out in the way', () => {
  it('refuses a report file in a folder that does not exist before any work, exit 2', () => {
    const cwd = path.dirname(caseEnv(undefined));
    const en = govcloud(['check', '--env', 'case', '--out', 'no/such/dir/r.md'], cwd);
    expect([en.code, en.out, en.err.trim()]).toEqual([
      2,
      '',
      '--out no/such/dir/r.md: folder no/such/dir does not exist; create it first or choose another path\nRun govcloud --help for usage.',
    ]);
    const zh = govcloud(['check', '--env', 'case', '--out', 'no/such/dir/r.md', '--lang', 'zh'], cwd);
    expect([zh.code, zh.err.trim()]).toEqual([2, '--out no/such/dir/r.md：目录 no/such/dir 不存在；请先创建该目录或另选路径\n运行 govcloud --help 查看用法。']);
  });

  it('refuses a report path that is a folder, or under a file', () => {
    // beside the environment: a path inside it is refused as an input before this (test/cli/out-into-input.test.ts)
    const cwd = path.dirname(caseEnv(undefined));
    fs.mkdirSync(path.join(cwd, 'reports'));
    fs.writeFileSync(path.join(cwd, 'notes.txt'), 'x\n');
    expect(govcloud(['check', '--env', 'case', '--out', 'reports'], cwd).err).toContain('--out reports is a folder; give the path of the file to write');
    const r = govcloud(['pr', '--base', 'HEAD', '--env', 'case', '--out', 'notes.txt/r.md'], cwd);
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, '--out notes.txt/r.md: notes.txt is a file, not a folder']);
  });

  it('refuses a file in the way of the synth output folder, in both languages, and writes nothing', () => {
    const cwd = path.dirname(caseEnv(undefined));
    fs.writeFileSync(path.join(cwd, 'README.md'), '# not a folder\n');
    const en = govcloud(['synth', '--env', 'case', '--out', 'README.md'], cwd);
    expect([en.code, en.out, en.err.trim()]).toEqual([
      2,
      '',
      '--out README.md is a file; synth writes a folder of stacks there: choose a folder\nRun govcloud --help for usage.',
    ]);
    const zh = govcloud(['synth', '--env', 'case', '--out', 'README.md/out', '--lang', 'zh'], cwd);
    expect([zh.code, zh.err.trim()]).toEqual([2, '--out README.md/out：README.md 是文件而不是目录\n运行 govcloud --help 查看用法。']);
    expect(fs.readdirSync(cwd).sort()).toEqual(['README.md', 'case']);
    expect(fs.readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe('# not a folder\n');
  });
});
