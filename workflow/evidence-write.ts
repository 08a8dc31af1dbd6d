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
import { secretIn } from './evidence-secrets';

/** Bytes gathered before a write and a scan. */
export const BLOCK_BYTES = 1 << 20;
/** Characters of the previous block scanned again with the next: longer than any credential shape. */
const OVERLAP = 64 * 1024;

export interface Refusal {
  readonly path: string;
  readonly what: string;
}

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
function writeOne(f: PackageFile, dir: string, blockBytes: number): { summed: Summed; what?: string } {
  const dest = path.join(dir, ...f.path.split('/'));
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const hash = createHash('sha256');
  const fd = fs.openSync(dest, 'w');
  let bytes = 0;
  let what = secretIn(f.path, '');
  let tail = '';
  let block: Buffer[] = [];
  let pending = 0;
  const flush = () => {
    const b = Buffer.concat(block);
    block = [];
    pending = 0;
    hash.update(b);
    bytes += b.length;
    for (let at = 0; at < b.length;) at += fs.writeSync(fd, b, at, b.length - at);
    if (what === undefined) {
      const text = tail + b.toString('utf8');
      what = secretIn(f.path, text);
      tail = text.slice(-OVERLAP);
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
  return { summed: { path: f.path, bytes, sha256: hash.digest('hex') }, what };
}

/**
 * Writes the package into `out` (a new or empty folder) through a temporary folder beside it: a
 * failure or a credential leaves no package and no temporary folder.
 */
export function writeEvidence(pkg: Pick<EvidencePackage, 'files' | 'meta'>, out: string, opts: { readonly blockBytes?: number } = {}): Written {
  const tmp = `${out.replace(/[/\\]+$/, '')}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const blockBytes = Math.max(1, opts.blockBytes ?? BLOCK_BYTES);
  try {
    const summed: Summed[] = [];
    const refused: Refusal[] = [];
    for (const f of pkg.files) {
      const r = writeOne(f, tmp, blockBytes);
      summed.push(r.summed);
      if (r.what !== undefined) refused.push({ path: f.path, what: r.what });
    }
    if (refused.length > 0) return { files: 0, refused };
    const sums = summed.map((s) => `${s.sha256}  ${s.path}\n`).join('');
    fs.writeFileSync(path.join(tmp, 'SHA256SUMS'), sums);
    fs.writeFileSync(path.join(tmp, 'manifest.json'), stableStringify({ ...pkg.meta, files: summed }));
    if (fs.existsSync(out)) fs.rmdirSync(out); // empty: checked before the work
    fs.renameSync(tmp, out);
    return { files: summed.length + 2, refused: [] };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
