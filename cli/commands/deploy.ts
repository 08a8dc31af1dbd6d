/**
 * `govcloud plan` / `govcloud apply`: choose the stacks (named, affected by a change, or every saved
 * plan), synthesize them for plan, and run the engine over them in order.
 */
import { flag, Parsed, UsageError } from '../args';
import { t } from '../text';
import { Io } from '../print';
import { Lang } from '../../config/messages';
import { GitError } from '../../workflow/git';
import { Affected, affectedBy as affectedStacks } from '../../workflow/affected';
import { checkRun, chooseEngine, clearSavedPlans, plannedStacks, renderRuns, runStacks, stackOrder } from '../../deploy/engine';
import { synthesizeRetired } from '../../stacks/synth';
import { planStacks as plannedSlices, retiredSlice } from '../../stacks/slices';
import { suggest } from '../../config/suggest';
import { synth, unknownStackLine } from './synth';
import { envOf, validate } from './validate';

/** The stacks a change affects; a git error (unknown REF, not a repository) is the caller's to fix. */
export function affectedOrUsage(ref: string, env: string): Affected {
  try {
    return affectedStacks(ref, env);
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

export async function planOrApply(kind: 'plan' | 'apply', p: Parsed, lang: Lang, io: Io): Promise<number> {
  const engine = chooseEngine(flag(p, 'engine'));
  const outDir = flag(p, 'out') ?? 'cdktf.out';
  const env = envOf(p);
  const network = flag(p, 'network');
  if (network !== undefined && network !== 'extranet' && network !== 'intranet')
    throw new UsageError(`--network must be extranet or intranet, got ${JSON.stringify(network)}`);
  if (p.flags.has('planned') && (p.flags.has('stack') || p.flags.has('affected-by')))
    throw new UsageError('--planned applies every saved plan; do not combine it with --stack or --affected-by');
  let only = p.flags.get('stack');
  const affectedBy = flag(p, 'affected-by');
  if (affectedBy !== undefined) {
    const affected = affectedOrUsage(affectedBy, env);
    if (affected.refused.length > 0) {
      for (const r of affected.refused) io.err(t('planRefused', lang, { reason: r }));
      return 1;
    }
    only = [...affected.stacks];
    if (only.length === 0) {
      io.out(lang === 'zh' ? '没有受影响的栈' : 'no affected stacks');
      return 0;
    }
  }
  if (kind === 'plan') {
    // plan what the files say now: synthesize the selected stacks first (stacks the change retires, empty)
    const model = validate(p, lang, io, false);
    if (!model) return 1;
    const slices = plannedSlices(model);
    const planned = new Set(slices.map((s) => s.name));
    if (network !== undefined) {
      // one network's run synthesizes nothing of the other (the intranet's stacks stay on its side)
      const netOf = (n: string) => slices.find((s) => s.name === n)?.network ?? retiredSlice(model, n)?.network;
      only = (only ?? slices.map((s) => s.name)).filter((n) => netOf(n) === undefined || netOf(n) === network);
      if (only.length === 0) {
        io.out(lang === 'zh' ? `${network} 中没有受影响的栈` : `no affected stacks in the ${network}`);
        return 0;
      }
    }
    const retiredNames = only ? only.filter((n) => !planned.has(n)) : [];
    const unknown = retiredNames.find((n) => retiredSlice(model, n) === undefined);
    if (unknown !== undefined) {
      io.err(unknownStackLine(unknown, suggest(unknown, [...planned]), lang));
      return 1;
    }
    const synthArgs = { ...p, flags: new Map([...p.flags].filter(([k]) => k !== 'stack')) };
    const live = only?.filter((n) => planned.has(n));
    if (live && live.length > 0) synthArgs.flags.set('stack', [...live]);
    synthArgs.flags.set('quiet', ['true']);
    if (!only || live === undefined || live.length > 0) {
      const code = await synth(synthArgs, lang, io);
      if (code !== 0) return code;
    }
    for (const r of synthesizeRetired(model, retiredNames, { outDir }).retired) io.err(t('retiredStack', lang, { stack: r.name, network: r.network }));
  }
  const chosen = p.flags.has('planned') ? plannedStacks(outDir) : stackOrder(outDir, only);
  const stacks = chosen.filter((s) => network === undefined || s.network === network);
  if (p.flags.has('planned') && stacks.length === 0) {
    io.err(t('noSavedPlan', lang, { out: outDir }));
    return 1;
  }
  checkRun(stacks);
  // `apply --planned` applies what this plan saves, not what an earlier one left behind
  if (kind === 'plan') clearSavedPlans(outDir, network);
  const runs = runStacks(kind, engine, stacks, (line) => io.err(line), { destroy: p.flags.has('destroy') });
  io.out(renderRuns(runs));
  return runs.some((r) => r.status === 'failed' || (kind === 'apply' && r.status === 'skipped')) ? 1 : 0;
}
