/** What a credential written in plain text looks like in synthesized Terraform JSON. */
import { Json } from '../../deployment';
import { CREDENTIAL_VALUE } from '../../../config/credentials';

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
export function credentialHits(body: unknown, path = ''): Hit[] {
  // one native pass over the whole resource first: most resources hold nothing credential-like at all
  if (path === '' && typeof body === 'object' && body !== null && !ANY_HINT.test(JSON.stringify(body))) return [];
  if (typeof body === 'string') {
    // cheap screen first: every pattern needs one of these
    if (!QUICK.test(body)) return [];
    const m = CREDENTIAL_VALUE.find((p) => p.re.test(body));
    return m ? [{ path, what: m.what }] : [];
  }
  if (Array.isArray(body)) return body.flatMap((v, i) => credentialHits(v, `${path}[${i}]`));
  if (!body || typeof body !== 'object') return [];
  const o = body as Json;
  const hits: Hit[] = [];
  // env { name = "DB_PASSWORD", value = "..." }
  if (typeof o.name === 'string' && CREDENTIAL_NAME.test(o.name) && isLiteral(o.value))
    hits.push({ path: `${path}.value`, what: `literal value of ${o.name}` });
  for (const [k, v] of Object.entries(o)) {
    if (k === '//') continue;
    const p = path ? `${path}.${k}` : k;
    if ((k === 'data' || k === 'string_data') && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [dk, dv] of Object.entries(v as Json)) if (CREDENTIAL_NAME.test(dk) && isLiteral(dv)) hits.push({ path: `${p}.${dk}`, what: `literal ${dk}` });
    }
    hits.push(...credentialHits(v, p));
  }
  return hits;
}
