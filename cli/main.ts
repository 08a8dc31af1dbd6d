#!/usr/bin/env node
/**
 * govcloud command line: exit codes and output only; the options of each command are in
 * cli/options.ts, their parsing in cli/program.ts, each command's steps in cli/commands/, and the
 * work in config/ and stacks/. Exit codes: 0 ok, 1 invalid input or refused synth, 2 usage error,
 * 3 internal error.
 */
import { UsageError } from './args';
import { DeployError } from '../deploy/errors';
import { shortcutsSetting, SHORTCUTS_ENV } from '../stacks/shortcuts-setting';
import { t } from './text';
import { Io } from './print';
import { Lang, langFromEnv, renderMessage } from '../config/messages';
import { systemFolderOf } from '../stacks/synth-cache';
import { fileErrorLine } from './out-path';
import { CommandName } from './options';
import { Handler, langArg, parseAndRun } from './program';

// each command's module is loaded when it runs: validate, pr or stacks never pay for loading cdktf
const HANDLERS: Readonly<Record<CommandName, Handler>> = {
  validate: async (p, lang, io) => ((await import('./commands/validate')).validate(p, lang, io, true) ? 0 : 1),
  synth: async (p, lang, io) => (await import('./commands/synth')).synth(p, lang, io),
  stacks: async (p, lang, io) => (await import('./commands/validate')).stacks(p, lang, io),
  schema: async (p, lang, io) => (await import('./commands/validate')).schema(p, lang, io),
  check: async (p, lang, io) => (await import('./commands/check')).check(p, lang, io),
  evidence: async (p, lang, io) => (await import('./commands/evidence')).evidence(p, lang, io),
  'evidence verify': async (p, lang, io) => (await import('./commands/evidence')).verifyEvidence(p, lang, io),
  pr: async (p, lang, io) => (await import('./commands/workflow')).pr(p, lang, io),
  plan: async (p, lang, io) => (await import('./commands/deploy')).planOrApply('plan', p, lang, io),
  apply: async (p, lang, io) => (await import('./commands/deploy')).planOrApply('apply', p, lang, io),
  probe: async (p, lang, io) => (await import('./commands/probe')).probe(p, lang, io),
  drill: async (p, lang, io) => (await import('./commands/drill')).drill(p, lang, io),
  codeowners: async (p, lang, io) => (await import('./commands/workflow')).codeowners(p, lang, io),
  pools: async (p, lang, io) => (await import('./commands/pools')).pools(p, lang, io),
  'new tenant': async (p, lang, io) => (await import('./commands/workflow')).newTenant(p, lang, io),
};

/** A bad GOVCLOUD_CDKTF_SHORTCUTS is the user's setting, not a bug: a usage error before anything runs. */
function checkShortcutsSetting(lang: Lang): void {
  const value = process.env[SHORTCUTS_ENV];
  try {
    shortcutsSetting(value);
  } catch {
    throw new UsageError(t('badShortcuts', lang, { name: SHORTCUTS_ENV, value: JSON.stringify(value) }));
  }
}

/** GOVCLOUD_CACHE inside /proc, /sys or /dev: a usage error before anything runs (reading there can hang). */
function checkCacheSetting(lang: Lang): void {
  const value = process.env.GOVCLOUD_CACHE;
  if (value === undefined || value === '' || value === 'off') return;
  const root = systemFolderOf(value);
  if (root !== undefined) throw new UsageError(renderMessage('cache.systemFolder', { value: `quoted:${value}`, root }, lang));
}

export async function run(argv: readonly string[], io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }): Promise<number> {
  const lang: Lang = langFromEnv(langArg(argv));
  try {
    checkShortcutsSetting(lang);
    checkCacheSetting(lang);
    return await parseAndRun(argv, lang, io, HANDLERS);
  } catch (e) {
    if (e instanceof UsageError || e instanceof DeployError) {
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
