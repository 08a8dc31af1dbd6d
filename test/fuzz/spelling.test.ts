/**
 * Property-based fuzzing of the two screens by meaning (issue 21), in this process:
 *
 * - isolation: an intranet name of the base fixture respelled at random (case per letter, any
 *   separators, CamelCase, full-width or Cyrillic/Greek look-alikes, invisible characters) inside
 *   random extranet text is found; so is an intranet address written dotted, dashed or in
 *   hexadecimal in a wildcard-DNS host;
 * - credentials: a credential of every shape the screen knows, generated at random and planted in
 *   prose or in a hand-written Terraform file, is found (and the cheap pre-screen lets it through);
 *   prose made of words about credentials, without one, is never refused.
 *
 * Reproduce a failure with the seed fast-check prints: GOVCLOUD_FUZZ_SEED=<seed> npx jest test/fuzz/spelling.
 */
import * as fc from 'fast-check';
import { validateEnvironment } from '../../config/validate';
import { credentialInText, CREDENTIAL_HINT } from '../../config/credentials';
import { credentialsInJson } from '../../config/credential-json';
import { planStacks } from '../../stacks/slices';
import { findViolations, isolationMarkers } from '../../stacks/isolation';
import { caseEnv } from '../helpers/env';
import { params, runs, Tally, timeoutMs } from './support/params';

const tally = new Tally();
afterAll(() => console.log(tally.summary('spelling')));

const model = validateEnvironment(caseEnv(undefined)).model;
if (!model) throw new Error('the base fixture is invalid');
const intranet = isolationMarkers(model, planStacks(model)).intranet;
const NAMES = ['case-files', 'case-files-prod', 'case-files-test', 'int-main', 'platform-int-main', 'dept-south-public-security-int-main'];

const LOOK_ALIKE: Readonly<Record<string, readonly string[]>> = {
  a: ['а', 'α', 'ａ'],
  c: ['с', 'ϲ', 'ｃ'],
  e: ['е', 'ε', 'ｅ'],
  i: ['і', 'ι', 'ｉ'],
  o: ['о', 'ο', 'ｏ'],
  p: ['р', 'ρ', 'ｐ'],
  s: ['ѕ', 'ｓ'],
  t: ['т', 'τ', 'ｔ'],
  n: ['ｎ'],
  m: ['м', 'ｍ'],
};

/** One letter as it may be written: itself in either case, a look-alike, with an invisible character after it. */
const letter = (c: string): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(c, c.toUpperCase(), ...(LOOK_ALIKE[c] ?? [])), fc.constantFrom('', '', '', '\u200b', '\u00ad')).map(([x, inv]) => x + inv);

/** A name respelled: its words joined by any separator run, or CamelCase. */
const respelled = (name: string): fc.Arbitrary<string> => {
  const words = name.split('-');
  const spelled = fc.tuple(...words.map((w) => fc.tuple(...Array.from(w).map(letter)).map((cs) => cs.join(''))));
  const separated = fc
    .tuple(spelled, fc.array(fc.constantFrom('-', '_', '.', ' ', '__', ' - ', '　'), { minLength: words.length - 1, maxLength: words.length - 1 }))
    .map(([ws, seps]) => ws.map((w, i) => w + (seps[i] ?? '')).join(''));
  const camel = fc.constant(words.map((w) => w[0].toUpperCase() + w.slice(1)).join(''));
  return words.length > 1 ? fc.oneof(separated, camel) : separated;
};

/** Text around a mention: anything that does not glue a letter or digit to it. */
const around = fc.constantFrom('', 'mirror of ', '对接', 'https://', 'ns ', '（', 'see: ');
const after = fc.constantFrom('', '.svc', ' team', '）', '/api', ':5432');

