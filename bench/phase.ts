/**
 * One benchmark phase in its own process, so that peak RSS belongs to that phase alone:
 *   node dist/bench/phase.js validate|synth|check ENV_DIR OUT_DIR   (check reads what synth wrote)
 * Prints one JSON line: { ms, maxRssMb, stacks, resources, bytes }; with synth workers, maxRssMb
 * adds each worker's peak to the parent's (an upper bound of the memory the machine needs at once).
 */
import { validateEnvironment } from '../config/validate';
import * as os from 'os';
import { synthesizeParallel } from '../stacks/synth';
import { readDeployment } from '../policies/synth-output';
import { runChecks } from '../policies/engine';

const [phase, envDir, outDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
const result = validateEnvironment(envDir);
if (!result.model) {
  console.error(`bench city invalid: ${result.issues.length} issues, first: ${JSON.stringify(result.issues[0])}`);
  process.exit(1);
}
let stacks = 0;
let resources = 0;
let bytes = 0;
const validated = process.hrtime.bigint();
const workers = Number(process.env.GOVCLOUD_BENCH_WORKERS ?? os.availableParallelism());
const workerRss: number[] = [];
let read = 0;
void (async () => {
  if (phase === 'check') {
    // all rules over the synthesized output of the synth phase (what will be deployed)
    const loaded = readDeployment(result.model!, outDir);
    if (!loaded.deployment) {
      console.error(`bench output unreadable: ${loaded.issues.length} issues, first: ${JSON.stringify(loaded.issues[0])}`);
      process.exit(1);
    }
    const deployment = loaded.deployment;
    read = Number((process.hrtime.bigint() - validated) / 1000000n);
    const report = runChecks(result.model!, deployment, { today: '2026-11-23' });
    stacks = report.tenants.length;
  }
  if (phase === 'synth') {
    const out = await synthesizeParallel(result.model!, { outDir, workers, onWorkerDone: (kb) => workerRss.push(kb) });
    stacks = out.length;
    resources = out.reduce((a, r) => a + r.resources, 0);
    bytes = out.reduce((a, r) => a + r.bytes, 0);
  }
  const done = process.hrtime.bigint();
  const ms = Number((phase === 'validate' ? validated - started : done - validated) / 1000000n);
  // peak RSS of this process and of its synth workers (the largest of them)
  const own = process.resourceUsage().maxRSS;
  const total = own + workerRss.reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ ms, readMs: read, maxRssMb: Math.round(total / 1024), workers: phase === 'synth' ? workers : 1, stacks, resources, bytes }));
})();
