/**
 * scripts/e2e/stale-labs.sh tells a lab left by a dead run (taken down before the next run) from the
 * lab of a run that still lives (never touched). Run with --list, which changes nothing on the host.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'e2e', 'stale-labs.sh');

function runFolder(dir: string, name: string): string {
  const run = path.join(dir, name);
  fs.mkdirSync(path.join(run, 'lab'), { recursive: true });
  fs.writeFileSync(path.join(run, 'lab', 'lab.json'), JSON.stringify({ id: 'zzzz' }));
  return run;
}

describe('stale e2e labs', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stale-labs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists a lab whose run no process names, and only labs that are up', () => {
    const dead = runFolder(dir, 'govcloud-e2e-dead01');
    fs.mkdirSync(path.join(dir, 'govcloud-e2e-down01', 'lab'), { recursive: true }); // lab.json gone: already down
    const r = spawnSync('bash', [SCRIPT, '--list', dir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([dead]);
    expect(fs.existsSync(path.join(dead, 'lab', 'lab.json'))).toBe(true);
  });

  it('refuses, naming it, a lab whose run still lives (by its environment), and lists it not as stale', async () => {
    const live = runFolder(dir, 'govcloud-e2e-live01');
    const child = spawn('sleep', ['30'], { env: { ...process.env, GOVCLOUD_E2E_RUN: live }, stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 200));
      const r = spawnSync('bash', [SCRIPT, '--list', dir], { encoding: 'utf8' });
      expect(r.status).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`another e2e run is using the lab: ${live}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('counts a process working in the run folder as the run living', async () => {
    const live = runFolder(dir, 'govcloud-e2e-live02');
    const child = spawn('sleep', ['30'], { cwd: path.join(live, 'lab'), stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 200));
      const r = spawnSync('bash', [SCRIPT, '--list', dir], { encoding: 'utf8' });
      expect(r.status).toBe(3);
      expect(r.stderr).toContain(live);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
