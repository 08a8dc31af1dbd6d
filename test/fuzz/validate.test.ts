/**
 * Property-based fuzzing of the loader and `validate` (issue 10), in this process: mutated and
 * random YAML in every file of a city, in disturbed layouts. Whatever the input, the loader returns
 * issues (never throws), the command exits 0 or 1, every error line is positioned, no stack trace
 * is printed, the same input prints the same bytes, and no credential of the input is echoed. And
 * quotas, waiver expiries and approval dates are accepted exactly inside their bounds (issue 21).
 *
 * Reproduce a failure with the seed fast-check prints: GOVCLOUD_FUZZ_SEED=<seed> npx jest test/fuzz.
 */
import * as fc from 'fast-check';
import * as path from 'path';
import { stringify } from 'yaml';
import { validateEnvironment } from '../../config/validate';
import { RULES } from '../../policies/registry';
import { BASE, BASE_FILES, EnvCase, Entry, entries, secretsOf, wildEnv, writeEnv } from './support/layout';
import { cli, errorLinesPositioned, exitCodeIsKnown, noSecret, noStackTrace, Output, PropertyFailure, sameOutput } from './support/oracles';
import { params, runs, Tally, timeoutMs } from './support/params';
import { fixedToday, inTmp, TODAY } from './support/case-dir';
import { cpuAllowed, cpuValue, day, EARLIEST_APPROVAL, LATEST_WAIVER, sizeAllowed, sizeValue } from './support/bounds';
import * as fs from 'fs';

const tally = new Tally();
const lang = fc.constantFrom('en', 'zh');

/** The loader itself: issues with a file and a position from 1, never an exception. */
function loaderReturnsIssues(dir: string): void {
  const result = validateEnvironment(dir, { rules: RULES });
  for (const i of result.issues) {
    if (i.file === '' || !(i.line >= 1) || !(i.col >= 1)) throw new PropertyFailure(`issue without a position: ${JSON.stringify(i)}`);
  }
}

async function validateTwice(dir: string, l: string, secrets: readonly string[]): Promise<Output> {
  const argv = ['validate', '--env', dir, '--lang', l];
  const a = await cli(argv);
  exitCodeIsKnown(a, [0, 1]);
  noStackTrace(a);
  errorLinesPositioned(a);
  noSecret(secrets, [
    { what: 'stdout', text: a.out },
    { what: 'stderr', text: a.err },
  ]);
  sameOutput(a, await cli(argv));
  tally.outcome(`exit ${a.code}`);
  return a;
}

/** Text that is YAML-ish at best: random tokens, random JSON values written as YAML, random bytes. */
const TOKENS = [
  'a',
  'b:',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&x',
  '*x',
  '!Ref ',
  '!!str ',
  '? ',
  '|',
  '>',
  '#',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '\n',
  '\n  ',
  '\t',
  ' ',
  '<<: ',
  'spec:',
  'metadata:',
  'name: ',
  '1e400',
  '.nan',
  '~',
  '\u202E',
  '测试',
  '\u0000',
  '\uFEFF',
];
const randomYaml: fc.Arbitrary<Buffer> = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => Buffer.from(t.join(''))),
  fc.jsonValue({ maxDepth: 6 }).map((v) => Buffer.from(stringify(v))),
  fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 400, unit: 'binary' }).map((s) => Buffer.from(s)),
);

/** Codes that refuse a value for its own sake (not capacity, which depends on the rest of the city). */
const BOUNDS = new Set(['tenant.zeroQuota', 'quota.belowMinimum', 'quota.fraction', 'schema.format', 'schema.formatSuggest', 'schema.type']);
const DATES = new Set(['waiver.tooLong', 'waiver.expired', 'approval.tooOld', 'tenant.approvalInFuture', 'schema.format']);
const MIB_512 = 512n * 1024n ** 2n;
const GIB = 1024n ** 3n;

