/**
 * Writes a report given in pieces (policies/report/chunks.ts) as the pieces come, never as one
 * string: a city of 10,000 tenants gives reports past the longest string V8 can hold. The pieces
 * are gathered into blocks of about `chunkChars` characters, then written: to `out` through a
 * temporary file beside it (renamed when complete, so never half a report, as writeReport), or
 * printed, whole lines at a time. The bytes are those of writeReport(pieces joined).
 */
import * as fs from 'fs';
import { asFileError } from './out-path';

/** Characters gathered before a write (1 Mi: few system calls, little memory). */
export const CHUNK_CHARS = 1 << 20;

export interface StreamOptions {
  /** Characters gathered before a write. Default: CHUNK_CHARS. */
  readonly chunkChars?: number;
}

/** Prints the pieces, as `io(joined.replace(/\n$/, ''))` would, a block of whole lines at a time. */
function printChunks(chunks: Iterable<string>, io: (line: string) => void, size: number): void {
  let pending = '';
  let printed = false;
  for (const c of chunks) {
    pending += c;
    if (pending.length < size) continue;
    const cut = pending.lastIndexOf('\n');
    if (cut < 0) continue;
    io(pending.slice(0, cut));
    printed = true;
    pending = pending.slice(cut + 1);
  }
  if (!printed || pending !== '') io(pending.replace(/\n$/, ''));
}

/** All of the text (a write may take part of it). */
function writeAll(fd: number, text: string): void {
  const b = Buffer.from(text, 'utf8');
  for (let at = 0; at < b.length;) at += fs.writeSync(fd, b, at, b.length - at);
}

function writeFile(chunks: Iterable<string>, out: string, size: number): void {
  const tmp = `${out}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'w');
    let block: string[] = [];
    let chars = 0;
    for (const c of chunks) {
      block.push(c);
      chars += c.length;
      if (chars < size) continue;
      writeAll(fd, block.join(''));
      block = [];
      chars = 0;
    }
    if (chars > 0) writeAll(fd, block.join(''));
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, out);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
    throw asFileError(e, out) ?? e;
  }
}

/** Writes the pieces to `out` (through a temporary file, never half a report), or prints them without `out`. */
export function writeChunks(chunks: Iterable<string>, out: string | undefined, io: (line: string) => void, opts: StreamOptions = {}): void {
  const size = Math.max(1, opts.chunkChars ?? CHUNK_CHARS);
  if (out === undefined) printChunks(chunks, io, size);
  else writeFile(chunks, out, size);
}
