/**
 * Where the loader reads files from: the disk, or memory (the environment as it was at a git
 * revision, read in one `git cat-file --batch`, for pull-request summaries).
 *
 * Only regular files are read. A symbolic link (to a file or a folder) is listed, so that the
 * loader reports it at `path:1:1`, but never followed: a request file linked to any file on the
 * machine would otherwise be read and its values echoed in errors and in the pull-request summary.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface FileSource {
  isDirectory(p: string): boolean;
  /** Whether something is at the path (a symbolic link counts, even one pointing nowhere). */
  exists(p: string): boolean;
  /** YAML files below a folder, recursively, sorted, dot-files skipped; symbolic links too (refused when read), not followed. */
  listYaml(dir: string): string[];
  /** JSON files (`.json` in any case) below a folder, listed as listYaml lists YAML files (drill records). */
  listJson(dir: string): string[];
  /** Size in bytes, or an error code (`ESYMLINK`, `ENOTREG` for what is not a regular file). */
  size(p: string): number | { readonly error: string };
  read(p: string): Buffer | { readonly error: string };
}

/** Error code of a path that is a symbolic link (config/messages.ts words it for `file.unreadable`). */
export const SYMLINK = 'ESYMLINK';
/** Error code of a path that is neither a regular file nor a link (a device, pipe or socket). */
export const NOT_REGULAR = 'ENOTREG';

/** `.yaml` and `.yml` in any case: a `.YAML` file is listed so that the loader refuses it, rather than passing over it. */
const isYaml = (name: string) => /\.ya?ml$/i.test(name);
const isJson = (name: string) => /\.json$/i.test(name);
const errorOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  // O_NOFOLLOW on a link: ELOOP (Linux), EMLINK (FreeBSD), EFTYPE (macOS)
  return { error: code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE' ? SYMLINK : code };
};

const lstat = (p: string): fs.Stats | undefined => {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
};

/** Files below a folder whose names `wanted` accepts, recursively, sorted, dot-files skipped; links listed, not followed. */
function listDisk(dir: string, wanted: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isSymbolicLink()) out.push(full);
      // a folder named like a wanted file is listed (and refused as not a file), not walked past
      else if (e.isDirectory() && wanted(e.name)) out.push(full);
      else if (e.isDirectory()) walk(full);
      else if (wanted(e.name)) out.push(full);
    }
  };
  // a linked folder is listed itself, not walked
  if (lstat(dir)?.isSymbolicLink()) return [dir];
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

export const diskSource: FileSource = {
  isDirectory: (p) => fs.existsSync(p) && fs.statSync(p).isDirectory(),
  exists: (p) => lstat(p) !== undefined,
  listYaml: (dir) => listDisk(dir, isYaml),
  listJson: (dir) => listDisk(dir, isJson),
  size: (p) => {
    const st = lstat(p);
    if (st === undefined) return { error: 'ENOENT' };
    if (st.isSymbolicLink()) return { error: SYMLINK };
    if (!st.isFile()) return { error: NOT_REGULAR };
    return st.size;
  },
  read: (p) => {
    let fd: number | undefined;
    try {
      // no link is followed, and a pipe put there since size() cannot block the read
      fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      if (!fs.fstatSync(fd).isFile()) return { error: NOT_REGULAR };
      return fs.readFileSync(fd);
    } catch (e) {
      return errorOf(e);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};

/** Files of a git revision: contents by absolute path, and the paths that are symbolic links there (mode 120000). */
export type MemoryFiles = ReadonlyMap<string, Buffer> & { readonly symlinks?: ReadonlySet<string> };

/** Files held in memory, keyed by absolute path; `files.symlinks` are listed and refused, never read. */
export function memorySource(files: MemoryFiles): FileSource {
  const links = new Set([...(files.symlinks ?? [])].map((p) => path.resolve(p)));
  const keys = [...new Set([...files.keys(), ...links])].sort();
  const under = (dir: string) => {
    const prefix = path.resolve(dir) + path.sep;
    return keys.filter((k) => k.startsWith(prefix));
  };
  const visible = (dir: string, k: string) =>
    !path
      .relative(dir, k)
      .split(path.sep)
      .some((s) => s.startsWith('.'));
  return {
    isDirectory: (p) => under(p).length > 0,
    exists: (p) => files.has(path.resolve(p)) || links.has(path.resolve(p)) || under(p).length > 0,
    listYaml: (dir) => (links.has(path.resolve(dir)) ? [path.resolve(dir)] : under(dir).filter((k) => (isYaml(k) || links.has(k)) && visible(dir, k))),
    listJson: (dir) => (links.has(path.resolve(dir)) ? [path.resolve(dir)] : under(dir).filter((k) => (isJson(k) || links.has(k)) && visible(dir, k))),
    size: (p) => (links.has(path.resolve(p)) ? { error: SYMLINK } : (files.get(path.resolve(p))?.length ?? { error: 'ENOENT' })),
    read: (p) => (links.has(path.resolve(p)) ? { error: SYMLINK } : (files.get(path.resolve(p)) ?? { error: 'ENOENT' })),
  };
}
