/**
 * What a credential written in plain text looks like. Shared by validation (every string of a
 * request and of platform.yaml, the stricter name screen for a cluster's kubeContext), by the screen
 * of hand-written Terraform files (config/credential-json.ts), by the evidence package and by the
 * MLPS-DATA-006 rule, which looks for the same shapes in the synthesized Terraform JSON.
 *
 * The shapes are the ones prose and names never have (docs/limits.md lists them):
 * - assignments: `password=…`, `pwd=…`, `PGPASSWORD=…`, `token: …`, `api_key=…`, `client_secret: …`,
 *   and the Chinese labels `密码：…`, `口令 …`, `密钥=…`, `秘钥: …`;
 * - `Authorization: Basic …` (or Bearer, Token), `Basic <base64 of user:password>`, `Bearer <token>`;
 * - a private key, a URL with user and password, a JSON Web Token;
 * - access keys and tokens by their published prefixes: Alibaba Cloud `LTAI…`, Tencent Cloud
 *   `AKID…`, Volcano Engine `AKLT…`, AWS `AKIA…`/`ASIA…`, Google `AIza…`, GitHub `ghp_`/`gho_`/`ghs_`/
 *   `ghu_`/`ghr_`/`github_pat_`, GitLab `glpat-`/`gldt-`/`glrt-`, Slack `xoxa-`/`xoxb-`/`xoxp-`/…,
 *   OpenAI-style `sk-…` (DeepSeek, Moonshot, Qwen's DashScope use it too), Stripe `sk_live_`/`rk_live_`,
 *   Hugging Face `hf_`, npm `npm_`, PyPI `pypi-`, SendGrid `SG.…`, DigitalOcean `dop_v1_`, OpenShift
 *   `sha256~…`, a Kubernetes bootstrap token `abcdef.0123456789abcdef`.
 */

export interface CredentialShape {
  readonly what: string;
  readonly re: RegExp;
  /** A further test of the match (e.g. that a base64 run decodes to `user:password`). */
  readonly check?: (m: RegExpExecArray) => boolean;
}

/**
 * A JSON Web Token (e.g. a Kubernetes service-account token): three base64url parts separated by
 * dots, the first one a JSON object (`{"` is `eyJ` in base64); the signature may be empty (`alg: none`).
 */
