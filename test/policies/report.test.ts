/**
 * The renderers on real reports: the base fixture city as it is, and a changed one where a failing
 * rule of tenant relief is waived in its request file and tenant portal fails unwaived (its
 * default-deny policies removed, declared classified on the extranet). Expectations are derived
 * from the report, never from how many rules there are.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { Lang } from '../../config/messages';
import { synthInMemory, StackOutput } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { CheckReport, Finding, runChecks, TenantReport } from '../../policies/engine';
import { renderText } from '../../policies/report/text';
import { renderMarkdown } from '../../policies/report/markdown';
import { renderJson } from '../../policies/report/json';
import { renderSarif } from '../../policies/report/sarif';
import { countsOf, statusText } from '../../policies/report/common';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

const TODAY = '2026-11-23';
const LANGS: readonly Lang[] = ['en', 'zh'];
const REASON = 'legacy app | open egress during migration';
const APPROVER = '安全处李工';

function modelOf(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

function check(model: CityModel, edit: (s: StackOutput[]) => void = () => undefined): CheckReport {
  const stacks = synthInMemory(model);
  edit(stacks);
  return runChecks(model, buildDeployment(model, stacks), { today: TODAY });
}

/** Removes the default-deny NetworkPolicies of some tenants from the synthesized stacks. */
const withoutDenyPolicies = (tenants: readonly string[]) => (stacks: StackOutput[]) => {
  for (const s of stacks) {
    const res = s.json.resource as Record<string, Record<string, unknown>> | undefined;
    const policies = res?.kubernetes_network_policy_v1 ?? {};
    for (const k of Object.keys(policies))
      if (k.includes('_deny_') && tenants.some((t) => k.startsWith(`${t}_`) || k.startsWith(`${t}-dr-`))) delete policies[k];
  }
};

/** Portal declared classified while on the extranet. */
const classifiedPortal = (m: CityModel): CityModel => ({
  ...m,
  tenants: m.tenants.map((t) => (t.name === 'portal' ? { ...t, classification: 'classified' as const } : t)),
});

const tenantOf = (r: CheckReport, name: string): TenantReport => {
  const t = r.tenants.find((x) => x.tenant.name === name);
  if (!t) throw new Error(`no tenant ${name}`);
  return t;
};

/** 1-based line/col of a needle on the first line matching a pattern. */
function where(file: string, line: RegExp, needle: string): { line: number; col: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => line.test(l));
  return { line: i + 1, col: lines[i].indexOf(needle) + 1 };
}

const baseDir = caseEnv(undefined, tmpDir('report-base'));
const base = check(modelOf(baseDir));

// The changed city: find a waivable rule that fails for relief, then waive it in relief's request file.
const dir = caseEnv(undefined, tmpDir('report-waived'));
const edit = withoutDenyPolicies(['relief', 'portal']);
const before = check(classifiedPortal(modelOf(dir)), edit);
const toWaive = tenantOf(before, 'relief').findings.find((f) => f.status === 'fail' && !f.rule.unwaivable);
const reliefFile = path.join(dir, 'tenants', 'north', 'relief.yaml');
fs.appendFileSync(reliefFile, `  waivers:\n    - { rule: ${toWaive?.rule.id ?? 'none'}, reason: "${REASON}", approvedBy: ${APPROVER}, expires: 2026-12-31 }\n`);
const waiverLine =
  fs
    .readFileSync(reliefFile, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(REASON)) + 1;
const mixed = check(classifiedPortal(modelOf(dir)), edit);
const portalFile = path.join(dir, 'tenants', 'north', 'portal.yaml');
const networkAt = where(portalFile, /^\s+network:/, 'extranet');

const waivedFinding = (): Finding => {
  const f = tenantOf(mixed, 'relief').findings.find((x) => x.rule.id === toWaive?.rule.id);
  if (!f) throw new Error('no waived finding');
  return f;
};
const portalFailures = () => tenantOf(mixed, 'portal').findings.filter((f) => f.status === 'fail');
/** A portal failure whose evidence points at spec.network. */
const networkFailure = () => portalFailures().find((f) => f.evidence.some((e) => e.field === 'spec.network'));

