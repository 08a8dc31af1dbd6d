/**
 * SARIF 2.1.0 for code-review tools: one run of the `govcloud` driver, its rules with clauses per
 * level, and a result per unwaived failure (level by severity) and per waived finding (with an
 * external suppression). Each result points at the tenant's request file (the evidence field's
 * line, else line 1) with the Terraform addresses in its message and related locations, so a pull
 * request that changes a request file is annotated where it went wrong.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { Lang } from '../../config/messages';
import { CheckReport, Finding, TenantReport } from '../engine';
import { levelsOf, Rule } from '../types';
import { allReports, judgedRules, label, w } from './common';
import { sortKeys } from './json';
import { FilePosition, waiverPosition } from '../position';
import { join, LazyArray, sortedJsonChunks } from './chunks';
import type { RuntimeProblem } from '../runtime';
import { problemLine } from './runtime-words';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Folder artifact URIs are relative to (the repository root, `%SRCROOT%`). Default: the working directory. */
  readonly root?: string;
}

/** A repository-relative URI (percent-encoded per segment), or a file: URI for a file outside the root. */
export function artifactLocation(file: string, root: string): Sarif.ArtifactLocation & { readonly uri: string } {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(root), abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

/** `Default-deny network policy in every…` → `DefaultDenyNetworkPolicyInEvery…`. */
function ruleName(r: Rule): string {
  const words = r.title.en.split(/[^A-Za-z0-9]+/).filter((x) => x !== '');
  return words.map((x) => x[0].toUpperCase() + x.slice(1)).join('') || r.id;
}

function clausesText(r: Rule, lang: Lang): string {
  return levelsOf(r)
    .map((l) => `${w('levelN', lang, { n: l })}${lang === 'zh' ? '：' : ': '}${(r.clauses[l] ?? []).join(', ') || w('hygiene', lang)}`)
    .join(lang === 'zh' ? '；' : '; ');
}

function ruleDescriptor(r: Rule, lang: Lang): Sarif.ReportingDescriptor {
  const clauses: Record<string, readonly string[]> = {};
  for (const l of levelsOf(r)) if ((r.clauses[l] ?? []).length > 0) clauses[String(l)] = r.clauses[l] ?? [];
  const sep = lang === 'zh' ? '。' : '. ';
  const tags = [
    'mlps',
    'security',
    `family-${r.family.toLowerCase()}`,
    ...levelsOf(r).map((l) => `level-${l}`),
    ...(r.cloud ? ['cloud'] : []),
    ...(r.unwaivable ? ['unwaivable'] : []),
    ...(r.hygiene ? ['hygiene'] : []),
  ];
  return {
    id: r.id,
    name: ruleName(r),
    shortDescription: { text: r.title[lang] },
    fullDescription: { text: `${r.title[lang]}${sep}${label('clauses', lang)}${clausesText(r, lang)}` },
    help: {
      text: `${label('remediation', lang)}${r.remediation[lang]}`,
      markdown: `**${label('remediation', lang).trimEnd()}** ${r.remediation[lang]}\n\n**${label('clauses', lang).trimEnd()}** ${clausesText(r, lang)}`,
    },
    defaultConfiguration: { level: r.severity },
    properties: {
      family: r.family,
      levels: levelsOf(r),
      clauses,
      cloud: r.cloud,
      unwaivable: r.unwaivable?.[lang],
      hygiene: r.hygiene?.why[lang],
      tags,
      // GitHub code scanning ranks security alerts by this (high / medium).
      'security-severity': SECURITY_SEVERITY[r.severity],
    },
  };
}

/** GitHub code scanning ranks security alerts by this: error high, warning medium, note low. */
const SECURITY_SEVERITY: Readonly<Record<Rule['severity'], string>> = { error: '8.0', warning: '5.0', note: '2.0' };

function physical(p: FilePosition, root: string): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(p.file, root), region: { startLine: p.line, startColumn: p.col } };
}

function message(t: TenantReport, f: Finding, lang: Lang): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const evidence = f.evidence
    .map((e) => (e.address !== undefined ? `${e.detail} (${e.address})` : e.field !== undefined ? `${e.detail} (${e.field})` : e.detail))
    .join(sep);
  const head = w('failedRule', lang, { tenant: t.tenant.name, title: f.rule.title[lang] });
  return `${head}${lang === 'zh' ? '：' : ': '}${evidence}${lang === 'zh' ? '。' : '. '}${label('remediation', lang)}${f.rule.remediation[lang]}`;
}

