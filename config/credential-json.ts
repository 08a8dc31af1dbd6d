/**
 * Credentials in a JSON document (a hand-written Terraform file, a synthesized stack, a file of the
 * evidence package): every string, key or value, screened with the shapes of config/credentials.ts,
 * and literal values under a credential's name (`"password": "…"`, an environment variable
 * `{ name: DB_PASSWORD, value: "…" }`), which no shape can see in the value alone.
 */
import { CREDENTIAL_HINT, credentialInText } from './credentials';
import { PathSegment } from './source';

/** Names of keys and environment variables that hold credentials. */
export const CREDENTIAL_NAME = /(pass(word|wd)?|pwd|secret|token|api[-_]?key|private[-_]?key|credential|密码|口令|密钥|秘钥)s?$/i;

/** A literal (not a `${...}` reference, not empty). */
export const isLiteral = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !/^\$\{[^}]*\}$/.test(v.trim());

export interface CredentialHit {
  /** Where in the document (for a key: the key's own path). */
  readonly path: readonly PathSegment[];
  /** What it looks like (a shape of config/credentials.ts, `literal <key>` or `literal value of <NAME>`). */
  readonly what: string;
  /** The string that holds it: to find its line, never to print. */
  readonly value: string;
}

/** Whether a hit is a literal under a credential's name rather than a shape. */
export const namedLiteral = (what: string): boolean => what.startsWith('literal ');

/**
 * Every credential in `doc` (the cdktf `//` metadata skipped). `names: false` screens the shapes
 * only (a rule that judges literal Secret data on its own).
 */
export function credentialsInJson(doc: unknown, names = true): CredentialHit[] {
  // one native pass first: most documents and resources hold nothing credential-like at all
  if (typeof doc === 'object' && doc !== null) {
    const text = JSON.stringify(doc);
    if (!CREDENTIAL_HINT.test(text) && !/credential/i.test(text)) return [];
  }
  const hits: CredentialHit[] = [];
  const parts: PathSegment[] = [];
  const screen = (s: string, path: readonly PathSegment[]) => {
    const what = credentialInText(s);
    if (what !== undefined) hits.push({ path, what, value: s });
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      screen(v, [...parts]);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        parts.push(i);
        walk(v[i]);
        parts.pop();
      }
      return;
    }
    const o = v as Record<string, unknown>;
    // env { name = "DB_PASSWORD", value = "..." }
    if (names && typeof o.name === 'string' && CREDENTIAL_NAME.test(o.name) && isLiteral(o.value))
      hits.push({ path: [...parts, 'value'], what: `literal value of ${o.name}`, value: o.value });
    for (const k in o) {
      if (k === '//') continue;
      const x = o[k];
      parts.push(k);
      screen(k, [...parts]);
      if (names && CREDENTIAL_NAME.test(k) && isLiteral(x)) hits.push({ path: [...parts], what: `literal ${k}`, value: x });
      walk(x);
      parts.pop();
    }
  };
  walk(doc);
  return hits;
}

/** Offset in `text` (the document as written) of the opening quote of the string a hit found, or 0 when it is written with escapes. */
export function offsetOf(text: string, hit: CredentialHit): number {
  return Math.max(0, text.indexOf(JSON.stringify(hit.value)));
}
