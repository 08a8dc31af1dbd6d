/**
 * The probe's truth table as evidence: the JSON `govcloud probe --format json --out FILE` writes,
 * read back and checked to be of this city, with the time it was taken. Each mismatch is a traffic
 * problem in the namespace it was sent from (and the one it was sent to, when that is a namespace).
 */
import * as fs from 'fs';
import type { RuntimeProblem } from '../policies/runtime';

export interface ProbeFile {
  readonly city: string;
  readonly takenAt: string;
  readonly probes: number;
  readonly mismatches: number;
  /** `cluster/namespace` of every namespace a probe went from or to. */
  readonly namespaces: readonly string[];
  readonly problems: readonly RuntimeProblem[];
  /** The file as read, for the package. */
  readonly text: string;
}

interface Row {
  readonly id?: unknown;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly port?: unknown;
  readonly expect?: unknown;
  readonly observed?: unknown;
  readonly because?: unknown;
}

const spot = (v: unknown): { cluster: string; namespace: string } | undefined => {
  const m = typeof v === 'string' ? /^([a-z0-9-]+)\/([a-z0-9-]+)$/.exec(v) : null;
  return m && !['internet', 'egress', 'ingress'].includes(m[1]) ? { cluster: m[1], namespace: m[2] } : undefined;
};

/** Reads a probe result; throws a plain bilingual message when it is not one, or not of this city. */
export function readProbeFile(file: string, city: string): ProbeFile {
  let doc: { city?: unknown; takenAt?: unknown; results?: unknown };
  const text = fs.readFileSync(file, 'utf8');
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw new Error(
      `${file}: not JSON; give the file \`govcloud probe --format json --out FILE\` wrote / 不是 JSON；请使用 govcloud probe --format json --out 写出的文件`,
    );
  }
  if (typeof doc.takenAt !== 'string' || Number.isNaN(Date.parse(doc.takenAt)) || !Array.isArray(doc.results))
    throw new Error(`${file}: not a probe result (no takenAt or results) / 不是探测结果（缺少 takenAt 或 results）`);
  if (doc.city !== city)
    throw new Error(`${file}: a probe of city "${String(doc.city)}", not "${city}" / 该探测结果属于城市 "${String(doc.city)}"，不是 "${city}"`);
  const rows = doc.results as Row[];
  const namespaces = new Set<string>();
  const problems: RuntimeProblem[] = [];
  for (const r of rows) {
    const from = spot(r.from);
    const to = spot(r.to);
    for (const s of [from, to]) if (s) namespaces.add(`${s.cluster}/${s.namespace}`);
    if (r.observed === r.expect) continue;
    const detail = {
      en: `probe ${String(r.id)} from ${String(r.from)} to ${String(r.to)} port ${String(r.port)}: expected ${String(r.expect)} (${String(r.because)}), observed ${String(r.observed)}`,
      zh: `探测 ${String(r.id)}：${String(r.from)} → ${String(r.to)} 端口 ${String(r.port)}，预期 ${String(r.expect)}（${String(r.because)}），实测 ${String(r.observed)}`,
    };
    for (const s of [from, to]) if (s) problems.push({ kind: 'traffic', cluster: s.cluster, namespace: s.namespace, what: String(r.id), detail });
  }
  return {
    city,
    takenAt: doc.takenAt,
    probes: rows.length,
    mismatches: rows.filter((r) => r.observed !== r.expect).length,
    namespaces: [...namespaces].sort(),
    problems,
    text,
  };
}
