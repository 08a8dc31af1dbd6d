/**
 * Loaded into every node process of a measured command (NODE_OPTIONS=--require, which synth workers
 * inherit): when the process exits, writes its own peak RSS in KiB to $GOVCLOUD_BENCH_RSS_DIR/<pid>.
 * bench/measure.ts sums them.
 *
 * The peak is VmHWM of /proc/self/status, not getrusage's maxRSS: a spawned process's maxRSS starts
 * at its parent's RSS at the fork (Linux keeps the old image's high-water mark across exec), so a
 * synth worker forked from a parent holding the model would report the parent's memory as its own.
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = process.env.GOVCLOUD_BENCH_RSS_DIR;

function peakKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (not Linux): getrusage, which may include the parent's memory at the fork
  }
  return process.resourceUsage().maxRSS;
}

if (dir) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(path.join(dir, String(process.pid)), String(peakKb()));
    } catch {
      // the bench counts this process from its /proc samples instead
    }
  });
}
