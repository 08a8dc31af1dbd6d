/** Kubernetes quantities as plain numbers, for capacity accounting. */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

/** "16" → 16000, "500m" → 500, 2.5 → 2500. */
export function cpuMillis(q: string | number): number {
  if (typeof q === 'number') return Math.round(q * 1000);
  if (q.endsWith('m')) return Number(q.slice(0, -1));
  return Math.round(Number(q) * 1000);
}

/** "64Gi" → 68719476736. */
export function bytes(q: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z]*)$/.exec(q);
  if (!m) return NaN;
  const unit = m[2];
  const factor = unit === '' ? 1 : (BINARY[unit] ?? DECIMAL[unit] ?? NaN);
  return Math.round(Number(m[1]) * factor);
}

/** Cores × 1000 as written, not rounded (`"1.0005"` → 1000.5, `1e-9` → 1e-6); NaN when unreadable. */
export function exactMillis(q: string | number): number {
  if (typeof q === 'number') return q * 1000;
  if (/^[0-9]+m$/.test(q)) return Number(q.slice(0, -1));
  return /^[0-9]+(\.[0-9]+)?$/.test(q) ? Number(q) * 1000 : NaN;
}

/** Bytes as written, not rounded (`"0.5"` → 0.5); NaN when unreadable. */
export function exactBytes(q: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)([A-Za-z]*)$/.exec(q);
  if (!m) return NaN;
  const factor = m[2] === '' ? 1 : (BINARY[m[2]] ?? DECIMAL[m[2]] ?? NaN);
  return Number(m[1]) * factor;
}

/**
 * Whether a quantity is a whole number of millicores (CPU) or bytes (sizes), in decimal arithmetic:
 * `"32.2G"` is 32,200,000,000 bytes, which binary floating point makes 32200000000.000004.
 */
export function isWholeQuantity(q: string | number, kind: 'cpu' | 'bytes'): boolean {
  // a YAML number past 1e21 prints in exponent notation, and is whole
  if (typeof q === 'number' && !/^[0-9.]+$/.test(String(q))) return Number.isInteger(q * 1000);
  let text = String(q);
  let factor = 1000n;
  if (kind === 'cpu' && text.endsWith('m')) [text, factor] = [text.slice(0, -1), 1n];
  if (kind === 'bytes') {
    const m = /^([0-9.]+)([A-Za-z]*)$/.exec(text);
    const f = m === null ? undefined : m[2] === '' ? 1 : (BINARY[m[2]] ?? DECIMAL[m[2]]);
    if (m === null || f === undefined) return false;
    [text, factor] = [m[1], BigInt(f)];
  }
  const d = /^([0-9]+)(?:\.([0-9]*?)0*)?$/.exec(text);
  if (!d) return false;
  const frac = d[2] ?? '';
  return frac === '' || (BigInt(frac) * factor) % 10n ** BigInt(frac.length) === 0n;
}

/**
 * What a size that is not a Kubernetes quantity was probably meant to be: `16GB`, `16gi`, `16 GiB`,
 * `16g` → `16Gi`; `512K` → `512Ki`. Undefined when nothing is close.
 */
export function suggestBytes(q: string): string | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtTpP])(i?)([bB]?)\s*$/.exec(q);
  if (!m) return undefined;
  return `${m[1]}${m[2].toUpperCase()}i`;
}

/** What a CPU amount that is not a quantity was probably meant to be: `4c`, `4 cores`, `4核` → `4`; `500 m`, `500M` → `500m`. */
export function suggestCpu(q: string): string | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(m|M|c|C|cores?|Cores?|vCPUs?|vcpus?|CPUs?|cpus?|核)\s*$/.exec(q);
  if (!m) return undefined;
  if (m[2] === 'm' || m[2] === 'M') return /^[0-9]+$/.test(m[1]) ? `${m[1]}m` : undefined;
  return m[1];
}

/** The canonical string form of a CPU quantity for Kubernetes objects. */
export function cpuText(q: string | number): string {
  return typeof q === 'number' ? String(q) : q;
}

/** A number as plain digits, never in exponent notation (`2e+23`), at most one decimal. */
function plain(n: number): string {
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 1 });
}

/** Cores above this are shown with a decimal suffix (1.5M), as Kubernetes writes them. */
const CORE_SUFFIXES = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
] as const;

/** "16", "500m"; absurd amounts of cores as "200E" rather than "2e+23m". */
export function formatCpu(millis: number): string {
  if (!Number.isFinite(millis)) return String(millis);
  const cores = millis / 1000;
  for (const [unit, f] of CORE_SUFFIXES) {
    if (cores >= f) return `${plain(cores / f)}${unit}`;
  }
  return millis % 1000 === 0 ? `${cores}` : `${plain(millis)}m`;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  for (const [unit, f] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (n >= f) {
      const v = n / f;
      return `${Number.isInteger(v) || v >= 1e21 ? plain(v) : v.toFixed(1)}${unit}`;
    }
  }
  return String(n);
}

/**
 * A part of a whole in per cent for people: one decimal at most (`103`, `87.5`), `-` without a
 * whole, and `>999` past 999 %, so that an absurd quota prints no 13-digit percentage.
 */
export function formatPercent(part: number, whole: number, opts: { fixed?: boolean } = {}): string {
  if (!(whole > 0)) return '-';
  const p = (part / whole) * 100;
  if (!(p <= 999)) return '>999';
  return opts.fixed === true ? p.toFixed(1) : String(Math.round(p * 10) / 10);
}
