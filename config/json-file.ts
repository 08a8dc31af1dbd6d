/**
 * Reads a Terraform JSON file (hand-written `*.tf.json` under `<env>/overrides/`, or a synth output
 * read back by `check --from`) as input: a syntax error, nesting deeper than MAX_JSON_DEPTH or a
 * top level other than an object becomes a positioned issue, never an exception.
 */
import { readRegularFile } from './regular-file';
import { Issue, issue } from './issues';
import { bytePosition, firstInvalidUtf8, positionOf } from './source';

/** Deepest nesting accepted; synthesized stacks nest about fifteen levels. */
export const MAX_JSON_DEPTH = 64;

export type JsonObject = Record<string, unknown>;

export interface JsonRead {
  /** Present only when there is no issue. */
  readonly data?: JsonObject;
  readonly issues: Issue[];
}

/** What the scanner expected or found, as words of config/messages.ts (`json:…`) or quoted text. */
interface Problem {
  readonly offset: number;
  readonly expected?: string;
  readonly found?: string;
  readonly tooDeep?: true;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_$.+-]+/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function foundAt(text: string, i: number): string {
  if (i >= text.length) return 'json:eof';
  const c = text[i];
  if (c === '\n' || c === '\r') return 'json:newline';
  if (c < ' ') return 'json:control';
  WORD.lastIndex = i;
  const w = WORD.exec(text);
  return JSON.stringify(w ? w[0].slice(0, 20) : String.fromCodePoint(text.codePointAt(i) ?? 0));
}

/**
 * The first syntax error of a JSON text, or the opening bracket that nests too deep. Iterative:
 * the open objects and lists are on an explicit stack. Only run on a text JSON.parse refused or
 * found too deep, so the plain loop costs nothing on valid files.
 */
function scan(text: string, limit: number): Problem | undefined {
  const n = text.length;
  const open: string[] = [];
  let i = 0;
  let state: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value';
  const skip = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (expected: string): Problem => ({ offset: i, expected, found: foundAt(text, i) });
  const string = (): Problem | undefined => {
    for (i++; ;) {
      if (i >= n) return fail('json:closingQuote');
      const c = text[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c < ' ') return fail('json:closingQuote');
      if (c !== '\\') {
        i++;
        continue;
      }
      const e = text[i + 1];
      HEX4.lastIndex = i + 2;
      if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else if (e === 'u' && HEX4.test(text)) i += 6;
      else return { offset: i, expected: 'json:escape', found: JSON.stringify(text.slice(i, i + 2)) };
    }
  };
  for (;;) {
    skip();
    const c = text[i];
    if (state === 'firstValue' || state === 'firstKey') {
      if (c === (state === 'firstValue' ? ']' : '}')) {
        open.pop();
        i++;
        state = 'after';
        continue;
      }
      state = state === 'firstValue' ? 'value' : 'key';
      continue;
    }
    if (state === 'key') {
      if (c !== '"') return fail('json:name');
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return fail('":"');
      i++;
      state = 'value';
      continue;
    }
    if (state === 'after') {
      const top = open[open.length - 1];
      if (top === undefined) return i < n ? fail('json:eof') : undefined;
      const close = top === '{' ? '}' : ']';
      if (c === close) {
        open.pop();
        i++;
      } else if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else return fail(top === '{' ? 'json:commaOrBrace' : 'json:commaOrBracket');
      continue;
    }
    // a value
    if (c === '{' || c === '[') {
      if (open.length >= limit) return { offset: i, tooDeep: true };
      open.push(c);
      i++;
      state = c === '{' ? 'firstKey' : 'firstValue';
      continue;
    }
    state = 'after';
    if (c === '"') {
      const bad = string();
      if (bad) return bad;
      continue;
    }
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (literal) {
      i += literal.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (!num) return fail('json:value');
    i += num[0].length;
  }
}

/** Whether a parsed value nests deeper than `limit` objects and lists (walked without recursion). */
function deeperThan(value: unknown, limit: number): boolean {
  const todo: [unknown, number][] = [[value, 1]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [v, depth] = next;
    if (depth > limit) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v as JsonObject)) if (x !== null && typeof x === 'object') todo.push([x, depth + 1]);
  }
  return false;
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

export function parseJsonText(file: string, text: string, limit: number = MAX_JSON_DEPTH): JsonRead {
  let data: unknown;
  let parsed = true;
  try {
    data = JSON.parse(text);
  } catch {
    parsed = false;
  }
  if (!parsed || (data !== null && typeof data === 'object' && deeperThan(data, limit))) {
    const p = scan(text, limit) ?? { offset: 0, expected: 'json:value', found: foundAt(text, 0) };
    const at = positionOf(file, text, p.offset);
    if (p.tooDeep) return { issues: [issue('error', at, '', 'json.tooDeep', { limit })] };
    return { issues: [issue('error', at, '', 'json.syntax', { expected: p.expected ?? '', found: p.found ?? '' })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const start = text.length - text.trimStart().length;
    return { issues: [issue('error', positionOf(file, text, start), '', 'json.notObject', { received: kindOf(data) })] };
  }
  return { data: data as JsonObject, issues: [] };
}

/** A file that is not UTF-8 text: NUL bytes (binary) or the first byte that is not UTF-8, positioned; else undefined. */
export function encodingIssue(shown: string, buf: Buffer): Issue | undefined {
  const nul = buf.indexOf(0);
  if (nul >= 0) return issue('error', { file: shown, line: 1, col: 1 }, '', 'file.binary', { offset: nul });
  const bad = firstInvalidUtf8(buf);
  if (bad < 0) return undefined;
  return issue('error', bytePosition(shown, buf, bad), '', 'file.notUtf8', { byte: `0x${buf[bad].toString(16).toUpperCase().padStart(2, '0')}` });
}

/** Reads `full`, naming it `shown` in issues. */
export function readJsonFile(full: string, shown: string = full): JsonRead & { readonly text?: string } {
  // a pipe, device or link among the overrides or in an output read back is refused, never read
  const bytes = readRegularFile(full);
  if (!Buffer.isBuffer(bytes)) return { issues: [issue('error', { file: shown, line: 1, col: 1 }, '', 'file.unreadable', { reason: bytes.error })] };
  // Terraform reads UTF-8 only: a file saved as GBK is named as such, not read with replacement characters
  const encoding = encodingIssue(shown, bytes);
  if (encoding) return { issues: [encoding] };
  const text = bytes.toString('utf8');
  const read = parseJsonText(shown, text);
  return read.data ? { ...read, text } : read;
}
