/**
 * A content-addressed cache of synthesized stacks, so that synth costs what changed: a stack's key is
 * the SHA-256 of everything its output depends on — its model slice, the other network's isolation
 * markers (its violations are cached with it), and the code version (the project's own compiled
 * files, its charts, and the versions of cdktf, constructs and the provider bindings). A hit gives the
 * very bytes a build gives (a test proves it); a miss builds and stores. Entries are written to a
 * temporary name and renamed, so a crash or a concurrent synth never leaves half an entry.
 *
 * Where: `GOVCLOUD_CACHE` (a folder; `off` turns the cache off; under /proc, /sys or /dev refused),
 * else `$XDG_CACHE_HOME/govcloud/synth` or `~/.cache/govcloud/synth`. Safe to delete at any time.
 * Nothing in it is trusted: an entry is used only if its meta names its key and the SHA-256 of its
 * text, and carries a signature of both made with this user's secret (stacks/cache-secret.ts, kept
 * outside the cache); both files are read without following links, only if regular files, and no
 * more than a bound. Anything else is a miss, built again and reported once as a warning. Entries
 * unused for PRUNE_DAYS are removed at the end of a synth.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sortKeys, stableStringify } from '../terraform/stable-json';
import { readRegularFile } from '../config/regular-file';
import { sign } from './cache-secret';
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

/** Kernel folders, not disks: a cache there could never hold an entry, and reading it could hang. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** The kernel folder (`/proc`, `/sys`, `/dev`) a cache setting points into, links resolved as far as they exist; undefined for an ordinary folder. */
export function systemFolderOf(setting: string): string | undefined {
  let real = path.resolve(setting);
  const rest: string[] = [];
  // the deepest part that exists, links resolved: a link to /proc is /proc
  for (;;) {
    try {
      real = path.join(fs.realpathSync(real), ...rest);
      break;
    } catch {
      const parent = path.dirname(real);
      if (parent === real) break;
      rest.unshift(path.basename(real));
      real = parent;
    }
  }
  return SYSTEM_FOLDERS.find((root) => [path.resolve(setting), real].some((p) => p === root || p.startsWith(root + path.sep)));
}

/** The cache folder, or undefined when `GOVCLOUD_CACHE=off` (or points into a kernel folder, which the command line refuses first). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env.GOVCLOUD_CACHE;
  if (v === 'off') return undefined;
  if (v !== undefined && v !== '') return systemFolderOf(v) === undefined ? path.resolve(v, 'synth') : undefined;
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

/** Bounds of what is read from an entry: its meta (violations included), its text. */
const MAX_META_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

interface Meta {
  readonly key: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly charts: readonly string[];
  readonly resources: number;
  readonly violations: readonly IsolationViolation[];
  readonly signature: string;
}

/** What an entry's signature covers: its key, its text's hash and everything else it tells. */
const signed = (m: Omit<Meta, 'signature'>) =>
  sign(['govcloud-cache-entry-1', m.key, m.sha256, String(m.bytes), stableStringify({ charts: m.charts, resources: m.resources, violations: m.violations })]);

/** A chart folder as a stack names it (`charts/<name>`): an entry naming any other path is refused. */
const CHART = /^charts\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

const refusedEntries: string[] = [];

/** Entries refused since the last call (an entry found but not verified), and forgets them. */
export function takeRefusedEntries(): string[] {
  return refusedEntries.splice(0);
}

function readEntry(dir: string, key: string): CachedStack | 'miss' | 'refused' {
  const shard = fs.lstatSync(path.join(dir, key.slice(0, 2)), { throwIfNoEntry: false });
  if (shard === undefined) return 'miss';
  if (!shard.isDirectory()) return 'refused';
  const metaBytes = readRegularFile(entryFile(dir, key, 'meta.json'), MAX_META_BYTES);
  if (!Buffer.isBuffer(metaBytes)) return metaBytes.error === 'ENOENT' ? 'miss' : 'refused';
  const meta = JSON.parse(metaBytes.toString('utf8')) as Meta;
  const textBytes = readRegularFile(entryFile(dir, key, 'tf.json'), MAX_TEXT_BYTES);
  if (!Buffer.isBuffer(textBytes)) return textBytes.error === 'ENOENT' ? 'miss' : 'refused';
  const ok =
    meta.key === key &&
    textBytes.length === meta.bytes &&
    createHash('sha256').update(textBytes).digest('hex') === meta.sha256 &&
    Array.isArray(meta.charts) &&
    meta.charts.every((c) => typeof c === 'string' && CHART.test(c)) &&
    typeof meta.signature === 'string' &&
    signed(meta) === meta.signature;
  if (!ok) return 'refused';
  return { text: textBytes.toString('utf8'), charts: meta.charts, resources: meta.resources, violations: meta.violations };
}

/**
 * The cached stack, or undefined: a missing or half-written entry is a miss; one that is not regular
 * files, or whose key, hash or signature does not verify, is a miss too, remembered for one warning.
 */
export function readCached(dir: string, key: string): CachedStack | undefined {
  let got: ReturnType<typeof readEntry>;
  try {
    got = readEntry(dir, key);
  } catch {
    got = 'refused';
  }
  if (got === 'miss') return undefined;
  if (got === 'refused') {
    refusedEntries.push(entryFile(dir, key, 'meta.json'));
    return undefined;
  }
  try {
    // used now: pruning goes by the last use
    const now = new Date();
    fs.utimesSync(entryFile(dir, key, 'meta.json'), now, now);
  } catch {
    // a read-only cache still serves
  }
  return got;
}

/** Stores a built stack; a cache that cannot be written is skipped (synth does not fail for it). */
export function writeCached(dir: string, key: string, entry: CachedStack): void {
  try {
    const base = {
      key,
      bytes: Buffer.byteLength(entry.text),
      sha256: createHash('sha256').update(entry.text).digest('hex'),
      charts: entry.charts,
      resources: entry.resources,
      violations: entry.violations,
    };
    const signature = signed(base);
    // no secret, no entry: one could not be verified
    if (signature === undefined) return;
    fs.mkdirSync(path.join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
    const text = entryFile(dir, key, 'tf.json');
    // a link or anything put where the entry goes is replaced, never written through
    fs.writeFileSync(text + tmp, entry.text, { flag: 'wx' });
    fs.renameSync(text + tmp, text);
    const metaFile = entryFile(dir, key, 'meta.json');
    fs.writeFileSync(metaFile + tmp, JSON.stringify({ ...base, signature }), { flag: 'wx' });
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
      // a link among the shards is not walked: pruning never removes files elsewhere
      if (!fs.lstatSync(folder).isDirectory()) continue;
      for (const f of fs.readdirSync(folder)) {
        if (!f.endsWith('.meta.json')) continue;
        const meta = path.join(folder, f);
        if (now - fs.lstatSync(meta).mtimeMs <= days * 86_400_000) continue;
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
