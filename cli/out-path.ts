/**
 * Where the CLI writes: `--out` checked before any work (a missing folder, a file in the way are
 * usage errors, exit 2), and file-system failures while writing turned into one line naming the
 * path and what is wrong (FileError, exit 1) instead of a stack trace.
 */
import type { Bilingual } from '../config/vocabulary';
import * as fs from 'fs';
import * as path from 'path';
import { Lang } from '../config/messages';
import { UsageError } from './args';
import { t } from './text';

/** A file-system failure on a path; rendered by the command line in the user's language. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`${file}: ${code}`);
  }
}

const REASONS: Readonly<Record<string, Bilingual>> = {
  ENOENT: { en: 'no such file or folder', zh: '文件或目录不存在' },
  ENOTDIR: { en: 'a part of the path is a file, not a folder', zh: '路径中的某一部分是文件而不是目录' },
  EISDIR: { en: 'it is a folder, not a file', zh: '这是目录而不是文件' },
  EEXIST: { en: 'something is already in the way', zh: '该位置已被占用' },
  ENOTEMPTY: { en: 'a folder is in the way', zh: '该位置已有目录' },
  EACCES: { en: 'permission denied', zh: '没有权限' },
  EPERM: { en: 'operation not permitted', zh: '不允许此操作' },
  EROFS: { en: 'read-only file system', zh: '文件系统为只读' },
  ENOSPC: { en: 'no space left on the device', zh: '设备空间不足' },
  EDQUOT: { en: 'disk quota exceeded', zh: '超出磁盘配额' },
};

/** The one line a FileError prints. */
export function renderFileError(e: FileError, lang: Lang): string {
  const reason = REASONS[e.code]?.[lang] ?? e.code;
  return t('fileError', lang, { path: e.file, reason: `${reason} (${e.code})` });
}

/** The line to print for a file-system failure (a FileError or a Node.js one), or undefined for anything else. */
export function fileErrorLine(e: unknown, lang: Lang): string | undefined {
  const fe = e instanceof FileError ? e : asFileError(e);
  return fe ? renderFileError(fe, lang) : undefined;
}

/** A Node.js file-system error as a FileError naming `file` (default: the path the error names), or undefined. */
export function asFileError(e: unknown, file?: string): FileError | undefined {
  // duck-typed: an error of Node's core may come from another realm (test sandboxes)
  if (typeof e !== 'object' || e === null) return undefined;
  const err = e as Partial<NodeJS.ErrnoException> & { dest?: string };
  if (typeof err.code !== 'string' || typeof err.syscall !== 'string') return undefined;
  file ??= err.dest ?? err.path;
  return file === undefined ? undefined : new FileError(file, err.code);
}

/** The nearest part of `p` (itself or a parent) that exists. */
function existingAncestor(p: string): string {
  let cur = path.resolve(p);
  while (!fs.existsSync(cur) && path.dirname(cur) !== cur) cur = path.dirname(cur);
  return cur;
}

const shown = (abs: string, given: string): string => {
  const rel = path.relative(process.cwd(), abs);
  return path.isAbsolute(given) || rel === '' || rel.startsWith('..') ? abs : rel.split(path.sep).join('/');
};

/** A path with its existing part resolved through links, so that two spellings of one place compare equal. */
function realPath(p: string): string {
  const full = path.resolve(p);
  const found = existingAncestor(full);
  let real = found;
  try {
    real = fs.realpathSync(found);
  } catch {
    // unreadable on the way: compare as written
  }
  return path.join(real, path.relative(found, full));
}

const INPUT_WORDS: Readonly<Record<string, Bilingual>> = {
  env: { en: 'the environment folder (request files, platform.yaml, overrides)', zh: '环境目录（申请文件、platform.yaml、覆盖文件）' },
  from: { en: 'the synthesized stacks given with --from', zh: '--from 指定的已生成栈' },
};

const OUT_IS_INPUT: Bilingual = {
  en: '--out {path} is inside {input} {folder}, which this command reads; nothing was written: choose a path outside it, e.g. --out {example}',
  zh: '--out {path} 位于本命令读取的{input} {folder} 之中；未写入任何文件：请选择其外的路径，例如 --out {example}',
};

/** Folders a command reads: its environment (`env`) and, for `check` and `evidence`, the stacks of `--from`. */
export interface Inputs {
  readonly env?: string;
  readonly from?: string;
}

/**
 * Refuses an output at or inside a folder the command reads, before anything is written: a report
 * written over a request file, or stacks synthesized into the environment folder, would destroy or
 * mix up the inputs (and be read back as input on the next run).
 */
export function checkNotInput(out: string, inputs: Inputs, lang: Lang, example: string): void {
  const target = realPath(out);
  for (const [key, dir] of Object.entries(inputs) as [keyof Inputs, string | undefined][]) {
    if (dir === undefined) continue;
    const folder = realPath(dir);
    const rel = path.relative(folder, target);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new UsageError(
        OUT_IS_INPUT[lang].replace('{path}', out).replace('{input}', INPUT_WORDS[key][lang]).replace('{folder}', dir).replace('{example}', example),
      );
    }
  }
}

/**
 * A report file (`check`, `pr --out FILE`): it must not be a folder, nor inside a folder the
 * command reads (`inputs`), and its folder must exist (`createFolder`: may be created, as
 * `codeowners` does, so only a file on the way is refused).
 */
export function checkFileOut(out: string | undefined, lang: Lang, opts: { readonly createFolder?: boolean; readonly inputs?: Inputs } = {}): void {
  if (out === undefined) return;
  if (opts.inputs) checkNotInput(out, opts.inputs, lang, `report${path.extname(out)}`);
  const full = path.resolve(out);
  if (fs.existsSync(full) && fs.statSync(full).isDirectory()) throw new UsageError(t('outIsFolder', lang, { path: out }));
  const parent = path.dirname(full);
  const found = existingAncestor(parent);
  if (!fs.statSync(found).isDirectory()) throw new UsageError(t('outParentIsFile', lang, { path: out, file: shown(found, out) }));
  if (found !== parent && opts.createFolder !== true) throw new UsageError(t('outNoFolder', lang, { path: out, folder: shown(parent, out) }));
}

/** An output folder (`synth`, `plan --out DIR`): created as needed, so nothing on the way may be a file, and outside the folders the command reads. */
export function checkFolderOut(out: string, lang: Lang, inputs?: Inputs): void {
  if (inputs) checkNotInput(out, inputs, lang, 'cdktf.out');
  const full = path.resolve(out);
  const found = existingAncestor(full);
  if (fs.statSync(found).isDirectory()) return;
  if (found === full) throw new UsageError(t('outIsFile', lang, { path: out }));
  throw new UsageError(t('outParentIsFile', lang, { path: out, file: shown(found, out) }));
}

/** Writes a report to `out` through a temporary file (never half a report), or prints it without `out`. */
export function writeReport(text: string, out: string | undefined, io: (line: string) => void): void {
  if (out === undefined) io(text.replace(/\n$/, ''));
  else {
    const tmp = `${out}.tmp-${process.pid}`;
    try {
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, out);
    } catch (e) {
      if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
      throw asFileError(e, out) ?? e;
    }
  }
}
