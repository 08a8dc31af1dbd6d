/**
 * Terraform JSON as govcloud reads it: the shapes of a stack's document and the few ways to walk it.
 * No cdktf here: both the stacks that write these documents and the policies that judge them build
 * on this layer, and neither imports the other.
 */

import type { Network } from '../config/model';

export type Json = Record<string, unknown>;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One stack's Terraform JSON: the synthesized document with the hand-written files merged in. */
export interface StackJson {
  readonly name: string;
  readonly network: Network;
  readonly json: Json;
}

/** The value at `a.b.0.c`, through objects and lists; undefined where the path ends early. */
export function get(obj: unknown, dotted: string): unknown {
  let cur: unknown = obj;
  for (const seg of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (/^\d+$/.test(seg) ? cur[Number(seg)] : undefined) : (cur as Json)[seg];
  }
  return cur;
}

/** A block that cdktf may write as an object or as a one-element list. */
export function block(obj: unknown, key: string): Json | undefined {
  const v = obj !== null && typeof obj === 'object' ? (obj as Json)[key] : undefined;
  if (Array.isArray(v)) return (v[0] as Json | undefined) ?? undefined;
  return v !== null && typeof v === 'object' ? (v as Json) : undefined;
}

/** A repeatable block, written as a list or (once) as an object. */
export function list(obj: unknown, key: string): Json[] {
  const v = obj !== null && typeof obj === 'object' ? (obj as Json)[key] : undefined;
  if (Array.isArray(v)) return v as Json[];
  return v !== null && typeof v === 'object' ? [v as Json] : [];
}

/** Walks `a.b.c` through blocks written as objects or one-element lists. */
export function blockPath(obj: unknown, dotted: string): Json | undefined {
  let cur: Json | undefined = obj as Json;
  for (const seg of dotted.split('.')) {
    cur = block(cur, seg);
    if (!cur) return undefined;
  }
  return cur;
}
