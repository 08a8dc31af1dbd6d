/**
 * Property-based fuzzing of `govcloud pr` (issue 10) on random git histories: a base commit of the
 * fixture city (sometimes with a decommission approval), then a branch of one to three steps of
 * random edits, additions, removals and moves, each committed or the last left in the working tree.
 * The compiled command is spawned (`npm test` and `npm run fuzz` compile first), as CI runs it.
 *
 * Exit 0, 1 or 2 (a git problem is a usage error), never 3; every error line positioned; no stack
 * trace; the same repository twice gives the same bytes; no credential of the input in the summary;
 * every issue the summary lists is positioned.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { REPO } from '../helpers/env';
import { applyLayout, BASE, BASE_FILES, Entry, layoutOp, LayoutOp, writeEnv } from './support/layout';
import { Mutation, mutate, tameMutation, wildMutation } from './support/yaml-mutate';
import { errorLinesPositioned, exitCodeIsKnown, noSecret, noStackTrace, Output, POSITIONED, PropertyFailure, sameOutput } from './support/oracles';
import { params, runs, Tally, timeoutMs } from './support/params';
import { inTmp, TODAY } from './support/case-dir';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const tally = new Tally();

interface Step {
  /** Mutations of files present at this step (by index into the sorted list of files). */
  readonly edits: readonly { readonly file: number; readonly mutation: Mutation }[];
  /** A new tenant: a copy of an existing request file under a new name, maybe in another county. */
  readonly add?: {
    readonly from: number;
    readonly name: string;
    readonly county: 'north' | 'south' | 'west';
    readonly network: 'extranet' | 'intranet' | 'same';
  };
  readonly remove?: number;
  readonly layout?: LayoutOp;
  readonly commit: boolean;
}

interface History {
  /** A request file given `spec.decommission` at the base, so that removing it is approved. */
  readonly approvedAtBase?: number;
  readonly steps: readonly Step[];
  readonly format: 'md' | 'json';
  readonly lang: 'en' | 'zh';
}

/** Mostly absent: a step usually edits, now and then adds, removes or moves. */
const sometimes = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });

const step: fc.Arbitrary<Step> = fc.record({
  edits: fc.array(fc.record({ file: fc.nat(), mutation: fc.oneof({ weight: 3, arbitrary: tameMutation }, { weight: 1, arbitrary: wildMutation }) }), {
    maxLength: 2,
  }),
  add: sometimes(
    fc.record({
      from: fc.nat(),
      name: fc.constantFrom('records', 'archive', 'relief', 'case-files-copy', 'hub2'),
      county: fc.constantFrom('north' as const, 'south' as const, 'west' as const),
      network: fc.constantFrom('extranet' as const, 'intranet' as const, 'same' as const),
    }),
  ),
  remove: sometimes(fc.nat()),
  layout: sometimes(layoutOp),
  commit: fc.boolean(),
});

const history: fc.Arbitrary<History> = fc.record(
  {
    approvedAtBase: fc.nat(),
    steps: fc.array(step, { minLength: 1, maxLength: 3 }),
    format: fc.constantFrom('md' as const, 'json' as const),
    lang: fc.constantFrom('en' as const, 'zh' as const),
  },
  { requiredKeys: ['steps', 'format', 'lang'] },
);

const TENANTS = BASE_FILES.filter((f) => f.startsWith('tenants/'));

function withDecommission(text: string): string {
  const doc = parseDocument(text);
  doc.setIn(['spec', 'decommission'], doc.createNode({ approvedBy: '市政务服务数据管理局', ref: 'XM-2026-0999', retainBackupDays: 30 }));
  return doc.toString({ lineWidth: 0 });
}

