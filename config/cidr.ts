/**
 * IPv4 CIDRs: the one place that reads them (with ipaddr.js), for the schema's host-bits check, the
 * overlap checks, the policy rules, the isolation scan and the constructs' `Peer.cidr`.
 */
import * as ipaddr from 'ipaddr.js';

export interface Range {
  readonly first: number;
  readonly last: number;
}

export interface Cidr {
  /** The addresses it covers, as 32-bit numbers. */
  readonly range: Range;
  readonly bits: number;
  /** Its network address with the prefix, host bits cleared: `10.20.0.0/16` for `10.20.0.5/16`. */
  readonly network: string;
}

/** `a.b.c.d/n` with decimal numbers; ipaddr.js checks their ranges. */
const SHAPE = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\/([0-9]{1,2})$/;

const toNumber = (ip: ipaddr.IPv4): number => ip.toByteArray().reduce((acc, o) => acc * 256 + o, 0);

/**
 * The IPv4 CIDR written `a.b.c.d/n` (each number 0–255, n 0–32), or undefined for anything else.
 * A number with leading zeros is read in decimal, as the schema's pattern and Kubernetes read it
 * (ipaddr.js alone would read `010` as octal).
 */
export function readCidr(text: string): Cidr | undefined {
  // the same few ranges are read again and again (every network policy of every tenant): keep them
  let known = readCache.get(text);
  if (known === undefined) {
    if (readCache.size >= 10_000) readCache.clear();
    known = readCidrUncached(text) ?? null;
    readCache.set(text, known);
  }
  return known ?? undefined;
}

const readCache = new Map<string, Cidr | null>();

function readCidrUncached(text: string): Cidr | undefined {
  const m = SHAPE.exec(text);
  if (!m) return undefined;
  const bits = Number(m[5]);
  const plain = `${m
    .slice(1, 5)
    .map((o) => String(Number(o)))
    .join('.')}/${bits}`;
  if (!ipaddr.IPv4.isValidCIDRFourPartDecimal(plain)) return undefined;
  const network = ipaddr.IPv4.networkAddressFromCIDR(plain);
  return { range: { first: toNumber(network), last: toNumber(ipaddr.IPv4.broadcastAddressFromCIDR(plain)) }, bits, network: `${network.toString()}/${bits}` };
}

/** The range of a CIDR already validated (configuration, the model); anything else is a programming error. */
export function parseCidr(cidr: string): Range {
  const c = readCidr(cidr);
  if (c === undefined)
    throw new Error(`parseCidr: ${JSON.stringify(cidr)} is not an IPv4 CIDR (expected a.b.c.d/n, each number 0-255, n 0-32); validate it first`);
  return c.range;
}

export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x.first <= y.last && y.first <= x.last;
}

/** Whether `inner` lies inside `outer`; anything that is not an IPv4 CIDR (IPv6 included) is never inside. */
export function within(inner: string, outer: string): boolean {
  const a = readCidr(inner)?.range;
  const b = readCidr(outer)?.range;
  return a !== undefined && b !== undefined && a.first >= b.first && a.last <= b.last;
}