describe('isolation by meaning (fuzz)', () => {
  it(
    'finds an intranet name however it is spelled',
    () => {
      tally.start('isolation: respelled names');
      fc.assert(
        fc.property(
          fc.constantFrom(...NAMES).chain((n) => fc.tuple(around, respelled(n), after)),
          ([a, name, b]) => {
            tally.count();
            const v = `${a}${name}${b}`;
            if (findViolations('s', 'extranet', { v }, intranet).length === 0) throw new Error(`not found: ${JSON.stringify(v)}`);
          },
        ),
        params(runs(300, 1)),
      );
      tally.stop();
    },
    timeoutMs(60_000),
  );

  it(
    'finds an intranet address however a host encodes it',
    () => {
      tally.start('isolation: encoded addresses');
      const octet = fc.integer({ min: 0, max: 255 });
      fc.assert(
        fc.property(
          fc.tuple(octet, octet),
          fc.constantFrom('dotted', 'dashed', 'hex'),
          fc.constantFrom('nip.io', 'sslip.io'),
          fc.constantFrom('', 'app.', 'app-'),
          ([c, d], form, zone, pre) => {
            tally.count();
            const parts = [172, 16, c, d];
            const host = form === 'dotted' ? parts.join('.') : form === 'dashed' ? parts.join('-') : parts.map((p) => p.toString(16).padStart(2, '0')).join('');
            const v = `https://${pre === 'app.' || form !== 'hex' ? pre : 'app-'}${host}.${zone}/`;
            if (findViolations('s', 'extranet', { v }, intranet).length === 0) throw new Error(`not found: ${v}`);
          },
        ),
        params(runs(300, 1)),
      );
      tally.stop();
    },
    timeoutMs(60_000),
  );
});

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const run = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...ALNUM), { minLength: min, maxLength: max })
    .map((cs) => cs.join(''))
    // a key always mixes letters and digits
    .map((s) => `${s.slice(0, -2)}x7`);
const password = fc.tuple(run(6, 16), fc.constantFrom('!', '@', '#', '9')).map(([a, b]) => a + b);

/** A credential of every shape the screen knows, at random. */
const credential: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('密码', '口令', '密钥', '秘钥', '数据库密码'), fc.constantFrom('：', ':', '=', ' 为：', ': '), password)
    .map(([l, s, p]) => l + s + p),
  fc.tuple(fc.constantFrom('口令 ', '密码  '), password).map(([l, p]) => l + p),
  fc
    .tuple(fc.constantFrom('pwd=', 'PGPASSWORD=', 'MYSQL_PWD=', 'password: ', 'Password=', 'api_key=', 'client_secret: ', 'access_token='), password)
    .map(([l, p]) => l + p),
  run(12, 30).map((r) => `LTAI${r}`),
  run(32, 32).map((r) => `AKID${r}`),
  fc.tuple(fc.constantFrom('admin', 'app', 'u1'), password).map(([u, p]) => `Authorization: Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`),
  fc.tuple(fc.constantFrom('admin', 'app', 'u1'), password).map(([u, p]) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`),
  fc.tuple(fc.constantFrom('sk-', 'sk-proj-', 'ghp_', 'glpat-', 'xoxb-', 'hf_', 'npm_'), run(36, 48)).map(([p, r]) => p + r),
  run(35, 35).map((r) => `AIza${r}`),
);

const PROSE = [
  '重置',
  '密码',
  '口令',
  '密钥',
  '管理',
  '服务',
  '找回',
  '系统',
  'Password',
  'reset',
  'portal',
  'token',
  'Basic',
  'information',
  'Bearer',
  'key',
  'secret',
  'rotation',
  '门户',
  '统一身份认证',
];

describe('the credential screen (fuzz)', () => {
  it(
    'finds a credential of any shape in prose and in a hand-written Terraform file',
    () => {
      tally.start('credentials: planted');
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...PROSE), { maxLength: 4 }),
          credential,
          fc.array(fc.constantFrom(...PROSE), { maxLength: 4 }),
          (before, c, rest) => {
            tally.count();
            const text = [...before, c, ...rest].join(' ');
            if (credentialInText(text) === undefined) throw new Error(`not found: ${JSON.stringify(text)}`);
            if (!CREDENTIAL_HINT.test(text)) throw new Error(`the pre-screen lets it through: ${JSON.stringify(text)}`);
            if (credentialsInJson({ locals: { note: text } }).length === 0) throw new Error(`not found in JSON: ${JSON.stringify(text)}`);
          },
        ),
        params(runs(400, 1)),
      );
      tally.stop();
    },
    timeoutMs(60_000),
  );

  it(
    'never refuses prose about credentials that holds none',
    () => {
      tally.start('credentials: prose');
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '', '，'), (words, sep) => {
          tally.count();
          const text = words.join(sep);
          if (credentialInText(text) !== undefined) throw new Error(`refused: ${JSON.stringify(text)} as ${credentialInText(text)}`);
        }),
        params(runs(400, 1)),
      );
      tally.stop();
    },
    timeoutMs(60_000),
  );
});
