/**
 * `--out` never points at what the command reads (issue 21): a report written over a request file,
 * or stacks synthesized into the environment folder, are refused before anything is written, however
 * the path is spelled (`case/../case`, a link to the folder).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkNotInput } from '../../cli/out-path';
import { UsageError } from '../../cli/args';
import { caseEnv, readTree, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

function govcloud(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run the tests with `npm test`, which compiles first');
});

describe('--out onto the inputs', () => {
  const dir = caseEnv(undefined);
  const cwd = path.dirname(dir);
  const before = readTree(dir);
  const ENV = 'the environment folder (request files, platform.yaml, overrides)';

  it('refuses a check report written over a request file, and leaves the file as it was', () => {
    const r = govcloud(['check', '--env', 'case', '--format', 'md', '--out', 'case/tenants/north/relief.yaml'], cwd);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(
      `--out case/tenants/north/relief.yaml is inside ${ENV} case, which this command reads; nothing was written: choose a path outside it, e.g. --out report.yaml\nRun govcloud --help for usage.\n`,
    );
  });

  it('refuses stacks synthesized into the environment folder, however it is spelled, and writes nothing', () => {
    fs.symlinkSync(dir, path.join(cwd, 'link'));
    for (const out of ['case', 'case/stacks', 'case/../case/x', 'link/x']) {
      const r = govcloud(['synth', '--env', 'case', '--quiet', '--out', out], cwd);
      expect([out, r.code]).toEqual([out, 2]);
      expect(r.err.split('\n')[0]).toBe(
        `--out ${out} is inside ${ENV} case, which this command reads; nothing was written: choose a path outside it, e.g. --out cdktf.out`,
      );
    }
    expect(readTree(dir)).toEqual(before);
  });

  it('refuses an evidence package inside the environment, in Chinese too', () => {
    const r = govcloud(['evidence', '--env', 'case', '--lang', 'zh', '--out', 'case/evidence'], cwd);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      '--out case/evidence 位于本命令读取的环境目录（申请文件、platform.yaml、覆盖文件） case 之中；未写入任何文件：请选择其外的路径，例如 --out cdktf.out',
    );
    expect(fs.existsSync(path.join(dir, 'evidence'))).toBe(false);
  });

  it('accepts a path beside the folder whose name merely starts like it', () => {
    const r = govcloud(['check', '--env', 'case', '--format', 'md', '--out', 'case-report.md'], cwd);
    expect(r.err).not.toContain('--out');
    expect(fs.existsSync(path.join(cwd, 'case-report.md'))).toBe(true);
  });
});

describe('checkNotInput', () => {
  it('refuses the synthesized stacks given with --from as the place of a report', () => {
    const from = tmpDir('from');
    expect(() => checkNotInput(path.join(from, 'extranet', 'stacks', 'x', 'cdk.tf.json'), { from }, 'en', 'report.md')).toThrow(UsageError);
    expect(() => checkNotInput(path.join(from, 'r.md'), { from }, 'en', 'report.md')).toThrow('the synthesized stacks given with --from');
    expect(() => checkNotInput(`${from}-r.md`, { from }, 'en', 'report.md')).not.toThrow();
  });
});