/** Writes relief's quota, approval date and one waiver; returns the fields refused by a bounds check. */
function refusedFields(dir: string, q: { cpu: string | number; memory: string; storage: string }, approvedOn: string, expires: string): Set<string> {
  const file = path.join(dir, 'tenants', 'north', 'relief.yaml');
  const text = (BASE.get('tenants/north/relief.yaml') ?? '')
    .replace(/quota: .*/, `quota: { cpu: ${JSON.stringify(q.cpu)}, memory: ${JSON.stringify(q.memory)}, storage: ${JSON.stringify(q.storage)}, pods: 50 }`)
    .replace(/approvedOn: [0-9-]+/, `approvedOn: ${approvedOn}`)
    .concat(`  waivers:\n    - { rule: MLPS-DATA-003, reason: compensated by a nightly export, approvedBy: 李四, expires: ${expires} }\n`);
  fs.writeFileSync(file, text);
  const issues = validateEnvironment(dir, { rules: RULES, today: TODAY }).issues;
  for (const i of issues) if (i.file === '' || !(i.line >= 1) || !(i.col >= 1)) throw new PropertyFailure(`issue without a position: ${JSON.stringify(i)}`);
  return new Set(issues.filter((i) => (i.field.startsWith('spec.quota') ? BOUNDS : DATES).has(i.code)).map((i) => i.field));
}

describe('fuzz: loader and validate', () => {
  fixedToday();
  afterAll(() => console.log(tally.summary('validate')));

  it(
    'mutated request and platform files in disturbed layouts: issues, never a crash',
    async () => {
      tally.start('mutated files and layouts');
      try {
        await fc.assert(
          fc.asyncProperty(wildEnv, lang, async (c: EnvCase, l) => {
            tally.count();
            await inTmp('validate', async (tmp) => {
              const dir = path.join(tmp, 'case');
              writeEnv(dir, entries(c));
              loaderReturnsIssues(dir);
              await validateTwice(dir, l, secretsOf(c));
            });
          }),
          params(runs(60, 1)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(60_000),
  );

  it(
    'quotas, waiver expiries and approval dates: refused exactly outside their bounds',
    async () => {
      tally.start('bounds');
      try {
        await fc.assert(
          fc.asyncProperty(cpuValue, sizeValue, sizeValue, day, day, async (cpu, memory, storage, approvedOn, expires) => {
            tally.count();
            await inTmp('bounds', async (tmp) => {
              const dir = path.join(tmp, 'case');
              writeEnv(dir, new Map<string, Entry>(BASE_FILES.map((f) => [f, { kind: 'file', data: Buffer.from(BASE.get(f) ?? '') }])));
              const refused = refusedFields(dir, { cpu, memory, storage }, approvedOn, expires);
              const quotas: [string, boolean][] = [
                ['spec.quota.cpu', cpuAllowed(cpu)],
                ['spec.quota.memory', sizeAllowed(memory, MIB_512)],
                ['spec.quota.storage', sizeAllowed(storage, GIB)],
              ];
              // dates are judged across files, on requests that passed their schema (quotas included)
              const dates: [string, boolean][] = quotas.every(([, ok]) => ok)
                ? [
                    ['metadata.approval.approvedOn', approvedOn >= EARLIEST_APPROVAL && approvedOn <= TODAY],
                    ['spec.waivers[0].expires', expires >= TODAY && expires <= LATEST_WAIVER],
                  ]
                : [];
              const expected = [...quotas, ...dates];
              for (const [field, allowed] of expected) {
                if (allowed === refused.has(field))
                  throw new PropertyFailure(`${field} ${allowed ? 'refused' : 'accepted'}: ${JSON.stringify({ cpu, memory, storage, approvedOn, expires })}`);
              }
              tally.outcome(refused.size === 0 ? 'all accepted' : `${refused.size} refused`);
            });
          }),
          params(runs(40, 0.5)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(60_000),
  );

  it(
    'random YAML, JSON-ish and binary text as a request file or as platform.yaml',
    async () => {
      tally.start('random text');
      try {
        await fc.assert(
          fc.asyncProperty(randomYaml, fc.constantFrom(...BASE_FILES), lang, async (data, file, l) => {
            tally.count();
            await inTmp('random', async (tmp) => {
              const dir = path.join(tmp, 'case');
              const files = new Map<string, Entry>(BASE_FILES.map((f) => [f, { kind: 'file', data: Buffer.from(BASE.get(f) ?? '') }]));
              files.set(file, { kind: 'file', data });
              writeEnv(dir, files);
              loaderReturnsIssues(dir);
              await validateTwice(dir, l, []);
            });
          }),
          params(runs(60, 0.5)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(60_000),
  );
});
