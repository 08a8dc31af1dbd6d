/**
 * Isolation by meaning (issue 21): the other network's names are found however they are spelled —
 * case, separators, CamelCase, full-width and look-alike letters, invisible characters — its
 * addresses however a host encodes them, and its tenants' display names too; the example cities
 * still pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { planStacks } from '../../stacks/slices';
import { findViolations, isolationMarkers } from '../../stacks/isolation';
import { addressesIn, camelFold, fold, plainFold } from '../../stacks/isolation-normalise';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { caseEnv, REPO } from '../helpers/env';

function model(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

const base = model(caseEnv(undefined));
const intranet = isolationMarkers(base, planStacks(base)).intranet;
const extranet = isolationMarkers(base, planStacks(base)).extranet;
/** What an extranet string names of the intranet: `kind value`, or nothing. */
const inExtranet = (v: string) => findViolations('s', 'extranet', { v }, intranet).map((x) => `${x.marker.what} ${x.marker.value}`);

describe('the other network by meaning, not spelling', () => {
  it.each([
    ['underscores', 'ns case_files_prod', 'namespace case-files-prod'],
    ['spaces', 'mirror of Case Files Prod', 'namespace case-files-prod'],
    ['dots', 'case.files.prod.svc', 'namespace case-files-prod'],
    ['mixed separators and runs of them', 'case__files - prod', 'namespace case-files-prod'],
    ['CamelCase', 'CaseFilesProd', 'namespace case-files-prod'],
    ['camelCase inside a word', 'mirrorCaseFiles', 'tenant case-files'],
    ['full-width letters', 'ｃａｓｅ－ｆｉｌｅｓ', 'tenant case-files'],
    ['a Cyrillic а and о', 'cаse-files-prоd', 'namespace case-files-prod'],
    ['a Greek ο and a Cyrillic і', 'int-maіn.gοv', 'cluster int-main'],
    ['a zero-width space and a soft hyphen', 'case\u200b-fi\u00adles', 'tenant case-files'],
    ["the intranet tenant's display name", '对接南区公安局案件系统的接口', 'display name 南区公安局案件系统'],
    ['an address dashed in a wildcard-DNS host', 'https://172-16-4-20.nip.io/api', 'cidr 172.16.0.0/16'],
    ['an address dotted in a wildcard-DNS host', 'app.172.16.4.20.sslip.io', 'cidr 172.16.0.0/16'],
    ['an address in hexadecimal in a wildcard-DNS host', 'ac100414.nip.io', 'cidr 172.16.0.0/16'],
    ['a dashed address behind a prefix', 'db-172-16-4-20.sslip.io:5432', 'cidr 172.16.0.0/16'],
  ])('finds %s', (_n, v, found) => {
    expect(inExtranet(v)).toEqual([found]);
  });

  it.each([
    ['a word that only contains the name', 'showcase_filesystem'],
    ['a kind whose words include a one-word name', 'NetworkPolicy'],
    ['a version with dashes', 'nginx:1.27.3-1'],
    ['a date', '2026-11-23'],
    ['a hash that is not a host label', 'ac100414ac100414'],
    ['an extranet address dashed', 'https://10-10-4-20.nip.io'],
    ["the extranet's own group, spelled with underscores", 'grp_civil_affairs_ops'],
    ['the common words of display names', '测试系统'],
  ])('does not find %s', (_n, v) => {
    expect(inExtranet(v)).toEqual([]);
  });

  it("finds the extranet's names and display names in the intranet's output, spelled otherwise", () => {
    const inIntranet = (v: string) => findViolations('s', 'intranet', { v }, extranet).map((x) => `${x.marker.what} ${x.marker.value}`);
    expect(inIntranet('PortalProd')).toEqual(['namespace portal-prod']);
    expect(inIntranet('测试系统　ＰＯＲＴＡＬ')).toEqual(['display name 测试系统-portal']);
    expect(inIntranet('0a0a0001.nip.io')).toEqual(['cidr 10.10.0.0/16']);
  });

  it('reads names and addresses as documented', () => {
    expect(fold('Case_Files  Prod.svc')).toBe('case-files-prod-svc');
    expect(camelFold('CaseFilesProd')).toBe('case-files-prod');
    expect(camelFold('HTTPServerMain')).toBe('http-server-main');
    expect(camelFold('case-files')).toBeUndefined();
    expect(plainFold('ＩＮＴ-МАIN')).toBe('int-main');
    expect(addressesIn('10-1-2-3.nip.io')).toEqual([{ first: 0x0a010203, last: 0x0a010203 }]);
    expect(addressesIn('0a010203.nip.io')).toEqual([{ first: 0x0a010203, last: 0x0a010203 }]);
    expect(addressesIn('1-2-3 and 999-1-1-1')).toEqual([]);
  });
});

describe('a display name of the other network', () => {
  it('is refused in a hand-written extranet file by check, and not when the two networks share it', () => {
    const dir = caseEnv(undefined);
    const stack = path.join(dir, 'overrides', 'dept-north-civil-affairs-ext-main');
    fs.mkdirSync(stack, { recursive: true });
    fs.writeFileSync(path.join(stack, 'note.tf.json'), JSON.stringify({ locals: { note: '数据来自 南区公安局案件系统' } }));
    const v = stacksForCheck(model(dir), dir).violations;
    expect(v.map((x) => `${x.stack} ${x.marker.what} ${x.marker.value} ${x.path}`)).toEqual([
      'dept-north-civil-affairs-ext-main display name 南区公安局案件系统 locals.note',
    ]);
    // a display name both networks give a tenant cannot be told apart from the extranet's own
    const same = { ...base, tenants: base.tenants.map((t) => (t.name === 'portal' ? { ...t, displayName: '南区公安局案件系统' } : t)) };
    expect(isolationMarkers(same, planStacks(same)).intranet.filter((m) => m.what === 'display name')).toEqual([]);
  });
});

describe('the example cities', () => {
  it.each(['example-city', 'example-city-violations'])('%s: nothing new is found (the violations city keeps its one hand-written breach)', (city) => {
    const env = path.join(REPO, 'environments', city);
    const v = stacksForCheck(model(env), env).violations.map((x) => `${x.stack} ${x.marker.what} ${x.marker.value}`);
    expect(v).toEqual(city === 'example-city' ? [] : ['dept-south-public-security-int-main namespace internet-egress']);
  });
});
