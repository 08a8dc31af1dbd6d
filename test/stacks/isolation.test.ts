/**
 * Physical isolation on what synth writes: names of the other network in any case and inside longer
 * strings (on token boundaries), and addresses inside the other network's ranges, in generated
 * stacks and in hand-written overrides; synth refuses and writes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthError } from '../../stacks/synth';
import { planStacks } from '../../stacks/slices';
import { addressesIn, findViolations, hasToken, isolationMarkers, IsolationViolation } from '../../stacks/isolation';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

function model(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

/** The base fixture city with some text of a tenant file replaced. */
function envWith(file: string, from: string, to: string): string {
  const dir = caseEnv(undefined);
  const p = path.join(dir, 'tenants', file);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  fs.writeFileSync(p, text.replace(from, to));
  return dir;
}

/** Synthesizes and returns the violations (none if synth passed), checking that a refusal wrote nothing. */
function violationsOf(dir: string, handAdded?: string): IsolationViolation[] {
  const out = path.join(tmpDir('iso'), 'out');
  try {
    synthesize(model(dir), { outDir: out, repoRoot: REPO, handAdded });
    return [];
  } catch (e) {
    if (!(e instanceof SynthError)) throw e;
    expect(fs.existsSync(out)).toBe(false);
    return e.details.violations ?? [];
  }
}

const brief = (v: readonly IsolationViolation[]) => v.map((x) => `${x.stack} ${x.marker.what} ${x.marker.value} ${x.path}`);

describe('name matching', () => {
  it('finds a name in any case inside a longer string, on token boundaries only', () => {
    expect(hasToken('portal mirror of case-files-prod.svc', 'case-files')).toBe(true);
    expect(hasToken('case-files', 'case-files')).toBe(true);
    expect(hasToken('showcase-filesystem', 'case-files')).toBe(false);
    expect(hasToken('case-files2', 'case-files')).toBe(false);
  });

  it('reads every IPv4 address and CIDR in a string, also inside a host name', () => {
    expect(addressesIn('from 172.16.3.4 and 10.0.0.0/8, not 1.2.3 or 999.1.1.1')).toEqual([
      { first: 0xac100304, last: 0xac100304 },
      { first: 0x0a000000, last: 0x0affffff },
    ]);
    expect(addressesIn('app.172.16.9.1.nip.io').some((r) => r.first === 0xac100901)).toBe(true);
    expect(addressesIn('chart 1.2.3 port 443')).toEqual([]);
  });

  it('excuses a name that is also a word the stacks or the other network write only inside that word', () => {
    const m = model(caseEnv(undefined));
    const renamed = { ...m, tenants: m.tenants.map((t) => (t.name === 'case-files' ? { ...t, name: 'audit' } : t)) };
    const markers = isolationMarkers(renamed, planStacks(renamed)).intranet;
    expect(markers.find((x) => x.value === 'audit')?.inside).toContainEqual({ legit: 'govcloud-audit', at: 9 });
    expect(markers.find((x) => x.value === 'audit-prod')).toEqual({ value: 'audit-prod', what: 'namespace', match: 'token' });
    // the extranet's own output mentions govcloud-audit: not a leak
    expect(findViolations('s', 'extranet', { a: 'govcloud-audit', b: 'Audit' }, markers).map((v) => v.value)).toEqual(['Audit']);
    expect(findViolations('s', 'extranet', { a: 'ns AUDIT-PROD' }, markers).map((v) => v.marker.value)).toEqual(['audit-prod']);
  });

  it('judges what Terraform renders: a name composed at plan time from literals is found (issue 21)', () => {
    const markers = isolationMarkers(model(caseEnv(undefined)), planStacks(model(caseEnv(undefined)))).intranet;
    const found = (v: string) => findViolations('s', 'extranet', { v }, markers).map((x) => x.marker.value);
    expect(found('ns ${"case-"}${"files-prod"}')).toContain('case-files-prod');
    expect(found('${join("", ["case-", "files"])}.svc')).toContain('case-files');
    // an escaped template is shown as written: no interpolation joins its pieces
    expect(found('$${"case-"}$${"files"}')).toEqual([]);
  });

  it('excuses an intranet name in an extranet approval reference only inside that reference (issue 10)', () => {
    const m = model(caseEnv(undefined));
    const ext = m.tenants.find((t) => t.network === 'extranet');
    if (!ext) throw new Error('fixture has no extranet tenant');
    const changed = { ...m, tenants: m.tenants.map((t) => (t === ext ? { ...t, approvalRef: 'INT-MAIN XM-2026-0001', department: 'grp-case-files-ops' } : t)) };
    const markers = isolationMarkers(changed, planStacks(changed)).intranet;
    const found = (v: string) => findViolations('s', 'extranet', { v }, markers).map((x) => x.marker.value);
    expect(found('INT-MAIN XM-2026-0001')).toEqual([]);
    expect(found('grp-case-files-ops')).toEqual([]);
    expect(found('INT-MAIN 测试市')).toEqual(['int-main']);
    expect(found('case-files team')).toEqual(['case-files']);
    // the reference once excused, the same name again in the same string is still a mention
    expect(found('INT-MAIN XM-2026-0001 and int-main')).toEqual(['int-main']);
  });
});

