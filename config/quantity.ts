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
  const factor = unit === '' ? 1 : BINARY[unit] ?? DECIMAL[unit] ?? NaN;
  return Math.round(Number(m[1]) * factor);
}

/** The canonical string form of a CPU quantity for Kubernetes objects. */
export function cpuText(q: string | number): string {
  return typeof q === 'number' ? String(q) : q;
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`;
}

export function formatBytes(n: number): string {
  for (const [unit, f] of [['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (n >= f) {
      const v = n / f;
      return `${Number.isInteger(v) ? v : v.toFixed(1)}${unit}`;
    }
  }
  return String(n);
}