/** Every file under the env folder, as entries (links as links), relative to it. */
function readEnv(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (e.isSymbolicLink()) out.set(rel, { kind: 'link', target: fs.readlinkSync(full) });
      else if (e.isDirectory()) {
        if (fs.readdirSync(full).length === 0) out.set(rel, { kind: 'dir' });
        else walk(full);
      } else out.set(rel, { kind: 'file', data: fs.readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

/** The files after one step. */
function apply(files: Map<string, Entry>, s: Step): Map<string, Entry> {
  const out = new Map(files);
  const names = () => [...out.keys()].filter((k) => out.get(k)?.kind === 'file').sort();
  for (const e of s.edits) {
    const all = names();
    if (all.length === 0) break;
    const f = all[e.file % all.length];
    const entry = out.get(f) as Entry & { kind: 'file' };
    out.set(f, { kind: 'file', data: mutate(entry.data.toString('utf8'), e.mutation, f === 'platform.yaml' ? 'Platform' : 'TenantRequest') });
  }
  const requests = names().filter((f) => f.startsWith('tenants/'));
  if (s.add && requests.length > 0) {
    const from = out.get(requests[s.add.from % requests.length]) as Entry & { kind: 'file' };
    let text = from.data
      .toString('utf8')
      .replace(/^(\s*name: ).*$/m, `$1${s.add.name}`)
      .replace(/^(\s*county: ).*$/m, `$1${s.add.county}`);
    if (s.add.network === 'intranet')
      text = text
        .replace(/^(\s*network: ).*$/m, '$1intranet')
        .replace(/^\s*zone: .*\n/m, '')
        .replace(/^(\s*classification: ).*$/m, '$1classified');
    if (s.add.network === 'extranet')
      text = text.replace(/^(\s*network: ).*$/m, '$1extranet\n  zone: administrative').replace(/^(\s*classification: ).*$/m, '$1unclassified');
    out.set(`tenants/${s.add.county}/${s.add.name}.yaml`, { kind: 'file', data: Buffer.from(text) });
  }
  if (s.remove !== undefined && requests.length > 0) out.delete(requests[s.remove % requests.length]);
  // the layout operations of the loader's fuzzing, on what is there now
  if (s.layout) applyLayout(out, s.layout);
  return out;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-23T08:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-23T08:00:00+08:00' },
  });
}

/** A repository: `main` at the base city, `change` checked out with the history's steps. */
function buildRepo(dir: string, h: History): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'ci@example.gov.cn');
  git(dir, 'config', 'user.name', 'ci');
  git(dir, 'config', 'commit.gpgsign', 'false');
  let files = new Map<string, Entry>(BASE_FILES.map((f) => [f, { kind: 'file', data: Buffer.from(BASE.get(f) ?? '') }]));
  if (h.approvedAtBase !== undefined) {
    const f = TENANTS[h.approvedAtBase % TENANTS.length];
    files.set(f, { kind: 'file', data: Buffer.from(withDecommission(BASE.get(f) ?? '')) });
  }
  const env = path.join(dir, 'env');
  writeEnv(env, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-q', '-b', 'change');
  h.steps.forEach((s, i) => {
    files = apply(readEnv(env), s);
    fs.rmSync(env, { recursive: true, force: true });
    writeEnv(env, files);
    if (s.commit || i < h.steps.length - 1) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', `step ${i}`, '--allow-empty');
    }
  });
}

function pr(dir: string, h: History): Output {
  const r = spawnSync(process.execPath, [CLI, 'pr', '--base', 'main', '--env', 'env', '--format', h.format, '--lang', h.lang], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', GOVCLOUD_TODAY: TODAY, GOVCLOUD_DEBUG: '' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The credentials the history writes into files. */
const secretsOf = (h: History) => h.steps.flatMap((s) => s.edits.flatMap((e) => (e.mutation.secret ? [e.mutation.secret.token] : [])));

describe('fuzz: pr on random git histories', () => {
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run with `npm test` or `npm run fuzz`, which compile first');
  });
  afterAll(() => console.log(tally.summary('pr')));

  it(
    'pr: known exit codes, positioned issues, deterministic, no credential',
    async () => {
      tally.start('pr');
      try {
        await fc.assert(
          fc.asyncProperty(history, async (h) => {
            tally.count();
            await inTmp('pr', async (dir) => {
              buildRepo(dir, h);
              const first = pr(dir, h);
              exitCodeIsKnown(first);
              noStackTrace(first);
              errorLinesPositioned(first);
              noSecret(secretsOf(h), [
                { what: 'the summary', text: first.out },
                { what: 'stderr', text: first.err },
              ]);
              if (h.format === 'json' && first.code !== 2) {
                const issues = (JSON.parse(first.out) as { issues?: string[] }).issues ?? [];
                const bad = issues.find((i) => !POSITIONED.test(i));
                if (bad !== undefined) throw new PropertyFailure(`summary issue without a position: ${JSON.stringify(bad)}`);
              }
              sameOutput(first, pr(dir, h));
              tally.outcome(`exit ${first.code}`);
            });
          }),
          params(runs(4, 0.05)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(100_000),
  );
});
