/**
 * Synthesizes the selected stacks into `<out>/extranet/stacks/<name>/cdk.tf.json` and
 * `<out>/intranet/stacks/<name>/cdk.tf.json` (the intranet apart, with its own state), with a
 * cdktf-compatible manifest per network and one at the top for `cdktf synth`. Each stack is built,
 * turned into JSON, checked for isolation, and written to a staging folder; only when every stack
 * passes does the staging folder replace the output, so a failure never leaves a partial write.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { CityModel, Network } from '../config/model';
import { suggest } from '../config/suggest';
import { planStacks, RetiredSlice, retiredSlice, StackSlice } from './slices';
import { newStack } from './new-stack';
import { ClusterStack } from './cluster-stack';
import { findViolations, IsolationMarker, IsolationViolation, isolationMarkers } from './isolation';
import { stableStringify } from '../terraform/stable-json';
import { prepareSynth, releaseTokens, tokenMark } from './cdktf-edge';
import { readHandAdded, strayOverrides } from '../terraform/hand-added';
import { Issue } from '../config/issues';
import { CachedStack, cacheDir, codeVersion, markersHash, pruneCache, readCached, stackKey, writeCached } from './synth-cache';
import { defaultRepoRoot } from './repo-root';
import { folderKey, upToDate } from './up-to-date';
import { initialized, publish, removeStale, stagingOf } from './publish';

export type { Network };
export const NETWORKS: readonly Network[] = ['extranet', 'intranet'];

export class SynthError extends Error {
  constructor(
    readonly code: 'unknownStack' | 'isolation' | 'handAdded',
    readonly details: {
      readonly unknown?: string;
      readonly suggestion?: string;
      readonly known?: string[];
      readonly violations?: IsolationViolation[];
      /** Hand-written Terraform files that cannot be read (`handAdded`). */
      readonly issues?: readonly Issue[];
    },
  ) {
    super(code);
  }
}

export interface SynthOptions {
  readonly outDir: string;
  /** Stack names to synthesize; default all. */
  readonly only?: readonly string[];
  /** Repository root, where charts/ lives. Default: two levels above this file's folder. */
  readonly repoRoot?: string;
  readonly onProgress?: (done: number, total: number, stack: string) => void;
  /**
   * Folder of hand-written Terraform files, `<stack>/*.tf.json`, copied next to each stack's
   * cdk.tf.json (Terraform loads them together) and checked for isolation like the rest.
   * Default: none. The CLI passes `<env>/overrides`.
   */
  readonly handAdded?: string;
  /**
   * Parallel synth only: below this much work to build (the summed weights of the stacks not in the
   * cache, about 2.5 per tenant), build in this process, since starting a worker (loading cdktf and
   * the provider bindings, reading the model) costs more than a few stacks do. Default: no minimum.
   */
  readonly minWork?: number;
  /** Called with each worker's peak RSS (KiB) when it finishes (parallel synth only). */
  readonly onWorkerDone?: (maxRssKb: number) => void;
  /** Test hook: called on each stack after it is built, before it is synthesized. */
  readonly customize?: (stack: ClusterStack) => void;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly network: Network;
  readonly kind: StackSlice['kind'];
  readonly file: string;
  readonly bytes: number;
  readonly resources: number;
  /** Taken from the synth cache (stacks/synth-cache.ts) instead of built. */
  readonly cached: boolean;
}

export { defaultRepoRoot };

export function selectStacks(model: CityModel, only?: readonly string[]): StackSlice[] {
  const plan = planStacks(model);
  if (!only || only.length === 0) return plan;
  const names = plan.map((s) => s.name);
  for (const n of only) {
    if (!names.includes(n)) throw new SynthError('unknownStack', { unknown: n, suggestion: suggest(n, names), known: names });
  }
  return plan.filter((s) => only.includes(s.name));
}

function countResources(json: { resource?: Record<string, Record<string, unknown>> }): number {
  let n = 0;
  for (const byName of Object.values(json.resource ?? {})) n += Object.keys(byName).length;
  return n;
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyDir(src, dst);
    else fs.copyFileSync(src, dst);
  }
}