describe('the reports under test', () => {
  it('has a waivable failure for relief, waived from its request file, and unwaived failures for portal', () => {
    expect(toWaive).toBeDefined();
    expect(waivedFinding().status).toBe('waived');
    expect(waivedFinding().waiver).toMatchObject({ reason: REASON, approvedBy: APPROVER, expires: '2026-12-31', line: waiverLine });
    expect(portalFailures().length).toBeGreaterThan(0);
    expect(networkFailure()).toBeDefined();
  });
});

describe.each(LANGS)('renderText (%s)', (lang) => {
  it('summarises every tenant of the base city on one line with its counts, then the total', () => {
    const out = renderText(base, lang);
    const lines = out.split('\n');
    for (const t of base.tenants) {
      const c = countsOf(t);
      const row = new RegExp(`^${t.tenant.name}\\s+${t.level}\\s+${c.pass}\\s+${c.fail}\\s+${c.waived}\\s+${c.notApplicable}\\s+${c.partly}\\s+${c.manual}$`);
      expect(lines.some((l) => row.test(l))).toBe(true);
    }
    expect(out).toContain(lang === 'zh' ? '租户' : 'tenant');
    expect(lines.some((l) => l.startsWith(lang === 'zh' ? '合计' : 'total'))).toBe(true);
    const failing = base.tenants.flatMap((t) => t.findings.filter((f) => f.status === 'fail'));
    if (failing.length === 0) expect(out).toContain(lang === 'zh' ? '没有未豁免的不通过项' : 'No unwaived failures');
    for (const f of failing) expect(out).toContain(f.rule.id);
  });

  it('lists each unwaived failure with title, evidence, file:line and remediation in the language', () => {
    const out = renderText(mixed, lang);
    for (const f of portalFailures()) {
      expect(out).toContain(`${f.rule.id} [`);
      expect(out).toContain(f.rule.title[lang]);
      expect(out).toContain(f.rule.remediation[lang]);
      for (const e of f.evidence) if (e.address) expect(out).toContain(e.address);
    }
    expect(out).toContain(`${portalFile}:${networkAt.line}:${networkAt.col}`);
    expect(out).toContain(lang === 'zh' ? '整改建议' : 'remediation');
    // The waived rule is listed as a waiver, not a failure.
    const w = waivedFinding();
    expect(out).not.toMatch(new RegExp(`${w.rule.id} \\[[^\\]]+\\] relief`));
    expect(out).toContain(`${w.rule.id} relief${lang === 'zh' ? '：' : ': '}`);
    expect(out).toContain(`${APPROVER}`);
    expect(out).toContain(`${reliefFile}:${waiverLine}:1`);
  });
});

describe.each(LANGS)('renderMarkdown (%s)', (lang) => {
  it('gives a summary and, per tenant, every clause with its status and covering rules', () => {
    const out = renderMarkdown(base, lang);
    expect(out.startsWith('# ')).toBe(true);
    for (const t of base.tenants) {
      expect(out).toContain(`\n## ${t.tenant.name}\n`);
      expect(out).toContain(`| [${t.tenant.name}](#${t.tenant.name}) | ${t.level} | ${countsOf(t).pass} |`);
      for (const c of t.clauses) {
        expect(out).toContain(`| ${c.clause} | ${c.title[lang]} | ${statusText(c.status, lang)} | ${c.rules.length > 0 ? c.rules.join(', ') : '—'} |`);
      }
    }
    expect(out).toContain(lang === 'zh' ? '需人工证据（manual）' : '| manual |');
  });

  it('shows failures with evidence and remediation, and waivers with reason, approver and expiry', () => {
    const out = renderMarkdown(mixed, lang);
    for (const f of portalFailures()) expect(out).toContain(`#### ${f.rule.id} — ${f.rule.title[lang]}`);
    expect(out).toContain(`\`${portalFile}:${networkAt.line}:${networkAt.col}\``);
    const w = waivedFinding();
    expect(out).toContain(
      `| ${w.rule.id} | ${statusText('waived', lang)} | legacy app \\| open egress during migration | ${APPROVER} | 2026-12-31 | \`${reliefFile}:${waiverLine}:1\` |`,
    );
    for (const t of mixed.tenants)
      for (const c of t.clauses.filter((x) => x.status === 'fail' || x.status === 'waived'))
        expect(out).toContain(`| ${c.clause} | ${c.title[lang]} | ${statusText(c.status, lang)} |`);
  });
});

