/** `govcloud evidence`: the check's evidence package for the assessor, written to a new or empty folder. */
import * as fs from 'fs';
import { flag, Parsed, UsageError } from '../args';
import { t } from '../text';
import { Io, printIssues, printViolations } from '../print';
import { Lang } from '../../config/messages';
import { blocking } from '../../policies/engine';
import { buildEvidence, writeEvidence } from '../../workflow/evidence';
import { checkFolderOut } from '../out-path';
import { staleWarnings } from '../check';
import { envOf, setToday, validate } from './validate';

/** Exit codes as `check`: 1 on an unwaived error finding or isolation violation (the package is still written), or when nothing could be judged. */
export function evidence(p: Parsed, lang: Lang, io: Io): number {
  const out = flag(p, 'out');
  if (out === undefined) throw new UsageError(t('evidenceOutRequired', lang));
  checkFolderOut(out, lang, { env: envOf(p), from: flag(p, 'from') });
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new UsageError(t('evidenceOutNotEmpty', lang, { path: out }));
  const today = flag(p, 'today');
  setToday(today);
  const model = validate(p, lang, io, false, { positions: true });
  if (!model) return 1;
  const pkg = buildEvidence({ model, env: envOf(p), from: flag(p, 'from'), today, lang });
  printIssues(pkg.issues, lang, io);
  if (!pkg.report) return 1;
  if (pkg.refused.length > 0) {
    for (const r of pkg.refused) io.err(t('evidenceSecret', lang, { file: r.path, what: r.what }));
    return 1;
  }
  printViolations(pkg.violations, lang, io);
  if (pkg.violations.length > 0) io.err(t('isolationCheck', lang, { count: pkg.violations.length }));
  for (const w of staleWarnings(pkg.report, lang)) io.err(w);
  writeEvidence(pkg.files, out);
  const n = blocking(pkg.report);
  io.out(t('evidenceDone', lang, { out, files: pkg.files.length, blocking: n }));
  return n > 0 || pkg.violations.length > 0 ? 1 : 0;
}
