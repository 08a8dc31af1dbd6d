/** Runs scripts/e2e/lab-down.sh for a run folder: the data plane down and the host as it was. */
import { spawnSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.resolve(__dirname, '..', '..', '..', 'scripts', 'e2e', 'lab-down.sh');

export function labDown(run: string): string {
  const r = spawnSync('bash', [SCRIPT, run], { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}
