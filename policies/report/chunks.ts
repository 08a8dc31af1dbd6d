/**
 * Reports as a sequence of string pieces (chunks) instead of one string: a city of 10,000 tenants
 * gives reports of hundreds of megabytes, past what one V8 string may hold ("Invalid string
 * length"). The renderers stay pure (report in, chunks out, nothing written); the writer
 * (cli/stream-out.ts) writes the chunks as they come. Joining the chunks gives the bytes the
 * string renderers always gave: `join` is what the string-returning functions are.
 *
 * JSON: `sortedJsonChunks(v)` gives exactly `JSON.stringify(sortKeys(v), null, 2)`, except that a
 * LazyArray stands for an array whose elements are made one at a time while they are written (the
 * tenants of a report, the results of a SARIF log), so that neither the string nor the data of the
 * whole report is ever held.
 */
import { sortKeys } from '../../terraform/stable-json';

/** Pieces of one text, in order. */
export type Chunks = Iterable<string>;

/** The whole text of the chunks (for small reports and tests). */
export function join(chunks: Chunks): string {
  let s = '';
  for (const c of chunks) s += c;
  return s;
}

/** Items joined by line breaks, as `items.join('\n')`; an item given as chunks is written piece by piece. */
export function* joinLines(items: Iterable<string | Chunks>): Generator<string> {
  let first = true;
  for (const item of items) {
    if (!first) yield '\n';
    first = false;
    if (typeof item === 'string') yield item;
    else yield* item;
  }
}

/** The chunks with trailing white space removed, as `text.trimEnd()` (only white space at the very end is held back). */
export function* trimEnd(chunks: Chunks): Generator<string> {
  let pending = '';
  for (const c of chunks) {
    const s = pending + c;
    const kept = s.trimEnd();
    if (kept !== '') yield kept;
    pending = s.slice(kept.length);
  }
}

/** An array of the JSON whose elements are made one by one while written (each element given to sortKeys). */
export class LazyArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

function containsLazy(v: unknown): boolean {
  if (v instanceof LazyArray) return true;
  if (Array.isArray(v)) return v.some(containsLazy);
  if (v !== null && typeof v === 'object') return Object.values(v).some(containsLazy);
  return false;
}

function* arrayChunks(items: Iterable<unknown>, indent: string): Generator<string> {
  let first = true;
  for (const x of items) {
    yield `${first ? '[' : ','}\n${indent}  `;
    first = false;
    yield* sortedJsonChunks(x === undefined ? null : x, `${indent}  `);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** `JSON.stringify(sortKeys(v), null, 2)` in pieces: a piece per element of a LazyArray, at most. */
export function* sortedJsonChunks(v: unknown, indent = ''): Generator<string> {
  if (v instanceof LazyArray) {
    yield* arrayChunks(v.items(), indent);
    return;
  }
  if (!containsLazy(v)) {
    const text = JSON.stringify(sortKeys(v), null, 2);
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  if (Array.isArray(v)) {
    yield* arrayChunks(v, indent);
    return;
  }
  const o = v as Record<string, unknown>;
  // in the order of the sorted copy sortKeys makes: integer-like keys come first in any JavaScript object
  const order: Record<string, true> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined && typeof o[k] !== 'function') order[k] = true;
  const keys = Object.keys(order);
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  for (const [i, k] of keys.entries()) {
    yield `${i === 0 ? '{' : ','}\n${indent}  ${JSON.stringify(k)}: `;
    yield* sortedJsonChunks(o[k], `${indent}  `);
  }
  yield `\n${indent}}`;
}
