/**
 * A content-addressed cache of synthesized stacks, so that synth costs what changed: a stack's key is
 * the SHA-256 of everything its output depends on — its model slice, the other network's isolation
 * markers (its violations are cached with it), and the code version (the project's own compiled
 * files, its charts, and the versions of cdktf, constructs and the provider bindings). A hit gives the
 * very bytes a build gives (a test proves it); a miss builds and stores. Entries are written to a
 * temporary name and renamed, so a crash or a concurrent synth never leaves half an entry.
 *
 * Where: `GOVCLOUD_CACHE` (a folder; `off` turns the cache off), else `$XDG_CACHE_HOME/govcloud/synth`
 * or `~/.cache/govcloud/synth`. Safe to share between runs and CI jobs (keys say what they hold), and
 * safe to delete at any time. Entries unused for PRUNE_DAYS are removed at the end of a synth.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sortKeys, stableStringify } from '../terraform/stable-json';
import type { IsolationMarker, IsolationViolation } from './isolation';
import type { StackSlice } from './slices';
import type { Tenant } from '../config/model';

export interface CachedStack {
  readonly text: string;
  /** Chart folders copied next to the stack. */
  readonly charts: readonly string[];
  readonly resources: number;
  readonly violations: readonly IsolationViolation[];
}

/** The cache folder, or undefined when `GOVCLOUD_CACHE=off`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.GOVCLOUD_CACHE;
  if (v === 'off') return undefined;
  if (v !== undefined && v !== '') return path.resolve(v, 'synth');
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'govcloud', 'synth');
}

const PACKAGES = ['cdktf', 'constructs', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];
const CODE_FOLDERS = ['config', 'constructs', 'stacks', 'terraform'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) hashTree(hash, full, keep);
    else if (keep(e.name)) hash.update(`${e.name}\0`).update(fs.readFileSync(full)).update('\0');
  }
}

let version: string | undefined;

/**
 * The code version: the project's own files that shape a stack (compiled JavaScript, or the
 * TypeScript sources under ts-jest), its charts, and the versions of the libraries that write it.
 */
export function codeVersion(repoRoot: string): string {
  if (version !== undefined) return version;
  const hash = createHash('sha256');
  const code = path.resolve(__dirname, '..');
  const ext = path.extname(__filename);
  for (const folder of CODE_FOLDERS) hashTree(hash, path.join(code, folder), (n) => n.endsWith(ext) && !n.endsWith('.d.ts'));
  hashTree(hash, path.join(repoRoot, 'charts'), () => true);
  for (const p of PACKAGES) {
    const file = require.resolve(`${p}/package.json`, { paths: [repoRoot, code] });
    hash.update(`${p}@${(JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version}\0`);
  }
  version = hash.digest('hex');
  return version;
}

/** Hash of the other network's markers, computed once per synth and shared by its stacks. */
export function markersHash(markers: readonly IsolationMarker[]): string {
  return createHash('sha256').update(stableStringify(markers)).digest('hex');
}

const tenantTexts = new WeakMap<Tenant, string>();

/**
 * A tenant as its stacks see it: without its waivers and source positions, which reach no stack (a
 * waiver's line is found only when read, and editing a waiver leaves the stacks as they were). Once
 * per tenant object: a tenant is in its primary stack and in each replica's.
 */
function tenantText(t: Tenant): string {
  let text = tenantTexts.get(t);
  if (text === undefined) {
    text = JSON.stringify(sortKeys({ ...t, waivers: undefined, source: undefined }));
    tenantTexts.set(t, text);
  }
  return text;
}

/** The key of a stack: what its output and its violations depend on. */
export function stackKey(slice: StackSlice, foreign: string, code: string): string {
  const hash = createHash('sha256').update(`govcloud-stack-2\0${code}\0${foreign}\0`);
  if (slice.kind === 'platform') return hash.update(JSON.stringify(sortKeys(slice))).digest('hex');
  hash.update(JSON.stringify(sortKeys({ ...slice, tenants: undefined, replicas: undefined })));
  for (const t of slice.tenants) hash.update('\0tenant\0').update(tenantText(t));
  for (const r of slice.replicas)
    hash
      .update('\0replica\0')
      .update(JSON.stringify(sortKeys({ ...r, tenant: undefined })))
      .update('\0')
      .update(tenantText(r.tenant));
  return hash.digest('hex');
}

const entryFile = (dir: string, key: string, what: 'tf.json' | 'meta.json') => path.join(dir, key.slice(0, 2), `${key}.${what}`);

/** The cached stack, or undefined (a missing, unreadable or half-written entry is a miss). */
export function readCached(dir: string, key: string): CachedStack | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(entryFile(dir, key, 'meta.json'), 'utf8')) as Omit<CachedStack, 'text'> & { bytes: number; sha256: string };
    const text = fs.readFileSync(entryFile(dir, key, 'tf.json'), 'utf8');
    if (Buffer.byteLength(text) !== meta.bytes || createHash('sha256').update(text).digest('hex') !== meta.sha256) return undefined;
    // used now: pruning goes by the last use
    const now = new Date();
    fs.utimesSync(entryFile(dir, key, 'meta.json'), now, now);
    return { text, charts: meta.charts, resources: meta.resources, violations: meta.violations };
  } catch {
    return undefined;
  }
}

/** Stores a built stack; a cache that cannot be written is skipped (synth does not fail for it). */
export function writeCached(dir: string, key: string, entry: CachedStack): void {
  try {
    fs.mkdirSync(path.join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
    const text = entryFile(dir, key, 'tf.json');
    fs.writeFileSync(text + tmp, entry.text);
    fs.renameSync(text + tmp, text);
    const meta = {
      bytes: Buffer.byteLength(entry.text),
      sha256: createHash('sha256').update(entry.text).digest('hex'),
      charts: entry.charts,
      resources: entry.resources,
      violations: entry.violations,
    };
    const metaFile = entryFile(dir, key, 'meta.json');
    fs.writeFileSync(metaFile + tmp, JSON.stringify(meta));
    fs.renameSync(metaFile + tmp, metaFile);
  } catch {
    // a read-only or full disk: the next synth builds again
  }
}

/** Entries not used for this many days are removed (`pruneCache`). */
export const PRUNE_DAYS = 14;

/** Removes entries whose last use (the time of their meta file) is older than `days`; never fails a synth. */
export function pruneCache(dir: string, days: number = PRUNE_DAYS, now: number = Date.now()): number {
  let removed = 0;
  try {
    for (const sub of fs.readdirSync(dir)) {
      const folder = path.join(dir, sub);
      for (const f of fs.readdirSync(folder)) {
        if (!f.endsWith('.meta.json')) continue;
        const meta = path.join(folder, f);
        if (now - fs.statSync(meta).mtimeMs <= days * 86_400_000) continue;
        fs.rmSync(meta, { force: true });
        fs.rmSync(meta.replace(/\.meta\.json$/, '.tf.json'), { force: true });
        removed++;
      }
    }
  } catch {
    // a folder removed under our feet, or no cache yet
  }
  return removed;
}
