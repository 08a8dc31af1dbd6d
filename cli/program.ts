/**
 * The command line as a commander program built from cli/options.ts: each command with its own
 * options, generated help in the chosen language, and every parse problem a UsageError in our words
 * (exit 2). Commander never prints or exits on its own: help goes to `io`, errors are thrown.
 */
import { didYouMean } from '../config/vocabulary';
import { Command, CommanderError, ErrorOptions as CommanderErrorOptions, Option } from 'commander';
import { Lang } from '../config/messages';
import { suggest } from '../config/suggest';
import { Parsed, UsageError } from './args';
import { CommandName, COMMANDS, CommandSpec, GROUPS, LANG_OPTION, OptionSpec, Words } from './options';
import { Io } from './print';
import { t } from './text';

export type Handler = (p: Parsed, lang: Lang, io: Io) => number | Promise<number>;

/** What commander found wrong, raised in the command it concerns (see GovCommand.error). */
class ParseFailure extends Error {
  constructor(
    readonly command: Command,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Commander's command, raising ParseFailure instead of printing and exiting. */
class GovCommand extends Command {
  override createCommand(name?: string): GovCommand {
    return new GovCommand(name);
  }

  override error(message: string, errorOptions?: CommanderErrorOptions): never {
    throw new ParseFailure(this, errorOptions?.code ?? 'commander.error', message);
  }
}

const TITLES: Readonly<Record<string, Words>> = {
  'Usage:': { en: 'Usage:', zh: '用法：' },
  'Arguments:': { en: 'Arguments:', zh: '参数：' },
  'Options:': { en: 'Options:', zh: '选项：' },
  'Global Options:': { en: 'Global Options:', zh: '全局选项：' },
  'Commands:': { en: 'Commands:', zh: '命令：' },
};

const listOf = (items: readonly string[], lang: Lang): string => items.join(lang === 'zh' ? '、' : ', ');

/** `a, b or c` / `a、b 或 c`. */
function orList(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${listOf(items.slice(0, -1), lang)}${lang === 'zh' ? ' 或 ' : ' or '}${items[items.length - 1]}`;
}

/** Columns a string takes in a terminal: CJK characters take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const c of s.replace(/\x1b\[[0-9;]*m/g, ''))
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return n;
}

/** One option: its value checked here (a choice, given once, not another option) so the message is ours. */
function option(spec: OptionSpec, lang: Lang): Option {
  const dashed = `--${spec.name}`;
  if (spec.arg === undefined) return new Option(dashed, spec.help[lang]);
  const o = new Option(`${dashed} <${spec.arg[lang]}${spec.repeat ? '...' : ''}>`, spec.help[lang]);
  // commander recognises `<name...>` only for ASCII names: say it outright
  o.variadic = spec.repeat === true;
  if (spec.choices) o.choices(spec.choices);
  return o.argParser((value: string, previous: string | string[] | undefined): string | string[] => {
    if (value.startsWith('--')) throw new UsageError(t('optionNeedsValue', lang, { option: dashed }));
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(t('badChoice', lang, { option: dashed, allowed: orList(spec.choices, lang), value: JSON.stringify(value) }));
    }
    if (spec.repeat) return [...(Array.isArray(previous) ? previous : []), value];
    if (previous !== undefined) throw new UsageError(t('optionTwice', lang, { option: dashed }));
    return value;
  });
}

/** A switch given twice is refused like an option with a value (commander would take it silently). */
function refuseRepeat(cmd: Command, name: string, lang: Lang): void {
  let seen = false;
  cmd.on(`option:${name}`, () => {
    if (seen) throw new UsageError(t('optionTwice', lang, { option: `--${name}` }));
    seen = true;
  });
}

/** `new tenant` for the command `tenant` of `new`; `govcloud` for the program itself. */
function nameOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length > 0 ? names.join(' ') : cmd.name();
}

const specOf = (name: string): CommandSpec | undefined => COMMANDS.find((c) => c.name === name);

/** The option values of the command that ran, by option name. */
function parsedOf(cmd: Command): Parsed {
  const flags = new Map<string, string[]>();
  for (const o of cmd.options) {
    const v: unknown = cmd.getOptionValue(o.attributeName());
    if (v === true) flags.set(o.name(), ['true']);
    else if (typeof v === 'string') flags.set(o.name(), [v]);
    else if (Array.isArray(v)) flags.set(o.name(), v.map(String));
  }
  return { flags };
}

/** An option this command does not take: a typo, or one of another command. */
function unknownOption(cmd: Command, given: string, lang: Lang): string {
  const name = given.includes('=') ? given.slice(0, given.indexOf('=')) : given;
  const command = nameOf(cmd);
  const spec = specOf(command);
  const own = spec?.options ?? [];
  const mine = own.find((o) => `--${o.name}` === name);
  if (mine !== undefined && given !== name) return t('optionTakesNoValue', lang, { option: name, value: JSON.stringify(given.slice(name.length + 1)) });
  const owners = COMMANDS.filter((c) => c.options.some((o) => `--${o.name}` === name)).map((c) => c.name);
  const known = [...own.map((o) => `--${o.name}`), `--${LANG_OPTION.name}`, '--help'];
  if (owners.length > 0 && spec === undefined) return t('optionAfterCommand', lang, { option: name, owners: listOf(owners, lang) });
  if (owners.length > 0) return t('optionElsewhere', lang, { option: name, owners: listOf(owners, lang), command, known: listOf(known, lang) });
  const close = name.startsWith('--') ? suggest(name, known) : undefined;
  return t('unknownOption', lang, { option: name, suggestion: didYouMean(close, lang), command, known: listOf(known, lang) });
}

/** Commander's finding in our words, in the user's language. */
function usageMessage(f: ParseFailure, lang: Lang): string {
  const cmd = f.command;
  switch (f.code) {
    case 'commander.unknownOption': {
      const prefix = "error: unknown option '";
      if (f.message.startsWith(prefix) && f.message.endsWith("'")) return unknownOption(cmd, f.message.slice(prefix.length, -1), lang);
      break;
    }
    case 'commander.optionMissingArgument': {
      const options: Option[] = [];
      for (let c: Command | null = cmd; c; c = c.parent) options.push(...c.options);
      const o = options.find((x) => f.message === `error: option '${x.flags}' argument missing`);
      if (o?.long) return t('optionNeedsValue', lang, { option: o.long });
      break;
    }
    case 'commander.unknownCommand':
      return t('unknownCommand', lang, {
        value: JSON.stringify(cmd.args[0] ?? ''),
        known: listOf(
          cmd.commands.map((c) => c.name()),
          lang,
        ),
      });
    case 'commander.excessArguments':
      return t('unexpectedArgument', lang, { value: JSON.stringify(cmd.args[cmd.registeredArguments.length] ?? '') });
  }
  return f.message.replace(/^error: /, '');
}

/** The program, in `lang`, running `handlers`; the exit code it decided is set through `done`. */
function build(lang: Lang, io: Io, handlers: Readonly<Record<CommandName, Handler>>, done: (code: number) => void): Command {
  const program = new GovCommand('govcloud');
  program
    .description(
      lang === 'zh'
        ? '政务云基础设施即代码：校验申请文件、生成 Terraform 栈、等保检查、计划与部署'
        : 'Infrastructure as code for a municipal government cloud: validate the request files, synthesize the Terraform stacks, check graded protection (等保), plan and apply',
    )
    .exitOverride((e: CommanderError) => {
      throw e;
    })
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      outputError: () => undefined,
    })
    .configureHelp({
      showGlobalOptions: true,
      // the program's own options only (--lang): `evidence verify` takes none of `evidence`'s
      visibleGlobalOptions: (cmd: Command) => {
        let root = cmd;
        while (root.parent) root = root.parent;
        return cmd.parent ? root.options.filter((o) => !o.hidden) : [];
      },
      styleTitle: (s: string) => TITLES[s]?.[lang] ?? s,
      displayWidth,
      optionDescription: (o: Option) =>
        o.argChoices ? `${o.description}${lang === 'zh' ? '' : ' '}${t('choices', lang, { values: listOf(o.argChoices, lang) })}` : o.description,
    })
    .showSuggestionAfterError(false)
    .helpOption('-h, --help', t('helpOption', lang))
    .helpCommand('help [command]', t('helpCommand', lang))
    .addOption(option(LANG_OPTION, lang));
  const groups = new Map<string, Command>();
  for (const spec of COMMANDS) {
    const [first, sub] = spec.name.split(' ');
    let parent: Command = program;
    if (sub !== undefined) {
      // a group is its own command (`new`) or a command that also has subcommands (`evidence verify`)
      parent = groups.get(first) ?? program.commands.find((c) => c.name() === first) ?? program.command(first).description(GROUPS[first]?.[lang] ?? '');
      groups.set(first, parent);
    }
    const cmd = parent.command(sub ?? first).description(spec.summary[lang]);
    for (const o of spec.options) {
      cmd.addOption(option(o, lang));
      if (o.arg === undefined) refuseRepeat(cmd, o.name, lang);
    }
    cmd.action(async () => done(await handlers[spec.name](parsedOf(cmd), lang, io)));
  }
  return program;
}

/**
 * Parses `argv` and runs the command it names: its exit code; 0 after help that was asked for, 2 after
 * help shown because a command was missing. A usage problem is thrown as a UsageError.
 */
export async function parseAndRun(argv: readonly string[], lang: Lang, io: Io, handlers: Readonly<Record<CommandName, Handler>>): Promise<number> {
  let code = 0;
  const program = build(lang, io, handlers, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof ParseFailure) throw new UsageError(usageMessage(e, lang));
    if (e instanceof CommanderError && (e.code === 'commander.help' || e.code === 'commander.helpDisplayed')) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

/** The value of `--lang` when it is one of the languages, before the line is parsed (its messages need it). */
export function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === `--${LANG_OPTION.name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${LANG_OPTION.name}=`)) return argv[i].slice(LANG_OPTION.name.length + 3);
  }
  return undefined;
}
