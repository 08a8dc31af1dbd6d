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
import { prepare } from '../../workflow/check';
import type { CityModel } from '../../config/model';
import { gatherLive, LiveEvidence } from '../../live/gather';
import { readProbeFile } from '../../live/probe-file';
import { kubeconfigFor } from '../kubeconfig';

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

/** `--apiserver-cmdline` / `--audit-log` values: `<cluster>=<file>`, of a cluster of the model, the file there. */
function perCluster(p: Parsed, name: string, model: CityModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of p.flags.get(name) ?? []) {
    const eq = v.indexOf('=');
    const cluster = eq > 0 ? v.slice(0, eq) : '';
    const file = eq > 0 ? v.slice(eq + 1) : '';
    if (!model.clusters.some((c) => c.name === cluster))
      throw new UsageError(
        `--${name} ${v}: give <cluster>=<file> with a cluster of platform.yaml (${model.clusters.map((c) => c.name).join(', ')}) / 请写成 <集群>=<文件>，集群须为 platform.yaml 中的集群`,
      );
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`--${name} ${v}: ${file}: no such file / 文件不存在`);
    out.set(cluster, file);
  }
  return out;
}

/** The runtime evidence of `--live`, gathered against the same input the check judges; undefined without --live. */
async function liveEvidence(p: Parsed, model: CityModel, prepared: ReturnType<typeof prepare>, lang: Lang, io: Io): Promise<LiveEvidence | undefined> {
  const cmdlines = perCluster(p, 'apiserver-cmdline', model);
  const auditLogs = perCluster(p, 'audit-log', model);
  const probeFile = flag(p, 'probe-result');
  if (!p.flags.has('live')) {
    if (cmdlines.size + auditLogs.size > 0 || probeFile !== undefined) throw new UsageError(t('evidenceLiveOnly', lang));
    return undefined;
  }
  if (!prepared.deployment) return undefined;
  let probe;
  if (probeFile !== undefined) {
    try {
      probe = readProbeFile(probeFile, model.name);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const live = await gatherLive({
    model,
    deployment: prepared.deployment,
    kubeconfig: kubeconfigFor,
    cmdlines,
    auditLogs,
    probe,
    now: () => new Date().toISOString(),
  });
  for (const c of live.clusters)
    for (const [kind, piece] of [
      ['flags', c.flags],
      ['audit-log', c.auditLog],
      ['applied', c.applied],
    ] as const)
      if ('missing' in piece) io.err(t('evidenceLiveMissing', lang, { cluster: c.cluster, kind, why: piece.missing[lang] }));
  for (const x of live.runtime.problems) io.err(`${x.cluster}${x.namespace ? `/${x.namespace}` : ''}: [${x.kind}] ${x.detail[lang]}`);
  io.out(t('evidenceLiveDone', lang, { taken: live.runtime.taken.length, problems: live.runtime.problems.length }));
  return live;
}

/** Exit codes as `check`: 1 on an unwaived error finding, an isolation violation or a runtime difference (the package is still written), or when nothing could be judged. */
export async function evidence(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const out = flag(p, 'out');
  if (out === undefined) throw new UsageError(t('evidenceOutRequired', lang));
  checkFolderOut(out, lang, { env: envOf(p), from: flag(p, 'from') });
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new UsageError(t('evidenceOutNotEmpty', lang, { path: out }));
  const signing = signerOf(p, lang);
  const today = flag(p, 'today');
  setToday(today);
  const model = validate(p, lang, io, false, { positions: true });
  if (!model) return 1;
  const input = { model, env: envOf(p), from: flag(p, 'from'), today };
  const prepared = prepare(input);
  const live = await liveEvidence(p, model, prepared, lang, io);
  const pkg = buildEvidence({ ...input, lang, by: flag(p, 'by'), signature: signing?.meta, live, prepared });
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