export const JWT = /(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

/**
 * A value after an assignment: not blank, not a reference (`${var.x}`), not a template placeholder
 * (`{{ .Values.x }}`), not a switch (`automount_service_account_token = false`).
 */
const VALUE = String.raw`\s*[=:：]\s*["']?(?![\s$"'{]|$|(true|false|null|none|yes|no)([^A-Za-z0-9]|$))`;

/** Whether a base64 text decodes to `user:password` (what HTTP basic authentication sends). */
function basicPair(m: RegExpExecArray): boolean {
  const decoded = Buffer.from(m[2], 'base64').toString('utf8');
  return /^[\x21-\x7e]+:[\x20-\x7e]*$/.test(decoded) && !decoded.includes('\ufffd');
}

/** Whether a token's random part has letters and digits in one run of 16 or more: a key, not a dashed name. */
function randomTail(m: RegExpExecArray): boolean {
  return [...m[0].matchAll(/[A-Za-z0-9]{16,}/g)].some((r) => /[0-9]/.test(r[0]) && /[A-Za-z]/.test(r[0]));
}

/** Credentials written as an assignment, a header, a key block, a URL or a token: every screen uses them. */
export const CREDENTIAL_VALUE: readonly CredentialShape[] = [
  { what: 'password assignment', re: new RegExp(String.raw`(^|[^a-z]|pg)(pass(word|wd)?|pwd)${VALUE}`, 'i') },
  { what: 'passwd', re: /passwd/i },
  { what: 'token', re: new RegExp(String.raw`(^|[^a-z])(access[-_]?|auth[-_]?|refresh[-_]?)?token${VALUE}`, 'i') },
  {
    what: 'key assignment',
    re: new RegExp(String.raw`(^|[^a-z])(api[-_]?key|access[-_]?key[-_]?secret|secret[-_]?(access[-_]?)?key|client[-_]?secret|app[-_]?secret)${VALUE}`, 'i'),
  },
  { what: 'Chinese password label', re: new RegExp(String.raw`(密码|口令|密钥|秘钥|私钥|令牌)\s*(是|为)?${VALUE}`) },
  // `口令 Abc@12345`: a label, a space and a value with a digit or a symbol (prose goes on in words)
  { what: 'Chinese password label', re: /(密码|口令|密钥|秘钥)\s+(?=[\x21-\x7e]*[0-9!@#$%^&*])[\x21-\x7e]{6,}/ },
  { what: 'authorization header', re: /(^|[^a-z])authorization["']?\s*[:=]\s*["']?(basic|bearer|token|digest)\s+(?=[^\s"']*[0-9+/=])[^\s"']{6,}/i },
  { what: 'basic authentication', re: /(^|[^A-Za-z])(?:Basic)\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/, check: (m) => basicPair(m) },
  { what: 'bearer token', re: /(^|[^A-Za-z])Bearer\s+[A-Za-z0-9._~+/-]{20,}/, check: randomTail },
  { what: 'private key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
  { what: 'URL with user and password', re: /[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i },
  { what: 'JSON Web Token', re: JWT },
];

const B = '(^|[^A-Za-z0-9])';
const E = '($|[^A-Za-z0-9])';

/** Tokens whose shape alone gives them away, in free text as in names. */
export const KEY_SHAPE: readonly CredentialShape[] = [
  { what: 'Kubernetes bootstrap token', re: /(^|[^a-z0-9])[a-z0-9]{6}\.[a-z0-9]{16}($|[^a-z0-9])/ },
  // glued to other text too: a name or a sentence has no `eyJ….….` in it either
  { what: 'JSON Web Token', re: /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\./ },
  { what: 'OpenShift token', re: /sha256~[A-Za-z0-9_-]{20,}/ },
  { what: 'access token', re: /(^|[^A-Za-z0-9])(ghp|gho|ghs|ghu|ghr|github_pat|glpat|gldt|glrt|xox[abeoprs])[-_][A-Za-z0-9_-]{10,}/ },
  { what: 'access key', re: new RegExp(`${B}(AKIA|ASIA)[0-9A-Z]{16}${E}`) },
  { what: 'Alibaba Cloud access key', re: new RegExp(`${B}LTAI[A-Za-z0-9]{12,30}${E}`) },
  { what: 'Tencent Cloud access key', re: new RegExp(`${B}AKID[A-Za-z0-9]{28,40}${E}`) },
  { what: 'Volcano Engine access key', re: new RegExp(`${B}AKLT[A-Za-z0-9_-]{20,60}${E}`) },
  { what: 'API key', re: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}`) },
  { what: 'API key', re: new RegExp(`${B}sk-(proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,}`), check: randomTail },
  { what: 'API key', re: new RegExp(`${B}(sk|rk)_(live|test)_[A-Za-z0-9]{16,}`) },
  { what: 'API key', re: new RegExp(`${B}(hf|npm)_[A-Za-z0-9]{30,}`) },
  { what: 'API key', re: new RegExp(`${B}pypi-AgE[A-Za-z0-9_-]{30,}`) },
  { what: 'API key', re: new RegExp(`${B}SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}`) },
  { what: 'API key', re: new RegExp(`${B}do[opr]_v1_[a-f0-9]{40,}`) },
];

/** Whether a shape matches somewhere in `s` (each match is offered to its further test). */
export function shapeMatches(shape: CredentialShape, s: string): boolean {
  if (!shape.check) return shape.re.test(s);
  const re = new RegExp(shape.re.source, shape.re.flags.includes('g') ? shape.re.flags : `${shape.re.flags}g`);
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (shape.check(m)) return true;
    re.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * A cheap screen: a string this does not match matches no shape above (each needs one of these
 * letters, words or characters). Used before the full screen on the many strings of a stack.
 */
export const CREDENTIAL_HINT =
  /pass|pwd|token|key|secret|authori|basic|bearer|PRIVATE|@|eyJ|密码|口令|密钥|秘钥|私钥|令牌|sha256~|gh[opsur]_|github_pat|gl(pat|dt|rt)-|xox|AKIA|ASIA|LTAI|AKID|AKLT|AIza|sk-|_live_|_test_|hf_|npm_|pypi-|SG\.|_v1_|[a-z0-9]{6}\.[a-z0-9]{16}/i;

const SHAPES: readonly CredentialShape[] = [...CREDENTIAL_VALUE, ...KEY_SHAPE];

/** Words and shapes that names never have, though free text may (a commit hash, "rotate the password"). */
const NAME_ONLY_SHAPE: readonly CredentialShape[] = [
  { what: 'password', re: /(^|[^a-z])(password|passwd|pwd|secret|token|bearer)([^a-z]|$)|密码|口令|密钥|秘钥|私钥|令牌/i },
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
 * What kind of credential a piece of free text (a display name, a city, a reference, a waiver's
 * reason, a string of a hand-written Terraform file) holds, or undefined. Every string of the input
 * is screened with it: what is accepted ends up in annotations, reports and pull-request comments.
 * Only shapes that prose never has (see the list at the top of this file).
 */
export function credentialInText(value: string): string | undefined {
  if (!CREDENTIAL_HINT.test(value)) return undefined;
  return SHAPES.find((p) => shapeMatches(p, value))?.what;
}

/**
 * What kind of credential a value that should be a plain name looks like, or undefined. Stricter
 * than the text screen: a name has no business holding anything token-shaped.
 */
export function credentialInName(value: string): string | undefined {
  const hit = credentialInText(value) ?? NAME_ONLY_SHAPE.find((p) => p.re.test(value))?.what;
  if (hit) return hit;
  return randomRun(value) ? 'random token' : undefined;
}

/**
 * Whether a value may be printed back in an error message. A rejected value is echoed so that its
 * author sees what was wrong with it, unless it looks like a credential in any way: then the message
 * says what it looks like instead, since errors are printed in CI logs and pull-request comments.
 */
export function unsafeToEcho(value: string): string | undefined {
  const text = credentialInText(value);
  if (text !== undefined) return text;
  const name = NAME_ONLY_SHAPE.find((p) => p.what !== 'password' && p.re.test(value));
  if (name) return name.what;
  // paths and dashed names are echoed: only an unbroken run counts here
  return randomRun(value, /[A-Za-z0-9+=]{20,}/g) ? 'random token' : undefined;
}
