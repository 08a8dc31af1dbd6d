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
import { signatureMeta, Signer, verifyPackage } from '../../workflow/evidence-sign';

/** The signer of `--sign-key` and `--sign-cert`, checked to be a pair before anything is judged; undefined when neither is given. */
function signerOf(p: Parsed, lang: Lang): { signer: Signer; meta: ReturnType<typeof signatureMeta> } | undefined {
  const key = flag(p, 'sign-key');
  const cert = flag(p, 'sign-cert');
  if (key === undefined && cert === undefined) return undefined;
  if (key === undefined || cert === undefined) throw new UsageError(t('evidenceSignBoth', lang));
  try {
    return { signer: { key, cert }, meta: signatureMeta({ key, cert }) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `govcloud evidence verify`: 0 when every file is as listed and the signature verifies with the trusted certificate, else 1. */
export function verifyEvidence(p: Parsed, lang: Lang, io: Io): number {
  const dir = flag(p, 'package');
  const cert = flag(p, 'cert');
  if (dir === undefined || cert === undefined) throw new UsageError(t('evidenceVerifyArgs', lang));
  if (!fs.existsSync(cert)) throw new UsageError(`${cert}: no such file / 文件不存在`);
  const r = verifyPackage(dir, cert);
  if (!r.ok) {
    for (const line of r.problems) io.err(line);
    io.err(t('evidenceNotVerified', lang, { dir, count: r.problems.length }));
    return 1;
  }
  const pv = r.provenance;
  io.out(
    t('evidenceVerified', lang, {
      dir,
      signer: r.signer ?? '?',
      version: pv?.version ?? '?',
      commit: pv?.commit ?? '?',
      rules: pv?.rules.count ?? '?',
      producer: pv?.producer ?? '?',
      day: pv?.producedOn ?? '?',
    }),
  );
  return 0;
}

/** Exit codes as `check`: 1 on an unwaived error finding or isolation violation (the package is still written), or when nothing could be judged. */
export function evidence(p: Parsed, lang: Lang, io: Io): number {
  const out = flag(p, 'out');
  if (out === undefined) throw new UsageError(t('evidenceOutRequired', lang));
  checkFolderOut(out, lang, { env: envOf(p), from: flag(p, 'from') });
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new UsageError(t('evidenceOutNotEmpty', lang, { path: out }));
  const signing = signerOf(p, lang);
  const today = flag(p, 'today');
  setToday(today);
  const model = validate(p, lang, io, false, { positions: true });
  if (!model) return 1;
  const pkg = buildEvidence({ model, env: envOf(p), from: flag(p, 'from'), today, lang, by: flag(p, 'by'), signature: signing?.meta });
  printIssues(pkg.issues, lang, io);
  if (!pkg.report) return 1;
  printViolations(pkg.violations, lang, io);
  if (pkg.violations.length > 0) io.err(t('isolationCheck', lang, { count: pkg.violations.length }));
  for (const w of staleWarnings(pkg.report, lang)) io.err(w);
  // each file written as it is made, hashed and scanned for credentials on the way; one credential and nothing is kept
  const written = writeEvidence(pkg, out, { sign: signing?.signer });
  if (written.refused.length > 0) {
    for (const r of written.refused) io.err(t('evidenceSecret', lang, { file: r.path, line: r.line, what: word(credentialWord(r.what), lang) }));
    return 1;
  }
  if (signing) io.out(t('evidenceSigned', lang, { algorithm: signing.meta.algorithm, signer: signing.meta.signer }));
  const n = blocking(pkg.report);
  io.out(t('evidenceDone', lang, { out, files: written.files, blocking: n }));
  return n > 0 || pkg.violations.length > 0 ? 1 : 0;
}
