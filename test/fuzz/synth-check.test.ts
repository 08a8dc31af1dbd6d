/**
 * Property-based fuzzing of `synth` and `check` (issue 10), in this process. The cities are mostly
 * valid (changed values: other enums, intranet identifiers written into extranet fields, look-alikes,
 * hidden characters, credentials in free text) so that synthesis runs, with some broken ones mixed in.
 *
 * - exit 0 or 1; every error line positioned (or a known shape); no stack trace;
 * - the same input twice: the same stdout and stderr, byte for byte (synth's elapsed time aside), and
 *   the same synthesized files; a refused synth writes nothing;
 * - no identifier of the intranet (tenant, namespace, cluster, context, address) in the extranet's output;
 * - no credential of the input in any output.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { RULES } from '../../policies/registry';
import { EnvCase, entries, isolationEnv, placedSecrets, secretsOf, tameEnv, wildEnv, writeEnv } from './support/layout';
import {
  cli,
  errorLinesPositioned,
  exitCodeIsKnown,
  noIntranetInExtranet,
  noSecret,
  noStackTrace,
  Output,
  PropertyFailure,
  sameOutput,
  sameTree,
  tree,
} from './support/oracles';
import { params, runs, Tally, timeoutMs } from './support/params';
import { fixedToday, inTmp } from './support/case-dir';

const tally = new Tally();
const lang = fc.constantFrom('en', 'zh');
const city: fc.Arbitrary<EnvCase> = fc.oneof({ weight: 3, arbitrary: tameEnv }, { weight: 2, arbitrary: isolationEnv }, { weight: 1, arbitrary: wildEnv });

function common(r: Output, secrets: readonly string[]): void {
  exitCodeIsKnown(r, [0, 1]);
  noStackTrace(r);
  errorLinesPositioned(r);
  noSecret(secrets, [
    { what: 'stdout', text: r.out },
    { what: 'stderr', text: r.err },
  ]);
}

describe('fuzz: synth and check', () => {
  fixedToday();
  afterAll(() => console.log(tally.summary('synth-check')));

  it(
    'synth: deterministic, isolated, no credential, nothing written when refused',
    async () => {
      tally.start('synth');
      try {
        await fc.assert(
          fc.asyncProperty(city, lang, async (c, l) => {
            tally.count();
            await inTmp('synth', async (tmp) => {
              const dir = path.join(tmp, 'case');
              const out = path.join(tmp, 'out');
              const input = entries(c);
              writeEnv(dir, input);
              const argv = ['synth', '--env', dir, '--out', out, '--quiet', '--lang', l];
              const first = await cli(argv);
              const files = tree(out);
              common(first, secretsOf(c));
              noSecret(
                secretsOf(c),
                [...files].map(([f, b]) => ({ what: `synthesized ${f}`, text: b.toString('utf8') })),
              );
              if (first.code !== 0 && files.size > 0) throw new PropertyFailure(`synth exited ${first.code} but wrote ${[...files.keys()].join(', ')}`);
              if (first.code === 0) {
                const model = validateEnvironment(dir, { rules: RULES }).model;
                if (!model) throw new PropertyFailure('synth succeeded on a city that does not validate');
                noIntranetInExtranet(files, model);
              }
              fs.rmSync(out, { recursive: true, force: true });
              tally.outcome(`exit ${first.code}`);
              if (first.code === 0 && placedSecrets(c, input).length > 0) throw new PropertyFailure('synth accepted a city that carries a credential');
              if (placedSecrets(c, input).length > 0) tally.outcome('credential refused');
              if (/isolation violations/.test(first.err) || /隔离违规/.test(first.err)) tally.outcome('refused for isolation');
              const second = await cli(argv);
              sameOutput(first, second);
              sameTree(files, tree(out));
            });
          }),
          params(runs(30, 0.3)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(90_000),
  );

  it(
    'check: every format and level, deterministic, no credential',
    async () => {
      tally.start('check');
      try {
        await fc.assert(
          fc.asyncProperty(
            city,
            lang,
            fc.constantFrom('text', 'md', 'json', 'sarif'),
            fc.option(fc.constantFrom('1', '2', '3', '4'), { nil: undefined }),
            async (c, l, format, level) => {
              tally.count();
              await inTmp('check', async (tmp) => {
                const dir = path.join(tmp, 'case');
                writeEnv(dir, entries(c));
                const argv = ['check', '--env', dir, '--format', format, '--lang', l, ...(level ? ['--level', level] : [])];
                const first = await cli(argv);
                common(first, secretsOf(c));
                sameOutput(first, await cli(argv));
                tally.outcome(`exit ${first.code}`);
              });
            },
          ),
          params(runs(30, 0.3)),
        );
      } finally {
        tally.stop();
      }
    },
    timeoutMs(90_000),
  );
});
