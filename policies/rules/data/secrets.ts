/** What a credential written in plain text looks like in synthesized Terraform JSON. */
import { Json } from '../../deployment';
import { CREDENTIAL_VALUE } from '../../../config/credentials';
import { fieldPath } from '../../../config/source';

/** The patterns (config/credentials.ts, shared with validation): password assignments, tokens, private keys, URLs with a password, JWTs. */
export { CREDENTIAL_VALUE };

/** A string without any of these cannot match a credential pattern. */
const QUICK = /pass|token|PRIVATE|@|eyJ/i;
/** A resource without any of these has neither a credential-like value nor a credential-named key. */
const ANY_HINT = /pass|token|private|@|eyJ|secret|api[-_]?key|credential/i;

/** Names of keys and environment variables that hold credentials. */
export const CREDENTIAL_NAME = /(pass(word|wd)?|secret|token|api[-_]?key|private[-_]?key|credential)s?$/i;

/** A literal (not a `${...}` reference, not empty). */
export const isLiteral = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && !/^\$\{[^}]*\}$/.test(v.trim());

export interface Hit {
  readonly path: string;
  readonly what: string;
}

/** Walks a resource body (the cdktf `//` metadata excluded) for credential-like strings and named literals. */
export function credentialHits(body: unknown): Hit[] {
  // one native pass over the whole resource first: most resources hold nothing credential-like at all
  if (typeof body === 'object' && body !== null && !ANY_HINT.test(JSON.stringify(body))) return [];
  const hits: Hit[] = [];
  // the path is kept as parts and written out only for a hit
  const parts: (string | number)[] = [];
  const pathText = (...more: string[]) => fieldPath([...parts, ...more]);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      // cheap screen first: every pattern needs one of these
      if (!QUICK.test(v)) return;
      const m = CREDENTIAL_VALUE.find((p) => p.re.test(v));
      if (m) hits.push({ path: pathText(), what: m.what });
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
    const o = v as Json;
    // env { name = "DB_PASSWORD", value = "..." }
    if (typeof o.name === 'string' && CREDENTIAL_NAME.test(o.name) && isLiteral(o.value))
      hits.push({ path: pathText('value'), what: `literal value of ${o.name}` });
    for (const k in o) {
      if (k === '//') continue;
      const x = o[k];
      if ((k === 'data' || k === 'string_data') && x && typeof x === 'object' && !Array.isArray(x)) {
        for (const dk in x as Json) if (CREDENTIAL_NAME.test(dk) && isLiteral((x as Json)[dk])) hits.push({ path: pathText(k, dk), what: `literal ${dk}` });
      }
      parts.push(k);
      walk(x);
      parts.pop();
    }
  };
  walk(body);
  return hits;
}
