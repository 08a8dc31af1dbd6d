/**
 * Quotas, waiver expiries and approval dates for the bounds property (issue 21): amounts from zero
 * to plenty in every unit (and some that are not units), days from 1800 to 9999. The oracle judges
 * them by its own reading of the rules in docs/limits.md, in decimal text rather than floating point.
 */
import * as fc from 'fast-check';

/** The day the fuzz suite judges against (support/case-dir.ts), and the last day a waiver may run to then. */
export const LATEST_WAIVER = '2027-11-23';
export const EARLIEST_APPROVAL = '2015-01-01';

const decimal = fc.oneof(
  fc.nat(3000).map(String),
  fc.tuple(fc.nat(40), fc.stringMatching(/^[0-9]{1,6}$/)).map(([i, f]) => `${i}.${f}`),
  fc.constantFrom('0', '0.5', '0.0001', '1e-9', '512', '500', '1', '1.5'),
);

/** Half of the values plausible (so that the date checks, which need a valid request, run often), half anything. */
export const cpuValue: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map(String),
  fc.tuple(decimal, fc.constantFrom('', 'm', 'c', ' cores', 'M')).map(([n, u]) => `${n}${u}`),
  fc.constantFrom(1e-9, 0.5, 0.499, 2, 0.0005, 16),
);
export const sizeValue: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 32 }).map((n) => `${n}Gi`),
  fc.tuple(decimal, fc.constantFrom('', 'Ki', 'Mi', 'Gi', 'Ti', 'k', 'M', 'G', 'm', 'GB', 'gi')).map(([n, u]) => `${n}${u}`),
);
const between = (from: number, to: number) =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Any day from 1800 to 9999, most of them near the bounds (2014 to 2028). */
export const day: fc.Arbitrary<string> = fc.oneof(between(1800, 9999), between(2014, 2028), between(2014, 2028));

/** A decimal text as an integer part and fraction digits, or undefined when it is not plain decimal. */
function parts(text: string): { int: bigint; frac: string } | undefined {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  return m ? { int: BigInt(m[1]), frac: (m[2] ?? '').replace(/0+$/, '') } : undefined;
}

/** `value × scale` as a whole number, or undefined when it is not whole (or not a number). */
function scaled(text: string, scale: bigint): bigint | undefined {
  const p = parts(text);
  if (!p) return undefined;
  const digits = BigInt(p.frac === '' ? 0 : Number(p.frac));
  const den = 10n ** BigInt(p.frac.length);
  const num = p.int * den + digits;
  return (num * scale) % den === 0n ? (num * scale) / den : undefined;
}

/** Whether the platform must accept this CPU quota: whole millicores, at least 500m. */
export function cpuAllowed(v: string | number): boolean {
  if (typeof v === 'number') return v >= 0.5 && Number.isInteger(Math.round(v * 1000 * 1e6) / 1e6);
  const millis = v.endsWith('m') ? scaled(v.slice(0, -1), 1n) : scaled(v, 1000n);
  return millis !== undefined && millis >= 500n && (!v.endsWith('m') || /^[0-9]+m$/.test(v));
}

const FACTORS: Readonly<Record<string, bigint>> = {
  '': 1n,
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  k: 1000n,
  M: 1000n ** 2n,
  G: 1000n ** 3n,
};

/** Whether the platform must accept this size quota: whole bytes in a Kubernetes unit, at least `min` bytes. */
export function sizeAllowed(v: string, min: bigint): boolean {
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(v);
  const factor = m ? FACTORS[m[2]] : undefined;
  if (!m || factor === undefined) return false;
  const n = scaled(m[1], factor);
  return n !== undefined && n >= min;
}
