/**
 * The compiled command as users run it (`npm test` compiles first): exit codes, output in both
 * languages, no stack traces, parallel synth identical to sequential synth.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { caseEnv, EXAMPLE_CITY, FIXTURES, readTree, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first');
});

describe('govcloud validate', () => {
  it('passes on the example city and prints the capacity table', () => {
    const r = govcloud(['validate']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ files checked: no errors, 0 warnings$/m);
    expect(r.out).toMatch(/^ {2}ext-primary +cpu \d+\/1024 /m);
  });

  it('lists every error of a folder with several broken files, exits 1, and never prints a stack trace', () => {
    const dir = caseEnv(undefined);
    for (const c of ['yaml-syntax', 'schema-enum', 'file-binary']) {
      const src = path.join(FIXTURES, 'cases', c, 'tenants', 'north', 'relief.yaml');
      fs.copyFileSync(src, path.join(dir, 'tenants', 'north', `${c}.yaml`));
    }
    fs.writeFileSync(path.join(dir, 'tenants', 'south', 'empty.yaml'), '');
    const r = govcloud(['validate', '--env', 'case'], path.dirname(dir));
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      'case/tenants/north/file-binary.yaml:1:1 file is not UTF-8 text (binary content near byte 8)',
      'case/tenants/north/schema-enum.yaml:14:9 spec.zone: value "dmz2" is not allowed (allowed: public-service, administrative, exchange)',
      'case/tenants/north/yaml-syntax.yaml:13:3 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'case/tenants/south/empty.yaml:1:1 file is empty: expected one TenantRequest document',
      '9 files checked: 4 errors, 0 warnings',
    ]);
    expect(r.err + r.out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('speaks Chinese with --lang zh or a Chinese locale', () => {
    const dir = caseEnv('schema-enum');
    const flag = govcloud(['validate', '--env', 'case', '--lang', 'zh'], path.dirname(dir));
    const locale = govcloud(['validate', '--env', 'case'], path.dirname(dir), { LANG: 'zh_CN.UTF-8' });
    for (const r of [flag, locale]) {
      expect(r.code).toBe(1);
      expect(r.err).toContain('case/tenants/north/relief.yaml:14:9 spec.zone: 取值 "dmz2" 不允许（允许：public-service, administrative, exchange）');
    }
  });

  it('points a cluster over capacity at the request with the largest share, with plain figures (issue 10)', () => {
    const dir = caseEnv('capacity-huge');
    const en = govcloud(['validate', '--env', 'case'], path.dirname(dir));
    expect(en.code).toBe(1);
    expect(en.err.trim().split('\n')).toEqual([
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: cluster ext-main is over capacity: granted cpu 200E exceeds capacity 100 × over-commit 2 = 200 by 200E (>999 %); this request takes 200E of it (100E × 2 environments): lower this quota, or ask the platform team for more capacity',
      '5 files checked: 1 errors, 0 warnings',
    ]);
    const zh = govcloud(['validate', '--env', 'case', '--lang', 'zh'], path.dirname(dir));
    expect(zh.err).toContain(
      'case/tenants/north/relief.yaml:16:17 spec.quota.cpu: 集群 ext-main 容量不足：已分配 cpu 200E 超出容量 100 × 超分比 2 = 200，超出 200E（>999%）；本申请占用 200E（100E × 2 个环境）：请降低此配额，或请平台团队扩容',
    );
    expect(en.err + zh.err).not.toMatch(/e\+\d|\d{6,}(\.\d)? ?%/);
  });

  it('reports a missing environment folder as input, not as a crash', () => {
    const r = govcloud(['validate', '--env', 'environments/nowhere']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('environments/nowhere:1:1 environment folder environments/nowhere does not exist');
  });
});

describe('usage errors', () => {
  it("names the unknown option, the closest one and the command's own ones, exit 2", () => {
    const r = govcloud(['synth', '--stacks', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'unknown option --stacks; did you mean --stack? (known for synth: --stack, --out, --workers, --quiet, --env, --today, --lang, --help)\nRun govcloud --help for usage.\n',
    );
  });
  it('refuses an option of another command (it was once accepted and ignored)', () => {
    const r = govcloud(['validate', '--base', 'x']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe('--base belongs to pr, not validate (known for validate: --env, --today, --lang, --help)\nRun govcloud --help for usage.\n');
  });
  it('refuses a bad language and an unknown command', () => {
    expect(govcloud(['validate', '--lang', 'fr']).err).toContain('--lang must be zh or en, got "fr"');
    const r = govcloud(['deploy']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'unknown command "deploy" (known: validate, synth, stacks, schema, check, evidence, probe, drill, pr, plan, apply, codeowners, pools, new)',
    );
  });
});

describe('plan and apply flags', () => {
  it('names an unknown stack with a suggestion before planning anything', () => {
    const out = path.join(tmpDir('plan-unknown'), 'out');
    const r = govcloud(['plan', '--stack', 'dept-hengshan-civil-affairs-ext-primry', '--out', out, '--engine', 'terraform']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown stack "dept-hengshan-civil-affairs-ext-primry"; did you mean dept-hengshan-civil-affairs-ext-primary?');
    expect(fs.existsSync(out)).toBe(false);
  });
  it('refuses a --today that is not a calendar day, for every command that takes it', () => {
    for (const cmd of ['validate', 'check']) {
      const r = govcloud([cmd, '--today', '2026-02-30']);
      expect([cmd, r.code]).toEqual([cmd, 2]);
      expect(r.err).toContain('--today must be a calendar day written YYYY-MM-DD, got "2026-02-30"');
    }
  });
  it('keeps --destroy for plan and --planned for apply', () => {
    expect(govcloud(['apply', '--destroy', '--engine', 'terraform']).err).toContain('--destroy belongs to plan, not apply');
    expect(govcloud(['plan', '--planned', '--engine', 'terraform']).err).toContain('--planned belongs to apply, not plan');
    expect(govcloud(['apply', '--planned', '--stack', 'x', '--engine', 'terraform']).err).toContain('do not combine it with --stack');
  });
});

describe('govcloud stacks and synth', () => {
  it('lists platform stacks before department stacks', () => {
    const r = govcloud(['stacks']);
    expect(r.code).toBe(0);
    const names = r.out
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[0]);
    const firstDepartment = names.findIndex((n) => n.startsWith('dept-'));
    expect(names.slice(0, firstDepartment).every((n) => n.startsWith('platform-'))).toBe(true);
    expect(names.slice(firstDepartment).every((n) => n.startsWith('dept-'))).toBe(true);
    expect(names).toContain('platform-int-primary');
  });

  it('gives the same bytes with two worker processes as with one', () => {
    const dir = tmpDir('cli-synth');
    const one = govcloud(['synth', '--quiet', '--workers', '1', '--out', path.join(dir, 'one')]);
    const two = govcloud(['synth', '--quiet', '--workers', '2', '--out', path.join(dir, 'two')]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.out).toMatch(/Synthesized \d+ stacks \(\d+ resources, .*\) into /);
    const a = readTree(path.join(dir, 'one'));
    const b = readTree(path.join(dir, 'two'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k)?.equals(v)).toBe(true);
  });

  it('synthesizes one named stack, and suggests a name for a typo', () => {
    const dir = tmpDir('cli-one');
    const ok = govcloud(['synth', '--quiet', '--stack', 'platform-ext-primary', '--out', dir]);
    expect(ok.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'extranet', 'stacks'))).toEqual(['platform-ext-primary']);
    const bad = govcloud(['synth', '--quiet', '--stack', 'platform-ext-primry', '--out', dir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('unknown stack "platform-ext-primry"; did you mean platform-ext-primary? (see govcloud stacks)');
  });
});

describe('JSON Schemas and modelines', () => {
  it('keeps schema/ in step with the zod schemas', () => {
    const r = govcloud(['schema', '--check']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('puts the schema modeline on every example file', () => {
    const files = [...readTree(EXAMPLE_CITY).keys()].filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) {
      const first = fs.readFileSync(path.join(EXAMPLE_CITY, f), 'utf8').split('\n')[0];
      const schema = f === 'platform.yaml' ? 'platform.schema.json' : f === 'address-pools.yaml' ? 'address-pools.schema.json' : 'tenant-request.schema.json';
      expect(first).toMatch(new RegExp(`^# yaml-language-server: \\$schema=(\\.\\./)+schema/${schema.replace('.', '\\.')}$`));
      const target = path.resolve(path.dirname(path.join(EXAMPLE_CITY, f)), first.split('=')[1]);
      expect(fs.existsSync(target)).toBe(true);
    }
  });
});
