/**
 * A stack folder synth can leave as it is. When synth publishes a stack it records the key it was
 * built from (the stack's cache key and its hand-written files) and the size and time of every
 * Terraform file it wrote. The next synth leaves the folder untouched — no build, no copy — when the
 * key is the same and the folder holds exactly those files, unchanged in size and time; anything else
 * (a changed slice, code, override or foreign marker, a file edited, added or removed, the record
 * missing or unreadable) and the stack is built or copied from the cache as before. Records live
 * beside the cache (`<cache>/synth-folders/`, by the folder's absolute path), never in the output,
 * which stays the same bytes for the same input; like the cache they are off with
 * `GOVCLOUD_CACHE=off`. Platform stacks, which carry copies of the charts, are always written.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { terraformFiles } from '../terraform/stack-folder';

/** Where the record of a stack folder is kept, beside the synth cache `cache`. */
export function recordFile(cache: string, folder: string): string {
  const id = createHash('sha256').update(path.resolve(folder)).digest('hex');
  return path.join(path.dirname(cache), 'synth-folders', id.slice(0, 2), `${id}.json`);
}

interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

interface SynthRecord {
  readonly key: string;
  /** The folder's own time: unchanged, no entry was added or removed since, so it need not be listed. */
  readonly folderMtimeMs?: number;
  readonly resources: number;
  readonly bytes: number;
  readonly files: Readonly<Record<string, FileStamp>>;
}

/** The folder's key: the stack's cache key and each hand-written file, by name and text. */
export function folderKey(stackKey: string, handWritten: readonly { readonly name: string; readonly text: string }[]): string {
  const hash = createHash('sha256').update(`govcloud-folder-1\0${stackKey}\0`);
  for (const f of [...handWritten].sort((a, b) => (a.name < b.name ? -1 : 1))) hash.update(`${f.name}\0${f.text}\0`);
  return hash.digest('hex');
}

function stamp(file: string): FileStamp {
  const st = fs.statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
}

/** What the folder holds when synth can leave it: its resources and bytes; undefined when it must be written. */
export function upToDate(cache: string, folder: string, key: string): { readonly resources: number; readonly bytes: number } | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(recordFile(cache, folder), 'utf8')) as SynthRecord;
    if (record.key !== key || typeof record.files !== 'object' || record.files === null) return undefined;
    const recorded = Object.keys(record.files).sort();
    if (fs.statSync(folder).mtimeMs !== record.folderMtimeMs) {
      const names = terraformFiles(folder);
      if (names.length !== recorded.length || names.some((n, i) => n !== recorded[i])) return undefined;
    }
    const names = recorded;
    for (const n of names) {
      const now = stamp(path.join(folder, n));
      if (now.size !== record.files[n].size || now.mtimeMs !== record.files[n].mtimeMs) return undefined;
    }
    return typeof record.resources === 'number' && typeof record.bytes === 'number' ? { resources: record.resources, bytes: record.bytes } : undefined;
  } catch {
    return undefined;
  }
}

/** Records what was just published into the folder; a record that cannot be written only costs a rebuild. */
export function writeRecord(cache: string, folder: string, key: string, resources: number, bytes: number): void {
  try {
    const files: Record<string, FileStamp> = {};
    for (const n of terraformFiles(folder)) files[n] = stamp(path.join(folder, n));
    const file = recordFile(cache, folder);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify({ key, resources, bytes, files, folderMtimeMs: fs.statSync(folder).mtimeMs }));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only folder: the next synth writes the stack again
  }
}

/** Removes the folder's record (a synth that writes the folder without one). */
export function dropRecord(cache: string, folder: string): void {
  fs.rmSync(recordFile(cache, folder), { force: true });
}
