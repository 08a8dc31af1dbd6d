/**
 * Reads a YAML file into a document that remembers where every value came from. File-level
 * problems (missing, empty, binary, huge, broken syntax, several documents) become issues.
 */
import * as jsYaml from 'js-yaml';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from 'yaml';
import { Issue, issue, Position } from './issues';
import { diskSource, FileSource } from './files';
import { aliasDepthProblem, depthExceededAt, MAX_YAML_DEPTH } from './yaml-depth';
import { YamlIndex, YamlIndexer } from './yaml-index';

/** Largest request or platform file accepted; a real one is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Alias expansions allowed in one file; a request needs none. */
export const MAX_ALIAS_EXPANSIONS = 50;
/** Deepest nesting accepted (config/yaml-depth.ts). */
export { MAX_YAML_DEPTH } from './yaml-depth';

export type PathSegment = string | number;

/**
 * A parsed file: its plain data, and its positions, computed on first use. Most files are valid and
 * never need a position, so the data comes from a fast parser (js-yaml, YAML 1.2 core schema); the
 * positioned document (eemeli/yaml) is built only when an issue must point into the file.
 */
export interface SourceFile {
  readonly file: string;
  readonly data: unknown;
  positions(): { readonly doc: Document.Parsed; readonly lines: LineCounter };
  /** Positions recorded by the fast parser, when asked for (`ReadOptions.index`) and when they read back as `data`. */
  readonly index?: YamlIndex;
}

export interface ReadOptions {
  /** Record where every value starts while parsing (for a reader that will ask for many positions). */
  readonly index?: boolean;
  /** The largest file read. Default: MAX_FILE_BYTES (a request or platform file; a machine-written file may be larger). */
  readonly maxBytes?: number;
}

export interface ReadResult {
  readonly source?: SourceFile;
  readonly issues: Issue[];
}

const top: (file: string) => Position = (file) => ({ file, line: 1, col: 1 });

/**
 * Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong form,
 * no surrogate, nothing past U+10FFFF), the lead byte of a broken sequence; -1 when all is UTF-8.
 * A file saved as GBK or Latin-1 fails at its first Chinese or accented character.
 */
export function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (n === 0) return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < [0, 0x80, 0x800, 0x10000][n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Line and column (in characters, as everywhere else) of a byte offset, the bytes before it being UTF-8. */
export function bytePosition(file: string, buf: Buffer, offset: number): Position {
  const before = buf.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
  const prefix = buf
    .subarray(lineStart, offset)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return { file, line, col: prefix.length + 1 };
}

export function readYaml(file: string, kind: string, source: FileSource = diskSource, opts: ReadOptions = {}): ReadResult {
  const size = source.size(file);
  if (typeof size !== 'number') return { issues: [issue('error', top(file), '', 'file.unreadable', { reason: size.error })] };
  const limit = opts.maxBytes ?? MAX_FILE_BYTES;
  if (size > limit) return { issues: [issue('error', top(file), '', 'file.tooLarge', { size, limit })] };
  const read = source.read(file);
  if (!Buffer.isBuffer(read)) return { issues: [issue('error', top(file), '', 'file.unreadable', { reason: read.error })] };
  const buf = read;
  const nul = buf.indexOf(0);
  if (nul >= 0) return { issues: [issue('error', top(file), '', 'file.binary', { offset: nul })] };
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) {
    const byte = `0x${buf[bad].toString(16).toUpperCase().padStart(2, '0')}`;
    return { issues: [issue('error', bytePosition(file, buf, bad), '', 'file.notUtf8', { byte })] };
  }
  return parseYamlText(file, buf.toString('utf8').replace(/^\uFEFF/, ''), kind, opts);
}

