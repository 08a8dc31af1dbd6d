/**
 * `npm run bench:reports [-- --tenants 10000] [--formats json,html,evidence]`: whether every report
 * format and the evidence package work for a large city, and what they cost. Generates the bench city
 * (bench/city.ts), synthesizes it, then runs `check --from OUT --format F --out FILE` for every chosen
 * format and `evidence --from OUT` (by default all of them; bench/reports-args.ts), each a
 * child process timed whole with its peak RSS (bench/measure.ts), and prints one line per command
 * with the size of what it wrote (for html, the folder; the size of its index.html on the line
 * after). A benchmark, not a test: it asserts nothing, but stops with a message and exit 1 when a command fails (before the reports were streamed, json and html failed
 * at about 6,000 tenants with "Invalid string length").
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_TODAY, generateCity } from './generate';
import { CommandFailed, Measured, runCli, stopCommands } from './measure';
import { parseReportsArgs } from './reports-args';

/** Bytes of a file, or of every file below a folder. */
function size(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((a, name) => a + size(path.join(p, name)), 0);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

async function main(): Promise<void> {
  const { tenants: n, formats } = parseReportsArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-bench-reports-'));
  const cleanUp = () => fs.rmSync(work, { recursive: true, force: true });
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
    const env = path.join(work, 'bench-city');
    const out = path.join(work, 'out');
    const reports = path.join(work, 'reports');
    fs.mkdirSync(reports);
    const began = Date.now();
    const city = generateCity(env, n);
    log(
      `N=${n}: ${city.counties.length - 1} counties + city, ${city.departments.size} departments (generated in ${((Date.now() - began) / 1000).toFixed(1)} s)`,
    );
    const vars = { ...process.env, GOVCLOUD_TODAY: BENCH_TODAY, GOVCLOUD_CACHE: 'off' };
    const rows: { what: string; m: Measured; bytes: number }[] = [];
    const run = async (what: string, args: string[], wrote: string | undefined) => {
      const m = await runCli(args, { env: vars, log: path.join(work, 'commands.log') });
      const bytes = wrote === undefined ? 0 : size(wrote);
      log(`  ${what}: ${m.seconds.toFixed(1)} s, ${Math.round(m.rssMb)} MB peak RSS${wrote === undefined ? '' : `, wrote ${mb(bytes)} MB`}`);
      rows.push({ what, m, bytes });
    };
    await run('synth', ['synth', '--env', env, '--out', out, '--quiet'], out);
    // a format that fails is reported and the next one still runs: at 10,000 tenants each takes
    // minutes, and one crash should not hide whether the others work
    const failed: string[] = [];
    for (const f of formats) {
      const what = f === 'evidence' ? 'evidence' : `check --format ${f}`;
      // the HTML report is a folder (index.html, a page per department and per tenant)
      const wrote = f === 'evidence' ? path.join(work, 'evidence') : path.join(reports, f === 'html' ? 'report' : `report.${f}`);
      const args =
        f === 'evidence' ? ['evidence', '--env', env, '--from', out, '--out', wrote] : ['check', '--env', env, '--from', out, '--format', f, '--out', wrote];
      try {
        await run(what, args, wrote);
        if (f === 'html')
          log(`    of which index.html: ${mb(size(path.join(wrote, 'index.html')))} MB, ${fs.readdirSync(path.join(wrote, 'tenants')).length} tenant pages`);
      } catch (e) {
        if (!(e instanceof CommandFailed)) throw e;
        log(`  ${what}: FAILED: ${e.message}`);
        failed.push(what);
      }
      fs.rmSync(wrote, { recursive: true, force: true });
    }
    const width = Math.max(...rows.map((r) => r.what.length));
    console.log(`${'command'.padEnd(width)}   seconds   peak RSS MB (processes)   output MB`);
    for (const r of rows)
      console.log(
        `${r.what.padEnd(width)}   ${r.m.seconds.toFixed(1).padStart(7)}   ${`${Math.round(r.m.rssMb)} (${r.m.processes})`.padStart(23)}   ${mb(r.bytes).padStart(9)}`,
      );
    console.log('');
    console.log(
      `N=${n} tenants; node ${process.version}, ${os.availableParallelism()} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' ',
        )} at the end; GOVCLOUD_CACHE=off; GOVCLOUD_TODAY=${BENCH_TODAY}${process.env.NODE_OPTIONS ? `; NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ''}.`,
    );
    console.log('Each command is `node dist/cli/main.js <command>` in its own process (check and evidence read the synth output: --from OUT).');
    console.log(
      `Peak RSS: the sum of each process peak (VmHWM) over the command and the processes it started. Took ${((Date.now() - began) / 60000).toFixed(1)} min.`,
    );
    if (failed.length > 0) throw new Error(`failed: ${failed.join('; ')} (their output is above)`);
  } finally {
    cleanUp();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:reports failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