describe('synth refuses what names the other network, and writes nothing', () => {
  it('passes the base fixture city, whose wider ranges (0.0.0.0/0, 172.16.0.0/12 in the egress policy) contain the intranet', () => {
    expect(violationsOf(caseEnv(undefined))).toEqual([]);
  });

  it('refuses an extranet display name holding an intranet tenant name in another case', () => {
    const dir = envWith('north/portal.yaml', 'displayName: 测试系统 portal', 'displayName: 测试系统（对接CASE-FILES）');
    const v = violationsOf(dir);
    expect(v.length).toBeGreaterThan(0);
    expect(new Set(v.map((x) => `${x.network} ${x.marker.what} ${x.marker.value}`))).toEqual(new Set(['extranet tenant case-files']));
    expect(v.map((x) => x.value)).toContain('测试系统（对接CASE-FILES）');
  });

  it('refuses an extranet flow host naming an intranet namespace and cluster', () => {
    const dir = envWith('north/portal.yaml', 'hosts: [api.example.cn]', 'hosts: [api.example.cn, case-files-prod.int-main.test.gov.cn]');
    const v = violationsOf(dir);
    expect(v.length).toBeGreaterThan(0);
    expect(new Set(v.map((x) => x.marker.value))).toEqual(new Set(['case-files-prod']));
    expect(v.every((x) => x.network === 'extranet')).toBe(true);
  });

  it('refuses an extranet override naming an address inside the intranet range, and a cluster in capitals', () => {
    const dir = caseEnv(undefined);
    const overrides = path.join(dir, 'overrides');
    fs.mkdirSync(path.join(overrides, 'dept-north-civil-affairs-ext-main'), { recursive: true });
    fs.writeFileSync(
      path.join(overrides, 'dept-north-civil-affairs-ext-main', 'peek.tf.json'),
      JSON.stringify({
        resource: {
          kubernetes_config_map_v1: {
            peek: {
              metadata: { name: 'peek', namespace: 'portal-prod' },
              data: { db: 'postgres://172.16.4.20:5432/app', net: '172.16.8.0/24', ctx: 'INT-MAIN' },
            },
          },
        },
      }),
    );
    expect(brief(violationsOf(dir, overrides))).toEqual([
      'dept-north-civil-affairs-ext-main cidr 172.16.0.0/16 peek.tf.json:resource.kubernetes_config_map_v1.peek.data.db',
      'dept-north-civil-affairs-ext-main cidr 172.16.0.0/16 peek.tf.json:resource.kubernetes_config_map_v1.peek.data.net',
      'dept-north-civil-affairs-ext-main cluster int-main peek.tf.json:resource.kubernetes_config_map_v1.peek.data.ctx',
    ]);
  });

  it('refuses an intranet override naming an extranet zone range, an extranet cluster or tenant', () => {
    const dir = caseEnv(undefined);
    const overrides = path.join(dir, 'overrides');
    fs.mkdirSync(path.join(overrides, 'platform-int-main'), { recursive: true });
    fs.writeFileSync(
      path.join(overrides, 'platform-int-main', 'reach.tf.json'),
      JSON.stringify({ locals: { admin: '10.20.5.7', site: 'https://Ext-Main.test.gov.cn', mirror: 'Portal-Test backup' } }),
    );
    expect(brief(violationsOf(dir, overrides))).toEqual([
      'platform-int-main cidr 10.20.0.0/16 reach.tf.json:locals.admin',
      'platform-int-main cluster ext-main reach.tf.json:locals.site',
      'platform-int-main namespace portal-test reach.tf.json:locals.mirror',
    ]);
  });
});
