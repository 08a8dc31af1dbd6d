/**
 * What a synth that died leaves beside its output (stacks/publish.ts): its staging and old folders
 * are removed by the next synth, an old output left between the two renames of a switch is put back,
 * and the folders of a synth still running, or made after this one started, are never touched.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { removeStale } from '../../stacks/publish';
import { tmpDir } from '../helpers/env';

/** The id of a process that has exited. */
const deadPid = (): number => {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
};

describe('stale staging folders', () => {
  const tmp = tmpDir('publish');
  const out = path.join(tmp, 'out');
  const folder = (name: string, ageMs: number) => {
    const full = path.join(tmp, name);
    fs.mkdirSync(full, { recursive: true });
    fs.writeFileSync(path.join(full, 'f'), name);
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(full, t, t);
    return full;
  };

  it('removes those of a dead synth, keeps those of a running one and any newer than this process', () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      fs.mkdirSync(out);
      const dead = deadPid();
      const stale = folder(`out.staging-${dead}`, 3_600_000);
      const staleOld = folder(`out.old-${dead}`, 3_600_000);
      const running = folder(`out.staging-${live.pid}`, 3_600_000);
      const fresh = folder(`out.staging-${dead + 1_000_000}`, 0);
      const other = folder(`other.staging-${dead}`, 3_600_000);
      const started = Date.now() - 60_000;
      expect(removeStale(out, started).sort()).toEqual([stale, staleOld].sort());
      for (const kept of [running, fresh, other]) expect(fs.existsSync(kept)).toBe(true);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('puts back the old output of a synth killed between the renames of its switch', () => {
    fs.rmSync(out, { recursive: true, force: true });
    const old = folder(`out.old-${deadPid()}`, 3_600_000);
    removeStale(out, Date.now());
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.readFileSync(path.join(out, 'f'), 'utf8')).toBe(path.basename(old));
  });
});
