#!/usr/bin/env node
/**
 * govcloud command line: argument parsing, exit codes and output only; the work is in config/
 * and stacks/. Exit codes: 0 ok, 1 invalid input or refused synth, 2 usage error, 3 internal error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { flag, parseArgs, Parsed, UsageError } from './args';
import { isCalendarDate } from '../config/checks/waivers';
import { t } from './text';
import { Io, printIssues, printUtilisation, printViolations } from './print';
import { Lang, langFromEnv } from '../config/messages';
import { validateEnvironment } from '../config/validate';
import { RULES } from '../policies/registry';
import { CityModel } from '../config/model';
import { formatBytes } from '../config/quantity';
import { jsonSchemas } from '../config/json-schema';
import { planStacks } from '../stacks/slices';
import { blocking, buildReport, parseFormat, render, staleWarnings, writeReport } from './check';
import { runPr } from '../workflow/pr';
import { checkFileOut, checkFolderOut, fileErrorLine } from './out-path';
import { GitError } from '../workflow/git';
import { renderPrJson, renderPrMarkdown } from '../workflow/pr-report';
import { CODEOWNERS_PATHS, renderCodeowners } from '../workflow/codeowners';
import { loadApprovers } from '../workflow/approvers-config';
import { writeScaffold } from '../workflow/scaffold';
import { WorkflowError } from '../workflow/text';
import { checkRun, chooseEngine, clearSavedPlans, plannedStacks, renderRuns, runStacks, stackOrder } from './engine';
import * as os from 'os';
import { defaultRepoRoot, leftoverStacks, synthesizeParallel, synthesizeRetired, SynthError } from '../stacks/synth';
import { planStacks as plannedSlices, retiredSlice } from '../stacks/slices';
import { suggest } from '../config/suggest';

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

export const DEFAULT_ENV = 'environments/example-city';

/** `--today`: a real calendar day, or a usage error (never silently ignored). */
function setToday(value: string | undefined): void {
  if (value === undefined) return;
  if (!isCalendarDate(value)) throw new UsageError(`--today must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  process.env.GOVCLOUD_TODAY = value;
}

function validate(p: Parsed, lang: Lang, io: Io, summary: boolean): CityModel | undefined {
  const env = flag(p, 'env') ?? DEFAULT_ENV;
  setToday(flag(p, 'today'));
  const result = validateEnvironment(env, { rules: RULES });
  printIssues(result.issues, lang, io);
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.length - errors;
  if (errors > 0) {
    io.err(t('summaryFail', lang, { files: result.files, errors, warnings }));
    return undefined;
  }
  if (summary) io.out(t('summaryOk', lang, { files: result.files, warnings }));
  if (summary && result.model) printUtilisation(result.model, lang, io);
  return result.model;
}

/** Worker processes for synth: --workers N, else one per core (at most 4) for cities of 500+ tenants. */
export function workerCount(flagValue: string | undefined, tenants: number): number {
  if (flagValue !== undefined) {
    const n = Number(flagValue);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, got ${JSON.stringify(flagValue)}`);
    return n;
  }
  return tenants >= 500 ? Math.min(4, os.availableParallelism()) : 1;
}

