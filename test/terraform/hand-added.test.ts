/**
 * Hand-written Terraform (`<env>/overrides/<stack>/*.tf.json`) that cannot be read is an input error
 * of synth and of the check's stacks, with its position, before anything is built (issue 10).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatIssue } from '../../config/issues';
import { validateEnvironment } from '../../config/validate';
import { synthesize, SynthError } from '../../stacks/synth';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { readHandAdded, strayOverrides } from '../../terraform/hand-added';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

function envWith(files: Record<string, string>): string {
  const dir = caseEnv(undefined);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'overrides', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'overrides', rel), text);
  }
  return dir;
}

const shown = (dir: string, lines: string[]) => lines.map((l) => l.split(path.dirname(dir) + path.sep).join(''));

describe('hand-written Terraform files', () => {
  const dir = envWith({
    'dept-north-civil-affairs-ext-main/a.tf.json': '{ "resource": [ }',
    'dept-north-civil-affairs-ext-main/b.tf.json': '{ "locals": {} }',
    'platform-ext-far/c_override.tf.json': '"text"',
    'no-such-stack/d.tf.json': 'not read: no such stack',
  });
  const result = validateEnvironment(dir);
  if (!result.model) throw new Error('the base fixture city must validate');
  const model = result.model;
  const expected = [
    'case/overrides/dept-north-civil-affairs-ext-main/a.tf.json:1:17 JSON syntax error: expected a value, found "}"',
    'case/overrides/platform-ext-far/c_override.tf.json:1:1 a Terraform JSON file holds one object (resource, data, variable, …), got a string',
  ];

  it('are read per stack, every error of every file reported', () => {
    const hand = readHandAdded(path.join(dir, 'overrides'), ['dept-north-civil-affairs-ext-main', 'platform-ext-far', 'platform-ext-main']);
    expect(
      shown(
        dir,
        hand.issues.map((i) => formatIssue(i, 'en')),
      ),
    ).toEqual(expected);
    expect(hand.files.get('dept-north-civil-affairs-ext-main')?.map((f) => f.name)).toEqual(['b.tf.json']);
  });

  it('refuse synth before anything is written', () => {
    const out = path.join(tmpDir('hand'), 'out');
    let thrown: unknown;
    try {
      synthesize(model, { outDir: out, repoRoot: REPO, handAdded: path.join(dir, 'overrides') });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SynthError);
    const e = thrown as SynthError;
    expect(e.code).toBe('handAdded');
    // a folder that names no stack would never be applied: synth says so too
    expect(
      shown(
        dir,
        (e.details.issues ?? []).map((i) => formatIssue(i, 'en')),
      ),
    ).toEqual(['case/overrides/no-such-stack:1:1 no stack "no-such-stack": its overrides would never be applied (see govcloud stacks)', ...expected]);
    expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []).toEqual([]);
  });

  it('give the check no stacks, only the errors', () => {
    const r = stacksForCheck(model, dir);
    expect(r.stacks).toEqual([]);
    expect(
      shown(
        dir,
        r.issues.map((i) => formatIssue(i, 'zh')),
      ),
    ).toEqual([
      'case/overrides/dept-north-civil-affairs-ext-main/a.tf.json:1:17 JSON 语法错误：应为 一个值，实际为 "}"',
      'case/overrides/platform-ext-far/c_override.tf.json:1:1 Terraform JSON 文件应为一个对象（resource、data、variable 等），实际为 字符串',
    ]);
  });
});

describe('overrides that would be silently ignored', () => {
  const dir = envWith({
    'dept-north-civil-affairs-ext-mian/a.tf.json': '{}',
    'dept-north-civil-affairs-ext-main/limits.tf': 'resource "x" "y" {}',
    'dept-north-civil-affairs-ext-main/NOTES.md': 'why',
    'dept-north-civil-affairs-ext-main/ok.tf.json': '{}',
    'stray.tf.json': '{}',
  });
  const stacks = ['dept-north-civil-affairs-ext-main', 'platform-ext-main'];

  it('are each an error at their path, in both languages', () => {
    const issues = strayOverrides(path.join(dir, 'overrides'), stacks);
    expect(
      shown(
        dir,
        issues.map((i) => formatIssue(i, 'en')),
      ),
    ).toEqual([
      'case/overrides/dept-north-civil-affairs-ext-main/NOTES.md:1:1 NOTES.md is not read: only *.tf.json files of a stack folder are applied with the stack',
      'case/overrides/dept-north-civil-affairs-ext-main/limits.tf:1:1 limits.tf is HCL, which is not read: write hand-added Terraform in JSON syntax as *.tf.json',
      'case/overrides/dept-north-civil-affairs-ext-mian:1:1 no stack "dept-north-civil-affairs-ext-mian": its overrides would never be applied; did you mean dept-north-civil-affairs-ext-main? (see govcloud stacks)',
      'case/overrides/stray.tf.json:1:1 stray.tf.json is not read: overrides/ holds one folder per stack (overrides/<stack>/*.tf.json)',
    ]);
    expect(
      shown(
        dir,
        issues.map((i) => formatIssue(i, 'zh')),
      )[1],
    ).toBe('case/overrides/dept-north-civil-affairs-ext-main/limits.tf:1:1 limits.tf 为 HCL 格式，不会被读取：手写的 Terraform 请以 JSON 语法写为 *.tf.json');
  });
});
