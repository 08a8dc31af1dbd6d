/**
 * Runs one govcloud command as a child process, the way a person or a CI job runs it
 * (`node dist/cli/main.js <args>`), and measures it whole: wall time from spawn to exit, and the
 * peak RSS summed over the command's process and every process it starts (synth workers, git).
 *
 * Memory: each node process of the command writes its own peak (VmHWM) when it exits
 * (bench/rss-preload.ts, loaded through NODE_OPTIONS); processes that are not node (git) are
 * sampled from /proc every 50 ms. The sum of the peaks is what the machine must hold if every
 * process peaks at once: an upper bound of the command's memory, and what sizing a runner needs.
 * A non-zero exit throws CommandFailed with the end of the command's output.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const CLI = path.join(__dirname, '..', 'cli', 'main.js');
const PRELOAD = path.join(__dirname, 'rss-preload.js');

export interface Measured {
  readonly seconds: number;
  /** Sum over the processes of each one's peak RSS, MB (10^6 bytes). */
  readonly rssMb: number;
  /** How many processes were counted. */
  readonly processes: number;
}

export class CommandFailed extends Error {}

/** Process groups of the commands running now (each command gets its own, workers included). */
const running = new Set<number>();

/** Stops every running command with its workers (the bench was interrupted). */
export function stopCommands(): void {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** A file under /proc, or undefined when the process (or the file) is gone. */
function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The pids below `root` (children, grandchildren, …), from /proc/<pid>/task/<tid>/children. */
function descendants(root: number): number[] {
  const out: number[] = [];
  const walk = (pid: number) => {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      const text = readProc(`/proc/${pid}/task/${tid}/children`) ?? '';
      for (const c of text.split(' ').filter(Boolean).map(Number)) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

function vmHwmKb(pid: number): number | undefined {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(readProc(`/proc/${pid}/status`) ?? '');
  return m ? Number(m[1]) : undefined;
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/**
 * `node dist/cli/main.js ...args` in `cwd` with `env`; its output goes to `log` (appended, never
 * held in memory: a check of 50,000 tenants prints megabytes).
 */
export function runCli(args: readonly string[], opts: { readonly env: NodeJS.ProcessEnv; readonly log: string; readonly cwd?: string }): Promise<Measured> {
  // beside the log, so that the bench's clean-up removes it whatever stops a command
  const rssDir = fs.mkdtempSync(path.join(path.dirname(opts.log), 'rss-'));
  const nodeOptions = `${opts.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
  fs.appendFileSync(opts.log, `$ govcloud ${args.join(' ')}\n`);
  const fd = fs.openSync(opts.log, 'a');
  const sampled = new Map<number, number>();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: { ...opts.env, NODE_OPTIONS: nodeOptions, GOVCLOUD_BENCH_RSS_DIR: rssDir },
    stdio: ['ignore', fd, fd],
    // its own process group, so that an interrupted bench stops the command and its workers together
    detached: true,
  });
  if (child.pid !== undefined) running.add(child.pid);
  const sample = () => {
    if (child.pid === undefined) return;
    for (const pid of [child.pid, ...descendants(child.pid)]) {
      const kb = vmHwmKb(pid);
      if (kb !== undefined) sampled.set(pid, Math.max(kb, sampled.get(pid) ?? 0));
    }
  };
  const timer = setInterval(sample, 50);
  return new Promise<Measured>((resolve, reject) => {
    child.on('error', (e) => {
      clearInterval(timer);
      fs.closeSync(fd);
      reject(new CommandFailed(`govcloud ${args.join(' ')} did not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (child.pid !== undefined) running.delete(child.pid);
      clearInterval(timer);
      fs.closeSync(fd);
      const peaks = new Map(sampled);
      for (const f of fs.readdirSync(rssDir)) peaks.set(Number(f), Math.max(Number(fs.readFileSync(path.join(rssDir, f), 'utf8')), peaks.get(Number(f)) ?? 0));
      fs.rmSync(rssDir, { recursive: true, force: true });
      if (code !== 0) {
        reject(new CommandFailed(`govcloud ${args.join(' ')} failed (${signal ?? `exit ${code}`}); the end of its output:\n${tail(opts.log, 20)}`));
        return;
      }
      const kb = [...peaks.values()].reduce((a, b) => a + b, 0);
      resolve({ seconds, rssMb: (kb * 1024) / 1e6, processes: peaks.size });
    });
  });
}
