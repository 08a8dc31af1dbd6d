/**
 * Whether a live object holds what the judged resource sets: every value the judged body writes must
 * be in the live object at the same place (the API server adds defaults, status and bookkeeping, which
 * are not differences). Values are compared as the API server normalises them: numbers and numeric
 * strings alike (`"53"` and 53), quantities by amount (`"0.5"` and `"500m"`), octal file modes as
 * numbers (`"0644"` and 420). A judged value that is still a Terraform reference (`${…}`) is not compared.
 */
import { Json } from '../terraform/json';
import { bytes, cpuMillis } from '../config/quantity';

export interface ValueDifference {
  /** Where, as `spec.egress.0.ports.1.port`. */
  readonly path: string;
  readonly want: unknown;
  readonly got: unknown;
}

const MODE_KEYS = new Set(['default_mode', 'mode', 'defaultMode']);

function sameScalar(want: unknown, got: unknown, key: string): boolean {
  if (want === got) return true;
  if (typeof want === 'string' && MODE_KEYS.has(key) && /^0[0-7]+$/.test(want)) return parseInt(want, 8) === got;
  if ((typeof want === 'string' || typeof want === 'number') && (typeof got === 'string' || typeof got === 'number')) {
    if (String(want) === String(got)) return true;
    const w = String(want);
    const g = String(got);
    const cpu = (q: string) => (/^[0-9.]+m?$/.test(q) ? cpuMillis(q) : NaN);
    if (!Number.isNaN(cpu(w)) && cpu(w) === cpu(g)) return true;
    const b = (q: string) => (/^[0-9.]+[A-Za-z]*$/.test(q) ? bytes(q) : NaN);
    return !Number.isNaN(b(w)) && b(w) === b(g);
  }
  return false;
}

const empty = (v: unknown): boolean =>
  v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Json).length === 0);

const unresolved = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

/**
 * The differences of `got` (a live object, decoded) from `want` (the judged body), path by path.
 * `strict`: the live object may not hold more than the judged one either (a NetworkPolicy's spec, a
 * role's rules, a binding's subjects: where an added rule or subject widens access and the API server
 * adds no defaults).
 */
export function differences(want: unknown, got: unknown, at = '', key = '', strict = false): ValueDifference[] {
  if (unresolved(want)) return [];
  if (empty(want)) return strict && !empty(got) ? [{ path: at, want: want ?? null, got }] : [];
  if (Array.isArray(want)) {
    // a block cdktf writes as a one-element list, the API as an object
    if (!Array.isArray(got)) return want.length === 1 ? differences(want[0], got, at, key) : [{ path: at, want, got }];
    if (want.length !== got.length) return [{ path: at, want: `${want.length} item(s)`, got: `${got.length} item(s)` }];
    return want.flatMap((w, i) => differences(w, got[i], at === '' ? String(i) : `${at}.${i}`, key, strict));
  }
  if (typeof want === 'object') {
    const g = Array.isArray(got) && got.length === 1 ? got[0] : got;
    if (g === null || typeof g !== 'object' || Array.isArray(g)) return [{ path: at, want: '{…}', got: g ?? null }];
    const here = (k: string) => (at === '' ? k : `${at}.${k}`);
    const out = Object.entries(want as Json).flatMap(([k, v]) => differences(v, (g as Json)[k], here(k), k, strict));
    if (strict) for (const [k, v] of Object.entries(g as Json)) if (!(k in (want as Json)) && !empty(v)) out.push({ path: here(k), want: null, got: v });
    return out;
  }
  return sameScalar(want, got, key) ? [] : [{ path: at, want, got: got ?? null }];
}
