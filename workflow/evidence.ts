/**
 * The evidence package for the assessor (`govcloud evidence --out DIR`): what was judged and the
 * judgement, with the SHA-256 of every file so that nothing can be changed unnoticed.
 *
 *   report/index.html, report/departments/…,  the check as `govcloud check --format html --out DIR` writes it
 *   report/tenants/<tenant>.html              (an index, a page per department and per tenant)
 *   report.json, report.sarif                 the check, as `govcloud check` writes it
 *   input/platform.yaml, input/tenants/…      the request files; input/overrides/… the hand-written Terraform
 *   input/drills/<tenant>/…                   the restore drill records of the tenants judged, as committed
 *   synth/<network>/stacks/<stack>/…          the stacks judged: with --from, the folder's *.tf.json files
 *                                             and charts as they are; else the stacks synthesized in memory
 *                                             (hand-written files merged) as cdk.tf.json, with their charts
 *   synth/<network>/clusters/<cluster>/…      the cluster configuration (audit policy and flags)
 *   live/<network>/<cluster>.json             with --live: what the cluster's API server showed, each piece with
 *                                             the time it was taken (live/gather.ts); live/probe.json the truth
 *                                             table given; live/runtime.json every piece taken and every difference
 *   SHA256SUMS, manifest.json                 the checksums (`sha256sum -c SHA256SUMS`) and what was run
 *
 * Files are listed, never globbed from a folder wholesale: no engine state, plan, provider folder or
 * kubeconfig gets in, and every file is scanned for credentials as it is written
 * (workflow/evidence-secrets.ts: the shapes of config/credentials.ts on every line, a kubeconfig, in a
 * JSON file every literal under a credential's name): one found, in any file, and the package is not kept. The same input gives the same bytes: sorted paths, no time stamps, nothing of
 * the machine that ran it. Nothing is held whole: each file is made (reports rendered, files read)
 * only when it is written (workflow/evidence-write.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../config/messages';
import type { CityModel } from '../config/model';
import { clusterFiles } from '../config/cluster-config';
import { defaultRepoRoot } from '../config/repo-root';
import { displayPath } from '../config/load';
import { jsonChunks, sarifChunks } from '../policies/report';
import { htmlSite } from '../policies/report/html/site';
import { stableStringify } from '../terraform/stable-json';
import { judge, Judged, Prepared } from './check';
import type { Runtime } from '../policies/runtime';
import { judgedFlows } from '../policies/judged-flows';

/** What --live gathered (live/gather.ts LiveEvidence), as the package holds it: each cluster's record whole. */
export interface LiveEvidence {
  readonly clusters: readonly { readonly cluster: string; readonly network: string }[];
  readonly probe?: { readonly text: string };
  readonly runtime: Runtime;
}
import { Provenance, provenance, SignatureMeta } from './evidence-sign';

export interface EvidenceInput {
  readonly model: CityModel;
  readonly env: string;
  readonly from?: string;
  readonly today?: string;
  readonly lang: Lang;
  /** Who produces the package (provenance); default: the user running it. */
  readonly by?: string;
  /** How the manifest will be signed, when it will be (evidence-write.ts signs it). */
  readonly signature?: SignatureMeta;
  /** The runtime evidence gathered from the running clusters (`--live`), and the input it was gathered against. */
  readonly live?: LiveEvidence;
  readonly prepared?: Prepared;
}

export interface PackageFile {
  /** Path in the package, forward slashes. */
  readonly path: string;
  /** The content, made in pieces while it is written (a report of a large city does not fit in one string). */
  readonly data: () => Iterable<string | Buffer>;
}

/** What manifest.json says besides the files. */
export interface PackageMeta {
  readonly format: 'govcloud-evidence/v1';
  readonly city: string;
  readonly today: string;
  readonly lang: Lang;
  readonly input: { readonly env: string; readonly from?: string; readonly synthesized: boolean; readonly live: boolean };
  readonly verify: string;
  readonly provenance: Provenance;
  readonly signature?: SignatureMeta;
}

export interface EvidencePackage extends Judged {
  /** The content, sorted by path (SHA256SUMS and manifest.json are added when written); empty when the input could not be judged. */
  readonly files: readonly PackageFile[];
  readonly meta?: PackageMeta;
}

/** Regular files below `dir` (links and dot-folders skipped), relative, sorted. */
function walk(dir: string, keep: (rel: string) => boolean, rel = ''): string[] {
  const full = path.join(dir, rel);
  if (!fs.existsSync(full) || !fs.lstatSync(full).isDirectory()) return [];
  const out: string[] = [];
  for (const name of fs.readdirSync(full).sort()) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const st = fs.lstatSync(path.join(dir, r));
    if (st.isDirectory() && !name.startsWith('.')) out.push(...walk(dir, keep, r));
    else if (st.isFile() && keep(r)) out.push(r);
  }
  return out;
}

const file = (p: string, data: string | Buffer): PackageFile => ({ path: p, data: () => [data] });
/** A file of the input or the synth output, read when it is written. */
const copy = (from: string, rel: string, to: string): PackageFile => ({
  path: `${to}/${rel}`,
  data: () => [fs.readFileSync(path.join(from, ...rel.split('/')))],
});

