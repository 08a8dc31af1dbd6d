/**
 * Who made an evidence package, from what, and a signature an assessor can check. SHA256SUMS alone
 * proves integrity, not authenticity: edit a report, recompute the sums, and it verifies. So the
 * manifest (which lists every file with its SHA-256) carries the provenance — govcloud's version and
 * commit, the rule pack's size and digest, the producer and the day — and is signed with the city's
 * key: SM2 with an SM3 digest (the 国密 algorithms a Chinese government CA issues certificates for),
 * or, for an RSA or ECDSA key, SHA-256. Debian's OpenSSL does the signing and the checking (Node's
 * crypto cannot use SM2 keys). `govcloud evidence verify` checks every file against the manifest and
 * the manifest's signature against the certificate the assessor trusts — never one in the package.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultRepoRoot } from '../config/repo-root';
import { RULES } from '../policies/registry';

export const SIGNATURE_FILE = 'manifest.json.sig';
export const SIGNER_FILE = 'signer.pem';

export interface Provenance {
  readonly tool: 'govcloud';
  readonly version: string;
  /** The commit govcloud ran from (`-dirty` when its files differ from it), or `unknown` outside a checkout. */
  readonly commit: string;
  readonly rules: { readonly count: number; readonly digest: string };
  readonly producer: string;
  readonly producedOn: string;
}

export interface Signer {
  readonly key: string;
  readonly cert: string;
}

export interface SignatureMeta {
  readonly file: string;
  readonly algorithm: 'SM2-SM3' | 'SHA256';
  readonly signer: string;
}

/** The rule pack as judged: how many rules, and a digest of their ids, severities and clauses. */
export function rulePack(): { count: number; digest: string } {
  const text = RULES.map((r) => JSON.stringify([r.id, r.severity, r.clauses, r.hygiene?.levels ?? null]))
    .sort()
    .join('\n');
  return { count: RULES.length, digest: `sha256:${createHash('sha256').update(text).digest('hex')}` };
}

function gitCommit(root: string): string {
  const head = spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() !== '' ? '-dirty' : ''}`;
}

export function provenance(producer: string, day: string): Provenance {
  const root = defaultRepoRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { tool: 'govcloud', version: pkg.version, commit: gitCommit(root), rules: rulePack(), producer, producedOn: day };
}

function openssl(args: string[], input?: string): { status: number; out: string; err: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8', input });
  return { status: r.status ?? 1, out: r.stdout ?? '', err: (r.stderr ?? '').trim() };
}

/** The certificate's subject, one line; an error naming the file when it is not a certificate. */
export function subjectOf(cert: string): string {
  const r = openssl(['x509', '-in', cert, '-noout', '-subject', '-nameopt', 'RFC2253']);
  if (r.status !== 0) throw new Error(`${cert} is not a PEM certificate / 不是 PEM 证书`);
  return r.out.trim().replace(/^subject=/, '');
}

/** How a key signs: SM2 keys with SM3, every other with SHA-256. Throws a plain message for a file that is no private key. */
export function algorithmOf(key: string): SignatureMeta['algorithm'] {
  const r = openssl(['pkey', '-in', key, '-noout', '-text']);
  if (r.status !== 0) throw new Error(`${key} is not a PEM private key openssl can read / 不是可读取的 PEM 私钥`);
  return /\bSM2\b/.test(r.out) ? 'SM2-SM3' : 'SHA256';
}

const digestFlag = (a: SignatureMeta['algorithm']) => (a === 'SM2-SM3' ? '-sm3' : '-sha256');

/** Checks before anything is written that the key and the certificate are a pair (a signature by the key verifies with the certificate). */
export function signatureMeta(s: Signer): SignatureMeta {
  const algorithm = algorithmOf(s.key);
  const signer = subjectOf(s.cert);
  const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-sign-')), 'probe');
  try {
    fs.writeFileSync(probe, 'govcloud evidence signer check\n');
    signFile(probe, s.key, algorithm);
    if (!verifyFile(probe, s.cert, algorithm)) throw new Error(`the key ${s.key} does not belong to the certificate ${s.cert} / 私钥与证书不匹配`);
  } finally {
    fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  }
  return { file: SIGNATURE_FILE, algorithm, signer };
}

/** Signs `file` into `<file>.sig` (detached, DER). */
export function signFile(file: string, key: string, algorithm: SignatureMeta['algorithm']): void {
  execFileSync('openssl', ['dgst', digestFlag(algorithm), '-sign', key, '-out', `${file}.sig`, file], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function verifyFile(file: string, cert: string, algorithm: SignatureMeta['algorithm'], signature = `${file}.sig`): boolean {
  const pub = openssl(['x509', '-in', cert, '-noout', '-pubkey']);
  if (pub.status !== 0) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-verify-'));
  try {
    fs.writeFileSync(path.join(dir, 'pub.pem'), pub.out);
    return openssl(['dgst', digestFlag(algorithm), '-verify', path.join(dir, 'pub.pem'), '-signature', signature, file]).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Verified {
  readonly ok: boolean;
  /** One line per problem: an edited, missing or added file, a bad signature. */
  readonly problems: readonly string[];
  readonly signer?: string;
  readonly provenance?: Provenance;
}

/** Every file against the manifest, SHA256SUMS against the manifest, and the manifest's signature against `cert`. */
export function verifyPackage(dir: string, cert: string): Verified {
  const problems: string[] = [];
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return { ok: false, problems: [`${dir} holds no manifest.json: it is not an evidence package / 不是证据包`] };
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
    files: { path: string; sha256: string }[];
    signature?: SignatureMeta;
    provenance?: Provenance;
  };
  const listed = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  for (const [rel, sum] of listed) {
    const file = path.join(dir, ...rel.split('/'));
    if (!fs.existsSync(file)) problems.push(`missing: ${rel} / 缺少文件`);
    else if (createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== sum) problems.push(`changed: ${rel} / 文件已被修改`);
  }
  const own = new Set(['manifest.json', 'SHA256SUMS', SIGNATURE_FILE, SIGNER_FILE]);
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      return e.isDirectory() ? walk(r) : [r];
    });
  for (const rel of walk('')) if (!listed.has(rel) && !own.has(rel)) problems.push(`added: ${rel} / 多出文件`);
  const sums = manifest.files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  const sumsFile = path.join(dir, 'SHA256SUMS');
  if (!fs.existsSync(sumsFile) || fs.readFileSync(sumsFile, 'utf8') !== sums)
    problems.push('changed: SHA256SUMS does not match manifest.json / SHA256SUMS 与清单不一致');
  if (!manifest.signature) problems.push('the package is not signed (no signature in manifest.json) / 证据包未签名');
  else if (!fs.existsSync(path.join(dir, manifest.signature.file))) problems.push(`missing: ${manifest.signature.file} / 缺少签名`);
  else if (!verifyFile(manifestFile, cert, manifest.signature.algorithm, path.join(dir, manifest.signature.file)))
    problems.push(`the signature of manifest.json does not verify with ${cert}: edited after signing, or signed by someone else / 签名验证失败`);
  return { ok: problems.length === 0, problems, signer: manifest.signature?.signer, provenance: manifest.provenance };
}
