/** Global teardown of the e2e suite: stops every process it started, and says so. */
import { alive, stopAll } from './procs';
import { labDown } from './lab-down';

export default async function globalTeardown(): Promise<void> {
  const run = process.env.GOVCLOUD_E2E_RUN;
  if (!run) return;
  const pids = await stopAll(run);
  labDown(run);
  const left = pids.filter(alive);
  const what = pids.length === 0 ? 'no process left to stop' : `stopped ${pids.length} processes`;
  process.stderr.write(`[e2e] ${what}${left.length > 0 ? `; STILL RUNNING: ${left.join(', ')}` : ''}\n`);
  if (left.length > 0) throw new Error(`processes still running after teardown: ${left.join(', ')}`);
}
