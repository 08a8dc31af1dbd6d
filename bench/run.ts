/**
 * `npm run bench [-- --sizes 1000,5000,10000,50000] [--pr-from 5000]`: per size, generates the bench city
 * (bench/city.ts), then times the govcloud commands as a person runs them, each a child process timed
 * whole (bench/measure.ts): validate, synth, check --from; the same after one tenant's quota changed
 * (all stacks, then only that tenant's stacks); and from 5,000 tenants `pr` after a change to two
 * tenants of one department. Prints one table, sizes as columns. A benchmark, not a test: it asserts
 * nothing, but stops with a message and exit 1 when a command fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_TODAY, generateCity } from './generate';
import { Measured, runCli, stopCommands } from './measure';
import { commitAll, departmentToChange, setCpu, stacksOf, tenantToChange } from './incremental';

const OPTIONS = ['--sizes', '--pr-from'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Whole numbers of tenants, at least 1, separated by commas. */
function parseSizes(option: string, text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`${option} takes whole numbers of tenants separated by commas, e.g. 1000,5000,10000; got ${JSON.stringify(text)}`);
  }
  return sizes;
}

/** The options, refusing any other (a mistyped `--size` would otherwise run the default sizes for an hour). */
function options(): { sizes: number[]; prFrom: number } {
  const unknown = process.argv.slice(2).filter((a, i, all) => a.startsWith('-') && !OPTIONS.includes(a) && !OPTIONS.includes(all[i - 1]));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]}; the bench takes ${OPTIONS.join(' and ')}`);
  return { sizes: parseSizes('--sizes', arg('sizes') ?? '1000,5000,10000'), prFrom: parseSizes('--pr-from', arg('pr-from') ?? '5000')[0] };
}

interface OutputStats {
  stacks: number;
  resources: number;
  maxResources: number;
  maxStack: string;
  bytes: number;
}

/** What synth wrote: stacks and resources counted in each cdk.tf.json, bytes of every file. */
function outputStats(out: string): OutputStats {
  const s: OutputStats = { stacks: 0, resources: 0, maxResources: 0, maxStack: '', bytes: 0 };
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else s.bytes += fs.statSync(p).size;
    }
  };
  walk(out);
  for (const network of ['extranet', 'intranet']) {
    const stacks = path.join(out, network, 'stacks');
    for (const name of fs.existsSync(stacks) ? fs.readdirSync(stacks).sort() : []) {
      const json = JSON.parse(fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
      const n = Object.values(json.resource ?? {}).reduce((a, byName) => a + Object.keys(byName).length, 0);
      s.stacks++;
      s.resources += n;
      if (n > s.maxResources) [s.maxResources, s.maxStack] = [n, name];
    }
  }
  return s;
}

interface SizeResult {
  n: number;
  counties: number;
  departments: number;
  out: OutputStats;
  cold: { validate: Measured; synth: Measured; check: Measured };
  incremental: Measured[];
  selected: Measured[];
  changed: string;
  changedStacks: string[];
  pr?: Measured;
  minutes: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function benchSize(n: number, work: string, prFrom: number): Promise<SizeResult> {
  const began = Date.now();
  const dir = path.join(work, String(n));
  // a repository with the environment where a real one keeps it (pr reads the base from git)
  const repo = path.join(dir, 'repo');
  const env = path.join(repo, 'environments', 'bench-city');
  const out = path.join(dir, 'out');
  const cache = path.join(dir, 'cache');
  const commandLog = path.join(dir, 'commands.log');
  const city = generateCity(env, n);
  fs.mkdirSync(cache, { recursive: true });
  // a fresh cache per size: the first run starts cold, the incremental runs may reuse it
  const vars = { ...process.env, GOVCLOUD_TODAY: BENCH_TODAY, GOVCLOUD_CACHE: process.env.GOVCLOUD_CACHE === 'off' ? 'off' : cache };
  const run = async (what: string, args: string[], cwd?: string) => {
    const m = await runCli(args, { env: vars, log: commandLog, cwd });
    log(`  N=${n} ${what}: ${m.seconds.toFixed(1)} s, ${Math.round(m.rssMb)} MB in ${m.processes} process(es)`);
    return m;
  };
  log(`N=${n}: ${city.counties.length - 1} counties + city, ${city.departments.size} departments (generated in ${((Date.now() - began) / 1000).toFixed(1)} s)`);
  const validate = await run('validate', ['validate', '--env', env]);
  const synth = await run('synth', ['synth', '--env', env, '--out', out]);
  const check = await run('check', ['check', '--env', env, '--from', out]);
  const stats = outputStats(out);

  const t = tenantToChange(city);
  const stacks = stacksOf(t);
  setCpu(env, t, t.quota.cpu + 2);
  const incremental = [
    await run('incremental validate', ['validate', '--env', env]),
    await run('incremental synth', ['synth', '--env', env, '--out', out]),
    await run('incremental check', ['check', '--env', env, '--from', out]),
  ];
  setCpu(env, t, t.quota.cpu + 4);
  const selected = [
    await run('selected validate', ['validate', '--env', env]),
    await run('selected synth', ['synth', '--env', env, '--out', out, ...stacks.flatMap((s) => ['--stack', s])]),
    await run('selected check', ['check', '--env', env, '--from', out, '--tenant', t.name]),
  ];

  let pr: Measured | undefined;
  if (n >= prFrom) {
    commitAll(repo);
    for (const x of departmentToChange(city, t)) setCpu(env, x, x.quota.cpu + 8);
    pr = await run('pr', ['pr', '--base', 'HEAD', '--env', 'environments/bench-city'], repo);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    n,
    counties: city.counties.length - 1,
    departments: city.departments.size,
    out: stats,
    cold: { validate, synth, check },
    incremental,
    selected,
    changed: `${t.county}/${t.name}`,
    changedStacks: stacks,
    pr,
    minutes: (Date.now() - began) / 60000,
  };
}

const s1 = (m: Measured) => m.seconds.toFixed(1);
const sum = (ms: readonly Measured[]) => `${ms.reduce((a, m) => a + m.seconds, 0).toFixed(1)} (${ms.map(s1).join(' + ')})`;
const mb = (m: Measured) => `${Math.round(m.rssMb)} (${m.processes})`;
const int = (x: number) => x.toLocaleString('en-US');

function table(results: readonly SizeResult[]): string[] {
  const rows: [string, (r: SizeResult) => string][] = [
    ['tenants', (r) => int(r.n)],
    ['counties (+ the city itself)', (r) => int(r.counties)],
    ['departments', (r) => int(r.departments)],
    ['stacks', (r) => int(r.out.stacks)],
    ['resources', (r) => int(r.out.resources)],
    ['max resources per stack', (r) => int(r.out.maxResources)],
    ['validate s', (r) => s1(r.cold.validate)],
    ['synth s', (r) => s1(r.cold.synth)],
    ['check s', (r) => s1(r.cold.check)],
    ['peak RSS MB (processes), validate', (r) => mb(r.cold.validate)],
    ['peak RSS MB (processes), synth', (r) => mb(r.cold.synth)],
    ['peak RSS MB (processes), check', (r) => mb(r.cold.check)],
    ['output MB', (r) => (r.out.bytes / 1e6).toFixed(1)],
    ['incremental (one tenant changed) s', (r) => sum(r.incremental)],
    ['incremental, selected stacks only s', (r) => sum(r.selected)],
    ['pr (one department changed) s', (r) => (r.pr ? s1(r.pr) : '-')],
  ];
  const cells = rows.map(([label, f]) => [label, ...results.map(f)]);
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
}

function footnotes(results: readonly SizeResult[], prFrom: number): string[] {
  const cache = process.env.GOVCLOUD_CACHE === 'off' ? 'GOVCLOUD_CACHE=off' : 'GOVCLOUD_CACHE=<a fresh folder per size>';
  return [
    `node ${process.version}, ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end; ${cache}; GOVCLOUD_TODAY=${BENCH_TODAY}${process.env.NODE_OPTIONS ? `; NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ''}.`,
    'Each command is `node dist/cli/main.js <command>` in its own process, timed whole from spawn to exit (start-up, validation and output',
    'included): validate --env DIR; synth --env DIR --out OUT (default workers); check --env DIR --from OUT (the full text report).',
    'Peak RSS: the sum of each process peak (VmHWM) over the command and every process it started (synth workers, git), in MB;',
    'node processes report their own at exit, others are sampled every 50 ms. An upper bound of the memory needed at once.',
    'incremental: after the full run, one tenant quota raised, then validate + synth (all stacks) + check, as above; selected stacks only:',
    'raised again, then validate + synth --stack <the tenant stacks> + check --tenant <the tenant>.',
    `pr (from ${int(prFrom)} tenants): the city committed to git, two tenants of the changed tenant department raised, pr --base HEAD --env environments/bench-city`,
    ...results.map(
      (r) =>
        `N=${int(r.n)}: largest stack ${r.out.maxStack}; changed ${r.changed} (stacks ${r.changedStacks.join(', ')}); bench took ${r.minutes.toFixed(1)} min.`,
    ),
  ];
}

async function main(): Promise<void> {
  const { sizes, prFrom } = options();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-bench-'));
  const cleanUp = () => fs.rmSync(work, { recursive: true, force: true });
  // stopped from outside: the work folder (gigabytes at 50,000 tenants) goes all the same
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      stopCommands();
      cleanUp();
      process.exit(code);
    });
  }
  try {
    const results: SizeResult[] = [];
    for (const n of sizes) results.push(await benchSize(n, work, prFrom));
    for (const line of [...table(results), '', ...footnotes(results, prFrom)]) console.log(line);
  } finally {
    cleanUp();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