/** Builds one stack, checks its isolation and writes it into the staging folder. */
export function buildStack(
  slice: StackSlice,
  app: App,
  staging: string,
  out: string,
  foreign: readonly IsolationMarker[],
  repoRoot: string,
  customize?: (stack: ClusterStack) => void,
  handAdded?: string,
): { result: SynthesizedStack; violations: IsolationViolation[] } {
  // a test hook changes what is built: it never reads or writes the cache
  const cache = customize ? undefined : stackCache(slice, foreign, repoRoot);
  const hit = cache ? readCached(cache.dir, cache.key) : undefined;
  const built = hit ?? build(slice, app, foreign, customize);
  if (cache && !hit) writeCached(cache.dir, cache.key, built);
  const { text, charts, resources } = built;
  const violations = [...built.violations];
  const dir = path.join(staging, slice.network, 'stacks', slice.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), text);
  for (const chart of charts) copyDir(path.join(repoRoot, chart), path.join(dir, chart));
  const extra = readHandAdded(handAdded, [slice.name]);
  if (extra.issues.length > 0) throw new SynthError('handAdded', { issues: extra.issues });
  for (const f of extra.files.get(slice.name) ?? []) {
    violations.push(...findViolations(slice.name, slice.network, f.json, foreign).map((v) => ({ ...v, path: `${f.name}:${v.path}` })));
    fs.writeFileSync(path.join(dir, f.name), f.text);
  }
  return {
    result: {
      name: slice.name,
      network: slice.network,
      kind: slice.kind,
      file: path.join(out, slice.network, 'stacks', slice.name, 'cdk.tf.json'),
      bytes: Buffer.byteLength(text),
      resources,
      cached: hit !== undefined,
    },
    violations,
  };
}

/** Builds one stack with cdktf: its JSON text, charts, resource count and isolation violations. */
function build(slice: StackSlice, app: App, foreign: readonly IsolationMarker[], customize?: (stack: ClusterStack) => void): CachedStack {
  const mark = tokenMark();
  const stack: ClusterStack = newStack(app, slice);
  customize?.(stack);
  const json = stack.toTerraform() as { resource?: Record<string, Record<string, unknown>> };
  const charts = [...stack.charts];
  // free the construct tree before serializing: the JSON is all that is needed from here on
  app.node.tryRemoveChild(slice.name);
  releaseTokens(mark);
  return { text: stableStringify(json), charts, resources: countResources(json), violations: findViolations(slice.name, slice.network, json, foreign) };
}

const markerHashes = new WeakMap<readonly IsolationMarker[], string>();

const stackKeys = new WeakMap<StackSlice, string>();

/** Where a stack is cached and under which key; undefined with the cache off. The key is computed once per slice. */
function stackCache(slice: StackSlice, foreign: readonly IsolationMarker[], repoRoot: string): { dir: string; key: string } | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  let key = stackKeys.get(slice);
  if (key === undefined) {
    let markers = markerHashes.get(foreign);
    if (markers === undefined) {
      markers = markersHash(foreign);
      markerHashes.set(foreign, markers);
    }
    key = stackKey(slice, markers, codeVersion(repoRoot));
    stackKeys.set(slice, key);
  }
  return { dir, key };
}

/** Department stacks whose published folder synth leaves as it is (stacks/up-to-date.ts), and the folder key of each. */
export interface Reuse {
  readonly keys: ReadonlyMap<string, string>;
  readonly unchanged: ReadonlyMap<string, SynthesizedStack>;
}

const NO_REUSE: Reuse = { keys: new Map(), unchanged: new Map() };

export function reuse(
  selected: readonly StackSlice[],
  markers: Record<Network, IsolationMarker[]> | undefined,
  repoRoot: string,
  out: string,
  handAdded: string | undefined,
): Reuse {
  const dir = cacheDir();
  if (!markers || dir === undefined) return NO_REUSE;
  const departments = selected.filter((s) => s.kind === 'department');
  const hand = readHandAdded(
    handAdded,
    departments.map((s) => s.name),
  ).files;
  const keys = new Map<string, string>();
  const unchanged = new Map<string, SynthesizedStack>();
  for (const s of departments) {
    const cache = stackCache(s, markers[otherNetwork(s.network)], repoRoot);
    if (!cache) continue;
    const key = folderKey(cache.key, hand.get(s.name) ?? []);
    keys.set(s.name, key);
    const file = path.join(out, s.network, 'stacks', s.name, 'cdk.tf.json');
    const held = upToDate(dir, path.dirname(file), key);
    if (held) unchanged.set(s.name, { name: s.name, network: s.network, kind: s.kind, file, bytes: held.bytes, resources: held.resources, cached: true });
  }
  return { keys, unchanged };
}

/** Drops cache entries unused for a while (not in a test that customizes stacks: it never uses the cache). */
export function pruneAfterSynth(customize: SynthOptions['customize']): void {
  const dir = cacheDir();
  if (dir !== undefined && customize === undefined) pruneCache(dir);
}

/** Whether a stack is in the cache (so the parent copies it instead of handing it to a worker). */
export function isCached(slice: StackSlice, foreign: readonly IsolationMarker[], repoRoot: string): boolean {
  const cache = stackCache(slice, foreign, repoRoot);
  return cache !== undefined && fs.existsSync(path.join(cache.dir, cache.key.slice(0, 2), `${cache.key}.meta.json`));
}

