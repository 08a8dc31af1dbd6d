/**
 * The writers of large outputs: a report written piece by piece (cli/stream-out.ts) and the evidence
 * package written file by file (workflow/evidence-write.ts) give the bytes of the whole text written
 * at once, whatever the block size; SHA256SUMS is computed over the bytes written; a credential
 * across two blocks is still found, and then nothing is left behind.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { firstBlocks, Format, render, renderChunks } from '../../cli/check';
import { writeChunks } from '../../cli/stream-out';
import { writeReport } from '../../cli/out-path';
import { writeEvidence } from '../../workflow/evidence-write';
import type { PackageFile, PackageMeta } from '../../workflow/evidence';
import { REPO, readTree, tmpDir } from '../helpers/env';

const TODAY = '2026-11-23';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06YWRtaW4ifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

/** What console.log prints for each line given to io. */
const printed = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('');

describe('a report written in pieces', () => {
  const dir = tmpDir('stream-out');
  const r = validateEnvironment(path.join(REPO, 'environments', 'example-city-violations'), { today: TODAY });
  const model = r.model!;
  const report = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: TODAY });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['text', 'md', 'json', 'sarif', 'junit', 'html'] as Format[])(
    '%s: the file and the printed text are the bytes of the whole report, in blocks of 7 characters or 1 Mi',
    (f) => {
      const whole = render(report, f, 'en', model);
      const once = path.join(dir, `once.${f}`);
      writeReport(whole, once, () => undefined);
      for (const chunkChars of [7, undefined]) {
        const file = path.join(dir, `${f}-${chunkChars ?? 'default'}`);
        writeChunks(renderChunks(report, f, 'en', model), file, () => undefined, { chunkChars });
        expect(fs.readFileSync(file).equals(fs.readFileSync(once))).toBe(true);
        const lines: string[] = [];
        writeChunks(renderChunks(report, f, 'en', model), undefined, (l) => lines.push(l), { chunkChars });
        const before: string[] = [];
        writeReport(whole, undefined, (l) => before.push(l));
        expect(printed(lines)).toBe(printed(before));
        // printed in many blocks when they are small, in one when the report fits
        if (chunkChars === 7) expect(lines.length).toBeGreaterThan(20);
        else expect(lines).toHaveLength(1);
      }
      expect(fs.readdirSync(dir).filter((x) => x.includes('.tmp-'))).toEqual([]);
    },
  );

  it('prints the summary (the first paragraphs) as splitting the whole text did', () => {
    const text = render(report, 'text', 'en', model);
    for (const n of [1, 3, 4, 50]) expect(firstBlocks(renderChunks(report, 'text', 'en', model), n)).toBe(text.split('\n\n').slice(0, n).join('\n\n'));
    expect(firstBlocks(['a\n', '\nb\n', '\n', '\nc'], 2)).toBe('a\n\nb');
  });

  it('leaves no file and no temporary file when the report fails half-way', () => {
    const out = path.join(dir, 'broken.txt');
    function* broken(): Generator<string> {
      yield 'x'.repeat(100);
      throw new Error('renderer failed');
    }
    expect(() => writeChunks(broken(), out, () => undefined, { chunkChars: 10 })).toThrow('renderer failed');
    expect(fs.readdirSync(dir).filter((x) => x.startsWith('broken'))).toEqual([]);
  });
});

describe('the evidence package written file by file', () => {
  const dir = tmpDir('evidence-write');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const meta: PackageMeta = {
    format: 'govcloud-evidence/v1',
    city: 'c',
    today: TODAY,
    lang: 'en',
    input: { env: 'env', synthesized: true, live: false },
    provenance: { tool: 'govcloud', version: '0.0.0', commit: 'unknown', rules: { count: 0, digest: 'sha256:0' }, producer: 'test', producedOn: TODAY },
    verify: 'sha256sum -c SHA256SUMS',
  };
  const big = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>行 ${i}</td></tr>\n`);
  const files = (extra: string[] = []): PackageFile[] => [
    { path: 'a/report.html', data: () => [...big(5000), ...extra] },
    { path: 'b.json', data: () => [Buffer.from('{"x": 1}\n')] },
    { path: 'empty.txt', data: () => [] },
  ];

  it('gives the same bytes in blocks of 1 byte to 1 MiB, and SHA256SUMS and the manifest are those of the files written', () => {
    const small = path.join(dir, 'small');
    const large = path.join(dir, 'large');
    expect(writeEvidence({ files: files(), meta }, small, { blockBytes: 1 }).files).toBe(5);
    expect(writeEvidence({ files: files(), meta }, large).files).toBe(5);
    const a = readTree(small);
    const b = readTree(large);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect([k, b.get(k)?.equals(v)]).toEqual([k, true]);
    const sha = (p: string) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(small, p)))
        .digest('hex');
    expect(fs.readFileSync(path.join(small, 'SHA256SUMS'), 'utf8')).toBe(['a/report.html', 'b.json', 'empty.txt'].map((p) => `${sha(p)}  ${p}\n`).join(''));
    const manifest = JSON.parse(fs.readFileSync(path.join(small, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number }[]; city: string };
    expect(manifest.city).toBe('c');
    expect(manifest.files.map((f) => [f.path, f.bytes])).toEqual(
      ['a/report.html', 'b.json', 'empty.txt'].map((p) => [p, fs.statSync(path.join(small, p)).size]),
    );
  });

  it('finds a token cut across two blocks, and then writes nothing', () => {
    const out = path.join(dir, 'refused');
    // the token's first half ends one block, its second half starts the next
    const extra = [`Bearer ${TOKEN.slice(0, 10)}`, `${TOKEN.slice(10)}\n`];
    const blockBytes = Buffer.byteLength(big(5000).join('') + extra[0]);
    const r = writeEvidence({ files: files(extra), meta }, out, { blockBytes });
    // the line in the whole file, not in the block it was found in
    expect(r.refused).toEqual([{ path: 'a/report.html', what: 'bearer token', line: 5001 }]);
    expect(fs.readdirSync(dir).filter((x) => x.startsWith('refused'))).toEqual([]);
  });
});
