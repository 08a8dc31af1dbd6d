/**
 * The Internet side of the truth table: rows computed from the model (each exposed tenant through
 * every ingress gateway that serves it must connect; every namespace directly must be refused), and
 * the runner that sends them from this machine, tried against real sockets on loopback.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { validateEnvironment } from '../../config/validate';
import { ingressRoutes } from '../../config/ingress';
import { endpoints, internetClient, key, Probe, truthTable } from '../../probe/table';
import { runOutside } from '../../probe/outside';
import { EXAMPLE_CITY } from '../helpers/env';

const model = validateEnvironment(EXAMPLE_CITY).model!;
const SOURCE = '198.51.100.20';
const rows = truthTable(model, { fromInternet: { source: SOURCE } }).filter((p) => p.from.outside);
const eps = endpoints(model);

describe('the Internet-side rows of the example city', () => {
  it('try each exposed tenant through every ingress gateway that serves it, answered by its namespace there', () => {
    const routes = model.clusters.flatMap((c) => ingressRoutes(model, c.name).map((r) => `${c.name}:${r.listenPort} → ${c.name}/${r.namespace}`));
    const ingress = rows.filter((p) => p.to.kind === 'ingress');
    expect(ingress.map((p) => (p.to.kind === 'ingress' ? `${p.to.cluster}:${p.to.listenPort} → ${key(p.to.endpoint)}` : '')).sort()).toEqual(routes.sort());
    expect(ingress.every((p) => p.expect === 'connect' && p.from.namespace === SOURCE)).toBe(true);
    // the DR site that serves is tried too, not only the primary
    expect(new Set(ingress.map((p) => (p.to.kind === 'ingress' ? p.to.cluster : ''))).size).toBeGreaterThan(1);
  });

  it('try every namespace directly and expect a refusal: exposed ones on their exposed port, the only way in being the gateway', () => {
    const direct = rows.filter((p) => p.to.kind === 'namespace');
    expect(direct.length).toBe(eps.length);
    expect(direct.every((p) => p.expect === 'refuse')).toBe(true);
    const exposed = direct.filter((p) => p.to.kind === 'namespace' && p.to.endpoint.exposed);
    expect(exposed.length).toBeGreaterThan(0);
    for (const p of exposed) {
      expect(p.because).toBe('exposed only through the ingress gateway');
      if (p.to.kind === 'namespace') expect(p.to.endpoint.exposed).toContain(p.port);
    }
    expect(
      direct.filter((p) => p.to.kind === 'namespace' && p.to.endpoint.network === 'intranet').every((p) => p.because === 'the intranet is physically isolated'),
    ).toBe(true);
  });

  it('add nothing without the option', () => {
    expect(truthTable(model).some((p) => p.from.outside)).toBe(false);
  });
});

describe('the Internet-side runner', () => {
  const servers: http.Server[] = [];
  const listen = (answer: (n: number) => string) =>
    new Promise<number>((resolve) => {
      let n = 0;
      const s = http.createServer((_, res) => res.end(`${answer(++n)}\n`));
      servers.push(s);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  afterAll(() => servers.forEach((s) => s.close()));

  const ep = (namespace: string, port: number) => ({ ...eps[0], cluster: 'c', namespace, ports: [port], exposed: [port] });

  it('sees connect, wrong-peer and refuse, and gives a gateway still resolving its route a few tries', async () => {
    const right = await listen(() => 'a-prod');
    const other = await listen(() => 'b-prod');
    // the gateway answers with its own error page twice (the Service's name not resolved yet), then the tenant
    const gateway = await listen((n) => (n <= 2 ? '</body></html>' : 'a-prod'));
    const from = internetClient('127.0.0.1');
    const probes: Probe[] = [
      { id: '1', from, to: { kind: 'namespace', endpoint: ep('a-prod', right) }, port: right, expect: 'refuse', because: '' },
      { id: '2', from, to: { kind: 'namespace', endpoint: ep('a-prod', other) }, port: other, expect: 'refuse', because: '' },
      { id: '3', from, to: { kind: 'namespace', endpoint: ep('c-prod', 1) }, port: 1, expect: 'refuse', because: '' },
      { id: '4', from, to: { kind: 'ingress', cluster: 'c', listenPort: gateway, endpoint: ep('a-prod', 8080) }, port: 8080, expect: 'connect', because: '' },
    ];
    const serverIp = new Map([
      ['c/a-prod', '127.0.0.1'],
      ['c/c-prod', '127.0.0.1'],
    ]);
    const out = await runOutside(probes, { serverIp, ingressIp: new Map([['c', '127.0.0.1']]), source: '127.0.0.1' });
    expect(out.map((r) => [r.probe.id, r.observed])).toEqual([
      ['1', 'connect'],
      ['2', 'wrong-peer'],
      ['3', 'refuse'],
      ['4', 'connect'],
    ]);
    expect(out[3].detail).toBe('a-prod (answered at try 3)');
  }, 60_000);
});
