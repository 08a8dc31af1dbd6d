/**
 * DR drill records as input: every `drills/<tenant>/*.json` of an environment, read with positions
 * (JSON is YAML, so the request files' positioned reader and schema issues serve it: a bad field is
 * reported at its line and column, naming the field, the value and what is allowed), checked against
 * the strict record schema and against itself (a record that says pass passes every check and meets
 * both targets). Which tenant, cluster and site it names is checked against the city by
 * `checkDrills`. Issues, never exceptions.
 */
import * as path from 'path';
import { Issue, issue } from './issues';
import { diskSource, FileSource } from './files';
import { displayPath, LoadedFile } from './load';
import { encodingIssue, parseJsonText } from './json-file';
import { fieldPath, locate, parseYamlText, PathSegment, SourceFile } from './source';
import { checkSchema } from './schema-issues';
import { drillFileName, drillRecordSchema, DrillRecordFile, DRILL_RECORD_MAX_BYTES } from './schema/drill-record';
import { MessageCode, MessageParams } from './messages';
import type { DrillEntry } from './model';

export const DRILLS_DIR = 'drills';

export interface LoadedDrill extends LoadedFile<DrillRecordFile> {
  /** The folder under drills/ (the tenant the record is filed for). */
  readonly folder: string;
}

export interface DrillsRead {
  /** Records that passed their schema and their own consistency checks. */
  readonly drills: readonly LoadedDrill[];
  /** Every record file that parsed, valid or not: the credential screen reads them all. */
  readonly parsed: readonly LoadedFile<unknown>[];
  readonly issues: readonly Issue[];
  readonly filesRead: number;
}

const top = (file: string) => ({ file, line: 1, col: 1 });
const at = (src: SourceFile, p: PathSegment[], code: MessageCode, params: MessageParams = {}): Issue =>
  issue('error', locate(src, p), fieldPath(p), code, params);

/** Every drill record of the environment `envDir`, in path order. */
export function readDrillRecords(envDir: string, source: FileSource = diskSource): DrillsRead {
  const dir = path.join(envDir, DRILLS_DIR);
  const drills: LoadedDrill[] = [];
  const parsed: LoadedFile<unknown>[] = [];
  const issues: Issue[] = [];
  const files = source.listJson(dir);
  for (const full of files) {
    const file = displayPath(full);
    const rel = path.relative(dir, full).split(path.sep);
    if (rel.length !== 2) {
      issues.push(issue('error', top(file), '', 'drill.misplaced', { value: `${DRILLS_DIR}/${rel.join('/')}` }));
      continue;
    }
    if (!full.endsWith('.json')) {
      const name = path.basename(full);
      issues.push(issue('error', top(file), '', 'file.extensionCase', { name, expected: name.replace(/\.json$/i, '.json') }));
      continue;
    }
    const src = readRecordText(full, file, source, issues);
    if (!src) continue;
    parsed.push({ source: src, data: src.data });
    const checked = checkSchema(src, drillRecordSchema);
    issues.push(...checked.issues);
    if (!checked.data) continue;
    const own = selfIssues(src, checked.data, rel[0], rel[1]);
    issues.push(...own);
    if (own.length === 0) drills.push({ source: src, data: checked.data, folder: rel[0] });
  }
  return { drills, parsed, issues, filesRead: files.length };
}

/** The file as a positioned document, or undefined with its issue (unreadable, too large, not UTF-8, not JSON, not an object). */
function readRecordText(full: string, file: string, source: FileSource, issues: Issue[]): SourceFile | undefined {
  const size = source.size(full);
  if (typeof size !== 'number') return void issues.push(issue('error', top(file), '', 'file.unreadable', { reason: size.error }));
  if (size > DRILL_RECORD_MAX_BYTES) return void issues.push(issue('error', top(file), '', 'file.tooLarge', { size, limit: DRILL_RECORD_MAX_BYTES }));
  const bytes = source.read(full);
  if (!Buffer.isBuffer(bytes)) return void issues.push(issue('error', top(file), '', 'file.unreadable', { reason: bytes.error }));
  const encoding = encodingIssue(file, bytes);
  if (encoding) return void issues.push(encoding);
  const text = bytes.toString('utf8');
  // JSON's own errors in JSON's words, at their position; then the same text read for positions
  const json = parseJsonText(file, text);
  if (!json.data) return void issues.push(...json.issues);
  const read = parseYamlText(file, text, 'DrillRecord');
  issues.push(...read.issues);
  return read.source;
}

