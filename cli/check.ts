/**
 * `govcloud check`: the flags (format, level, tenants), the judging itself (workflow/check.ts), and
 * printing the report and stale waivers. Exit 1 on any unwaived error finding or isolation violation.
 */
import { Lang } from '../config/messages';
import { CityModel, MlpsLevel } from '../config/model';
import { formatIssue, issue } from '../config/issues';
import { blocking, CheckReport } from '../policies/engine';
import type { Deployment } from '../policies/deployment';
import { judgedFlows } from '../policies/judged-flows';
import { judge, Judged } from '../workflow/check';
import { Chunks, htmlChunks, reportChunks } from '../policies/report';
import { join } from '../policies/report/chunks';
import { UsageError } from './args';
import { writeReport } from './out-path';

export type Format = 'text' | 'md' | 'json' | 'sarif' | 'junit' | 'html';

export interface CheckArgs {
  readonly env: string;
  readonly model: CityModel;
  readonly tenants?: readonly string[];
  readonly level?: string;
  readonly format?: string;
  readonly from?: string;
  readonly today?: string;
  readonly lang: Lang;
}

export function parseFormat(v: string | undefined): Format {
  const f = v ?? 'text';
  if (f === 'text' || f === 'md' || f === 'json' || f === 'sarif' || f === 'junit' || f === 'html') return f;
  throw new UsageError(`--format must be text, md, json, sarif, junit or html, got ${JSON.stringify(f)}`);
}

export function parseLevel(v: string | undefined): MlpsLevel | undefined {
  if (v === undefined) return undefined;
  if (v === '1' || v === '2' || v === '3' || v === '4') return Number(v) as MlpsLevel;
  throw new UsageError(`--level must be 1, 2, 3 or 4, got ${JSON.stringify(v)}`);
}

/** Checks the flags against the model, then judges (workflow/check.ts). */
export function buildReport(a: CheckArgs): Judged {
  const known = new Set(a.model.tenants.map((t) => t.name));
  for (const t of a.tenants ?? [])
    if (!known.has(t)) throw new UsageError(`unknown tenant ${JSON.stringify(t)} (see govcloud stacks, or the files under tenants/)`);
  return judge({ model: a.model, env: a.env, from: a.from, tenants: a.tenants, level: parseLevel(a.level), today: a.today });
}

/**
 * The report in pieces, to be written as they come; the HTML report draws the city's topology from
 * the model as well, with the flows the judged stacks open (`deployment`; without it, the declared ones).
 */
export function renderChunks(report: CheckReport, format: Format, lang: Lang, model: CityModel, deployment?: Deployment): Chunks {
  if (format === 'html') return htmlChunks(report, model, lang, deployment ? judgedFlows(model, deployment) : undefined);
  return reportChunks(report, format === 'md' ? 'markdown' : format, lang);
}

/** The report as one string (small reports, tests): renderChunks joined. */
export function render(report: CheckReport, format: Format, lang: Lang, model: CityModel): string {
  return join(renderChunks(report, format, lang, model));
}

/**
 * The `--summary` of the text report: its first `blocks` paragraphs (title, tenant table, platform
 * table, verdict), as `text.split('\n\n').slice(0, blocks).join('\n\n')`, read from the pieces only
 * as far as needed.
 */
export function firstBlocks(chunks: Chunks, blocks: number): string {
  let text = '';
  let from = 0;
  let found = 0;
  for (const c of chunks) {
    text += c;
    for (let at = text.indexOf('\n\n', from); at >= 0; at = text.indexOf('\n\n', from)) {
      from = at + 2;
      if (++found === blocks) return text.slice(0, at);
    }
    // a break may start at the last character: search on from there only
    from = Math.max(from, text.length - 1);
  }
  return text;
}

/** Stale waivers as positioned warnings: the rule passes, the waiver can go. */
export function staleWarnings(report: CheckReport, lang: Lang): string[] {
  return report.tenants.flatMap((t) =>
    t.staleWaivers.map((w) => {
      const i = t.tenant.waivers.indexOf(w);
      return formatIssue(issue('warning', { file: t.tenant.source.file, line: w.line, col: 7 }, `spec.waivers[${i}]`, 'waiver.stale', { rule: w.rule }), lang);
    }),
  );
}

/** Prints, or writes `out` whole (through a temporary file beside it); a file-system failure is a FileError naming `out`. */
export { blocking, writeReport };
