/**
 * Processes the end-to-end suite starts: each one's output goes to `<run>/logs/<name>.log` and its
 * pid to `<run>/pids/<name>.pid`, so that the suite stops every one of them — in its teardown, and
 * from the shell wrapper (scripts/e2e/test.sh) on failure or Ctrl-C.
 */
import { spawn, ChildProcess, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface Started {
  readonly name: string;
  readonly pid: number;
  readonly log: string;
  readonly child: ChildProcess;
}

export function startProcess(run: string, name: string, cmd: string, args: readonly string[], opts: SpawnOptions = {}): Started {
  fs.mkdirSync(path.join(run, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(run, 'pids'), { recursive: true });
  const log = path.join(run, 'logs', `${name}.log`);
  const fd = fs.openSync(log, 'a');
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${name}: ${cmd}`);
  child.unref();
  fs.writeFileSync(path.join(run, 'pids', `${name}.pid`), `${child.pid}\n`);
  return { name, pid: child.pid, log, child };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops every process recorded under `<run>/pids`: SIGTERM, then SIGKILL after `graceMs`. Returns the pids it stopped. */
export async function stopAll(run: string, graceMs = 10_000): Promise<number[]> {
  const dir = path.join(run, 'pids');
  if (!fs.existsSync(dir)) return [];
  const pids = fs
    .readdirSync(dir)
    .map((f) => ({ file: path.join(dir, f), pid: Number(fs.readFileSync(path.join(dir, f), 'utf8').trim()) }))
    .filter((p) => Number.isInteger(p.pid) && p.pid > 0);
  for (const p of pids) if (alive(p.pid)) process.kill(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some((p) => alive(p.pid)) && Date.now() < deadline) await sleep(100);
  for (const p of pids) if (alive(p.pid)) process.kill(p.pid, 'SIGKILL');
  while (pids.some((p) => alive(p.pid))) await sleep(50);
  for (const p of pids) fs.rmSync(p.file, { force: true });
  return pids.map((p) => p.pid);
}

/** Waits until `ready` resolves true, or throws naming `what` and the tail of `log`. */
export async function waitFor(what: string, ready: () => Promise<boolean>, timeoutMs: number, log?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await ready()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      const tail = log && fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${what} not ready after ${timeoutMs / 1000} s${tail ? `; last lines of ${log}:\n${tail}` : ''}`);
    }
    await sleep(250);
  }
}
