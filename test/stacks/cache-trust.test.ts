/**
 * The synth cache trusts nothing on disk (issue 21, item 6): an entry rewritten with a consistent
 * meta file, one linked to /dev/zero, or one holding another key's stack is not used — the stack is
 * built again, the output is what a build gives, and the refusal is remembered for one warning.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthesizedStack } from '../../stacks/synth';
import { cacheDir, systemFolderOf, takeRefusedEntries } from '../../stacks/synth-cache';
import { sign } from '../../stacks/cache-secret';
import { EXAMPLE_CITY, REPO, readTree, tmpDir, withCache } from '../helpers/env';
import { run } from '../../cli/main';

const model = validateEnvironment(EXAMPLE_CITY).model as CityModel;
const tmp = tmpDir('cache-trust');
// this test's own secret file, not the user's
process.env.XDG_CONFIG_HOME = path.join(tmp, 'config');
const cache = path.join(tmp, 'cache');
const synth = (out: string): SynthesizedStack[] => withCache(cache, () => synthesize(model, { outDir: path.join(tmp, out), repoRoot: REPO }));
const built = (r: SynthesizedStack[]) => r.filter((s) => !s.cached).map((s) => s.name);
const entry = (name: string, r: SynthesizedStack[]) => {
  const dir = cacheDir({ GOVCLOUD_CACHE: cache }) as string;
  const text = fs.readFileSync(r.find((s) => s.name === name)?.file ?? '', 'utf8');
  // the entry holding this text: the one whose meta names its hash
  const sha = createHash('sha256').update(text).digest('hex');
  for (const d of fs.readdirSync(dir))
    for (const f of fs.readdirSync(path.join(dir, d)).filter((x) => x.endsWith('.meta.json'))) {
      const meta = JSON.parse(fs.readFileSync(path.join(dir, d, f), 'utf8')) as { sha256: string };
      if (meta.sha256 === sha) return path.join(dir, d, f.replace(/\.meta\.json$/, ''));
    }
  throw new Error(`no cache entry for ${name}`);
};

describe('synth cache entries are verified, never trusted', () => {
  const plain = withCache('off', () => synthesize(model, { outDir: path.join(tmp, 'plain'), repoRoot: REPO }));
  synth('first');
  takeRefusedEntries();
  const victim = plain.find((s) => s.kind === 'department')?.name ?? '';

  it('refuses an entry rewritten with a consistent meta file (hash and size recomputed)', () => {
    const base = entry(victim, plain);
    const forged = fs.readFileSync(`${base}.tf.json`, 'utf8').replace('"resource"', '"resource_forged"');
    const meta = JSON.parse(fs.readFileSync(`${base}.meta.json`, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(`${base}.tf.json`, forged);
    fs.writeFileSync(
      `${base}.meta.json`,
      JSON.stringify({ ...meta, bytes: Buffer.byteLength(forged), sha256: createHash('sha256').update(forged).digest('hex'), violations: [] }),
    );
    const again = synth('forged');
    expect(built(again)).toEqual([victim]);
    expect(takeRefusedEntries()).toEqual([`${base}.meta.json`]);
    expect(fs.readFileSync(path.join(tmp, 'forged', 'extranet', 'stacks', victim, 'cdk.tf.json')).toString()).not.toContain('resource_forged');
    // rebuilt and stored again: the next synth takes it from the cache
    expect(built(synth('after-forged'))).toEqual([]);
    expect(takeRefusedEntries()).toEqual([]);
  });

  it('refuses an entry linked to /dev/zero at once, without reading it', () => {
    const base = entry(victim, plain);
    fs.rmSync(`${base}.tf.json`);
    fs.symlinkSync('/dev/zero', `${base}.tf.json`);
    expect(built(synth('zero'))).toEqual([victim]);
    expect(takeRefusedEntries()).toEqual([`${base}.meta.json`]);
  });

  it('refuses an entry copied under another key, even with its own valid signature', () => {
    const other = plain.filter((s) => s.kind === 'department')[1].name;
    const a = entry(victim, plain);
    const b = entry(other, plain);
    fs.copyFileSync(`${b}.tf.json`, `${a}.tf.json`);
    fs.copyFileSync(`${b}.meta.json`, `${a}.meta.json`);
    expect(built(synth('swapped'))).toEqual([victim]);
    expect(takeRefusedEntries()).toEqual([`${a}.meta.json`]);
    const expected = readTree(path.join(tmp, 'plain'));
    const got = readTree(path.join(tmp, 'swapped'));
    for (const [f, bytes] of expected) expect([f, got.get(f)?.equals(bytes)]).toEqual([f, true]);
  });

  it('signs with a secret kept outside the cache: another secret verifies nothing', () => {
    expect(sign(['a'])).toMatch(/^[0-9a-f]{64}$/);
    expect(sign(['a'], { GOVCLOUD_CACHE_SECRET: 'x'.repeat(32) })).not.toBe(sign(['a']));
    const secretFile = path.join(tmp, 'config', 'govcloud', 'cache-secret');
    expect(fs.statSync(secretFile).mode & 0o077).toBe(0);
    expect(path.relative(cache, secretFile).startsWith('..')).toBe(true);
  });

  it('refuses GOVCLOUD_CACHE under /proc, /sys or /dev at once, in both languages', async () => {
    expect(systemFolderOf('/proc/self/fd')).toBe('/proc');
    expect(systemFolderOf('/dev/shm/x')).toBe('/dev');
    expect(systemFolderOf(tmp)).toBeUndefined();
    fs.symlinkSync('/sys', path.join(tmp, 'sys-link'));
    expect(systemFolderOf(path.join(tmp, 'sys-link', 'kernel', 'x'))).toBe('/sys');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const before = process.env.GOVCLOUD_CACHE;
    process.env.GOVCLOUD_CACHE = '/proc/self';
    try {
      expect(await run(['validate', '--env', EXAMPLE_CITY, '--lang', 'en'], io)).toBe(2);
      expect(await run(['validate', '--env', EXAMPLE_CITY, '--lang', 'zh'], io)).toBe(2);
    } finally {
      process.env.GOVCLOUD_CACHE = before;
    }
    expect(lines[0]).toContain('GOVCLOUD_CACHE is "/proc/self", under /proc, a folder of the kernel, not of a disk');
    expect(lines[1]).toContain('GOVCLOUD_CACHE 为 "/proc/self"，位于内核的 /proc 目录之下');
  });
});
