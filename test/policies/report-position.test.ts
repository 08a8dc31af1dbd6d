/** Evidence fields become file:line:col of the request file; each file is read once per Positions. */
import * as fs from 'fs';
import * as path from 'path';
import { parseField, Positions, waiverPosition, formatPosition } from '../../policies/position';
import { CityModel, Tenant } from '../../config/model';
import { validateEnvironment } from '../../config/validate';
import { runChecks } from '../../policies/engine';
import { buildDeployment } from '../../policies/deployment';
import { RULES } from '../../policies/registry';
import { synthInMemory } from '../../stacks/in-memory';
import { caseEnv, REPO } from '../helpers/env';

const dir = caseEnv(undefined);
const portal = path.join(dir, 'tenants', 'north', 'portal.yaml');
const caseFiles = path.join(dir, 'tenants', 'south', 'case-files.yaml');

/** 1-based line and column of the first occurrence of `needle` on a line matching `line`. */
function where(file: string, line: RegExp, needle: string): { line: number; col: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => line.test(l));
  if (i < 0) throw new Error(`no line ${line} in ${file}`);
  return { line: i + 1, col: lines[i].indexOf(needle) + 1 };
}

describe('parseField', () => {
  it('reads dotted keys and list indexes', () => {
    expect(parseField('spec.dr.tier')).toEqual(['spec', 'dr', 'tier']);
    expect(parseField('spec.flows[1].to')).toEqual(['spec', 'flows', 1, 'to']);
    expect(parseField('spec')).toEqual(['spec']);
  });

  it('refuses malformed paths', () => {
    for (const bad of ['', '.spec', 'spec..dr', '[0].x', 'spec.flows[x]', 'spec.flows[1]to', 'spec.']) expect([bad, parseField(bad)]).toEqual([bad, undefined]);
  });
});

describe('Positions', () => {
  it('points a field at its value', () => {
    const pos = new Positions();
    expect(pos.field(portal, 'spec.network')).toEqual({ file: portal, ...where(portal, /^\s+network:/, 'extranet') });
    expect(pos.field(portal, 'spec.dr.tier')).toEqual({ file: portal, ...where(portal, /^\s+dr:/, 'backup') });
  });

  it('points into lists', () => {
    const pos = new Positions();
    expect(pos.field(portal, 'spec.flows[1].to')).toEqual({ file: portal, ...where(portal, /to: internet/, 'internet') });
    expect(pos.field(portal, 'spec.flows[0]')).toEqual({ file: portal, ...where(portal, /to: tenant\/south\/exchange-hub/, '{') });
  });

  it('falls back to line 1 without a field, for a field the file lacks, a malformed path or a missing file', () => {
    const pos = new Positions();
    const top = (file: string) => ({ file, line: 1, col: 1 });
    expect(pos.field(caseFiles, undefined)).toEqual(top(caseFiles));
    expect(pos.field(caseFiles, 'spec.dr.tier')).toEqual(top(caseFiles));
    expect(pos.field(portal, 'spec.flows[7].to')).toEqual(top(portal));
    expect(pos.field(portal, 'spec..x')).toEqual(top(portal));
    const missing = path.join(dir, 'tenants', 'north', 'nope.yaml');
    expect(pos.field(missing, 'spec.network')).toEqual(top(missing));
    expect(pos.find(portal, 'spec.dr.zone')).toBeUndefined();
  });

  it('reads a file once per Positions object', () => {
    const copy = path.join(caseEnv(undefined), 'tenants', 'north', 'portal.yaml');
    const pos = new Positions();
    const before = pos.field(copy, 'spec.network');
    fs.writeFileSync(copy, `# moved down\n\n${fs.readFileSync(copy, 'utf8')}`);
    expect(pos.field(copy, 'spec.network')).toEqual(before);
    expect(new Positions().field(copy, 'spec.network').line).toBe(before.line + 2);
  });

  it('annotates a finding at its first evidence field the file holds', () => {
    const pos = new Positions();
    const tenant = { source: { file: portal, line: 1 }, waivers: [] } as unknown as Tenant;
    const evidence = [
      { address: 'a:b.c', detail: 'no field' },
      { field: 'spec.missing', detail: 'absent' },
      { field: 'spec.zone', detail: 'zone' },
    ];
    expect(pos.finding(tenant, evidence)).toEqual({ file: portal, ...where(portal, /^\s+zone:/, 'public-service') });
    expect(pos.finding(tenant, evidence.slice(0, 2))).toEqual({ file: portal, line: 1, col: 1 });
    expect(pos.evidence(tenant, evidence[0])).toEqual({ file: portal, line: 1, col: 1 });
  });

  it('places a waiver at its recorded line', () => {
    const tenant = { source: { file: 'tenants/north/relief.yaml', line: 1 } } as unknown as Tenant;
    const p = waiverPosition(tenant, { rule: 'MLPS-NET-001', reason: 'r', approvedBy: 'a', expires: '2026-12-31', line: 19 });
    expect(formatPosition(p)).toBe('tenants/north/relief.yaml:19:1');
  });
});

describe('positions recorded by validation', () => {
  // the violations city: failing findings with evidence in lists, maps and waivers
  const env = path.join(REPO, 'environments', 'example-city-violations');
  const judged = (positions: boolean) => {
    const model = validateEnvironment(env, { rules: RULES, positions, today: '2026-11-23' }).model as CityModel;
    const report = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: '2026-11-23' });
    return report.tenants.map((t) => ({ tenant: t.tenant.name, at: t.findings.map((f) => [f.rule.id, f.at, f.evidence.map((e) => e.at)]) }));
  };

  it('place every finding and piece of evidence where reading the file places it', () => {
    const recorded = judged(true);
    expect(recorded).toEqual(judged(false));
    expect(recorded.flatMap((t) => t.at).filter(([, at]) => (at as { line: number }).line > 1).length).toBeGreaterThan(10);
  });

  it('are kept only when asked for', () => {
    expect(validateEnvironment(env, { positions: true }).model?.tenants.every((t) => t.source.index !== undefined)).toBe(true);
    expect(validateEnvironment(env).model?.tenants.some((t) => t.source.index !== undefined)).toBe(false);
  });
});
