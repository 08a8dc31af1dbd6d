/**
 * The generated ingress configuration, run by the real Squid (where /usr/sbin/squid is installed;
 * skipped with a message otherwise): a request on a tenant's listening port reaches that tenant's
 * Service, a Host header naming another Service or port is refused (403), and a Service whose name
 * resolves only after the gateway started is reached within seconds (no peer resolved once at start
 * and then hourly). Names come from Debian's dnsmasq, standing in for the cluster DNS.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { routesOf } from '../../config/ingress';
import { ingressSquidConf } from '../../constructs/network/squid-config';
import { tmpDir } from '../helpers/env';

const SQUID = '/usr/sbin/squid';
const BUSYBOX = '/bin/busybox';
const DNSMASQ = '/usr/sbin/dnsmasq';
const DNS = '127.0.0.63';
const here = [SQUID, BUSYBOX, DNSMASQ].every((f) => fs.existsSync(f));
if (!here) console.warn('squid, busybox or dnsmasq is not installed: the ingress run test is skipped (apt-get install -y squid busybox-static dnsmasq-base)');
const maybe = here ? describe : describe.skip;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One HTTP/1.0 request; keeps its side open until the answer ends (Squid counts a half-close as an abort). */
function get(port: number, host?: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    let out = '';
    s.setTimeout(5000, () => s.destroy());
    s.on('connect', () => s.write(`GET / HTTP/1.0\r\n${host ? `Host: ${host}\r\n` : ''}\r\n`));
    s.on('data', (d) => (out += d.toString('utf8')));
    s.on('close', () => resolve(out));
    s.on('error', () => resolve(out));
  });
}

maybe('the ingress gateway run by the real Squid', () => {
  const dir = tmpDir('ingress-run');
  const exposed = [
    { tenant: 'portal', namespace: 'portal-prod', ports: [8080] },
    { tenant: 'hotline', namespace: 'hotline-prod', ports: [8080] },
  ];
  const routes = routesOf(exposed);
  const portOf = (t: string) => routes.find((r) => r.tenant === t)!.listenPort;
  const hosts = path.join(dir, 'hosts');
  const procs: ChildProcess[] = [];
  let dns: ChildProcess;
  const serve = (address: string, answer: string) => {
    const www = path.join(dir, answer);
    fs.mkdirSync(www);
    fs.writeFileSync(path.join(www, 'index.html'), `${answer}\n`);
    procs.push(spawn(BUSYBOX, ['httpd', '-f', '-p', `${address}:8080`, '-h', www], { stdio: 'ignore' }));
  };

  beforeAll(async () => {
    serve('127.0.0.61', 'portal-prod');
    serve('127.0.0.62', 'hotline-prod');
    // hotline's Service has no name yet: it appears after the gateway started
    fs.writeFileSync(hosts, '127.0.0.61 portal.portal-prod.svc.cluster.local\n');
    dns = spawn(
      DNSMASQ,
      [
        '--keep-in-foreground',
        '--no-resolv',
        '--no-hosts',
        `--addn-hosts=${hosts}`,
        `--listen-address=${DNS}`,
        '--bind-interfaces',
        '--port=53',
        '--local-ttl=1',
        '--user=root',
      ],
      { stdio: 'ignore' },
    );
    procs.push(dns);
    const conf = path.join(dir, 'squid.conf');
    // Squid run as root switches to its own user, which cannot reopen the test's standard output: logs go to files here
    fs.chmodSync(dir, 0o777);
    const text = ingressSquidConf('test', routes)
      .replace('stdio:/dev/stdout', `stdio:${dir}/access.log`)
      .replace('stdio:/dev/stderr', `stdio:${dir}/cache.log`);
    fs.writeFileSync(conf, `${text}hosts_file none\ndns_nameservers ${DNS}\n`);
    procs.push(spawn(SQUID, ['-N', '-f', conf], { stdio: 'ignore' }));
    for (let i = 0; i < 100 && !(await get(portOf('portal'))).includes('portal-prod'); i++) await sleep(200);
  });

  afterAll(() => {
    for (const p of procs) p.kill('SIGKILL');
  });

  it("forwards a tenant's listening port to its Service", async () => {
    expect(await get(portOf('portal'))).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*portal-prod\n$/);
    expect(await get(portOf('portal'), 'portal.portal-prod.svc.cluster.local:8080')).toMatch(/portal-prod\n$/);
  });

  it('refuses a Host header naming another Service or another port on that listening port', async () => {
    expect(await get(portOf('portal'), 'hotline.hotline-prod.svc.cluster.local:8080')).toMatch(/^HTTP\/1\.1 403 /);
    expect(await get(portOf('portal'), 'portal.portal-prod.svc.cluster.local:22')).toMatch(/^HTTP\/1\.1 403 /);
  });

  it('reaches a Service whose name resolves only after the gateway started, within seconds', async () => {
    expect(await get(portOf('hotline'))).not.toMatch(/hotline-prod\n$/);
    fs.appendFileSync(hosts, '127.0.0.62 hotline.hotline-prod.svc.cluster.local\n');
    // the DNS learns the new Service (dnsmasq rereads its hosts on SIGHUP); the gateway is not touched
    dns.kill('SIGHUP');
    let answer = '';
    for (let i = 0; i < 40 && !answer.endsWith('hotline-prod\n'); i++) {
      await sleep(500);
      answer = await get(portOf('hotline'));
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*hotline-prod\n$/);
  });
});
