/**
 * What a credential written in plain text looks like. Shared by validation (fields of the input
 * that end up in every stack, such as a cluster's kubeContext) and by the MLPS-DATA-006 rule, which
 * looks for the same shapes in the synthesized Terraform JSON.
 */

/**
 * A JSON Web Token (e.g. a Kubernetes service-account token): three base64url parts separated by
 * dots, the first one a JSON object (`{"` is `eyJ` in base64); the signature may be empty (`alg: none`).
 */
export const JWT = /(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

export const CREDENTIAL_VALUE: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'password assignment', re: /(^|[^a-z])pass(word|wd)?\s*[=:]\s*[^\s$]/i },
  { what: 'passwd', re: /passwd/i },
  { what: 'token', re: /(^|[^a-z])token\s*:\s*[^\s$]/i },
  { what: 'private key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
  { what: 'URL with user and password', re: /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i },
  { what: 'JSON Web Token', re: JWT },
];

/** Tokens whose shape alone gives them away, in free text as in names. */
const BEARER_SHAPE: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'Kubernetes bootstrap token', re: /(^|[^a-z0-9])[a-z0-9]{6}\.[a-z0-9]{16}($|[^a-z0-9])/ },
  // glued to other text too: a name or a sentence has no `eyJ….….` in it either
  { what: 'JSON Web Token', re: /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./ },
  { what: 'OpenShift token', re: /sha256~[A-Za-z0-9_-]{20,}/ },
  { what: 'access token', re: /(^|[^A-Za-z0-9])(ghp|gho|ghs|ghu|github_pat|glpat|xox[abprs])[-_][A-Za-z0-9_-]{10,}/ },
  { what: 'access key', re: /(^|[^A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}($|[^A-Z0-9])/ },
];

/** Words and shapes that names never have, though free text may (a commit hash, "rotate the password"). */
const NAME_ONLY_SHAPE: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'password', re: /(^|[^a-z])(password|passwd|pwd|secret|token|bearer)([^a-z]|$)/i },
  { what: 'hexadecimal key', re: /[0-9a-f]{32,}/i },
];

/** A run of 20 or more base64 characters with upper case, lower case and digits: a random secret, not a name. */
function randomRun(s: string, runs: RegExp = /[A-Za-z0-9+/=]{20,}/g): boolean {
  for (const m of s.matchAll(runs)) {
    const run = m[0];
    if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)) return true;
  }
  return false;
}

/**
 * What kind of credential a value that should be a plain name looks like, or undefined. Stricter
 * than the output scan: a name has no business holding anything token-shaped.
 */
export function credentialInName(value: string): string | undefined {
  const hit = CREDENTIAL_VALUE.find((p) => p.re.test(value)) ?? BEARER_SHAPE.find((p) => p.re.test(value)) ?? NAME_ONLY_SHAPE.find((p) => p.re.test(value));
  if (hit) return hit.what;
  return randomRun(value) ? 'random token' : undefined;
}

/**
 * What kind of credential a piece of free text (a display name, a city, a reference, a waiver's
 * reason) holds, or undefined. Every string of the input is screened with it: what is accepted ends
 * up in annotations, reports and pull-request comments. Only shapes that prose never has: a password
 * assignment, a private key, a URL with a password, a JSON Web Token, a bearer token or access key.
 */
export function credentialInText(value: string): string | undefined {
  return (CREDENTIAL_VALUE.find((p) => p.re.test(value)) ?? BEARER_SHAPE.find((p) => p.re.test(value)))?.what;
}

/**
 * Whether a value may be printed back in an error message. A rejected value is echoed so that its
 * author sees what was wrong with it, unless it looks like a credential in any way: then the message
 * says what it looks like instead, since errors are printed in CI logs and pull-request comments.
 */
export function unsafeToEcho(value: string): string | undefined {
  if (credentialInText(value) !== undefined) return credentialInText(value);
  const name = NAME_ONLY_SHAPE.find((p) => p.what !== 'password' && p.re.test(value));
  if (name) return name.what;
  // paths and dashed names are echoed: only an unbroken run counts here
  return randomRun(value, /[A-Za-z0-9+=]{20,}/g) ? 'random token' : undefined;
}
