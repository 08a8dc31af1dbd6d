/**
 * Synth spread over processes: stacks are independent, so this process and `workers - 1` worker
 * processes (synth-worker.ts) each build a share of them into the same staging folder, which is then
 * published as one (stacks/synth.ts does the rest: selection, reuse, isolation, publishing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { App } from 'cdktf';
import { CityModel, Network } from '../config/model';
import { planStacks, StackSlice } from './slices';
import { IsolationViolation, isolationMarkers } from './isolation';
import { shortcutsEnv } from './cdktf-edge';
import { defaultRepoRoot } from './repo-root';
import { publish, removeStale, stagingOf } from './publish';
import { collectGarbage } from './collect-garbage';
import {
  buildStack,
  checkHandAdded,
  isCached,
  newApps,
  otherNetwork,
  pruneAfterSynth,
  reuse,
  selectStacks,
  SynthError,
  synthesize,
  SynthesizedStack,
  SynthOptions,
} from './synth';

/** Weight of a stack for balancing workers: what it holds. */
function weight(s: StackSlice): number {
  return s.kind === 'platform' ? 5 : s.tenants.length * 2 + s.replicas.length + 1;
}

/**
 * Synthesizes with several processes (stacks are independent, so each builds a share of them into
 * the same staging folder): this one and `workers - 1` worker processes. Falls back to `synthesize` for one worker, one stack, or
 * when running from TypeScript sources (tests).
 */
export async function synthesizeParallel(model: CityModel, opts: SynthOptions & { workers: number }): Promise<SynthesizedStack[]> {
  const selected = selectStacks(model, opts.only);
  checkHandAdded(
    selected,
    opts.handAdded,
    planStacks(model).map((s) => s.name),
  );
  const worker = path.join(__dirname, 'synth-worker.js');
  const repoRoot = opts.repoRoot ?? defaultRepoRoot();
  // stacks in the cache are copied here; only the others go to workers
  const markers = opts.customize ? undefined : isolationMarkers(model, planStacks(model));
  const out = path.resolve(opts.outDir);
  const same = reuse(selected, markers, repoRoot, out, opts.handAdded);
  const toBuild = markers ? selected.filter((s) => !same.unchanged.has(s.name) && !isCached(s, markers[otherNetwork(s.network)], repoRoot)) : selected;
  const workers = Math.min(opts.workers, toBuild.length);
  const work = toBuild.reduce((n, s) => n + weight(s), 0);
  if (workers <= 1 || opts.customize || !fs.existsSync(worker) || work < (opts.minWork ?? 0)) return synthesize(model, opts, opts.customize ? undefined : same);
  removeStale(out);
  const staging = stagingOf(out);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // longest first onto the lightest worker keeps the shares even
  const shares: StackSlice[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const s of [...toBuild].sort((a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : 1))) {
    const i = load.indexOf(Math.min(...load));
    shares[i].push(s);
    load[i] += weight(s);
  }
  const modelFile = path.join(staging, 'model.json');
  // workers build stacks, which never read waivers (and a waiver's line would be looked up to write it)
  fs.writeFileSync(
    modelFile,
    JSON.stringify(model, (k, v: unknown) => (k === 'waivers' ? [] : v)),
  );
  const results: SynthesizedStack[] = [];
  const violations: IsolationViolation[] = [];
  let done = 0;
  const foreign = markers ?? isolationMarkers(model, planStacks(model));
  let apps: Record<Network, App> | undefined;
  const ownApps = () => (apps ??= newApps(staging));
  try {
    if (markers && toBuild.length < selected.length) {
      const building = new Set(toBuild.map((s) => s.name));
      const apps = ownApps();
      for (const slice of selected.filter((s) => !building.has(s.name))) {
        const unchanged = same.unchanged.get(slice.name);
        if (unchanged) {
          results.push(unchanged);
          opts.onProgress?.(++done, selected.length, slice.name);
          continue;
        }
        const built = buildStack(slice, apps[slice.network], staging, out, markers[otherNetwork(slice.network)], repoRoot, undefined, opts.handAdded);
        results.push(built.result);
        violations.push(...built.violations);
        opts.onProgress?.(++done, selected.length, slice.name);
      }
    }
    // this process builds the first share while a worker builds each other one: one process fewer to
    // start and to hold in memory than a worker per share
    const [own, ...others] = shares;
    const building = others.map(
      (share) =>
        new Promise<void>((resolveRun, reject) => {
          const child = spawn(process.execPath, [worker, modelFile, staging, out, repoRoot, opts.handAdded ?? '', ...share.map((s) => s.name)], {
            stdio: ['ignore', 'pipe', 'inherit'],
            env: { ...process.env, ...shortcutsEnv() },
          });
          let buffer = '';
          child.stdout.on('data', (chunk: Buffer) => {
            buffer += chunk.toString('utf8');
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
              const line = buffer.slice(0, nl);
              buffer = buffer.slice(nl + 1);
              const msg = JSON.parse(line) as { result?: SynthesizedStack; violations?: IsolationViolation[]; maxRssKb?: number };
              if (msg.maxRssKb !== undefined) {
                opts.onWorkerDone?.(msg.maxRssKb);
                continue;
              }
              if (!msg.result) continue;
              results.push(msg.result);
              violations.push(...(msg.violations ?? []));
              done++;
              opts.onProgress?.(done, selected.length, msg.result.name);
            }
          });
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`synth worker exited with code ${code}`))));
        }),
    );
    const buildOwn = async () => {
      collectGarbage();
      for (const slice of own) {
        const built = buildStack(slice, ownApps()[slice.network], staging, out, foreign[otherNetwork(slice.network)], repoRoot, undefined, opts.handAdded);
        results.push(built.result);
        violations.push(...built.violations);
        opts.onProgress?.(++done, selected.length, slice.name);
        // let the workers' lines in between stacks: a worker waits once its pipe is full
        await new Promise<void>((next) => setImmediate(next));
      }
    };
    await Promise.all([...building, buildOwn()]);
    if (violations.length > 0) throw new SynthError('isolation', { violations });
    fs.rmSync(modelFile);
    const order = new Map(selected.map((s, i) => [s.name, i]));
    results.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    publish(model, staging, out, results, opts.only === undefined || opts.only.length === 0, same);
    pruneAfterSynth(opts.customize);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return results;
}
