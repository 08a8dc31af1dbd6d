/**
 * The ingress gateway's routes from its exposed tenants alone: the listening port of each exposed
 * tenant and port. Pure, no model: the constructs use it, and config/ingress.ts applies it to a city.
 */
import { createHash } from 'crypto';
import { INGRESS_GATEWAY } from './vocabulary';

/** One exposed port of one tenant, as the ingress gateway serves it. */
export interface IngressRoute {
  readonly tenant: string;
  /** The namespace it serves from on this cluster (its replicated environment). */
  readonly namespace: string;
  /** The Service the gateway forwards to: named after the tenant, in that namespace. */
  readonly service: string;
  readonly port: number;
  /** The gateway's listening port for this tenant and port. */
  readonly listenPort: number;
}

/** An exposed tenant served on one cluster. */
export interface ExposedTenant {
  readonly tenant: string;
  readonly namespace: string;
  readonly ports: readonly number[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The listening port of each exposed `tenant:port`, stable as tenants come and go: a hash of the key
 * picks a port in [base, base + span), and a key whose port is taken (rare) takes the next free one,
 * keys in sorted order. Returns `tenant:port` → listening port.
 */
export function ingressListenPorts(keys: readonly { tenant: string; port: number }[], base: number, span: number): Map<string, number> {
  const unique = [...new Set(keys.map((k) => `${k.tenant}:${k.port}`))].sort(byText);
  if (unique.length > span) throw new Error(`ingressListenPorts: ${unique.length} exposed ports do not fit in ${span} listening ports from ${base}`);
  const out = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of unique) {
    let slot = createHash('sha256').update(key).digest().readUInt32BE(0) % span;
    while (taken.has(slot)) slot = (slot + 1) % span;
    taken.add(slot);
    out.set(key, base + slot);
  }
  return out;
}

/** The routes of a gateway serving `exposed`, with their listening ports, sorted by tenant and port. */
export function routesOf(exposed: readonly ExposedTenant[]): IngressRoute[] {
  const listen = ingressListenPorts(
    exposed.flatMap((e) => e.ports.map((port) => ({ tenant: e.tenant, port }))),
    INGRESS_GATEWAY.listenBase,
    INGRESS_GATEWAY.listenSpan,
  );
  return exposed
    .flatMap((e) =>
      [...new Set(e.ports)].map((port) => ({
        tenant: e.tenant,
        namespace: e.namespace,
        service: e.tenant,
        port,
        listenPort: listen.get(`${e.tenant}:${port}`) ?? 0,
      })),
    )
    .sort((a, b) => byText(a.tenant, b.tenant) || a.port - b.port);
}
