/**
 * Resolves cdktf tokens only where there can be one. cdktf's resolve walks every value of every
 * resource with a fresh context object per value; most of a tenant's values are plain strings and
 * numbers. This walks the value once, copies plain parts as they are (dropping undefined, as
 * resolve does), and hands to cdktf's resolve only the parts that may hold a token: strings with
 * a token marker, an escape sequence or a number in exponent form, encoded number tokens, objects
 * that are not plain (Lazy, IResolvable), and maps whose keys look encoded. Output is identical.
 */
import { IConstruct } from 'constructs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tokens = require('cdktf/lib/_tokens') as { resolve: (scope: IConstruct, obj: unknown) => unknown };

const SUSPICIOUS_STRING = /TfToken|\$\{|%\{|\de[-+\d]/;
/** Encoded number tokens are huge negative doubles. */
const NUMBER_TOKEN_LIMIT = -1e200;

function mayHoldToken(v: unknown): boolean {
  if (typeof v === 'string') return SUSPICIOUS_STRING.test(v);
  if (typeof v === 'number') return v < NUMBER_TOKEN_LIMIT;
  if (v === null || typeof v !== 'object') return typeof v === 'function';
  if (Array.isArray(v)) return false; // elements are checked one by one
  const proto = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null;
}

export function fastResolve(scope: IConstruct, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (mayHoldToken(value)) return tokens.resolve(scope, value);
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = fastResolve(scope, item);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    if (SUSPICIOUS_STRING.test(key)) return tokens.resolve(scope, value);
    const r = fastResolve(scope, obj[key]);
    if (r !== undefined) out[key] = r;
  }
  return out;
}
