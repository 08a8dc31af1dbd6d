/** `govcloud validate`, `stacks` and `schema`: the request files checked, listed, and their JSON Schemas. */
import * as fs from 'fs';
import * as path from 'path';
import { flag, Parsed, UsageError } from '../args';
import { isCalendarDate } from '../../config/checks/waivers';
import { t } from '../text';
import { Io, printIssues, printUtilisation } from '../print';
import { Lang } from '../../config/messages';
import { validateEnvironment } from '../../config/validate';
import { forgetParsedTexts } from '../../config/source';
import { RULES } from '../../policies/registry';
import { CityModel } from '../../config/model';
import { jsonSchemas } from '../../config/json-schema';
import { stackList, stacksJson } from '../../workflow/stack-list';
import { gitlabChild } from '../../workflow/gitlab-child';
import { defaultRepoRoot } from '../../config/repo-root';
import { checkFileOut, writeReport } from '../out-path';

export const DEFAULT_ENV = 'environments/example-city';

/** `--env`, else the example city. */
export const envOf = (p: Parsed): string => flag(p, 'env') ?? DEFAULT_ENV;

/** `--today`: a real calendar day, or a usage error (never silently ignored). */
export function setToday(value: string | undefined): void {
  if (value === undefined) return;
  if (!isCalendarDate(value)) throw new UsageError(`--today must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  process.env.GOVCLOUD_TODAY = value;
}

/** Validates the environment and prints what is wrong; the model, or undefined when there are errors. */
export function validate(p: Parsed, lang: Lang, io: Io, summary: boolean, opts: { positions?: boolean } = {}): CityModel | undefined {
  setToday(flag(p, 'today'));
  const result = validateEnvironment(envOf(p), { rules: RULES, positions: opts.positions });
  // the commands that validate here do it once: the parsed files need not stay for a second reading
  forgetParsedTexts();
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

export async function stacks(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const affectedBy = flag(p, 'affected-by');
  const network = flag(p, 'network');
  if (network !== undefined && network !== 'extranet' && network !== 'intranet')
    throw new UsageError(`--network must be extranet or intranet, got ${JSON.stringify(network)}`);
  const out = flag(p, 'out');
  checkFileOut(out, lang, { inputs: { env: envOf(p) } });
  let only: readonly string[] | undefined;
  if (affectedBy !== undefined) {
    // loaded on demand: what a change affects is judged on stacks synthesized in memory (cdktf)
    const { affectedOrUsage } = await import('./deploy');
    const affected = affectedOrUsage(affectedBy, envOf(p));
    if (affected.refused.length > 0) {
      for (const r of affected.refused) io.err(t('stacksRefused', lang, { reason: r }));
      return 1;
    }
    only = affected.stacks;
  }
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const list = stackList(model, only).filter((s) => network === undefined || s.network === network);
  const format = flag(p, 'format');
  const lines =
    format === 'json'
      ? [JSON.stringify(stacksJson(list, { affectedBy, network }), null, 2)]
      : format === 'gitlab-child'
        ? [gitlabChild(list, { affectedBy, network }).replace(/\n$/, '')]
        : list.map((s) => `${s.name.padEnd(40)} ${s.network.padEnd(9)} ${s.cluster.padEnd(14)} ${s.what}`);
  if (out === undefined) for (const l of lines) io.out(l);
  else writeReport(lines.map((l) => `${l}\n`).join(''), out, io.out);
  return 0;
}

export function schema(p: Parsed, lang: Lang, io: Io): number {
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
