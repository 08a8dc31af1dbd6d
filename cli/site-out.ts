/**
 * Writes the multi-page HTML report (policies/report/html/site.ts) into a folder: `check --format
 * html --out DIR` (a path ending in `.html` gets the single page instead). The folder must be new,
 * empty, or a report folder written before (only index.html, departments/ and tenants/ in it), which
 * is replaced whole: pages are written into a temporary folder beside it, then renamed into place,
 * so the folder is never half one report and half another, and nothing else is ever deleted.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../config/messages';
import type { SitePage } from '../policies/report/html/site';
import { UsageError } from './args';
import { asFileError, checkFolderOut, Inputs } from './out-path';
import { writeChunks } from './stream-out';
import { t } from './text';

/** What a report folder holds at its top. */
const REPORT_ENTRIES = new Set(['index.html', 'departments', 'tenants']);

/** Whether `--out` names the single page (`report.html`) rather than the folder. */
export const isSinglePage = (out: string): boolean => out.toLowerCase().endsWith('.html');

/** Refuses, before any work, a folder that holds something other than a report (usage error). */
export function checkSiteOut(out: string, lang: Lang, inputs: Inputs): void {
  checkFolderOut(out, lang, inputs);
  if (!fs.existsSync(out)) return;
  const entries = fs.readdirSync(out);
  if (entries.length > 0 && (!entries.includes('index.html') || entries.some((e) => !REPORT_ENTRIES.has(e))))
    throw new UsageError(t('reportOutNotEmpty', lang, { path: out }));
}

/** Writes every page under `out` (see the head of this file). */
export function writeSite(pages: readonly SitePage[], out: string): void {
  const full = path.resolve(out);
  const tmp = `${full}.tmp-${process.pid}`;
  try {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const p of pages) {
      const file = path.join(tmp, ...p.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeChunks(p.chunks(), file, () => undefined);
    }
    fs.mkdirSync(tmp, { recursive: true });
    if (fs.existsSync(full)) fs.rmSync(full, { recursive: true });
    fs.renameSync(tmp, full);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw asFileError(e, out) ?? e;
  }
}
