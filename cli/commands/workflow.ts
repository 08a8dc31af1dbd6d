/** `govcloud pr`, `codeowners` and `new tenant`: the pull-request workflow around the request files. */
import * as fs from 'fs';
import * as path from 'path';
import { flag, Parsed, UsageError } from '../args';
import { Io, printIssues } from '../print';
import { Lang } from '../../config/messages';
import { writeReport } from '../check';
import { runPr } from '../../workflow/pr';
import { checkFileOut } from '../out-path';
import { GitError } from '../../workflow/git';
import { renderPrJson, renderPrMarkdown } from '../../workflow/pr-report';
import { COMMENT_LIMITS, fitComment, Forge, LIMIT_TEXT, MIN_COMMENT_LIMIT } from '../../workflow/pr-limit';
import { CODEOWNERS_PATHS, renderCodeowners } from '../../workflow/codeowners';
import { loadApprovers, withJointReview } from '../../workflow/approvers-config';
import { writeScaffold } from '../../workflow/scaffold';
import { WorkflowError } from '../../workflow/text';
import { envOf, validate } from './validate';

export function pr(p: Parsed, lang: Lang, io: Io): number {
  const base = flag(p, 'base');
  if (base === undefined) throw new UsageError('pr needs --base REF (the target branch, e.g. origin/main)');
  const format = flag(p, 'format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format for pr must be md or json, got ${JSON.stringify(format)}`);
  const out = flag(p, 'out');
  checkFileOut(out, lang, { inputs: { env: envOf(p) } });
  const forge = (flag(p, 'forge') ?? 'github') as Forge;
  const limit = commentLimit(flag(p, 'comment-limit'), forge, lang);
  const full = flag(p, 'full-out') ?? (out === undefined ? 'pr-summary.full.md' : `${out.replace(/\.md$/, '')}.full.md`);
  if (format === 'md') checkFileOut(full, lang, { inputs: { env: envOf(p) } });
  try {
    const result = runPr(base, envOf(p), process.cwd(), { review: true });
    if (format === 'json') writeReport(renderPrJson(result), out, io.out);
    else {
      // a comment the forge would refuse is cut, and the whole summary kept beside it
      const summary = renderPrMarkdown(result, lang);
      const fitted = fitComment(summary, limit, full, flag(p, 'comment-limit') === undefined ? forge : undefined);
      if (fitted.truncated) writeReport(summary, full, io.out);
      writeReport(fitted.text, out, io.out);
    }
    return result.blockers.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

/** The comment limit: --comment-limit, else the forge's. */
function commentLimit(value: string | undefined, forge: Forge, lang: Lang): number {
  if (value === undefined) return COMMENT_LIMITS[forge];
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  const max = 100_000_000;
  if (!(n >= MIN_COMMENT_LIMIT && n <= max))
    throw new UsageError(
      LIMIT_TEXT.badLimit[lang].replace('{min}', String(MIN_COMMENT_LIMIT)).replace('{max}', String(max)).replace('{value}', JSON.stringify(value)),
    );
  return n;
}

export function codeowners(p: Parsed, lang: Lang, io: Io): number {
  const flavor = flag(p, 'flavor') ?? 'github';
  if (flavor !== 'github' && flavor !== 'gitlab') throw new UsageError(`--flavor must be github or gitlab, got ${JSON.stringify(flavor)}`);
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const env = envOf(p);
  const approvers = loadApprovers(env, { counties: model.counties.map((c) => c.code) });
  printIssues(approvers.issues, lang, io);
  if (!approvers.config) return 1;
  const text = renderCodeowners(model, env, flavor, withJointReview(approvers.config, model.approvals.jointReview));
  const out = flag(p, 'out') ?? CODEOWNERS_PATHS[flavor];
  if (out !== '-') checkFileOut(out, lang, { createFolder: true, inputs: { env } });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeReport(text, out === '-' ? undefined : out, io.out);
  if (out !== '-') io.out(lang === 'zh' ? `已写入 ${out}` : `wrote ${out}`);
  return 0;
}

export function newTenant(p: Parsed, lang: Lang, io: Io): number {
  const county = flag(p, 'county');
  const name = flag(p, 'name');
  if (county === undefined || name === undefined) throw new UsageError('new tenant needs --county and --name');
  try {
    const file = writeScaffold(envOf(p), { county, name, department: flag(p, 'department'), lang });
    io.out(
      lang === 'zh'
        ? `已创建 ${file}，并在 address-pools.yaml 中为其命名空间分配了地址池；请填写项目联审文号等 TODO 项后一并提交合并请求`
        : `wrote ${file} and gave its namespaces address pools in address-pools.yaml; fill in the TODOs (项目联审 reference first), then open a pull request with both`,
    );
    return 0;
  } catch (e) {
    if (e instanceof WorkflowError) {
      io.err(e.text[lang]);
      return 1;
    }
    throw e;
  }
}
