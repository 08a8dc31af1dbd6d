/**
 * The Internet side of a probe run: from the machine `govcloud probe` runs on, plain HTTP to each
 * exposed tenant through the ingress gateway of every cluster that serves it (the answer must come
 * from that tenant's namespace), and to every probe server directly (must be refused). The address it
 * sends from is the one given (`--internet-source`), so a policy is judged against an Internet address.
 */
import * as net from 'net';
import { CONNECT_TIMEOUT_S, MUST_CONNECT_TRIES } from './pods';
import { key, Probe } from './table';
import type { ProbeResult } from './run';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How many Internet-side probes run at once. */
const PARALLEL = 16;

/**
 * One HTTP/1.0 GET; the last line of the answer, or undefined when nothing answered. The socket stays
 * open until the server closes it (a reverse proxy counts a half-closed client as gone).
 */
export function httpLastLine(host: string, port: number, localAddress: string | undefined, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    let out = '';
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      const lines = out.split(/\r?\n/).filter((l) => l.trim() !== '');
      resolve(lines.length > 0 ? lines[lines.length - 1].trim() : undefined);
    };
    const s = net.connect({ host, port, ...(localAddress ? { localAddress } : {}) });
    const timer = setTimeout(() => s.destroy(), timeoutMs);
    s.on('connect', () => s.write('GET / HTTP/1.0\r\n\r\n'));
    s.on('data', (d) => (out += d.toString('utf8')));
    s.on('close', () => {
      clearTimeout(timer);
      done();
    });
    s.on('error', () => undefined);
  });
}

export interface OutsideTargets {
  /** `cluster/namespace` → the address of its probe server. */
  readonly serverIp: ReadonlyMap<string, string>;
  /** cluster → the address of one of its ingress gateway's pods (the city's Internet edge forwards to them). */
  readonly ingressIp: ReadonlyMap<string, string>;
  /** The address to send from; undefined: the machine's own. */
  readonly source?: string;
}

async function one(p: Probe, t: OutsideTargets): Promise<ProbeResult> {
  const to = p.to;
  if (to.kind !== 'namespace' && to.kind !== 'ingress') return { probe: p, observed: 'error', detail: 'not an Internet-side probe' };
  const address = to.kind === 'ingress' ? t.ingressIp.get(to.cluster) : t.serverIp.get(key(to.endpoint));
  if (address === undefined)
    return { probe: p, observed: 'error', detail: to.kind === 'ingress' ? `no running ingress gateway pod on ${to.cluster}` : 'no probe server' };
  const port = to.kind === 'ingress' ? to.listenPort : p.port;
  const tries = p.expect === 'connect' ? MUST_CONNECT_TRIES : 1;
  let answer: string | undefined;
  let k = 0;
  while (k < tries && answer === undefined) {
    if (k > 0) await sleep(2000);
    k++;
    answer = await httpLastLine(address, port, t.source, (CONNECT_TIMEOUT_S + 2) * 1000);
    // the gateway's own error page (a 503 while the Service's name does not resolve yet) is no answer from the tenant
    if (answer !== undefined && to.kind === 'ingress' && answer !== to.endpoint.namespace && k < tries) answer = undefined;
  }
  const after = k > 1 ? ` (answered at try ${k})` : '';
  if (answer === undefined) return { probe: p, observed: 'refuse' };
  if (answer !== to.endpoint.namespace)
    return { probe: p, observed: to.kind === 'ingress' && /<\/?html|<\/?body|<\/?div/i.test(answer) ? 'refuse' : 'wrong-peer', detail: answer.slice(0, 200) };
  return { probe: p, observed: 'connect', detail: answer + after };
}

/** Runs the Internet-side probes, PARALLEL at a time; results in the order of `probes`. */
export async function runOutside(probes: readonly Probe[], t: OutsideTargets): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(probes.length);
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const i = next++;
      results[i] = await one(probes[i], t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, probes.length) }, worker));
  return results;
}
