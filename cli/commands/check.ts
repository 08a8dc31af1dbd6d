/** `govcloud check`: the graded-protection (等保) report, printed or written to a file (the HTML report: to a folder, cli/site-out.ts). */
import { flag, Parsed } from '../args';
import { t } from '../text';
import { Io, printIssues, printViolations } from '../print';
import { Lang } from '../../config/messages';
import { blocking, buildReport, firstBlocks, parseFormat, renderChunks, staleWarnings } from '../check';
import { writeChunks } from '../stream-out';
import { checkFileOut } from '../out-path';
import { checkSiteOut, isSinglePage, writeSite } from '../site-out';
import { htmlSite } from '../../policies/report/html/site';
import { judgedFlows } from '../../policies/judged-flows';
import { envOf, setToday, validate } from './validate';

export function check(p: Parsed, lang: Lang, io: Io): number {
  const format = parseFormat(flag(p, 'format'));
  const today = flag(p, 'today');
  setToday(today);
  const out = flag(p, 'out');
  const inputs = { env: envOf(p), from: flag(p, 'from') };
  // the HTML report is a folder (index, a page per department and per tenant) unless --out names one .html page
  const site = format === 'html' && out !== undefined && !isSinglePage(out);
  if (site) checkSiteOut(out, lang, inputs);
  else checkFileOut(out, lang, { inputs });
  const model = validate(p, lang, io, false, { positions: true });
  if (!model) return 1;
  const { report, issues, violations, deployment } = buildReport({
    env: envOf(p),
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
  if (site) {
    writeSite(htmlSite(report, model, lang, deployment ? judgedFlows(model, deployment) : undefined), out);
    return blocking(report) > 0 || violations.length > 0 ? 1 : 0;
  }
  // written piece by piece: the report of a large city does not fit in one string
  const chunks = renderChunks(report, format, lang, model, deployment);
  if (p.flags.has('summary') && format === 'text') {
    // the one-screen part: title, per-tenant table, the platform table and the verdict
    io.out(firstBlocks(chunks, report.platform.length > 0 ? 4 : 3).replace(/\n$/, ''));
  } else writeChunks(chunks, flag(p, 'out'), io.out);
  return blocking(report) > 0 || violations.length > 0 ? 1 : 0;
}
