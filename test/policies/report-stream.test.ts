/**
 * Reports in pieces (policies/report/chunks.ts): joined, every format gives the bytes the string
 * renderers give; JSON and SARIF give the bytes of one JSON.stringify of the whole data; and no
 * piece grows with the city (a piece is a line, a row, a tenant section or a tenant's JSON at most),
 * so that a writer never needs the whole report in one string.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { Lang } from '../../config/messages';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { CheckReport, runChecks } from '../../policies/engine';
import { reportData } from '../../policies/report/json';
import { renderSarif, sarifLog } from '../../policies/report/sarif';
import { join, joinLines, LazyArray, sortedJsonChunks, trimEnd } from '../../policies/report/chunks';
import { renderJson } from '../../policies/report';
import { Format, render, renderChunks } from '../../cli/check';
import { sortKeys } from '../../terraform/stable-json';
import { BENCH_TODAY, generateCity } from '../../bench/generate';
import { REPO, tmpDir } from '../helpers/env';

const TODAY = '2026-11-23';
const FORMATS: readonly Format[] = ['text', 'md', 'json', 'sarif', 'junit', 'html'];

function judged(dir: string, today = TODAY): { model: CityModel; report: CheckReport } {
  const r = validateEnvironment(dir, { today });
  if (!r.model) throw new Error(`invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return { model: r.model, report: runChecks(r.model, buildDeployment(r.model, synthInMemory(r.model)), { today }) };
}

describe('JSON in pieces', () => {
  /** Some arrays of a JSON value made lazy (every array at an odd depth). */
  const lazify = (v: unknown, depth = 0): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => lazify(x, depth + 1));
      return depth % 2 === 1 ? new LazyArray(() => items) : items;
    }
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lazify(x, depth + 1)]));
    return v;
  };

  it('gives the bytes of JSON.stringify(sortKeys(v), null, 2), lazy arrays included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        expect(join(sortedJsonChunks(lazify(v)))).toBe(JSON.stringify(sortKeys(v), null, 2));
      }),
      { numRuns: 300 },
    );
    const odd = { b: [undefined, 1, NaN], a: undefined, c: new LazyArray(() => []), d: { e: new LazyArray(() => [{ z: 1, y: [] }, undefined]) }, f: {} };
    const plain = { b: [undefined, 1, NaN], a: undefined, c: [], d: { e: [{ z: 1, y: [] }, undefined] }, f: {} };
    expect(join(sortedJsonChunks(odd))).toBe(JSON.stringify(sortKeys(plain), null, 2));
  });

  it('joins lines and trims the end as join and trimEnd do', () => {
    expect(join(joinLines(['a', ['b', 'c'], '', 'd']))).toBe(['a', 'bc', '', 'd'].join('\n'));
    expect(join(trimEnd(['a ', ' ', '\n', 'b', '  \n', '\n']))).toBe('a  \nb');
    expect(join(trimEnd([' ', '\n']))).toBe('');
  });
});

describe.each(['environments/example-city', 'environments/example-city-violations'])('the reports of %s in pieces', (env) => {
  const { model, report } = judged(path.join(REPO, env));

  it.each(['en', 'zh'] as Lang[])('JSON and SARIF (%s) are the bytes of the whole data serialized at once, and parse', (lang) => {
    const json = renderJson(report);
    expect(json).toBe(`${JSON.stringify(reportData(report), null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(reportData(report));
    const sarif = renderSarif(report, lang, { root: REPO });
    expect(sarif).toBe(`${JSON.stringify(sarifLog(report, lang, { root: REPO }), null, 2)}\n`);
    expect((JSON.parse(sarif) as { runs: { results: unknown[] }[] }).runs[0].results.length).toBe(
      report.tenants.concat(report.platform).reduce((n, t) => n + t.findings.filter((f) => f.status === 'fail' || f.status === 'waived').length, 0),
    );
  });

  it('gives, joined, the text of the string renderer in every format', () => {
    for (const f of FORMATS) {
      const chunks = [...renderChunks(report, f, 'zh', model)];
      expect(chunks.length).toBeGreaterThan(5);
      expect(chunks.join('')).toBe(render(report, f, 'zh', model));
    }
  });
});

describe('the reports of a generated city of 150 tenants', () => {
  const dir = tmpDir('stream-city');
  generateCity(path.join(dir, 'city'), 150);
  const { model, report } = judged(path.join(dir, 'city'), BENCH_TODAY);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(FORMATS)('%s: many pieces, none of them more than a tenant’s part of the report', (f) => {
    const sizes = [...renderChunks(report, f, 'en', model)].map((c) => c.length);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(sizes.length).toBeGreaterThan(100);
    // the largest piece: a line, a row, a rule, a tenant's section or JSON (a county's exchange hub has the most); never the report
    expect(Math.max(...sizes)).toBeLessThan(total / 20);
  });
});
