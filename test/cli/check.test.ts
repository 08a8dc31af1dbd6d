/**
 * `govcloud check` as users run it: the example city passes with its waivers; the violations city
 * makes every registered rule fail, with evidence, in all four formats.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../policies/registry';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

const CLI = path.join(REPO, 'dist', 'cli', 'main.js');
const VIOLATIONS = 'environments/example-city-violations';

function govcloud(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--today', '2026-11-23'], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('govcloud check on the example city', () => {
  it('passes, with the waivers the intranet systems need', () => {
    const r = govcloud(['check', '--summary']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No unwaived failures.');
    expect(r.out).toMatch(/^party-office-documents +4 +\d+ +0 +4 /m);
  });

  it('judges every tenant at a stricter level with --level, and fails what that level adds', () => {
    const r = govcloud(['check', '--level', '4', '--tenant', 'marriage-registration', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { tenants: { level: number; findings: { rule: string; status: string }[] }[] };
    expect(report.tenants).toHaveLength(1);
    expect(report.tenants[0].level).toBe(4);
    const failed = report.tenants[0].findings.filter((f) => f.status === 'fail').map((f) => f.rule);
    expect(failed).toEqual(expect.arrayContaining(['MLPS-DATA-003', 'MLPS-DATA-004', 'MLPS-PLACE-004']));
  });
});

/**
 * Rules the violations city cannot break: they judge only files synth generates (the audit policy of
 * each kube-apiserver), which no request or hand-written Terraform changes. They fail on an edited
 * synth output in test/stacks/cluster-config.test.ts and test/policies/cases/audit.ts.
 */
const GENERATED_ONLY = ['MLPS-AUDIT-004'];
const breakable = () => RULES.map((r) => r.id).filter((id) => !GENERATED_ONLY.includes(id));

describe('govcloud check on the violations city', () => {
  const dir = tmpDir('violations');
  const outputs = {
    json: govcloud(['check', '--env', VIOLATIONS, '--format', 'json', '--out', path.join(dir, 'r.json')]),
    md: govcloud(['check', '--env', VIOLATIONS, '--format', 'md', '--out', path.join(dir, 'r.md')]),
    sarif: govcloud(['check', '--env', VIOLATIONS, '--format', 'sarif', '--out', path.join(dir, 'r.sarif')]),
    text: govcloud(['check', '--env', VIOLATIONS, '--lang', 'zh']),
  };

  it('exits 1 in every format', () => {
    expect(Object.values(outputs).map((o) => o.code)).toEqual([1, 1, 1, 1]);
  });

  it('makes every registered rule fail with evidence (JSON)', () => {
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as {
      tenants: { findings: { rule: string; status: string; evidence: { detail: string }[] }[] }[];
      platform: { findings: { rule: string; status: string; evidence: { detail: string }[] }[] }[];
    };
    const failing = [...report.tenants, ...report.platform].flatMap((t) => t.findings.filter((f) => f.status === 'fail'));
    for (const f of failing) expect(f.evidence.length).toBeGreaterThan(0);
    expect(breakable().filter((id) => !failing.some((f) => f.rule === id))).toEqual([]);
  });

  it('fails the public-service tenant whose hand-added policy reaches the whole egress namespace instead of the gateway pods (JSON)', () => {
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')) as {
      tenants: { name: string; findings: { rule: string; status: string; evidence: { detail: string }[] }[] }[];
    };
    const portal = report.tenants.find((t) => t.name === 'portal')?.findings.find((f) => f.rule === 'MLPS-NET-005');
    expect(portal?.status).toBe('fail');
    expect(portal?.evidence.map((e) => e.detail)).toEqual([
      'whole-egress-namespace (ext-main/portal-prod) egress rule 1 reaches the egress namespace internet-egress, but it selects every pod of the egress namespace, not the gateway pods (app.kubernetes.io/name=egress-gateway)',
    ]);
  });

  it('annotates the request files for every rule (SARIF)', () => {
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'r.sarif'), 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          suppressions?: unknown[];
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0].results.filter((r) => !r.suppressions);
    expect(breakable().filter((id) => !results.some((r) => r.ruleId === id))).toEqual([]);
    for (const r of results) {
      // a tenant's findings point at its request file, the platform's at platform.yaml
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(
        /^environments\/example-city-violations\/(tenants\/[a-z]+\/[a-z-]+|platform)\.yaml$/,
      );
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('names every failing rule in the Markdown and the Chinese text report', () => {
    const md = fs.readFileSync(path.join(dir, 'r.md'), 'utf8');
    for (const id of breakable()) {
      expect([id, md.includes(id)]).toEqual([id, true]);
      expect([id, outputs.text.out.includes(id)]).toEqual([id, true]);
    }
    expect(outputs.text.out).toContain('不通过');
  });
});

