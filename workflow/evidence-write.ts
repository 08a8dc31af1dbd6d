/**
 * Writes the evidence package (workflow/evidence.ts) file by file, each as its pieces come, so that
 * the package of a city of 10,000 tenants never holds a report (hundreds of megabytes) in one
 * string or in memory. While a file is written its SHA-256 and size are computed over the very
 * bytes written, and its text is scanned for credentials (in blocks that overlap, so that a
 * credential across two blocks is seen). Everything goes into a temporary folder beside `out`; it
 * becomes `out` only when every file is written and none holds a credential, so that a failure or a
 * refusal leaves nothing behind.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { stableStringify } from '../terraform/stable-json';
import type { EvidencePackage, PackageFile } from './evidence';
import { SecretFound, secretIn } from './evidence-secrets';
import { SIGNER_FILE, Signer, signFile } from './evidence-sign';

/** Bytes gathered before a write and a scan. */
export const BLOCK_BYTES = 1 << 20;
/** Characters of the previous block scanned again with the next: longer than any credential shape. */
const OVERLAP = 64 * 1024;

export interface Refusal {
  readonly path: string;
  /** What it looks like (a kind of config/credentials.ts, a kubeconfig, a forbidden file). */
  readonly what: string;
  /** Line in the file, 1-based. */
  readonly line: number;
}

/** A JSON file up to this size is also read whole, for literals under a credential's name. */
const WHOLE_JSON_BYTES = 64 << 20;

export interface Written {
  /** Files in the package, SHA256SUMS and manifest.json included; 0 when refused. */
  readonly files: number;
  /** Files holding a credential: then nothing was written. */
  readonly refused: readonly Refusal[];
}

interface Summed {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Writes one file into `dir`, hashing and scanning what it writes; the refusal, if it holds a credential. */
function writeOne(f: PackageFile, dir: string, blockBytes: number): { summed: Summed; found?: SecretFound } {
  const dest = path.join(dir, ...f.path.split('/'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const hash = createHash('sha256');
  const fd = fs.openSync(dest, 'w');
  let bytes = 0;
  let found = secretIn(f.path, '');
  let tail = '';
  // newlines before the scanned window, so a finding gets its line in the whole file
  let linesBefore = 0;
  const json = f.path.endsWith('.json');
  let whole: string[] | undefined = json ? [] : undefined;
  let wholeBytes = 0;
  let block: Buffer[] = [];
  let pending = 0;
  const flush = () => {
    const b = Buffer.concat(block);
    block = [];
    pending = 0;
    hash.update(b);
    bytes += b.length;
    for (let at = 0; at < b.length;) at += fs.writeSync(fd, b, at, b.length - at);
    if (found === undefined) {
      const piece = b.toString('utf8');
      const text = tail + piece;
      // a block is not a whole JSON document: its lines are read here, the whole file at the end
      const hit = secretIn(json ? `${f.path}.part` : f.path, text);
      if (hit) found = { ...hit, line: linesBefore + hit.line };
      tail = text.slice(-OVERLAP);
      linesBefore += countLines(text.slice(0, text.length - tail.length));
      if (whole) {
        wholeBytes += b.length;
        if (wholeBytes > WHOLE_JSON_BYTES) whole = undefined;
        else whole.push(piece);
      }
    }
  };
  try {
    for (const c of f.data()) {
      const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      block.push(b);
      pending += b.length;
      if (pending >= blockBytes) flush();
    }
    if (pending > 0 || bytes === 0) flush();
  } finally {
    fs.closeSync(fd);
  }
  if (found === undefined && whole) found = secretIn(f.path, whole.join(''));
  return { summed: { path: f.path, bytes, sha256: hash.digest('hex') }, found };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Writes the package into `out` (a new or empty folder) through a temporary folder beside it: a
 * failure or a credential leaves no package and no temporary folder.
 */
export function writeEvidence(
  pkg: Pick<EvidencePackage, 'files' | 'meta'>,
  out: string,
  opts: { readonly blockBytes?: number; readonly sign?: Signer } = {},
): Written {
  const tmp = `${out.replace(/[/\\]+$/, '')}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const blockBytes = Math.max(1, opts.blockBytes ?? BLOCK_BYTES);
  try {
    const summed: Summed[] = [];
    const refused: Refusal[] = [];
    for (const f of pkg.files) {
      const r = writeOne(f, tmp, blockBytes);
      summed.push(r.summed);
      if (r.found !== undefined) refused.push({ path: f.path, what: r.found.what, line: r.found.line });
    }
    if (refused.length > 0) return { files: 0, refused };
    const sums = summed.map((s) => `${s.sha256}  ${s.path}\n`).join('');
    fs.writeFileSync(path.join(tmp, 'SHA256SUMS'), sums);
    fs.writeFileSync(path.join(tmp, 'manifest.json'), stableStringify({ ...pkg.meta, files: summed }));
    // the signature covers manifest.json, which lists every file's SHA-256 and the provenance
    const signature = pkg.meta?.signature;
    if (opts.sign && signature) {
      signFile(path.join(tmp, 'manifest.json'), opts.sign.key, signature.algorithm);
      fs.copyFileSync(opts.sign.cert, path.join(tmp, SIGNER_FILE));
    }
    if (fs.existsSync(out)) fs.rmdirSync(out); // empty: checked before the work
    fs.renameSync(tmp, out);
    return { files: summed.length + (opts.sign && signature ? 4 : 2), refused: [] };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