function relatedLocations(f: Finding, root: string): Sarif.Location[] {
  return f.evidence.map((e, i) => {
    const at = e.at;
    return {
      id: i + 1,
      message: { text: e.detail },
      physicalLocation: at ? physical(at, root) : undefined,
      logicalLocations: e.address !== undefined ? [{ fullyQualifiedName: e.address, kind: 'resource' }] : undefined,
    };
  });
}

function result(t: TenantReport, f: Finding, index: number, lang: Lang, root: string): Sarif.Result {
  const v = f.waiver;
  return {
    ruleId: f.rule.id,
    ruleIndex: index,
    kind: 'fail',
    level: f.rule.severity,
    message: { text: message(t, f, lang) },
    locations: [{ physicalLocation: physical(f.at, root) }],
    relatedLocations: relatedLocations(f, root),
    partialFingerprints: { 'govcloudFinding/v1': `${t.tenant.name}/${f.rule.id}` },
    suppressions:
      f.status === 'waived' && v
        ? [
            {
              kind: 'external',
              status: 'accepted',
              justification: v.reason,
              location: { physicalLocation: physical(waiverPosition(t.tenant, v), root) },
              properties: { approvedBy: v.approvedBy, expires: v.expires },
            },
          ]
        : undefined,
    properties: {
      tenant: t.tenant.name,
      level: t.level,
      status: f.status,
      clauses: f.clauses,
      addresses: f.evidence.flatMap((e) => (e.address !== undefined ? [e.address] : [])),
      crashed: f.crashed,
    },
  };
}

/** A difference the running clusters showed: an error at the request file of the tenant (or the cluster) it belongs to. */
function runtimeResult(t: TenantReport, p: RuntimeProblem, lang: Lang, root: string): Sarif.Result {
  // a tenant's request file, or the line of platform.yaml that declares the cluster (where its platform findings point)
  const at = t.tenant.name.startsWith('platform:') && t.findings[0] ? t.findings[0].at : { file: t.tenant.source.file, line: 1, col: 1 };
  return {
    ruleId: `govcloud-runtime/${p.kind}`,
    kind: 'fail',
    level: 'error',
    message: { text: problemLine(p, lang) },
    locations: [{ physicalLocation: physical(at, root) }],
    partialFingerprints: { 'govcloudFinding/v1': `${p.cluster}/${p.namespace ?? ''}/${p.kind}/${p.what}` },
    properties: { tenant: t.tenant.name, cluster: p.cluster, namespace: p.namespace, what: p.what },
  };
}

/** The log; `lazy`: its results made one at a time while written (`results` then stands for the array). */
function sarifObject(report: CheckReport, lang: Lang, opts: SarifOptions, lazy: boolean): Record<string, unknown> {
  const root = opts.root ?? process.cwd();
  const rules = judgedRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  function* each(): Generator<Sarif.Result> {
    for (const t of allReports(report))
      for (const f of t.findings) if (f.status === 'fail' || f.status === 'waived') yield result(t, f, index.get(f.rule.id) ?? -1, lang, root);
    // the differences the running clusters showed (evidence --live), each once, at the first entry it belongs to (a cluster's platform entry first)
    const seen = new Set<RuntimeProblem>();
    for (const t of allReports(report))
      for (const p of t.runtime.problems) {
        if (seen.has(p)) continue;
        seen.add(p);
        yield runtimeResult(t, p, lang, root);
      }
  }
  const run = {
    tool: {
      driver: {
        name: 'govcloud',
        fullName: w('title', lang),
        rules: lazy ? new LazyArray(() => rules.map((r) => ruleDescriptor(r, lang))) : rules.map((r) => ruleDescriptor(r, lang)),
      },
    },
    language: lang === 'zh' ? 'zh-CN' : 'en-US',
    columnKind: 'utf16CodeUnits',
    results: lazy ? new LazyArray(each) : [...each()],
    properties: { city: report.city, today: report.today },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

/** The whole log as data (tests, small callers). */
export function sarifLog(report: CheckReport, lang: Lang, opts: SarifOptions = {}): Sarif.Log {
  return sortKeys(sarifObject(report, lang, opts, false)) as unknown as Sarif.Log;
}

/** The SARIF log in pieces (a piece per result at most): joined, the bytes of renderSarif. */
export function* sarifChunks(report: CheckReport, lang: Lang, opts: SarifOptions = {}): Generator<string> {
  yield* sortedJsonChunks(sarifObject(report, lang, opts, true));
  yield '\n';
}

export function renderSarif(report: CheckReport, lang: Lang, opts: SarifOptions = {}): string {
  return join(sarifChunks(report, lang, opts));
}
