/** The git side of a pull request: which request files changed since a base ref, and the environment as it was there. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
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

/** Writes the folder `dir` as it was at `base` into `dest` (empty when it did not exist). */
export function extractAt(base: string, dir: string, root: string, dest: string): string {
  const rel = path.relative(root, path.resolve(dir));
  fs.mkdirSync(dest, { recursive: true });
  const listed = git(['ls-tree', '--name-only', base, '--', rel], root).trim();
  if (listed !== '') {
    const tar = execFileSync('git', ['archive', '--format=tar', base, '--', rel], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dest], { input: tar, maxBuffer: 1 << 20 });
  }
  return path.join(dest, rel);
}
