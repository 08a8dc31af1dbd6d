/**
 * A stack folder synth can leave as it is. When synth publishes a stack it records the key it was
 * built from (the stack's cache key and its hand-written files) and the size and SHA-256 of every
 * Terraform file it wrote. The next synth leaves the folder untouched — no build, no copy — when the
 * key is the same and the folder holds exactly those files, with the same content: a hand edit is
 * found even when the file's size and time are put back. Files are read without following links and
 * only if regular files; a file whose size differs is not read at all. Anything else (a changed
 * slice, code, override or foreign marker, a file edited, added or removed, the record missing,
 * unreadable or not signed with this user's secret, stacks/cache-secret.ts) and the stack is built or
 * copied from the cache as before. Records live beside the cache (`<cache>/synth-folders/`, by the
 * folder's absolute path), never in the output, which stays the same bytes for the same input; like
 * the cache they are off with `GOVCLOUD_CACHE=off`. Platform stacks, which carry copies of the
 * charts, are always written.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { terraformFiles } from '../terraform/stack-folder';
import { readRegularFile } from '../config/regular-file';
import { stableStringify } from '../terraform/stable-json';
import { sign } from './cache-secret';

/** Where the record of a stack folder is kept, beside the synth cache `cache`. */
export function recordFile(cache: string, folder: string): string {
  const id = createHash('sha256').update(path.resolve(folder)).digest('hex');
  return path.join(path.dirname(cache), 'synth-folders', id.slice(0, 2), `${id}.json`);
}

interface FileStamp {
  readonly size: number;
  readonly sha256: string;
}

interface SynthRecord {
  readonly key: string;
  readonly resources: number;
  readonly bytes: number;
  readonly files: Readonly<Record<string, FileStamp>>;
  readonly signature: string;
}

/** The folder's key: the stack's cache key and each hand-written file, by name and text. */
export function folderKey(stackKey: string, handWritten: readonly { readonly name: string; readonly text: string }[]): string {
  const hash = createHash('sha256').update(`govcloud-folder-1\0${stackKey}\0`);
  for (const f of [...handWritten].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`${f.name}\0${f.text}\0`);
  return hash.digest('hex');
}

/** A synthesized stack is far below this; a larger file is not ours and not read. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** The file's size and hash; undefined when it is not a regular file (a link, a pipe) or too large. */
function stamp(file: string): FileStamp | undefined {
  const bytes = readRegularFile(file, MAX_FILE_BYTES);
  return Buffer.isBuffer(bytes) ? { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } : undefined;
}

/** Whether the file is the one stamped: its size first (no read when it differs), then its content. */
function same(file: string, was: FileStamp): boolean {
  const st = fs.lstatSync(file, { throwIfNoEntry: false });
  if (st === undefined || !st.isFile() || st.size !== was.size) return false;
  return stamp(file)?.sha256 === was.sha256;
}

const signed = (r: Omit<SynthRecord, 'signature'>, folder: string) =>
  sign(['govcloud-folder-record-1', path.resolve(folder), r.key, String(r.resources), String(r.bytes), stableStringify(r.files)]);

/** What the folder holds when synth can leave it: its resources and bytes; undefined when it must be written. */
export function upToDate(cache: string, folder: string, key: string): { readonly resources: number; readonly bytes: number } | undefined {
  try {
    const text = readRegularFile(recordFile(cache, folder), 16 * 1024 * 1024);
    if (!Buffer.isBuffer(text)) return undefined;
    const record = JSON.parse(text.toString('utf8')) as SynthRecord;
    if (record.key !== key || typeof record.files !== 'object' || record.files === null) return undefined;
    if (typeof record.resources !== 'number' || typeof record.bytes !== 'number') return undefined;
    if (signed(record, folder) !== record.signature) return undefined;
    const recorded = Object.keys(record.files).sort();
    const names = terraformFiles(folder);
    if (names.length !== recorded.length || names.some((n, i) => n !== recorded[i])) return undefined;
    for (const n of names) if (!same(path.join(folder, n), record.files[n])) return undefined;
    return { resources: record.resources, bytes: record.bytes };
  } catch {
    return undefined;
  }
}

/** Records what was just published into the folder; a record that cannot be written only costs a rebuild. */
export function writeRecord(cache: string, folder: string, key: string, resources: number, bytes: number): void {
  try {
    const files: Record<string, FileStamp> = {};
    for (const n of terraformFiles(folder)) {
      const s = stamp(path.join(folder, n));
      if (s === undefined) return dropRecord(cache, folder);
      files[n] = s;
    }
    const record = { key, resources, bytes, files };
    const signature = signed(record, folder);
    if (signature === undefined) return dropRecord(cache, folder);
    const file = recordFile(cache, folder);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify({ ...record, signature }));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only folder: the next synth writes the stack again
  }
}

/** Removes the folder's record (a synth that writes the folder without one). */
export function dropRecord(cache: string, folder: string): void {
  fs.rmSync(recordFile(cache, folder), { force: true });
}
