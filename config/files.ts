/**
 * Where the loader reads files from: the disk, or memory (the environment as it was at a git
 * revision, read in one `git cat-file --batch`, for pull-request summaries).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface FileSource {
  isDirectory(p: string): boolean;
  exists(p: string): boolean;
  /** YAML files below a folder, recursively, sorted, dot-files skipped. */
  listYaml(dir: string): string[];
  /** Size in bytes, or an error code. */
  size(p: string): number | { readonly error: string };
  read(p: string): Buffer | { readonly error: string };
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');
const errorOf = (e: unknown) => ({ error: (e as NodeJS.ErrnoException).code ?? 'EIO' });

export const diskSource: FileSource = {
  isDirectory: (p) => fs.existsSync(p) && fs.statSync(p).isDirectory(),
  exists: (p) => fs.existsSync(p),
  listYaml: (dir) => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (e.name.startsWith('.')) continue;
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (isYaml(e.name)) out.push(full);
      }
    };
    if (fs.existsSync(dir)) walk(dir);
    return out;
  },
  size: (p) => {
    try {
      return fs.statSync(p).size;
    } catch (e) {
      return errorOf(e);
    }
  },
  read: (p) => {
    try {
      return fs.readFileSync(p);
    } catch (e) {
      return errorOf(e);
    }
  },
};

/** Files held in memory, keyed by absolute path. */
export function memorySource(files: ReadonlyMap<string, Buffer>): FileSource {
  const keys = [...files.keys()].sort();
  const under = (dir: string) => {
    const prefix = path.resolve(dir) + path.sep;
    return keys.filter((k) => k.startsWith(prefix));
  };
  return {
    isDirectory: (p) => under(p).length > 0,
    exists: (p) => files.has(path.resolve(p)) || under(p).length > 0,
    listYaml: (dir) => under(dir).filter((k) => isYaml(k) && !path.relative(dir, k).split(path.sep).some((s) => s.startsWith('.'))),
    size: (p) => files.get(path.resolve(p))?.length ?? { error: 'ENOENT' },
    read: (p) => files.get(path.resolve(p)) ?? { error: 'ENOENT' },
  };
}
