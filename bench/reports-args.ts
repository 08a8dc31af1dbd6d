/**
 * The options of `npm run bench:reports`: `--tenants N` (default 10,000) and `--formats a,b,...`
 * (default every report format and `evidence`), so that one slow format at 10,000 tenants can be
 * measured without running the others first. Pure: arguments in, options out, errors thrown with
 * the value received and what is allowed.
 */

/** What the bench can run after synth: the `check --format` values, then the evidence package. */
export const BENCH_FORMATS = ['text', 'md', 'json', 'sarif', 'junit', 'html', 'evidence'] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

export interface ReportsOptions {
  readonly tenants: number;
  /** In the bench's own order (BENCH_FORMATS), each once, whatever order they were given in. */
  readonly formats: readonly BenchFormat[];
}

const USAGE = 'bench:reports takes --tenants N and --formats a,b,...';

function isFormat(s: string): s is BenchFormat {
  return (BENCH_FORMATS as readonly string[]).includes(s);
}

function parseFormats(text: string | undefined): BenchFormat[] {
  if (text === undefined || text.startsWith('--')) throw new Error(`--formats takes a comma-separated list of ${BENCH_FORMATS.join(', ')}; got nothing`);
  const items = text.split(',').map((s) => s.trim());
  const unknown = items.filter((s) => !isFormat(s));
  if (unknown.length > 0) throw new Error(`--formats: unknown format ${unknown.map((s) => JSON.stringify(s)).join(', ')} (known: ${BENCH_FORMATS.join(', ')})`);
  return BENCH_FORMATS.filter((f) => items.includes(f));
}

function parseTenants(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n) || n < 1)
    throw new Error(`--tenants takes a whole number of tenants (1 or more), got ${JSON.stringify(text ?? null)}`);
  return n;
}

/** Reads the arguments after `node dist/bench/reports.js`. */
export function parseReportsArgs(args: readonly string[]): ReportsOptions {
  let tenants = 10000;
  let formats: BenchFormat[] = [...BENCH_FORMATS];
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a !== '--tenants' && a !== '--formats') throw new Error(`unknown argument ${JSON.stringify(a)}; ${USAGE}`);
    if (seen.has(a)) throw new Error(`${a} given twice; ${USAGE}`);
    seen.add(a);
    const value = args[i + 1];
    if (a === '--tenants') tenants = parseTenants(value);
    else formats = parseFormats(value);
    i++;
  }
  return { tenants, formats };
}