/** The request files and hand-written Terraform of the environment. */
function inputFiles(env: string): PackageFile[] {
  const out = [copy(env, 'platform.yaml', 'input')];
  out.push(...walk(path.join(env, 'tenants'), (r) => /\.ya?ml$/.test(r)).map((r) => copy(path.join(env, 'tenants'), r, 'input/tenants')));
  out.push(...walk(path.join(env, 'overrides'), (r) => r.endsWith('.tf.json')).map((r) => copy(path.join(env, 'overrides'), r, 'input/overrides')));
  return out;
}

/** The drill records of the tenants the package covers, as committed (the model holds only records validation accepted). */
function drillFiles(env: string, model: CityModel): PackageFile[] {
  const dir = path.join(env, 'drills');
  return model.tenants.flatMap((t) => (model.drills[t.name] ?? []).map((d) => copy(dir, `${t.name}/${path.basename(d.file)}`, 'input/drills')));
}

/** A synth output's stack folders (Terraform JSON and charts) and cluster configuration, byte for byte. */
function synthFromFolder(from: string): PackageFile[] {
  const out: PackageFile[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const stacks = path.join(from, network, 'stacks');
    const keep = (r: string) => /^[^/]+\/[^/]+\.tf\.json$/.test(r) || /^[^/]+\/charts\//.test(r);
    out.push(...walk(stacks, keep).map((r) => copy(stacks, r, `synth/${network}/stacks`)));
    const clusters = path.join(from, network, 'clusters');
    out.push(...walk(clusters, () => true).map((r) => copy(clusters, r, `synth/${network}/clusters`)));
  }
  return out;
}

/** The project's charts a stack's Helm releases name (`./charts/<name>`), as synth copies them beside it. */
function chartsOf(json: unknown): string[] {
  const releases = (json as { resource?: { helm_release?: Record<string, { chart?: unknown }> } }).resource?.helm_release ?? {};
  const local = Object.values(releases).flatMap((r) => (typeof r.chart === 'string' && /^\.\/charts\/[a-z0-9-]+$/.test(r.chart) ? [r.chart.slice(2)] : []));
  return [...new Set(local)].sort();
}

/** The stacks judged in memory, with their charts, and the cluster configuration synth would write for this model. */
function synthInMemory(judged: Judged, model: CityModel): PackageFile[] {
  const root = defaultRepoRoot();
  const stacks = (judged.stacks ?? []).flatMap((s) => {
    const dir = `synth/${s.network}/stacks/${s.name}`;
    const charts = chartsOf(s.json).flatMap((c) => walk(path.join(root, c), () => true).map((r) => copy(path.join(root, c), r, `${dir}/${c}`)));
    return [{ path: `${dir}/cdk.tf.json`, data: () => [stableStringify(s.json)] }, ...charts];
  });
  const clusters = clusterFiles(model).map((f) => file(`synth/${f.network}/clusters/${f.cluster}/${f.path}`, f.text));
  return [...stacks, ...clusters];
}

/** What the running clusters showed, as gathered (times included: this part of the package is of its moment). */
function liveFiles(live: LiveEvidence): PackageFile[] {
  const out = live.clusters.map((c) => file(`live/${c.network}/${c.cluster}.json`, `${stableStringify(c)}\n`));
  if (live.probe) out.push(file('live/probe.json', live.probe.text));
  out.push(file('live/runtime.json', `${stableStringify(live.runtime)}\n`));
  return out;
}

const byPath = (a: PackageFile, b: PackageFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Judges the input and lays out the package (nothing rendered or read yet: workflow/evidence-write.ts writes it). */
export function buildEvidence(a: EvidenceInput): EvidencePackage {
  const input = { model: a.model, env: a.env, from: a.from, today: a.today, runtime: a.live?.runtime };
  const judged = a.prepared ? judge(input, a.prepared) : judge(input);
  const report = judged.report;
  if (!report) return { ...judged, files: [] };
  const files = [
    ...htmlSite(report, a.model, a.lang, judged.deployment ? judgedFlows(a.model, judged.deployment) : undefined).map((p) => ({
      path: `report/${p.path}`,
      data: p.chunks,
    })),
    { path: 'report.json', data: () => jsonChunks(report) },
    { path: 'report.sarif', data: () => sarifChunks(report, a.lang) },
    ...inputFiles(a.env),
    ...drillFiles(a.env, a.model),
    ...(a.from !== undefined ? synthFromFolder(a.from) : synthInMemory(judged, a.model)),
    ...(a.live ? liveFiles(a.live) : []),
  ].sort(byPath);
  const meta: PackageMeta = {
    format: 'govcloud-evidence/v1',
    city: report.city,
    today: report.today,
    lang: a.lang,
    input: {
      env: displayPath(a.env),
      from: a.from === undefined ? undefined : displayPath(a.from),
      synthesized: a.from === undefined,
      live: a.live !== undefined,
    },
    verify: a.signature ? 'govcloud evidence verify --package . --cert <the signer certificate you trust>' : 'sha256sum -c SHA256SUMS',
    provenance: provenance(a.by ?? process.env.USER ?? 'unknown', report.today),
    ...(a.signature ? { signature: a.signature } : {}),
  };
  return { ...judged, files, meta };
}