/** Anchors and aliases go through the careful parser, which bounds alias expansion. */
const USES_ALIASES = /(^|[\s[{,:-])[&*][^\s]/m;

function positioned(text: string): { docs: Document.Parsed[] | null; lines: LineCounter } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  return { docs: Array.isArray(docs) ? docs : null, lines };
}

/**
 * Texts read before in this process, by file, kind and content: a pull-request summary reads the base
 * revision and the head, which share nearly every file, and each is parsed once. Bounded; cleared
 * when full. A result is never changed by its readers (the data is read-only to the checks).
 */
const parsedBefore = new Map<string, ReadResult>();
const PARSED_BEFORE_MAX = 50_000;

/** Lets go of the texts read so far (a command that validates once need not keep 10,000 parsed files while it synthesizes). */
export function forgetParsedTexts(): void {
  parsedBefore.clear();
}

export function parseYamlText(file: string, text: string, kind: string, opts: ReadOptions = {}): ReadResult {
  if (opts.index === true) return parseYamlTextOnce(file, text, kind, opts);
  const key = `${kind}\0${file}\0${text}`;
  let read = parsedBefore.get(key);
  if (!read) {
    if (parsedBefore.size >= PARSED_BEFORE_MAX) parsedBefore.clear();
    read = parseYamlTextOnce(file, text, kind, opts);
    parsedBefore.set(key, read);
  }
  return read;
}

function parseYamlTextOnce(file: string, text: string, kind: string, opts: ReadOptions): ReadResult {
  // both parsers recurse per level: a text nested too deeply never reaches them
  const deep = depthExceededAt(text);
  if (deep !== undefined) return { issues: [issue('error', positionOf(file, text, deep), '', 'yaml.tooDeep', { limit: MAX_YAML_DEPTH })] };
  if (!USES_ALIASES.test(text)) {
    let data: unknown;
    const indexer = opts.index === true ? new YamlIndexer() : undefined;
    try {
      data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false, listener: indexer?.listener });
    } catch {
      data = undefined; // the careful parser below reports the error with its position
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      let cache: { doc: Document.Parsed; lines: LineCounter } | undefined;
      return {
        issues: [],
        source: {
          file,
          data,
          index: indexer?.build(text, data),
          positions: () => {
            if (!cache) {
              const p = positioned(text);
              if (!p.docs) throw new Error(`${file}: positions requested for a file without a document`);
              cache = { doc: p.docs[0], lines: p.lines };
            }
            return cache;
          },
        },
      };
    }
  }
  const { docs: parsed, lines } = positioned(text);
  const docs = parsed ?? ([] as Document.Parsed[]);
  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { file, line: p.line, col: p.col };
  };
  if (docs.length === 0) return { issues: [issue('error', top(file), '', 'file.empty', { kind })] };
  // Only the first syntax error of a file is reported: the ones after it are mostly its echoes.
  const err = docs.flatMap((d) => d.errors)[0];
  if (err) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = keyAt(text, err.pos[0]);
      return { issues: [issue('error', at(err.pos[0]), '', 'yaml.duplicateKey', { key: JSON.stringify(key) })] };
    }
    const detail = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { issues: [issue('error', at(err.pos[0]), '', 'yaml.syntax', { detail })] };
  }
  // a tag the YAML core schema does not know (!Ref, !Sub, !!python/…) is a warning to the parser and
  // would be read as a plain string: refuse it, it means something the author expected to be resolved
  const unknownTag = docs.flatMap((d) => d.warnings).find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = /(![^\s,\]}]*)/.exec(text.slice(unknownTag.pos[0], unknownTag.pos[0] + 200))?.[1] ?? unknownTag.message;
    return { issues: [issue('error', at(unknownTag.pos[0]), '', 'yaml.unknownTag', { tag })] };
  }
  const nonEmpty = docs.filter((d) => d.contents !== null);
  if (nonEmpty.length === 0) return { issues: [issue('error', top(file), '', 'file.empty', { kind })] };
  if (docs.length > 1) {
    return { issues: [issue('error', at(docs[1].range[0]), '', 'yaml.multiDoc', { count: docs.length })] };
  }
  const doc = docs[0];
  if (!isMap(doc.contents)) {
    const received = isSeq(doc.contents) ? 'list' : 'scalar';
    return { issues: [issue('error', at(doc.contents?.range?.[0] ?? 0), '', 'yaml.notMapping', { received })] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch {
    // yaml refuses to expand more aliases than allowed ("billion laughs")
    return { issues: [issue('error', at(doc.contents.range?.[0] ?? 0), '', 'yaml.aliasBomb', { limit: MAX_ALIAS_EXPANSIONS })] };
  }
  // aliases repeat values: expanded, a text within the depth limit may nest deeper, or without end
  const expanded = aliasDepthProblem(doc);
  if (expanded?.kind === 'deep') return { issues: [issue('error', at(expanded.offset), '', 'yaml.tooDeep', { limit: MAX_YAML_DEPTH })] };
  if (expanded?.kind === 'cycle') return { issues: [issue('error', at(expanded.offset), '', 'yaml.aliasCycle')] };
  return { source: { file, data, positions: () => ({ doc, lines }) }, issues: [] };
}

/** Line and column (1-based, in characters) of an offset of the text. */
export function positionOf(file: string, text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { file, line, col: offset - start + 1 };
}

/** The key written at an offset of the text (`mlpsLevel` in `  mlpsLevel: 3`). */
function keyAt(text: string, offset: number): string {
  const m = /^\s*(?:-\s*)?["']?([^"':\n]+)["']?\s*:/.exec(text.slice(offset, offset + 200));
  return m ? m[1].trim() : text.slice(offset, offset + 20).split('\n')[0];
}

/** Renders a path as people write it: `spec.flows[1].to`. */
export function fieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * Finds the position of the deepest node that exists along `path`. With `key: true` the position
 * of the last key (not its value) is returned, which is where an unknown key should point.
 */
export function locate(src: SourceFile, path: readonly PathSegment[], opts: { key?: boolean } = {}): Position {
  if (src.index) return locateIndexed(src.file, src.index, path, opts);
  const { doc, lines } = src.positions();
  let node: unknown = doc.contents;
  let best = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (opts.key === true && i === path.length - 1) {
        best = keyNode.range?.[0] ?? best;
        break;
      }
      const value = pair.value as Node | null;
      best = value?.range?.[0] ?? keyNode.range?.[0] ?? best;
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  const p = lines.linePos(best);
  return { file: src.file, line: p.line, col: p.col };
}

/** `locate` from the fast parser's index: the same deepest node along the path, without a second parse. */
function locateIndexed(file: string, index: YamlIndex, path: readonly PathSegment[], opts: { key?: boolean }): Position {
  let best = index.offset([]) ?? 0;
  for (let i = 1; i <= path.length; i++) {
    const prefix = path.slice(0, i);
    if (opts.key === true && i === path.length) {
      // a list item has no key: its own position, as the careful parser gives
      best = index.offset(prefix, true) ?? (typeof path[i - 1] === 'number' ? index.offset(prefix) : undefined) ?? best;
      break;
    }
    const at = index.offset(prefix);
    if (at === undefined) break;
    best = at;
  }
  const p = index.linePos(best);
  return { file, line: p.line, col: p.col };
}
