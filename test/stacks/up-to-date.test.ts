/**
 * Synth leaves an up-to-date stack folder as it is (stacks/up-to-date.ts): a second synth into the
 * same output writes no department stack, a change rewrites only the stacks it reaches, and a folder
 * touched by hand (a file edited, added or removed, an override changed) is written again — each
 * time ending with the bytes a synth without the cache writes. The output holds no record.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthesizedStack } from '../../stacks/synth';
import { cacheDir } from '../../stacks/synth-cache';
import { recordFile } from '../../stacks/up-to-date';
import { REPO, readTree, tmpDir, withCache } from '../helpers/env';

const model = validateEnvironment(path.join(REPO, 'environments', 'example-city')).model as CityModel;

/** The output's files with their modification times, to see which a synth wrote. */
function times(out: string): Map<string, number> {
  const m = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else m.set(path.relative(out, p), fs.statSync(p).mtimeMs);
    }
  };
  walk(out);
  return m;
}

/** Department stacks with a Terraform file written since `before`. */
const rewritten = (before: Map<string, number>, after: Map<string, number>) => [
  ...new Set([...after].filter(([f, t]) => before.get(f) !== t && /\/stacks\/dept-[^/]+\/[^/]+\.tf\.json$/.test(f)).map(([f]) => f.split('/')[2])),
];

function sameAsPlain(m: CityModel, out: string, hand?: string): void {
  const plain = path.join(tmpDir('up-to-date-plain'), 'out');
  synthesize(m, { outDir: plain, repoRoot: REPO, handAdded: hand }); // GOVCLOUD_CACHE=off (test/setup.ts)
  const expected = readTree(plain);
  const got = readTree(out);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [f, bytes] of expected) expect([f, got.get(f)?.equals(bytes)]).toEqual([f, true]);
}

describe('synth into an output it wrote before', () => {
  const tmp = tmpDir('up-to-date');
  const cache = path.join(tmp, 'cache');
  const out = path.join(tmp, 'out');
  const hand = path.join(tmp, 'overrides');
  const synth = (m: CityModel): SynthesizedStack[] => withCache(cache, () => synthesize(m, { outDir: out, repoRoot: REPO, handAdded: hand }));
  const departments =
    model.tenants.length > 0
      ? [
          ...new Set(
            synthesize(model, { outDir: path.join(tmp, 'names'), repoRoot: REPO })
              .filter((s) => s.kind === 'department')
              .map((s) => s.name),
          ),
        ]
      : [];

  it('writes no department stack the second time, and the output is what a synth without the cache writes', () => {
    fs.mkdirSync(hand, { recursive: true });
    synth(model);
    const before = times(out);
    const again = synth(model);
    expect(rewritten(before, times(out))).toEqual([]);
    expect(again.filter((s) => s.kind === 'department').every((s) => s.cached)).toBe(true);
    sameAsPlain(model, out, hand);
    // the records are kept beside the cache, never in the output
    const dir = withCache(cache, () => cacheDir()) as string;
    expect(fs.existsSync(recordFile(dir, path.join(out, 'extranet', 'stacks', departments[0])))).toBe(true);
    expect([...readTree(out).keys()].every((f) => !f.includes('govcloud-synth'))).toBe(true);
  });

  it('rewrites only the stacks a changed tenant is in', () => {
    const t = model.tenants.find((x) => x.name === 'hotline-12345');
    if (!t) throw new Error('no hotline-12345 in the example city');
    const changed: CityModel = { ...model, tenants: model.tenants.map((x) => (x === t ? { ...x, quotaText: { ...x.quotaText, pods: 77 } } : x)) };
    const before = times(out);
    synth(changed);
    const own = [t.cluster, ...t.replicas.map((r) => r.cluster)].map((c) => `dept-${t.county}-${t.department}-${c}`).sort();
    expect(rewritten(before, times(out)).sort()).toEqual(own);
    sameAsPlain(changed, out, hand);
    synth(model);
  });

  it('writes a folder again when its file was edited, a file added or removed, or its override changed', () => {
    const [a, b, c, d] = departments;
    const folder = (n: string) => path.join(out, 'extranet', 'stacks', n);
    const network = (n: string) => (fs.existsSync(folder(n)) ? 'extranet' : 'intranet');
    const at = (n: string) => path.join(out, network(n), 'stacks', n);
    fs.appendFileSync(path.join(at(a), 'cdk.tf.json'), ' ');
    fs.writeFileSync(path.join(at(b), 'stray.tf.json'), '{}');
    fs.mkdirSync(path.join(hand, c), { recursive: true });
    fs.writeFileSync(path.join(hand, c, 'extra.tf.json'), JSON.stringify({ locals: { note: 'hand-written' } }));
    const before = times(out);
    synth(model);
    expect(rewritten(before, times(out)).sort()).toEqual([a, b, c].sort());
    expect(fs.existsSync(path.join(at(b), 'stray.tf.json'))).toBe(false);
    sameAsPlain(model, out, hand);
    // an override removed again: the folder loses the file
    fs.rmSync(path.join(hand, c), { recursive: true });
    synth(model);
    expect(fs.existsSync(path.join(at(c), 'extra.tf.json'))).toBe(false);
    sameAsPlain(model, out, hand);
    // and a folder removed by hand is written again
    fs.rmSync(at(d), { recursive: true });
    synth(model);
    sameAsPlain(model, out, hand);
  });

  it('writes a folder again when a hand edit kept the size and time of its file (content, not size and time, is compared)', () => {
    const name = departments[0];
    const file =
      [path.join(out, 'extranet', 'stacks', name), path.join(out, 'intranet', 'stacks', name)]
        .map((d) => path.join(d, 'cdk.tf.json'))
        .find((f) => fs.existsSync(f)) ?? '';
    const st = fs.statSync(file);
    const mtimeNs = fs.statSync(file, { bigint: true }).mtimeNs;
    const text = fs.readFileSync(file, 'utf8');
    // same length: one letter changed, then the time put back
    const edited = text.replace('"resource"', '"resourcX"');
    expect(Buffer.byteLength(edited)).toBe(st.size);
    fs.writeFileSync(file, edited);
    // to the nanosecond, as `touch -r` does
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, file]);
    expect(fs.statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs);
    synth(model);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    sameAsPlain(model, out, hand);
  });

  it('does not follow a link put in place of a stack file: the folder is written again', () => {
    const name = departments[1];
    const file =
      [path.join(out, 'extranet', 'stacks', name), path.join(out, 'intranet', 'stacks', name)]
        .map((d) => path.join(d, 'cdk.tf.json'))
        .find((f) => fs.existsSync(f)) ?? '';
    const text = fs.readFileSync(file, 'utf8');
    const elsewhere = path.join(tmp, 'elsewhere.tf.json');
    fs.writeFileSync(elsewhere, text);
    fs.rmSync(file);
    fs.symlinkSync(elsewhere, file);
    synth(model);
    expect(fs.lstatSync(file).isFile()).toBe(true);
    sameAsPlain(model, out, hand);
  });
});
