/** The connectivity truth table computed from the model: size, what must connect, what must be refused and why. */
import { validateEnvironment } from '../../config/validate';
import { endpoints, PROBE_PORT, truthTable } from '../../probe/table';
import { EXAMPLE_CITY } from '../helpers/env';

const model = validateEnvironment(EXAMPLE_CITY).model!;
const INTERNET = '203.0.113.10';
const table = truthTable(model, { internet: [INTERNET] });
const eps = endpoints(model);
const find = (from: string, to: string) => table.filter((p) => p.from.namespace === from && p.to.kind === 'namespace' && p.to.endpoint.namespace === to);

describe('truth table of the example city', () => {
  it('has every namespace govcloud makes: environments on the primary cluster, replicas on the DR clusters', () => {
    const relief = eps.filter((e) => e.tenant === 'civil-affairs-relief').map((e) => `${e.cluster}/${e.namespace}/${e.role}`);
    expect(relief).toEqual(
      expect.arrayContaining([
        'ext-primary/civil-affairs-relief-prod/primary',
        'ext-primary/civil-affairs-relief-test/primary',
        'ext-samecity/civil-affairs-relief-prod/same-city',
      ]),
    );
    expect(eps.every((e) => e.ports.includes(PROBE_PORT))).toBe(true);
  });

  it('tries every ordered pair of endpoints and the Internet from each: n × (n − 1) + n probes', () => {
    expect(table.length).toBe(eps.length * (eps.length - 1) + eps.length);
    expect(new Set(table.map((p) => p.id)).size).toBe(table.length);
  });

  it('expects a declared flow to connect on its port, like environments only, and the reverse to be refused', () => {
    const out = find('civil-affairs-relief-prod', 'social-security-prod').filter(
      (p) => p.from.role === 'primary' && p.to.kind === 'namespace' && p.to.endpoint.role === 'primary',
    );
    expect(out.map((p) => [p.port, p.expect])).toEqual([[443, 'connect']]);
    expect(find('civil-affairs-relief-test', 'social-security-prod').every((p) => p.expect === 'refuse')).toBe(true);
    const back = find('social-security-prod', 'civil-affairs-relief-prod').filter(
      (p) => p.from.role === 'primary' && p.to.kind === 'namespace' && p.to.endpoint.role === 'primary',
    );
    expect(back.map((p) => [p.port, p.expect, p.because])).toEqual([[PROBE_PORT, 'refuse', 'no declared flow']]);
  });

  it('refuses the same tenant across environments, the other network and the Internet, and says why', () => {
    expect(find('civil-affairs-relief-prod', 'civil-affairs-relief-test')[0].because).toBe('another environment of the same tenant');
    const cross = table.filter((p) => p.to.kind === 'namespace' && p.from.network !== p.to.endpoint.network);
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.every((p) => p.expect === 'refuse' && p.because === 'another network (physical isolation)')).toBe(true);
    const internet = table.filter((p) => p.to.kind === 'internet');
    expect(internet.length).toBe(eps.length);
    expect(internet.every((p) => p.expect === 'refuse' && p.port === 443)).toBe(true);
  });

  it('lets serving replicas keep their flows and gives backup-only replicas none', () => {
    const backup = eps.filter((e) => !e.serving);
    expect(backup.length).toBeGreaterThan(0);
    expect(backup.every((e) => e.role !== 'primary')).toBe(true);
    expect(table.filter((p) => !p.from.serving || (p.to.kind === 'namespace' && !p.to.endpoint.serving)).every((p) => p.expect === 'refuse')).toBe(true);
    const active = table.filter(
      (p) => p.expect === 'connect' && (p.from.role !== 'primary' || (p.to.kind === 'namespace' && p.to.endpoint.role !== 'primary')),
    );
    expect(active.length).toBeGreaterThan(0);
  });

  it("with an undeclared host, tries the unified egress from every extranet namespace: own hosts connect, another tenant's and the undeclared one are refused", () => {
    const gw = truthTable(model, { undeclaredHost: 'undeclared.example-internet.cn' }).filter((p) => p.to.kind === 'gateway');
    const hotline = gw.filter((p) => p.from.namespace === 'hotline-12345-prod' && p.from.role === 'primary');
    expect(hotline.filter((p) => p.expect === 'connect').map((p) => p.id)).toEqual(['ext-primary/hotline-12345-prod → egress sms.example.cn:443']);
    expect(hotline.find((p) => p.id.endsWith('undeclared.example-internet.cn:443'))?.expect).toBe('refuse');
    const other = gw.filter((p) => p.from.namespace === 'civil-affairs-relief-prod' && p.from.role === 'primary');
    expect(other.every((p) => p.expect === 'refuse')).toBe(true);
    expect(other.some((p) => p.because.includes('per tenant'))).toBe(true);
    expect(gw.every((p) => p.from.network === 'extranet')).toBe(true);
  });
});