async function synth(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const outDir = flag(p, 'out') ?? 'cdktf.out';
  checkFolderOut(outDir, lang);
  const model = validate(p, lang, io, true);
  if (!model) return 1;
  const quiet = p.flags.has('quiet');
  const workers = workerCount(flag(p, 'workers'), model.tenants.length);
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  try {
    const results = await synthesizeParallel(model, {
      outDir,
      workers,
      handAdded: path.join(flag(p, 'env') ?? DEFAULT_ENV, 'overrides'),
      only: p.flags.get('stack'),
      onProgress: quiet
        ? undefined
        : (done, total, stack) => {
            if (tty) process.stderr.write(`\r\x1b[K${t('progress', lang, { done, total, stack })}${done === total ? '\n' : ''}`);
            else if (total >= 20 && done % Math.ceil(total / 10) !== 0 && done !== total) return;
            else io.err(t('progress', lang, { done, total, stack }));
          },
    });
    const only = p.flags.get('stack');
    const retiredNames = only === undefined ? leftoverStacks(model, outDir) : [];
    const retired = synthesizeRetired(model, retiredNames, { outDir }).retired;
    for (const r of retired) io.err(t('retiredStack', lang, { stack: r.name, network: r.network }));
    const resources = results.reduce((n, r) => n + r.resources, 0);
    const size = formatBytes(results.reduce((n, r) => n + r.bytes, 0));
    io.out(t('synthDone', lang, { count: results.length, resources, size, out: outDir, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    return 0;
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    if (e.code === 'unknownStack') {
      const s = e.details.suggestion;
      io.err(t('unknownStack', lang, { value: JSON.stringify(e.details.unknown ?? ''), suggestion: s ? (lang === 'zh' ? `；是否应为 ${s}？` : `; did you mean ${s}?`) : '' }));
      return 1;
    }
    if (e.code === 'handAdded') {
      printIssues(e.details.issues ?? [], lang, io);
      return 1;
    }
    printViolations(e.details.violations ?? [], lang, io);
    io.err(t('isolationSummary', lang, { count: (e.details.violations ?? []).length }));
    return 1;
  }
}

function stacks(p: Parsed, lang: Lang, io: Io): number {
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  for (const s of planStacks(model)) {
    const what = s.kind === 'platform' ? `${s.cluster.site}` : `${s.county.code} (${s.tenants.length} tenants, ${s.replicas.length} replicas)`;
    io.out(`${s.name.padEnd(40)} ${s.network.padEnd(9)} ${s.cluster.name.padEnd(14)} ${what}`);
  }
  return 0;
}

function check(p: Parsed, lang: Lang, io: Io): number {
  const format = parseFormat(flag(p, 'format'));
  const today = flag(p, 'today');
  setToday(today);
  checkFileOut(flag(p, 'out'), lang);
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const { report, issues, violations } = buildReport({
    env: flag(p, 'env') ?? DEFAULT_ENV,
    model,
    tenants: p.flags.get('tenant'),
    level: flag(p, 'level'),
    from: flag(p, 'from'),
    today,
    lang,
  });
  printIssues(issues, lang, io);
  if (!report) return 1;
  printViolations(violations, lang, io);
  if (violations.length > 0) io.err(t('isolationCheck', lang, { count: violations.length }));
  for (const w of staleWarnings(report, lang)) io.err(w);
  const text = render(report, format, lang);
  if (p.flags.has('summary') && format === 'text') {
    // the one-screen part: title, per-tenant table and verdict (the first three paragraphs)
    io.out(text.split('\n\n').slice(0, 3).join('\n\n').replace(/\n$/, ''));
  } else writeReport(text, flag(p, 'out'), io.out);
  return blocking(report) > 0 || violations.length > 0 ? 1 : 0;
}

function pr(p: Parsed, lang: Lang, io: Io): number {
  const base = flag(p, 'base');
  if (base === undefined) throw new UsageError('pr needs --base REF (the target branch, e.g. origin/main)');
  const format = flag(p, 'format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format for pr must be md or json, got ${JSON.stringify(format)}`);
  checkFileOut(flag(p, 'out'), lang);
  try {
    const result = runPr(base, flag(p, 'env') ?? DEFAULT_ENV);
    writeReport(format === 'md' ? renderPrMarkdown(result, lang) : renderPrJson(result), flag(p, 'out'), io.out);
    return result.blockers.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

async function planOrApply(kind: 'plan' | 'apply', p: Parsed, lang: Lang, io: Io): Promise<number> {
  const engine = chooseEngine(flag(p, 'engine'));
  const outDir = flag(p, 'out') ?? 'cdktf.out';
  const env = flag(p, 'env') ?? DEFAULT_ENV;
  const network = flag(p, 'network');
  if (network !== undefined && network !== 'extranet' && network !== 'intranet') throw new UsageError(`--network must be extranet or intranet, got ${JSON.stringify(network)}`);
  if (p.flags.has('destroy') && kind !== 'plan') throw new UsageError('--destroy belongs to plan: plan -destroy, review, then apply the saved plan');
  if (p.flags.has('planned') && kind !== 'apply') throw new UsageError('--planned belongs to apply (apply every saved plan)');
  if (p.flags.has('planned') && (p.flags.has('stack') || p.flags.has('affected-by'))) throw new UsageError('--planned applies every saved plan; do not combine it with --stack or --affected-by');
  let only = p.flags.get('stack');
  const affectedBy = flag(p, 'affected-by');
  if (affectedBy !== undefined) {
    let result;
    try {
      result = runPr(affectedBy, env);
    } catch (e) {
      if (e instanceof GitError) throw new UsageError(e.message);
      throw e;
    }
    // the same gate as the pull request: no plan that loses a tenant's data without an approved decommission
    const refused = [...(result.headIssues.some((i) => i.severity === 'error') ? [`validation errors in the request files (run govcloud validate)`] : []), ...result.risks.filter((r) => !r.approved).map((r) => `${r.what} for ${r.tenant} without an approved decommission at ${affectedBy} (spec.decommission): data at risk in ${r.namespaces.join(', ')}`)];
    if (refused.length > 0) {
      for (const r of refused) io.err(t('planRefused', lang, { reason: r }));
      return 1;
    }
    // the stacks whose synthesized resources differ (a slice can differ where its output does not)
    only = result.stacks.filter((s) => result.resources.some((r) => r.stack === s));
    if (only.length === 0) {
      io.out(lang === 'zh' ? '没有受影响的栈' : 'no affected stacks');
      return 0;
    }
  }
  if (kind === 'plan') {
    // plan what the files say now: synthesize the selected stacks first (stacks the change retires, empty)
    const model = validate(p, lang, io, false);
    if (!model) return 1;
    const slices = plannedSlices(model);
    const planned = new Set(slices.map((s) => s.name));
    if (network !== undefined) {
      // one network's run synthesizes nothing of the other (the intranet's stacks stay on its side)
      const netOf = (n: string) => slices.find((s) => s.name === n)?.network ?? retiredSlice(model, n)?.network;
      only = (only ?? slices.map((s) => s.name)).filter((n) => netOf(n) === undefined || netOf(n) === network);
      if (only.length === 0) {
        io.out(lang === 'zh' ? `${network} 中没有受影响的栈` : `no affected stacks in the ${network}`);
        return 0;
      }
    }
    const retiredNames = only ? only.filter((n) => !planned.has(n)) : [];
    const unknown = retiredNames.find((n) => retiredSlice(model, n) === undefined);
    if (unknown !== undefined) {
      const s = suggest(unknown, [...planned]);
      io.err(t('unknownStack', lang, { value: JSON.stringify(unknown), suggestion: s ? (lang === 'zh' ? `；是否应为 ${s}？` : `; did you mean ${s}?`) : '' }));
      return 1;
    }
    const synthArgs = { ...p, flags: new Map([...p.flags].filter(([k]) => k !== 'stack')) };
    const live = only?.filter((n) => planned.has(n));
    if (live && live.length > 0) synthArgs.flags.set('stack', [...live]);
    synthArgs.flags.set('quiet', ['true']);
    if (!only || live === undefined || live.length > 0) {
      const code = await synth(synthArgs, lang, io);
      if (code !== 0) return code;
    }
    for (const r of synthesizeRetired(model, retiredNames, { outDir }).retired) io.err(t('retiredStack', lang, { stack: r.name, network: r.network }));
  }
  const chosen = p.flags.has('planned') ? plannedStacks(outDir) : stackOrder(outDir, only);
  const stacks = chosen.filter((s) => network === undefined || s.network === network);
  if (p.flags.has('planned') && stacks.length === 0) {
    io.err(t('noSavedPlan', lang, { out: outDir }));
    return 1;
  }
  checkRun(stacks);
  // `apply --planned` applies what this plan saves, not what an earlier one left behind
  if (kind === 'plan') clearSavedPlans(outDir, network);
  const runs = runStacks(kind, engine, stacks, (line) => io.err(line), { destroy: p.flags.has('destroy') });
  io.out(renderRuns(runs));
  return runs.some((r) => r.status === 'failed' || (kind === 'apply' && r.status === 'skipped')) ? 1 : 0;
}

function codeowners(p: Parsed, lang: Lang, io: Io): number {
  const flavor = flag(p, 'flavor') ?? 'github';
  if (flavor !== 'github' && flavor !== 'gitlab') throw new UsageError(`--flavor must be github or gitlab, got ${JSON.stringify(flavor)}`);
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const env = flag(p, 'env') ?? DEFAULT_ENV;
  const approvers = loadApprovers(env, { counties: model.counties.map((c) => c.code) });
  printIssues(approvers.issues, lang, io);
  if (!approvers.config) return 1;
  const text = renderCodeowners(model, env, flavor, approvers.config);
  const out = flag(p, 'out') ?? CODEOWNERS_PATHS[flavor];
  if (out !== '-') checkFileOut(out, lang, { createFolder: true });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeReport(text, out === '-' ? undefined : out, io.out);
  if (out !== '-') io.out(lang === 'zh' ? `已写入 ${out}` : `wrote ${out}`);
  return 0;
}

function newTenant(p: Parsed, rest: readonly string[], lang: Lang, io: Io): number {
  if (rest[0] !== 'tenant') throw new UsageError('usage: govcloud new tenant --county COUNTY --name NAME [--department DEPT]');
  const county = flag(p, 'county');
  const name = flag(p, 'name');
  if (county === undefined || name === undefined) throw new UsageError('new tenant needs --county and --name');
  try {
    const file = writeScaffold(flag(p, 'env') ?? DEFAULT_ENV, { county, name, department: flag(p, 'department'), lang });
    io.out(lang === 'zh' ? `已创建 ${file}；请填写项目联审文号等 TODO 项后提交合并请求` : `wrote ${file}; fill in the TODOs (项目联审 reference first), then open a pull request`);
    return 0;
  } catch (e) {
    if (e instanceof WorkflowError) {
      io.err(e.text[lang]);
      return 1;
    }
    throw e;
  }
}

function schema(p: Parsed, lang: Lang, io: Io): number {
  const dir = path.join(defaultRepoRoot(), 'schema');
  let stale = 0;
  for (const s of jsonSchemas()) {
    const file = path.join(dir, s.file);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (p.flags.has('check')) {
      if (current !== s.text) {
        io.err(t('schemaStale', lang, { file: `schema/${s.file}` }));
        stale++;
      }
    } else if (current !== s.text) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, s.text);
      io.out(t('schemaWritten', lang, { file: `schema/${s.file}` }));
    }
  }
  if (stale === 0 && p.flags.has('check')) io.out(t('schemaCurrent', lang));
  return stale > 0 ? 1 : 0;
}

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
    if (command === 'new') return newTenant(p, rest, lang, io);
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