describe('waivers at check time', () => {
  it('warns at the waiver line when the waived rule passes (stale)', () => {
    const env = caseEnv(undefined);
    const f = path.join(env, 'tenants', 'south', 'exchange-hub.yaml');
    fs.writeFileSync(
      f,
      fs
        .readFileSync(f, 'utf8')
        .replace(
          '  admins:',
          '  waivers:\n    - { rule: MLPS-NET-001, reason: "kept from the migration period", approvedBy: 安全处, expires: 2027-01-31 }\n  admins:',
        ),
    );
    const r = govcloud(['check', '--env', 'case', '--tenant', 'exchange-hub'], path.dirname(env));
    expect(r.err).toContain(
      'case/tenants/south/exchange-hub.yaml:21:7 spec.waivers[0]: warning: waiver of MLPS-NET-001 is not needed: the rule passes for this tenant; remove it',
    );
  });

  it('turns a failing rule into waived, and an expired waiver into a validation error', () => {
    const env = caseEnv(undefined);
    const f = path.join(env, 'tenants', 'north', 'relief.yaml');
    const original = fs.readFileSync(f, 'utf8');
    const waive = (expires: string) =>
      original.replace(
        '  admins:',
        `  waivers:\n    - { rule: MLPS-DATA-001, reason: "backup agent arrives with the 2027 upgrade", approvedBy: 安全处, expires: ${expires} }\n    - { rule: MLPS-DATA-002, reason: "remote copy arrives with the 2027 upgrade", approvedBy: 安全处, expires: 2027-01-31 }\n  admins:`,
      );
    fs.writeFileSync(f, waive('2027-01-31'));
    const ok = govcloud(['check', '--env', 'case', '--tenant', 'relief', '--format', 'json'], path.dirname(env));
    expect(ok.code).toBe(0);
    const statuses = (JSON.parse(ok.out) as { tenants: { findings: { rule: string; status: string }[] }[] }).tenants[0].findings.filter((x) =>
      x.rule.startsWith('MLPS-DATA-00'),
    );
    expect(statuses.filter((x) => x.status === 'waived').map((x) => x.rule)).toEqual(['MLPS-DATA-001', 'MLPS-DATA-002']);
    fs.writeFileSync(f, waive('2026-01-31'));
    const expired = govcloud(['check', '--env', 'case', '--tenant', 'relief'], path.dirname(env));
    expect(expired.code).toBe(1);
    expect(expired.err).toContain('spec.waivers[0].expires: waiver of MLPS-DATA-001 expired on 2026-01-31 (today is 2026-11-23)');
  });
});

describe('check usage errors', () => {
  it('refuses an unknown tenant, format or level with exit 2', () => {
    expect(govcloud(['check', '--tenant', 'nobody']).code).toBe(2);
    expect(govcloud(['check', '--format', 'pdf']).err).toContain('--format must be text, md, json, sarif, junit or html, got "pdf"');
    expect(govcloud(['check', '--level', '5']).err).toContain('--level must be 1, 2, 3 or 4, got "5"');
  });
});

describe('physical isolation at check time (issue 10)', () => {
  it('fails a city that synth would refuse, naming each mention, and still writes the report', () => {
    const env = caseEnv(undefined);
    const f = path.join(env, 'tenants/north/relief.yaml');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('displayName: 测试系统 relief', 'displayName: 测试系统 relief (case-files mirror)'));
    const r = govcloud(['check', '--env', 'case', '--format', 'json'], path.dirname(env));
    expect(r.code).toBe(1);
    const lines = r.err.split('\n').filter((l) => l !== '');
    expect(lines.at(-1)).toBe(`check failed: ${lines.length - 1} isolation violations, which synth refuses`);
    for (const l of lines.slice(0, -1))
      expect(l).toMatch(
        /^physical isolation violated: dept-north-[a-z-]+-ext-(main|far) \(extranet\) refers to tenant case-files of the other network at .*: "测试系统 relief \(case-files mirror\)"$/,
      );
    expect(JSON.parse(r.out)).toHaveProperty('tenants');
  });
});
