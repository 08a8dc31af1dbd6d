/** `govcloud evidence`: the check's evidence package for the assessor, written to a new or empty folder. */
import * as fs from 'fs';
import { flag, Parsed, UsageError } from '../args';
import { t } from '../text';
import { Io, printIssues, printViolations } from '../print';
import { Lang, word } from '../../config/messages';
import { credentialWord } from '../../config/messages/credentials';
import { blocking } from '../../policies/engine';
import { buildEvidence } from '../../workflow/evidence';
import { writeEvidence } from '../../workflow/evidence-write';
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
  printViolations(pkg.violations, lang, io);
  if (pkg.violations.length > 0) io.err(t('isolationCheck', lang, { count: pkg.violations.length }));
  for (const w of staleWarnings(pkg.report, lang)) io.err(w);
  // each file written as it is made, hashed and scanned for credentials on the way; one credential and nothing is kept
  const written = writeEvidence(pkg, out);
  if (written.refused.length > 0) {
    for (const r of written.refused) io.err(t('evidenceSecret', lang, { file: r.path, line: r.line, what: word(credentialWord(r.what), lang) }));
    return 1;
  }
  const n = blocking(pkg.report);
  io.out(t('evidenceDone', lang, { out, files: written.files, blocking: n }));
  return n > 0 || pkg.violations.length > 0 ? 1 : 0;
}