/** What a record says against itself and its place: folder, file name, time order, result. */
function selfIssues(src: SourceFile, r: DrillRecordFile, folder: string, name: string): Issue[] {
  const out: Issue[] = [];
  if (r.tenant !== folder) out.push(at(src, ['tenant'], 'drill.folder', { tenant: r.tenant, folder }));
  const expected = drillFileName(r);
  if (name !== expected) out.push(issue('error', top(src.file), '', 'drill.fileName', { name, expected }));
  const order: [PathSegment[], string][] = [
    [['backup', 'startedAt'], r.backup.startedAt],
    [['backup', 'completedAt'], r.backup.completedAt],
    [['restore', 'startedAt'], r.restore.startedAt],
    [['restore', 'completedAt'], r.restore.completedAt],
    [['restore', 'readyAt'], r.restore.readyAt],
    [['at'], r.at],
  ];
  for (let i = 1; i < order.length; i++) {
    const [p, value] = order[i];
    const [q, before] = order[i - 1];
    if (Date.parse(value) < Date.parse(before)) out.push(at(src, p, 'drill.timeOrder', { later: fieldPath(p), value, earlier: fieldPath(q), before }));
  }
  if (r.result === 'pass') {
    const bad = r.checks.findIndex((c) => !c.ok);
    if (bad >= 0)
      out.push(at(src, ['result'], 'drill.passContradicted', contradiction(`check ${r.checks[bad].what} is not ok`, `核对项 ${r.checks[bad].what} 未通过`)));
    for (const m of ['rpoSeconds', 'rtoSeconds'] as const) {
      if (r.measured[m] > r.targets[m]) {
        const what = `measured.${m} ${r.measured[m]} exceeds targets.${m} ${r.targets[m]}`;
        out.push(
          at(src, ['result'], 'drill.passContradicted', contradiction(what, `实测 measured.${m} ${r.measured[m]} 超过目标 targets.${m} ${r.targets[m]}`)),
        );
      }
    }
    if (r.failures.length > 0) out.push(at(src, ['result'], 'drill.passContradicted', contradiction('failures are listed', '列出了失败原因')));
  } else if (r.failures.length === 0) out.push(at(src, ['failures'], 'drill.failUnexplained'));
  return out;
}

const contradiction = (why: string, whyZh: string): MessageParams => ({ why, why_zh: whyZh });

/** The city's side: the record's tenant exists (a request file of that name, usable or not), its clusters and sites are declared. */
export function checkDrills(
  drills: readonly LoadedDrill[],
  city: { readonly tenantNames: ReadonlySet<string>; readonly clusters: readonly string[]; readonly sites: readonly string[] },
): Issue[] {
  const out: Issue[] = [];
  for (const d of drills) {
    const r = d.data;
    // a removed tenant's drills are its history: kept, not judged (a warning says so; its folder may go with it)
    if (!city.tenantNames.has(r.tenant))
      out.push(issue('warning', locate(d.source, ['tenant']), fieldPath(['tenant']), 'drill.unknownTenant', { tenant: r.tenant }));
    for (const end of ['from', 'to'] as const) {
      if (!city.clusters.includes(r[end].cluster))
        out.push(at(d.source, [end, 'cluster'], 'drill.unknownCluster', { value: JSON.stringify(r[end].cluster), allowed: city.clusters.join(', ') }));
      if (!city.sites.includes(r[end].site))
        out.push(at(d.source, [end, 'site'], 'drill.unknownSite', { value: JSON.stringify(r[end].site), allowed: city.sites.join(', ') }));
    }
  }
  return out;
}

/** The records by tenant, oldest first (by `at`, then file). */
export function drillsByTenant(drills: readonly LoadedDrill[]): Record<string, readonly DrillEntry[]> {
  const out = Object.create(null) as Record<string, DrillEntry[]>; // no inherited name (a tenant called constructor)
  const sorted = [...drills].sort((a, b) => (a.data.at < b.data.at ? -1 : a.data.at > b.data.at ? 1 : a.source.file < b.source.file ? -1 : 1));
  for (const d of sorted) (out[d.data.tenant] ??= []).push({ file: d.source.file, record: d.data });
  return out;
}
