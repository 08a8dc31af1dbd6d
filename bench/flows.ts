/**
 * `node dist/bench/flows.js [--flows 1000,2000,5000,10000] [--distinct]`: the cost of one tenant
 * with many flows (issue 10, class 2). A small generated city (bench/generate.ts, 20 tenants) whose first
 * public-service tenant declares N flows to one exchange tenant — the same flow N times, or with
 * --distinct one port each. Requests are bounded (docs/limits.md: 200 flows), so the model is
 * inflated after validation, to time what the rules would cost: synth in memory, then every rule
 * of the tenants' level packs. The work should grow linearly with N. A benchmark, not a test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_TODAY, generateCity } from './generate';
import { validateEnvironment } from '../config/validate';
import { CityModel, Flow } from '../config/model';
import { synthInMemory } from '../stacks/in-memory';
import { buildDeployment, Json } from '../policies/deployment';
import { runChecks } from '../policies/engine';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (arg('flows') ?? '1000,2000,5000,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const distinct = process.argv.includes('--distinct');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-flows-'));
generateCity(work, 20);
const result = validateEnvironment(work, { today: BENCH_TODAY });
fs.rmSync(work, { recursive: true, force: true });
if (!result.model) throw new Error(`bench city invalid: ${JSON.stringify(result.issues[0])}`);
const base: CityModel = result.model;
const from = base.tenants.find((t) => t.zone === 'public-service');
const to = base.tenants.find((t) => t.zone === 'exchange' && t.cluster === from?.cluster);
if (!from || !to) throw new Error('bench city has no public-service and exchange tenant on one cluster');

/** The base model with `n` flows from `from` to `to` (and the matching inbound flows of `to`). */
function inflate(n: number): CityModel {
  const ports = (i: number): number[] => [distinct ? 1024 + i : 443];
  const flows: Flow[] = Array.from({ length: n }, (_, i) => ({ kind: 'tenant', tenant: to!.name, county: to!.county, zone: to!.zone, ports: ports(i) }));
  const inbound = Array.from({ length: n }, (_, i) => ({ tenant: from!.name, county: from!.county, zone: from!.zone, ports: ports(i) }));
  return {
    ...base,
    tenants: base.tenants.map((t) =>
      t.name === from!.name
        ? { ...t, flows: [...t.flows.filter((f) => f.kind === 'internet'), ...flows] }
        : t.name === to!.name
          ? { ...t, inbound: [...t.inbound.filter((i) => i.tenant !== from!.name), ...inbound] }
          : t,
    ),
  };
}

const ms = (since: bigint): number => Number((process.hrtime.bigint() - since) / 1000000n);
const rows: string[][] = [['flows', 'synth s', 'check s', 'heap MB after check']];
for (const n of sizes) {
  const model = inflate(n);
  let t0 = process.hrtime.bigint();
  const stacks = synthInMemory(model);
  const synth = ms(t0);
  const deployment = buildDeployment(
    model,
    stacks.map((s) => ({ ...s, json: s.json as Json })),
  );
  t0 = process.hrtime.bigint();
  runChecks(model, deployment, { today: '2026-11-23' });
  const check = ms(t0);
  rows.push([String(n), (synth / 1000).toFixed(2), (check / 1000).toFixed(2), String(Math.round(process.memoryUsage().heapUsed / 1e6))]);
  process.stderr.write(`done ${n} flows\n`);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
console.log(`node ${process.version}, ${os.cpus().length} cores; ${distinct ? 'one port per flow' : 'the same flow repeated'}, ${from.name} → ${to.name}`);