export function newApps(staging: string): Record<Network, App> {
  prepareSynth();
  for (const network of NETWORKS) fs.mkdirSync(path.join(staging, network, 'stacks'), { recursive: true });
  return {
    extranet: new App({ outdir: path.join(staging, 'extranet') }),
    intranet: new App({ outdir: path.join(staging, 'intranet') }),
  };
}

export const otherNetwork = (n: Network): Network => (n === 'extranet' ? 'intranet' : 'extranet');

/** Refuses, before anything is built or written, hand-written files that cannot be read. */
export function checkHandAdded(selected: readonly StackSlice[], handAdded: string | undefined, all: readonly string[]): void {
  const issues = [
    ...strayOverrides(handAdded, all),
    ...readHandAdded(
      handAdded,
      selected.map((s) => s.name),
    ).issues,
  ];
  if (issues.length > 0) throw new SynthError('handAdded', { issues });
}

/** Synthesizes in this process, stack after stack (`reused`: what synthesizeParallel found up to date already). */
export function synthesize(model: CityModel, opts: SynthOptions, reused?: Reuse): SynthesizedStack[] {
  const selected = selectStacks(model, opts.only);
  checkHandAdded(
    selected,
    opts.handAdded,
    planStacks(model).map((s) => s.name),
  );
  const markers = isolationMarkers(model, planStacks(model));
  const repoRoot = opts.repoRoot ?? defaultRepoRoot();
  const out = path.resolve(opts.outDir);
  removeStale(out);
  const staging = stagingOf(out);
  fs.rmSync(staging, { recursive: true, force: true });
  const same = reused ?? (opts.customize ? NO_REUSE : reuse(selected, markers, repoRoot, out, opts.handAdded));
  const results: SynthesizedStack[] = [];
  const violations: IsolationViolation[] = [];
  try {
    const apps = newApps(staging);
    selected.forEach((slice, i) => {
      const unchanged = same.unchanged.get(slice.name);
      if (unchanged) {
        results.push(unchanged);
        opts.onProgress?.(i + 1, selected.length, slice.name);
        return;
      }
      const built = buildStack(slice, apps[slice.network], staging, out, markers[otherNetwork(slice.network)], repoRoot, opts.customize, opts.handAdded);
      results.push(built.result);
      violations.push(...built.violations);
      opts.onProgress?.(i + 1, selected.length, slice.name);
    });
    if (violations.length > 0) throw new SynthError('isolation', { violations });
    publish(model, staging, out, results, opts.only === undefined || opts.only.length === 0, same);
    pruneAfterSynth(opts.customize);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return results;
}

/**
 * Stack folders of an earlier synth that the model no longer plans but that hold an engine's work
 * (`.terraform/`, local state): what was deployed from them must be destroyed, not forgotten.
 */
export function leftoverStacks(model: CityModel, outDir: string): string[] {
  const planned = new Set(planStacks(model).map((s) => s.name));
  const out: string[] = [];
  for (const network of NETWORKS) {
    const dir = path.join(outDir, network, 'stacks');
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) if (!planned.has(name) && initialized(path.join(dir, name))) out.push(name);
  }
  return out;
}

/**
 * Synthesizes retired stacks (see RetiredSlice): providers and backend, no resources, so that the
 * next plan destroys everything their state holds. Names that are not department stacks of this city's
 * counties and clusters are returned as unknown and left alone.
 */
export function synthesizeRetired(model: CityModel, names: readonly string[], opts: { outDir: string }): { retired: RetiredSlice[]; unknown: string[] } {
  const retired: RetiredSlice[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const r = retiredSlice(model, n);
    if (r) retired.push(r);
    else unknown.push(n);
  }
  if (retired.length === 0) return { retired, unknown };
  const out = path.resolve(opts.outDir);
  removeStale(out);
  const staging = stagingOf(out);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const apps = newApps(staging);
    const results: SynthesizedStack[] = [];
    for (const r of retired) {
      const stack = new ClusterStack(apps[r.network], r.name, { cluster: r.cluster, state: r.state });
      const json = stack.toTerraform();
      apps[r.network].node.tryRemoveChild(r.name);
      const dir = path.join(staging, r.network, 'stacks', r.name);
      fs.mkdirSync(dir, { recursive: true });
      const text = stableStringify(json);
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), text);
      results.push({
        name: r.name,
        network: r.network,
        kind: 'department',
        file: path.join(out, r.network, 'stacks', r.name, 'cdk.tf.json'),
        bytes: Buffer.byteLength(text),
        resources: 0,
        cached: false,
      });
    }
    publish(model, staging, out, results, false, NO_REUSE);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { retired, unknown };
}
