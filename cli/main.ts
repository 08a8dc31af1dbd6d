#!/usr/bin/env node
/**
 * govcloud command line: argument parsing, exit codes and output only; the work is in config/
 * and stacks/, each command's steps in cli/commands/. Exit codes: 0 ok, 1 invalid input or refused
 * synth, 2 usage error, 3 internal error.
 */
import { flag, parseArgs, UsageError } from './args';
import { t } from './text';
import { Io } from './print';
import { Lang, langFromEnv } from '../config/messages';
import { fileErrorLine } from './out-path';
import { schema, stacks, validate } from './commands/validate';
import { synth } from './commands/synth';
import { check } from './commands/check';
import { planOrApply } from './commands/deploy';
import { codeowners, newTenant, pr } from './commands/workflow';

const FLAGS = {
  env: { value: true },
  lang: { value: true },
  out: { value: true },
  stack: { value: true, repeat: true },
  workers: { value: true },
  quiet: { value: false },
  check: { value: false },
  tenant: { value: true, repeat: true },
  level: { value: true },
  format: { value: true },
  from: { value: true },
  today: { value: true },
  summary: { value: false },
  base: { value: true },
  flavor: { value: true },
  engine: { value: true },
  network: { value: true },
  'affected-by': { value: true },
  planned: { value: false },
  destroy: { value: false },
  county: { value: true },
  name: { value: true },
  department: { value: true },
  help: { value: false },
} as const;

export async function run(argv: readonly string[], io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  let lang: Lang = langFromEnv(undefined);
  try {
    const p = parseArgs(argv, FLAGS);
    const langFlag = flag(p, 'lang');
    if (langFlag !== undefined && langFlag !== 'zh' && langFlag !== 'en') throw new UsageError(`--lang must be zh or en, got ${JSON.stringify(langFlag)}`);
    lang = langFromEnv(langFlag);
    const [command, ...rest] = p.positionals;
    if (p.flags.has('help') || command === undefined || command === 'help') {
      io.out(t('usage', lang));
      return command === undefined && !p.flags.has('help') ? 2 : 0;
    }
    if (command === 'new') {
      if (rest[0] !== 'tenant') throw new UsageError('usage: govcloud new tenant --county COUNTY --name NAME [--department DEPT]');
      return newTenant(p, lang, io);
    }
    if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
    switch (command) {
      case 'validate':
        return validate(p, lang, io, true) ? 0 : 1;
      case 'synth':
        return await synth(p, lang, io);
      case 'stacks':
        return stacks(p, lang, io);
      case 'schema':
        return schema(p, lang, io);
      case 'check':
        return check(p, lang, io);
      case 'pr':
        return pr(p, lang, io);
      case 'codeowners':
        return codeowners(p, lang, io);
      case 'plan':
        return await planOrApply('plan', p, lang, io);
      case 'apply':
        return await planOrApply('apply', p, lang, io);
      default:
        io.err(t('unknownCommand', lang, { value: JSON.stringify(command) }));
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(t('usageError', lang, { message: e.message }));
      return 2;
    }
    // the disk refused (a folder in the way, permissions, space): one line naming the path, not a crash
    const fileError = fileErrorLine(e, lang);
    if (fileError !== undefined) io.err(fileError);
    else io.err(t('internal', lang, { message: e instanceof Error ? e.message : String(e) }));
    if (process.env.GOVCLOUD_DEBUG === '1' && e instanceof Error && e.stack) io.err(e.stack);
    return fileError !== undefined ? 1 : 3;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
