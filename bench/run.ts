/**
 * `npm run bench [-- --sizes 100,1000,5000,10000]`: per N, generates a synthetic city, then times
 * validate and synth (each in its own process) and prints validate time, synth time, peak RSS and
 * output size. A benchmark, not a test: it asserts nothing.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCity } from './generate';

interface PhaseResult {
  ms: number;
  maxRssMb: number;
  stacks: number;
  resources: number;
  bytes: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function phase(kind: 'validate' | 'synth' | 'check', env: string, out: string): PhaseResult {
  const text = execFileSync(process.execPath, [path.join(__dirname, 'phase.js'), kind, env, out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(text.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

const sizes = (arg('sizes') ?? '100,1000,5000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-bench-'));
const rows: string[][] = [['tenants', 'stacks', 'resources', 'validate s', 'synth s', 'check s', 'peak RSS MB (validate/synth/check)', 'output MB']];
for (const n of sizes) {
  const env = path.join(work, `city-${n}`);
  const out = path.join(work, `out-${n}`);
  generateCity(env, n);
  const v = phase('validate', env, out);
  const s = phase('synth', env, out);
  const c = phase('check', env, out);
  rows.push([
    String(n),
    String(s.stacks),
    String(s.resources),
    (v.ms / 1000).toFixed(2),
    (s.ms / 1000).toFixed(2),
    (c.ms / 1000).toFixed(2),
    `${v.maxRssMb}/${s.maxRssMb}/${c.maxRssMb}`,
    (s.bytes / 1e6).toFixed(1),
  ]);
  process.stderr.write(`done N=${n}\n`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(env, { recursive: true, force: true });
}
fs.rmSync(work, { recursive: true, force: true });
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
console.log(
  `node ${process.version}, ${os.cpus().length} cores; synth and check exclude validation (its own column); check = all rules of each tenant's level pack over the synthesized output`,
);
