/**
 * Egress allow-lists with boundaries (issue 21): a tenant's Internet hosts are exact DNS names of the
 * public Internet; a wildcard only where platform.yaml allows it for that tenant; never a
 * cluster-internal name, an address, a metadata endpoint or a name that spells an address.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { egressHostProblem, wildcardTooBroad } from '../../config/egress-host';
import { egressSquidConf } from '../../constructs/network/squid-config';
import { caseEnv } from '../helpers/env';

describe('egressHostProblem', () => {
  it.each([
    ['metadata.google.internal', 'metadata', 'metadata.google.internal'],
    ['metadata.tencentyun.com', 'metadata', 'metadata.tencentyun.com'],
    ['*.tencentyun.com', 'metadata', 'metadata.tencentyun.com'],
    ['169.254.169.254', 'metadata', '169.254.169.254'],
    ['169.254.0.23', 'metadata', '169.254.0.23'],
    ['100.100.100.200', 'metadata', '100.100.100.200'],
    ['[fd00:ec2::254]', 'metadata', 'fd00:ec2::254'],
    ['10.0.0.1', 'address', '10.0.0.1'],
    ['8.8.8.8', 'address', '8.8.8.8'],
    ['::1', 'address', '::1'],
    ['kubernetes.default.svc', 'internal', '.svc'],
    ['db.case-files-prod.svc.cluster.local', 'internal', '.local'],
    ['db.ns.svc.city.example-city.gov.cn', 'internal', '.svc.'],
    ['printer.local', 'internal', '.local'],
    ['vault.internal', 'internal', '.internal'],
    ['localhost', 'internal', 'localhost'],
    ['intranet-host', 'internal', 'intranet-host'],
    ['router.home.arpa', 'internal', '.arpa'],
    ['10.0.0.1.nip.io', 'encoded', 'nip.io'],
    ['app-10-0-0-1.sslip.io', 'encoded', 'sslip.io'],
    ['0a000001.nip.io', 'encoded', 'nip.io'],
    ['*.nip.io', 'encoded', 'nip.io'],
    ['x.169.254.169.254.example.cn', 'encoded', '169.254.169.254'],
    ['svc-10-20-0-5.rebind.example.cn', 'encoded', '10.20.0.5'],
  ])('refuses %s (%s, %s)', (host, kind, part) => {
    expect(egressHostProblem(host)).toEqual({ kind, part });
  });
  it.each([
    'api.example.cn',
    'sms.example.cn',
    'www.gov.cn',
    'api-v2.example.com',
    '*.api.example.cn',
    'h2024.example.cn',
    'svc1.example.cn',
    'a-1-2-3.example.cn',
  ])('accepts the public name %s', (host) => {
    expect(egressHostProblem(host)).toBeUndefined();
  });
  it('calls a top-level domain or a shared suffix too broad for a wildcard, a suffix the service owns not', () => {
    expect(['*.cn', '*.com.cn', '*.gov.cn', '*.zj.cn', '*.co.uk'].filter(wildcardTooBroad)).toEqual(['*.cn', '*.com.cn', '*.gov.cn', '*.zj.cn', '*.co.uk']);
    expect(['*.example.cn', '*.api.example.cn'].filter(wildcardTooBroad)).toEqual([]);
  });
});

/** The base city with portal's Internet hosts replaced, and `platform` lines added under spec.egress. */
function city(hosts: readonly string[], wildcards: readonly string[] = []): string {
  const dir = caseEnv(undefined);
  const portal = path.join(dir, 'tenants', 'north', 'portal.yaml');
  fs.writeFileSync(portal, fs.readFileSync(portal, 'utf8').replace('hosts: [api.example.cn]', `hosts: [${hosts.map((h) => JSON.stringify(h)).join(', ')}]`));
  if (wildcards.length > 0) {
    const platform = path.join(dir, 'platform.yaml');
    const list = wildcards.map((w) => `      - ${w}\n`).join('');
    fs.writeFileSync(
      platform,
      fs
        .readFileSync(platform, 'utf8')
        .replace(
          '  egress: { namespace: internet-egress, cidr: 10.99.0.0/24 }\n',
          `  egress:\n    namespace: internet-egress\n    cidr: 10.99.0.0/24\n    wildcards:\n${list}`,
        ),
    );
  }
  return dir;
}

const lines = (dir: string, lang: 'en' | 'zh' = 'en') =>
  validateEnvironment(dir).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );

describe('validate: Internet hosts of the flows', () => {
  it('refuses a wildcard the platform does not allow, at the host, naming the allowance that would admit it', () => {
    expect(lines(city(['*.com.cn']))).toEqual([
      'case/tenants/north/portal.yaml:21:31 spec.flows[1].hosts[0]: Internet host "*.com.cn" is a wildcard: the egress allow-list takes exact DNS names such as api.example.cn; a wildcard is allowed only when platform.yaml lists it for this tenant under spec.egress.wildcards ({ tenant: portal, host: "*.com.cn" })',
    ]);
    expect(lines(city(['*.com.cn']), 'zh')).toEqual([
      'case/tenants/north/portal.yaml:21:31 spec.flows[1].hosts[0]: 互联网主机 "*.com.cn" 是通配符：出口白名单只接受精确的域名，如 api.example.cn；通配符须由 platform.yaml 在 spec.egress.wildcards 中为本租户列出（{ tenant: portal, host: "*.com.cn" }）方可使用',
    ]);
  });
  it('refuses cluster-internal names, metadata endpoints and names that spell an address, each at its own position', () => {
    expect(lines(city(['api.example.cn', 'kubernetes.default.svc', 'metadata.google.internal', '10.0.0.1.nip.io']))).toEqual([
      'case/tenants/north/portal.yaml:21:49 spec.flows[1].hosts[1]: Internet host "kubernetes.default.svc" is not a name of the public Internet (.svc names a cluster-internal, private or special-use name): the egress gateway reaches the public Internet only; give the exact public DNS name, and reach other tenants with a flow to tenant/<county>/<name>',
      'case/tenants/north/portal.yaml:21:75 spec.flows[1].hosts[2]: Internet host "metadata.google.internal" is a cloud metadata endpoint or a link-local address (metadata.google.internal): it hands out the credentials of the node and is never allowed through the egress gateway',
      'case/tenants/north/portal.yaml:21:103 spec.flows[1].hosts[3]: Internet host "10.0.0.1.nip.io" resolves to an address spelt in its name (nip.io): such names reach any address, inside the city too; give the exact DNS name of the service itself',
    ]);
  });
  it('still refuses IP literals (169.254.169.254, 100.100.100.200) in the schema: a host name is required', () => {
    const out = lines(city(['169.254.169.254', '100.100.100.200']));
    expect(out).toHaveLength(2);
    for (const [i, l] of out.entries())
      expect(l).toMatch(new RegExp(`^case/tenants/north/portal\\.yaml:21:\\d+ spec\\.flows\\[1\\]\\.hosts\\[${i}\\]: .*host name`));
  });
  it('admits a wildcard the platform allows for this tenant, and only for it', () => {
    expect(lines(city(['*.api.example.cn'], ['{ tenant: portal, host: "*.api.example.cn" }']))).toEqual([]);
    expect(lines(city(['*.api.example.cn'], ['{ tenant: relief, host: "*.api.example.cn" }']))).toEqual([
      'case/tenants/north/portal.yaml:21:31 spec.flows[1].hosts[0]: Internet host "*.api.example.cn" is a wildcard: the egress allow-list takes exact DNS names such as api.example.cn; a wildcard is allowed only when platform.yaml lists it for this tenant under spec.egress.wildcards ({ tenant: portal, host: "*.api.example.cn" })',
    ]);
  });
  it('refuses an allowance that is too broad, not a wildcard, internal, or for an unknown tenant, at platform.yaml', () => {
    const dir = city(
      ['api.example.cn'],
      [
        '{ tenant: portal, host: "*.gov.cn" }',
        '{ tenant: portal, host: api.example.cn }',
        '{ tenant: portal, host: "*.cluster.local" }',
        '{ tenant: portall, host: "*.api.example.cn" }',
      ],
    );
    expect(lines(dir)).toEqual([
      'case/platform.yaml:67:33 spec.egress.wildcards[0].host: wildcard "*.gov.cn" covers a top-level domain or a suffix shared by many owners (such as *.com.cn, *.gov.cn): allow a suffix the service owns, such as *.api.example.cn',
      'case/platform.yaml:68:33 spec.egress.wildcards[1].host: host "api.example.cn" is not a wildcard: list only *.suffix patterns here (an exact name needs no allowance), e.g. *.api.example.cn',
      'case/platform.yaml:69:33 spec.egress.wildcards[2].host: Internet host "*.cluster.local" is not a name of the public Internet (.local names a cluster-internal, private or special-use name): the egress gateway reaches the public Internet only; give the exact public DNS name, and reach other tenants with a flow to tenant/<county>/<name>',
      'case/platform.yaml:70:19 spec.egress.wildcards[3].tenant: wildcard allowance for unknown tenant "portall" (known: case-files, exchange-hub, portal, relief); did you mean portal?',
    ]);
  });
  it('keeps the Squid allow-list of the tenant working with a wildcard: .suffix, and a name it covers is not listed twice', () => {
    const model = validateEnvironment(
      city(['*.api.example.cn', 'v1.api.example.cn', 'sms.example.cn'], ['{ tenant: portal, host: "*.api.example.cn" }']),
    ).model!;
    const portal = model.tenants.find((t) => t.name === 'portal')!;
    const hosts = portal.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts : []));
    const conf = egressSquidConf('ext-main', 3128, [{ tenant: 'portal', sources: ['10.244.1.0/24'], hosts, ports: [443] }]);
    expect(conf.split('\n').filter((l) => l.includes('dstdomain'))).toEqual(['acl t_portal_1_dst dstdomain .api.example.cn sms.example.cn']);
  });
});
