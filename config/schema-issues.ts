/** Runs a strict zod schema over a parsed YAML file and turns every zod issue into a positioned Issue. */
import { z } from 'zod';
import { Issue, issue } from './issues';
import { fieldPath, locate, PathSegment, SourceFile } from './source';
import { suggest } from './suggest';
import { formatKey } from './formats';
import { suggestBytes, suggestCpu } from './quantity';
import { knownCodes, MessageCode, quoted } from './messages';

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  if (value !== null && typeof value === 'object') return 'mapping';
  return String(value);
}

/** A value as a message parameter: a text is quoted with the code points of any non-ASCII character (a look-alike letter). */
function param(value: unknown): string {
  return typeof value === 'string' ? quoted(value) : show(value);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

/** What was found, for a type error: `string "many"`, `number 0`, `a list`. */
const received = (value: unknown): string => (kindOf(value) === 'string' || kindOf(value) === 'number' ? `${kindOf(value)} ${show(value)}` : kindOf(value));

const expectedWord = (expected: string): string =>
  expected === 'array' ? 'list' : expected === 'object' ? 'mapping' : expected === 'int' ? 'number' : expected;

/** Walks the schema along a data path to the object schema there, through optional/default/array. */
function objectKeysAt(schema: AnySchema, path: readonly PathSegment[]): string[] {
  let s: AnySchema | undefined = schema;
  const unwrap = (x: AnySchema | undefined): AnySchema | undefined => {
    let cur = x;
    for (let guard = 0; cur && guard < 10; guard++) {
      const def = cur._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
      if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) cur = def.innerType;
      else if (def.type === 'pipe' && def.in) cur = def.in;
      else break;
    }
    return cur;
  };
  for (const seg of path) {
    s = unwrap(s);
    if (!s) return [];
    const def = s._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    if (def.type === 'object' && def.shape && typeof seg === 'string') s = def.shape[seg];
    else if (def.type === 'array' && def.element && typeof seg === 'number') s = def.element;
    else return [];
  }
  s = unwrap(s);
  const def = s?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** The kinds a union accepts when the value matched none of them (`string|number`), else undefined. */
function unionKinds(i: ZodIssue): string | undefined {
  if (i.code !== 'invalid_union' || i.errors.length === 0) return undefined;
  const kinds = i.errors.map((branch) =>
    branch.length === 1 && branch[0].code === 'invalid_type' && branch[0].path.length === 0 ? expectedWord(branch[0].expected) : undefined,
  );
  return kinds.every((k): k is string => k !== undefined) ? kinds.join('|') : undefined;
}

/** Picks the most telling issue inside a union: one from a branch whose type matched. */
function unionDetail(i: ZodIssue): ZodIssue | undefined {
  if (i.code !== 'invalid_union') return undefined;
  for (const branch of i.errors) {
    const inner = branch.find((b) => b.code !== 'invalid_type');
    if (inner) return { ...inner, path: [...i.path, ...inner.path] } as ZodIssue;
  }
  return undefined;
}

/** The value a malformed quantity was probably meant to be (`16GB` → `16Gi`, `4 cores` → `4`). */
function suggestFormat(key: string, value: string): string | undefined {
  if (key === 'bytes-quantity') return suggestBytes(value);
  if (key === 'cpu-quantity') return suggestCpu(value);
  return undefined;
}

function toIssue(src: SourceFile, schema: AnySchema, data: unknown, raw: ZodIssue): Issue[] {
  const zi = unionDetail(raw) ?? raw;
  const path = zi.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const field = fieldPath(path);
  const value = valueAt(data, path);
  // a missing field is missing, whatever check found it (a union of types reports `invalid_union`)
  if (value === undefined && path.length > 0 && zi.code !== 'unrecognized_keys' && zi.code !== 'custom') {
    return [issue('error', locate(src, path), field, 'schema.required')];
  }
  const kinds = unionKinds(zi);
  if (kinds !== undefined) return [issue('error', locate(src, path), field, 'schema.type', { expected: kinds, received: received(value) })];
  switch (zi.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeysAt(schema, path);
      return zi.keys.map((key) => {
        const at = locate(src, [...path, key], { key: true });
        const f = fieldPath([...path, key]);
        const suggestion = suggest(key, allowed);
        return suggestion
          ? issue('error', at, f, 'schema.unknownKeySuggest', { key: JSON.stringify(key), suggestion })
          : issue('error', at, f, 'schema.unknownKey', { key: JSON.stringify(key), allowed: allowed.join(', ') });
      });
    }
    case 'invalid_type': {
      const at = locate(src, path);
      if (value === undefined) return [issue('error', at, field, 'schema.required')];
      // 1.5 where a count is wanted: "expected a whole number, got 1.5", not "expected a number, got number 1.5"
      if (zi.expected === 'int' && typeof value === 'number' && Number.isFinite(value)) {
        return [issue('error', at, field, 'schema.type', { expected: 'int', received: show(value) })];
      }
      return [issue('error', at, field, 'schema.type', { expected: expectedWord(zi.expected), received: received(value) })];
    }
    case 'invalid_value': {
      const at = locate(src, path);
      if (value === undefined) return [issue('error', at, field, 'schema.required')];
      if (zi.values.length === 1) return [issue('error', at, field, 'schema.literal', { expected: show(zi.values[0]), value: param(value) })];
      const allowed = zi.values.map(String);
      const close = typeof value === 'string' ? suggest(value, allowed) : undefined;
      if (close !== undefined)
        return [issue('error', at, field, 'schema.enumSuggest', { value: param(value), allowed: allowed.join(', '), suggestion: close })];
      return [issue('error', at, field, 'schema.enum', { value: param(value), allowed: allowed.join(', ') })];
    }
    case 'too_small': {
      const at = locate(src, path);
      if (zi.origin === 'array' || zi.origin === 'string') {
        return [issue('error', at, field, 'schema.tooShort', { min: Number(zi.minimum), unit: zi.origin === 'array' ? 'items' : 'characters' })];
      }
      return [issue('error', at, field, 'schema.tooSmall', { value: show(value), min: Number(zi.minimum) })];
    }
    case 'too_big': {
      const at = locate(src, path);
      if (zi.origin === 'array' || zi.origin === 'string') {
        const count = Array.isArray(value) || typeof value === 'string' ? value.length : 0;
        return [issue('error', at, field, 'schema.tooLong', { max: Number(zi.maximum), unit: zi.origin === 'array' ? 'items' : 'characters', count })];
      }
      return [issue('error', at, field, 'schema.tooBig', { value: show(value), max: Number(zi.maximum) })];
    }
    case 'invalid_format': {
      const key = formatKey(zi.format, 'pattern' in zi ? zi.pattern : undefined);
      const close = typeof value === 'string' ? suggestFormat(key, value) : undefined;
      if (close !== undefined)
        return [
          issue('error', locate(src, path), field, 'schema.formatSuggest', {
            value: param(value),
            format: `fmt:${key}`,
            hint: `hint:${key}`,
            suggestion: close,
          }),
        ];
      return [issue('error', locate(src, path), field, 'schema.format', { value: param(value), format: `fmt:${key}`, hint: `hint:${key}` })];
    }
    case 'custom': {
      // a refinement names its own message and parameters; the value is not echoed (it may be a secret)
      const p = (zi.params ?? {}) as Record<string, unknown>;
      const code = p.code;
      if (typeof code === 'string' && (knownCodes() as string[]).includes(code)) {
        const params: Record<string, string | number> = {};
        for (const [k, v] of Object.entries(p)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
        return [issue('error', locate(src, path), field, code as MessageCode, params)];
      }
      return [issue('error', locate(src, path), field, 'schema.invalid', { value: param(value) })];
    }
    default:
      return [issue('error', locate(src, path), field, 'schema.invalid', { value: param(value) })];
  }
}

export interface SchemaResult<T> {
  readonly data?: T;
  readonly issues: Issue[];
}

/** Results per file already checked (config/source.ts reuses the parse of a text read before). */
const checkedBefore = new WeakMap<z.ZodType<unknown>, WeakMap<SourceFile, SchemaResult<unknown>>>();

export function checkSchema<T>(src: SourceFile, schema: z.ZodType<T>): SchemaResult<T> {
  let bySource = checkedBefore.get(schema as z.ZodType<unknown>);
  if (!bySource) {
    bySource = new WeakMap();
    checkedBefore.set(schema as z.ZodType<unknown>, bySource);
  }
  let result = bySource.get(src) as SchemaResult<T> | undefined;
  if (!result) {
    result = checkSchemaOnce(src, schema);
    bySource.set(src, result);
  }
  return result;
}

function checkSchemaOnce<T>(src: SourceFile, schema: z.ZodType<T>): SchemaResult<T> {
  const data = src.data;
  const parsed = schema.safeParse(data);
  if (parsed.success) return { data: parsed.data, issues: [] };
  const issues = parsed.error.issues.flatMap((zi) => toIssue(src, schema, data, zi));
  // `mlps_level` (did you mean mlpsLevel?) already explains why mlpsLevel is missing
  const explained = new Set(
    issues
      .filter((i) => i.code === 'schema.unknownKeySuggest')
      .map((i) => `${i.field.replace(/(^|\.)[^.]*$/, '')}.${String(i.params.suggestion)}`.replace(/^\./, '')),
  );
  return { issues: issues.filter((i) => !(i.code === 'schema.required' && explained.has(i.field))) };
}