describe('renderJson', () => {
  const sortedEverywhere = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.every(sortedEverywhere)
      : v !== null && typeof v === 'object'
        ? Object.keys(v).join('\n') === Object.keys(v).sort().join('\n') && Object.values(v).every(sortedEverywhere)
        : true;

  it('is deterministic plain data with sorted keys and rule metadata by id', () => {
    for (const r of [base, mixed]) {
      const out = renderJson(r);
      expect(renderJson(r)).toBe(out);
      const data = JSON.parse(out) as {
        rules: Record<string, { id: string; remediation: { en: string } }>;
        tenants: { name: string; findings: { rule: string; status: string }[] }[];
      };
      expect(sortedEverywhere(data)).toBe(true);
      const ids = [...new Set([...r.platform, ...r.tenants].flatMap((t) => t.findings.map((f) => f.rule.id)))].sort();
      expect(Object.keys(data.rules)).toEqual(ids);
      for (const id of ids) expect(data.rules[id].id).toBe(id);
      expect(data.tenants.map((t) => t.name)).toEqual(r.tenants.map((t) => t.tenant.name));
      data.tenants.forEach((t, i) => expect(t.findings.map((f) => [f.rule, f.status])).toEqual(r.tenants[i].findings.map((f) => [f.rule.id, f.status])));
    }
  });

  it('carries waivers and evidence positions', () => {
    const data = JSON.parse(renderJson(mixed)) as {
      tenants: {
        name: string;
        findings: {
          rule: string;
          status: string;
          waiver?: { line: number; approvedBy: string };
          evidence: { field?: string; location?: { line: number; col: number } }[];
        }[];
      }[];
    };
    const relief = data.tenants.find((t) => t.name === 'relief');
    expect(relief?.findings.find((f) => f.rule === waivedFinding().rule.id)).toMatchObject({
      status: 'waived',
      waiver: { line: waiverLine, approvedBy: APPROVER },
    });
    const portal = data.tenants.find((t) => t.name === 'portal');
    const ev = portal?.findings.flatMap((f) => f.evidence).find((e) => e.field === 'spec.network');
    expect(ev?.location).toEqual({ file: portalFile, ...networkAt });
  });
});

