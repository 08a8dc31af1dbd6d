/** `govcloud synth`: validate, then write the stacks (in worker processes for large cities). */
import { didYouMean } from '../../config/vocabulary';
import * as os from 'os';
import * as path from 'path';
import { flag, Parsed, UsageError } from '../args';
import { t } from '../text';
import { Io, printIssues, printViolations } from '../print';
import { Lang, renderMessage } from '../../config/messages';
import { takeRefusedEntries } from '../../stacks/synth-cache';
import { formatBytes } from '../../config/quantity';
import { checkFolderOut } from '../out-path';
import { leftoverStacks, synthesizeRetired, SynthError } from '../../stacks/synth';
import { synthesizeParallel } from '../../stacks/synth-parallel';
import { envOf, validate } from './validate';

/** Worker processes for synth: --workers N, else one per core (at most 4) for cities of 500+ tenants. */
export function workerCount(flagValue: string | undefined, tenants: number): number {
  if (flagValue !== undefined) {
    const n = Number(flagValue);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, got ${JSON.stringify(flagValue)}`);
    return n;
  }
  return tenants >= 500 ? Math.min(4, os.availableParallelism()) : 1;
}

/** Work (stacks' weights, about 2.5 per tenant) below which synth with the default workers builds in one process. */
export const MIN_WORK_FOR_WORKERS = 1000;

/** The line naming a stack that does not exist, with the closest name when there is one. */
export function unknownStackLine(value: string, suggestion: string | undefined, lang: Lang): string {
  return t('unknownStack', lang, { value: JSON.stringify(value), suggestion: didYouMean(suggestion, lang) });
}

export async function synth(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const outDir = flag(p, 'out') ?? 'cdktf.out';
  checkFolderOut(outDir, lang, { env: envOf(p) });
  const model = validate(p, lang, io, true);
  if (!model) return 1;
  const quiet = p.flags.has('quiet');
  const workers = workerCount(flag(p, 'workers'), model.tenants.length);
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  try {
    const results = await synthesizeParallel(model, {
      outDir,
      workers,
      // with the default workers, a change of a few stacks is built here: a worker would take longer to start
      minWork: flag(p, 'workers') === undefined ? MIN_WORK_FOR_WORKERS : undefined,
      handAdded: path.join(envOf(p), 'overrides'),
      only: p.flags.get('stack'),
      onProgress: quiet
        ? undefined
        : (done, total, stack) => {
            if (tty) process.stderr.write(`\r\x1b[K${t('progress', lang, { done, total, stack })}${done === total ? '\n' : ''}`);
            else if (total >= 20 && done % Math.ceil(total / 10) !== 0 && done !== total) return;
            else io.err(t('progress', lang, { done, total, stack }));
          },
    });
    const only = p.flags.get('stack');
    const retiredNames = only === undefined ? leftoverStacks(model, outDir) : [];
    const retired = synthesizeRetired(model, retiredNames, { outDir }).retired;
    for (const r of retired) io.err(t('retiredStack', lang, { stack: r.name, network: r.network }));
    const resources = results.reduce((n, r) => n + r.resources, 0);
    const size = formatBytes(results.reduce((n, r) => n + r.bytes, 0));
    const cached = results.filter((r) => r.cached).length;
    // a cache entry that does not verify was built again: said once, not once per entry
    const refused = takeRefusedEntries();
    if (refused.length > 0) io.err(renderMessage('cache.entryRefused', { value: `quoted:${refused[0]}`, count: refused.length }, lang));
    io.out(t('synthDone', lang, { count: results.length, resources, size, cached, out: outDir, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    return 0;
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    if (e.code === 'unknownStack') {
      io.err(unknownStackLine(e.details.unknown ?? '', e.details.suggestion, lang));
      return 1;
    }
    if (e.code === 'handAdded') {
      printIssues(e.details.issues ?? [], lang, io);
      return 1;
    }
    printViolations(e.details.violations ?? [], lang, io);
    io.err(t('isolationSummary', lang, { count: (e.details.violations ?? []).length }));
    return 1;
  }
}
