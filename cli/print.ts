/** How the commands print what they found: positioned issues, isolation violations, cluster utilisation. */
import { t } from './text';
import { Lang } from '../config/messages';
import { formatIssue, Issue } from '../config/issues';
import { CityModel } from '../config/model';
import { formatBytes, formatCpu, formatPercent } from '../config/quantity';
import { IsolationViolation } from '../stacks/isolation';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export function printIssues(issues: readonly Issue[], lang: Lang, io: Io): void {
  for (const i of issues) (i.severity === 'error' ? io.err : io.out)(formatIssue(i, lang));
}

function pct(a: number, b: number): string {
  return b > 0 ? `${formatPercent(a, b, { fixed: true })} %` : '-';
}

export function printUtilisation(model: CityModel, lang: Lang, io: Io): void {
  io.out(t('utilHeader', lang));
  for (const u of model.utilisation) {
    const g = u.granted;
    const a = u.allowed;
    io.out(
      `  ${u.cluster.padEnd(16)} cpu ${formatCpu(g.cpuMillis)}/${formatCpu(a.cpuMillis)} (${pct(g.cpuMillis, a.cpuMillis)})  ` +
        `memory ${formatBytes(g.memoryBytes)}/${formatBytes(a.memoryBytes)} (${pct(g.memoryBytes, a.memoryBytes)})  ` +
        `storage ${formatBytes(g.storageBytes)}/${formatBytes(a.storageBytes)} (${pct(g.storageBytes, a.storageBytes)})`,
    );
  }
}

/** Each mention of the other network, as synth, check and pr name it. */
export function printViolations(v: readonly IsolationViolation[], lang: Lang, io: Io): void {
  for (const x of v)
    io.err(
      t('isolation', lang, { stack: x.stack, network: x.network, what: x.marker.what, marker: x.marker.value, value: JSON.stringify(x.value), path: x.path }),
    );
}