describe('renderSarif', () => {
  // The vendored schema is the draft 2020-12 edition Microsoft's SARIF SDK ships (see test/fixtures/sarif/README.md).
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const validate = ajv.compile(schema);
  const valid = (log: unknown) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

  interface Result {
    ruleId: string;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
    relatedLocations: { logicalLocations?: { fullyQualifiedName: string }[] }[];
    suppressions?: { kind: string; justification: string; location: { physicalLocation: { region: { startLine: number } } } }[];
    properties: { tenant: string };
  }
  interface Log {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; properties: { clauses: Record<string, string[]>; tags: string[] } }[] } };
      results: Result[];
    }[];
  }

  it('rejects what the schema forbids (the validator is live)', () => {
    expect(valid({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] }).length).toBeGreaterThan(0);
    expect(valid({ version: '2.0.0', runs: [] }).length).toBeGreaterThan(0);
  });

  it.each(LANGS)('is valid SARIF 2.1.0 for the base and the changed city (%s)', (lang) => {
    for (const [r, root] of [
      [base, baseDir],
      [mixed, dir],
    ] as const) {
      const log = JSON.parse(renderSarif(r, lang, { root })) as Log;
      expect(valid(log)).toEqual([]);
      expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
      expect(log.version).toBe('2.1.0');
      expect(log.runs).toHaveLength(1);
      const run = log.runs[0];
      expect(run.tool.driver.name).toBe('govcloud');
      const judged = [...new Set([...r.platform, ...r.tenants].flatMap((t) => t.findings.map((f) => f.rule)))];
      expect(run.tool.driver.rules.map((x) => x.id)).toEqual(judged.map((x) => x.id).sort());
      for (const rule of judged) {
        const d = run.tool.driver.rules.find((x) => x.id === rule.id);
        for (const l of [1, 2, 3, 4] as const) expect(d?.properties.clauses[String(l)]).toEqual(rule.clauses[l]);
        expect(d?.properties.tags).toContain('mlps');
      }
      const expected = [...r.platform, ...r.tenants].reduce((n, t) => n + countsOf(t).fail + countsOf(t).waived, 0);
      expect(run.results).toHaveLength(expected);
      // severities map to SARIF levels of the same names
      for (const x of run.results) expect(x.level).toBe(judged.find((j) => j.id === x.ruleId)?.severity);
    }
  });

  it.each(LANGS)('points failures at the request file and suppresses waived findings (%s)', (lang) => {
    const run = (JSON.parse(renderSarif(mixed, lang, { root: dir })) as Log).runs[0];
    const nf = networkFailure();
    const r = run.results.find((x) => x.ruleId === nf?.rule.id && x.properties.tenant === 'portal');
    expect(r?.level).toBe(nf?.rule.severity);
    expect(r?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'tenants/north/portal.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: networkAt.line, startColumn: networkAt.col },
    });
    expect(r?.message.text).toContain(nf?.rule.title[lang]);
    for (const f of portalFailures()) {
      const res = run.results.find((x) => x.ruleId === f.rule.id && x.properties.tenant === 'portal');
      expect(res?.suppressions).toBeUndefined();
      const addresses = res?.relatedLocations.flatMap((l) => l.logicalLocations ?? []).map((l) => l.fullyQualifiedName);
      expect(addresses).toEqual(f.evidence.flatMap((e) => (e.address ? [e.address] : [])));
      for (const a of addresses ?? []) expect(res?.message.text).toContain(a);
    }
    const waived = run.results.find((x) => x.ruleId === waivedFinding().rule.id && x.properties.tenant === 'relief');
    expect(waived?.suppressions).toEqual([expect.objectContaining({ kind: 'external', justification: REASON })]);
    expect(waived?.suppressions?.[0].location.physicalLocation.region.startLine).toBe(waiverLine);
    expect(waived?.locations[0].physicalLocation.artifactLocation.uri).toBe('tenants/north/relief.yaml');
  });

  it('uses a file URI for a request file outside the root', () => {
    const run = (JSON.parse(renderSarif(mixed, 'en', { root: path.join(REPO, 'docs') })) as Log).runs[0];
    expect(valid({ version: '2.1.0', runs: [run] })).toEqual([]);
    for (const r of run.results) expect(r.locations[0].physicalLocation.artifactLocation.uri.startsWith('file:///')).toBe(true);
  });
});

describe('the renderers are pure', () => {
  it('give the same output after the request files are gone: positions are part of the report', () => {
    const dir = caseEnv(undefined, tmpDir('pure'));
    const report = check(modelOf(dir), withoutDenyPolicies(['portal']));
    const located = report.tenants.flatMap((t) => t.findings).filter((f) => f.at.line > 1);
    expect(located.length).toBeGreaterThan(0);
    const render = () =>
      LANGS.flatMap((l) => [renderText(report, l), renderMarkdown(report, l), renderSarif(report, l, { root: dir })]).concat(renderJson(report));
    const before = render();
    fs.rmSync(path.join(dir, 'tenants'), { recursive: true, force: true });
    expect(render()).toEqual(before);
  });
});
