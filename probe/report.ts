/**
 * The probe's evidence: expected against observed, as a matrix (rows: from, columns: to) and as
 * JSON with every probe, and the time it was taken. A mismatch is any probe whose observation is
 * not what the model expects.
 */
import { key, targetName } from './table';
import { ProbeResult } from './run';

export type Lang = 'zh' | 'en';

export interface ProbeReport {
  readonly city: string;
  /** ISO time the probes were taken. */
  readonly takenAt: string;
  readonly probes: number;
  readonly mismatches: number;
  readonly results: readonly ProbeResult[];
}

export function mismatched(r: ProbeResult): boolean {
  return r.observed !== r.probe.expect;
}

export function probeReport(city: string, takenAt: string, results: readonly ProbeResult[]): ProbeReport {
  return { city, takenAt, probes: results.length, mismatches: results.filter(mismatched).length, results };
}

export function probeJson(r: ProbeReport): string {
  return `${JSON.stringify(
    {
      city: r.city,
      takenAt: r.takenAt,
      probes: r.probes,
      mismatches: r.mismatches,
      results: r.results.map((x) => ({
        id: x.probe.id,
        from: key(x.probe.from),
        to: targetName(x.probe),
        port: x.probe.port,
        expect: x.probe.expect,
        observed: x.observed,
        because: x.probe.because,
        ...(x.detail ? { detail: x.detail } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** One cell: `+` connected as expected, `.` refused as expected, `X` open but should be refused, `-` refused but should connect, `?` error. */
function cell(r: ProbeResult | undefined): string {
  if (!r) return ' ';
  if (r.observed === 'error' || r.observed === 'wrong-peer') return '?';
  if (r.observed === r.probe.expect) return r.observed === 'connect' ? '+' : '.';
  return r.observed === 'connect' ? 'X' : '-';
}

export function probeText(r: ProbeReport, lang: Lang): string {
  const zh = lang === 'zh';
  const rows = [...new Set(r.results.map((x) => key(x.probe.from)))];
  const cols = [...new Set(r.results.map((x) => targetName(x.probe)))].sort();
  const at = new Map<string, ProbeResult>();
  for (const x of r.results) at.set(`${key(x.probe.from)}|${targetName(x.probe)}`, x);
  const out: string[] = [];
  out.push(
    zh
      ? `连通性真值表 ${r.city}，采集于 ${r.takenAt}：${r.probes} 项探测，${r.mismatches} 项与预期不符`
      : `Connectivity truth table of ${r.city}, taken ${r.takenAt}: ${r.probes} probes, ${r.mismatches} not as expected`,
  );
  out.push(
    zh
      ? '图例：+ 预期连通且连通  . 预期拒绝且拒绝  X 应拒绝却连通  - 应连通却拒绝  ? 无法探测'
      : 'Legend: + connects as expected  . refused as expected  X open but should be refused  - refused but should connect  ? could not probe',
  );
  out.push('');
  cols.forEach((c, i) => out.push(`${String(i + 1).padStart(4)}  ${c}`));
  out.push('');
  const width = Math.max(...rows.map((x) => x.length), 10);
  for (const row of rows) out.push(`${row.padEnd(width)}  ${cols.map((c) => cell(at.get(`${row}|${c}`))).join('')}`);
  const bad = r.results.filter(mismatched);
  if (bad.length > 0) {
    out.push('');
    out.push(zh ? '不符项：' : 'Not as expected:');
    for (const x of bad) {
      out.push(
        `  ${x.probe.id}: ${zh ? '预期' : 'expected'} ${x.probe.expect} (${x.probe.because}), ${zh ? '实测' : 'observed'} ${x.observed}${x.detail ? ` — ${x.detail}` : ''}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
