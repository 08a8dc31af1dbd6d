/**
 * Publishes a synth: the staging folder becomes the whole new output, then replaces the old one by
 * renaming, so an output is entirely the previous synth's or entirely this one's, never a mix. The
 * previous output is copied into the staging folder by hard links (cheap, and Terraform's working
 * files `.terraform/` and local state kept), the new stacks laid over it, and only then is the old
 * folder renamed aside and the staging folder renamed into place. A synth killed before that switch
 * leaves the previous output untouched; one killed between the two renames leaves the old output
 * beside it, put back by the next synth. Staging and old folders left by a synth that died are
 * removed by the next one (`removeStale`): only those of a process that no longer runs and older than
 * the running one, so a concurrent synth's staging folder is never taken.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CityModel, Network } from '../config/model';
import { clusterFiles } from '../config/cluster-config';
import { stableStringify } from '../terraform/stable-json';
import { cdktfVersion } from './cdktf-edge';
import { writeClusterFiles } from './cluster-files';
import { cacheDir } from './synth-cache';
import { dropRecord, writeRecord } from './up-to-date';
import type { SynthesizedStack } from './synth';

const NETWORKS: readonly Network[] = ['extranet', 'intranet'];

/** Stacks left as they were, and the folder key of each stack (stacks/up-to-date.ts). */
export interface Reused {
  readonly keys: ReadonlyMap<string, string>;
  readonly unchanged: ReadonlyMap<string, SynthesizedStack>;
}

/** Test hook: a file name; publish writes it and waits there, just before the switch, until killed. */
export const PAUSE_ENV = 'GOVCLOUD_TEST_PAUSE_BEFORE_SWITCH';

/** The staging folder of this process for an output. */
export const stagingOf = (out: string, pid: number = process.pid): string => `${out}.staging-${pid}`;
const oldOf = (out: string, pid: number = process.pid): string => `${out}.old-${pid}`;

/** A stack folder Terraform or OpenTofu has initialized or kept local state in. */
export function initialized(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.terraform')) || fs.existsSync(path.join(dir, 'terraform.tfstate'));
}

function manifestEntry(name: string, prefix: string) {
  const dir = prefix === '' ? path.posix.join('stacks', name) : path.posix.join(prefix, 'stacks', name);
  return {
    annotations: [],
    constructPath: name,
    dependencies: [],
    name,
    stackMetadataPath: path.posix.join(dir, 'metadata.json'),
    synthesizedStackPath: path.posix.join(dir, 'cdk.tf.json'),
    workingDirectory: dir,
  };
}

/** Copies a tree by hard links (a copy where links cannot be made); links are copied as links, never followed; pipes, devices and sockets are left out. */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) linkTree(src, dst);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else if (e.isFile()) {
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst);
      }
    }
  }
}

/** A file written anew, never through a hard link it may share with the previous output. */
function replaceFile(file: string, text: string): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, text);
}

/** Waits, for the test of an interrupted publish, until the process is killed. */
function pauseForTest(): void {
  const file = process.env[PAUSE_ENV];
  if (file === undefined || file === '') return;
  fs.writeFileSync(file, String(process.pid));
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 1000);
}

/**
 * Publishes what `staging` holds (`<network>/stacks/<name>/` of the stacks built) as the new `out`:
 * a full synth also removes stacks that no longer exist (unless Terraform has worked in them).
 * Stacks found up to date stay as they were; each stack written gets its record (or loses a stale one).
 */
