/** The git side of a pull request: which request files changed since a base ref, and the environment as it was there. */
import { execFileSync } from 'child_process';
import * as path from 'path';

export class GitError extends Error {}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new GitError(`git ${args[0]} failed: ${(err.stderr ?? err.message).trim().split('\n')[0]}`);
  }
}

export function repoRoot(cwd: string): string {
  return git(['rev-parse', '--show-toplevel'], cwd).trim();
}

/** Resolves a ref to a commit, with a clear error for a ref that does not exist. */
export function resolveRef(ref: string, cwd: string): string {
  try {
    return git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).trim();
  } catch {
    throw new GitError(`base ref ${JSON.stringify(ref)} is not a commit in this repository (try origin/main or a commit id)`);
  }
}

/**
 * The commit a branch forked from `ref` at (git merge-base): what the pull request changes is what
 * differs from there. Comparing with the tip of `ref` would count everything merged into it meanwhile
 * as removed by the branch. Falls back to `ref` itself when the histories share no commit.
 */
export function forkPoint(ref: string, cwd: string): string {
  const base = resolveRef(ref, cwd);
  try {
    return git(['merge-base', base, 'HEAD'], cwd).trim() || base;
  } catch {
    return base;
  }
}

export interface ChangedFile {
  readonly status: 'added' | 'modified' | 'deleted';
  /** Path relative to the repository root. */
  readonly path: string;
}

/** Files under `dir` that differ between the base commit and the working tree (committed or not). */
export function changedFiles(base: string, dir: string, root: string): ChangedFile[] {
  const rel = path.relative(root, path.resolve(dir)) || '.';
  const out = git(['diff', '--name-status', '--no-renames', base, '--', rel], root);
  const files: ChangedFile[] = [];
  for (const line of out.split('\n')) {
    const [code, file] = line.split('\t');
    if (!file) continue;
    const status = code.startsWith('A') ? 'added' : code.startsWith('D') ? 'deleted' : 'modified';
    files.push({ status, path: file });
  }
  // files not yet known to git count as added
  for (const f of git(['ls-files', '--others', '--exclude-standard', '--', rel], root).split('\n')) if (f) files.push({ status: 'added', path: f });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Files of a revision: contents by absolute path, and the symbolic links (mode 120000), whose targets are never read. */
export class GitFiles extends Map<string, Buffer> {
  readonly symlinks = new Set<string>();
}

/**
 * The files of folder `dir` as they were at `base`, in memory (absolute path → content), read with
 * one `git ls-tree` and one `git cat-file --batch`: no checkout, no temporary files. Symbolic links
 * are listed apart (config/files.ts memorySource refuses them), not read.
 */
export function filesAt(base: string, dir: string, root: string): GitFiles {
  // the environment may be the repository root itself: an empty pathspec is refused, '.' means all of it
  const rel = path.relative(root, path.resolve(dir)) || '.';
  const out = new GitFiles();
  const listing = git(['ls-tree', '-r', '-z', base, '--', rel], root).split('\0').filter(Boolean);
  const blobs = listing
    .map((l) => {
      const tab = l.indexOf('\t');
      const [mode, type, sha] = l.slice(0, tab).split(' ');
      return { mode, type, sha, file: l.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob');
  for (const e of blobs) if (e.mode === '120000') out.symlinks.add(path.join(root, e.file));
  const entries = blobs.filter((e) => e.mode !== '120000');
  if (entries.length === 0) return out;
  const batch = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${entries.map((e) => e.sha).join('\n')}\n`, maxBuffer: 1 << 30 });
  let pos = 0;
  for (const e of entries) {
    const nl = batch.indexOf(10, pos);
    const header = batch.subarray(pos, nl).toString('utf8').split(' ');
    const size = Number(header[2]);
    out.set(path.join(root, e.file), batch.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return out;
}