export function publish(model: CityModel, staging: string, out: string, results: readonly SynthesizedStack[], full: boolean, reused: Reused): void {
  const built = path.join(staging, '.built');
  fs.mkdirSync(built, { recursive: true });
  for (const network of NETWORKS) if (fs.existsSync(path.join(staging, network))) fs.renameSync(path.join(staging, network), path.join(built, network));
  if (fs.existsSync(out)) linkTree(out, staging);
  const byName = new Map(results.map((r) => [r.name, r]));
  const cache = cacheDir();
  const records: { folder: string; key: string; result: SynthesizedStack }[] = [];
  writeClusterFiles(staging, clusterFiles(model));
  for (const network of NETWORKS) {
    const stacksDir = path.join(staging, network, 'stacks');
    fs.mkdirSync(stacksDir, { recursive: true });
    const keep = new Set(results.filter((r) => r.network === network).map((r) => r.name));
    if (full) {
      // a folder Terraform has worked in may hold state: it stays, to be synthesized as a retired stack
      for (const e of fs.readdirSync(stacksDir))
        if (!keep.has(e) && !initialized(path.join(stacksDir, e))) fs.rmSync(path.join(stacksDir, e), { recursive: true, force: true });
    }
    for (const name of keep) {
      if (reused.unchanged.has(name)) continue;
      const target = path.join(stacksDir, name);
      // keep Terraform's working files (.terraform, local state) of an existing stack folder
      fs.mkdirSync(target, { recursive: true });
      fs.rmSync(path.join(target, 'charts'), { recursive: true, force: true });
      // Terraform files of the previous synth go (an override removed from <env>/overrides must not linger)
      for (const e of fs.readdirSync(target)) if (e.endsWith('.tf.json')) fs.rmSync(path.join(target, e), { force: true });
      const from = path.join(built, network, 'stacks', name);
      for (const e of fs.readdirSync(from)) fs.renameSync(path.join(from, e), path.join(target, e));
      const final = path.join(out, network, 'stacks', name);
      const key = reused.keys.get(name);
      const result = byName.get(name);
      // the old record goes before the switch: it never vouches for a folder it does not describe
      if (cache !== undefined) dropRecord(cache, final);
      if (key !== undefined && result) records.push({ folder: final, key, result });
    }
  }
  fs.rmSync(built, { recursive: true, force: true });
  // manifests list every stack folder present (a partial synth keeps the others)
  const top: Record<string, ReturnType<typeof manifestEntry>> = {};
  for (const network of NETWORKS) {
    const stacksDir = path.join(staging, network, 'stacks');
    const names = fs
      .readdirSync(stacksDir)
      .filter((n) => fs.existsSync(path.join(stacksDir, n, 'cdk.tf.json')))
      .sort();
    const own: Record<string, ReturnType<typeof manifestEntry>> = {};
    for (const n of names) {
      own[n] = manifestEntry(n, '');
      top[n] = manifestEntry(n, network);
    }
    replaceFile(path.join(staging, network, 'manifest.json'), stableStringify({ stacks: own, version: cdktfVersion() }));
  }
  replaceFile(path.join(staging, 'manifest.json'), stableStringify({ stacks: top, version: cdktfVersion() }));
  pauseForTest();
  switchInto(staging, out);
  if (cache !== undefined) for (const r of records) writeRecord(cache, r.folder, r.key, r.result.resources, r.result.bytes);
}

/** Renames the complete new tree into place; the old one is renamed aside first and removed after. */
function switchInto(staging: string, out: string): void {
  if (!fs.existsSync(out)) {
    fs.renameSync(staging, out);
    return;
  }
  const old = oldOf(out);
  fs.rmSync(old, { recursive: true, force: true });
  fs.renameSync(out, old);
  try {
    fs.renameSync(staging, out);
  } catch (e) {
    fs.renameSync(old, out);
    throw e;
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** Whether a process of this id runs (one we may not signal runs too). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after synths into `out` that died: an old output left between the two renames of a
 * switch is put back when there is no output, and staging and old folders are removed — only those
 * of a process that no longer runs, made before this one started. Returns the folders removed.
 */
export function removeStale(out: string, startedMs: number = Date.now() - process.uptime() * 1000): string[] {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`);
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync(parent).sort();
  } catch {
    return removed;
  }
  for (const name of entries) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const full = path.join(parent, name);
    const st = fs.lstatSync(full, { throwIfNoEntry: false });
    if (st === undefined || !st.isDirectory() || pid === process.pid || running(pid) || st.mtimeMs >= startedMs) continue;
    // killed between the renames of its switch: the old output is whole, put it back
    if (m[1] === 'old' && !fs.existsSync(out)) {
      fs.renameSync(full, out);
      continue;
    }
    fs.rmSync(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}
