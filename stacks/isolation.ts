/**
 * Physical isolation, checked on what will be deployed: no extranet stack may mention an intranet
 * stack, cluster, context, namespace or address range, and no intranet stack may mention the
 * extranet's. Works on the synthesized JSON, so a hand-added resource or remote-state lookup is caught.
 */
import { CityModel, namespaceName } from '../config/model';
import { StackSlice } from './slices';

export interface IsolationMarker {
  readonly value: string;
  /** What the value is, for the message: `stack`, `cluster`, `namespace`, `cidr`. */
  readonly what: string;
  /** Substring match (stack names in paths and references) or exact string match. */
  readonly contains: boolean;
}

export interface IsolationViolation {
  readonly stack: string;
  readonly network: 'extranet' | 'intranet';
  readonly path: string;
  readonly value: string;
  readonly marker: IsolationMarker;
}

/** The markers of each network, so that the other network's stacks can be checked against them. */
export function isolationMarkers(model: CityModel, plan: readonly StackSlice[]): Record<'extranet' | 'intranet', IsolationMarker[]> {
  const out: Record<'extranet' | 'intranet', IsolationMarker[]> = { extranet: [], intranet: [] };
  for (const s of plan) out[s.network].push({ value: s.name, what: 'stack', contains: true });
  for (const c of model.clusters) {
    out[c.network].push({ value: c.name, what: 'cluster', contains: false });
    if (c.kubeContext !== c.name) out[c.network].push({ value: c.kubeContext, what: 'cluster', contains: false });
  }
  for (const t of model.tenants) {
    for (const e of t.environments) out[t.network].push({ value: namespaceName(t.name, e), what: 'namespace', contains: false });
  }
  out.intranet.push({ value: model.intranetCidr, what: 'cidr', contains: false });
  return out;
}

/** Finds every string in a synthesized stack that belongs to the other network. */
export function findViolations(
  stack: string,
  network: 'extranet' | 'intranet',
  json: unknown,
  foreign: readonly IsolationMarker[],
): IsolationViolation[] {
  const exact = new Map<string, IsolationMarker>();
  const partial: IsolationMarker[] = [];
  for (const m of foreign) {
    if (m.contains) partial.push(m);
    else exact.set(m.value, m);
  }
  const out: IsolationViolation[] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      const m = exact.get(v) ?? partial.find((p) => v.includes(p.value));
      if (m) out.push({ stack, network, path, value: v, marker: m });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === '//') continue; // cdktf metadata
      visit(x, path === '' ? k : `${path}.${k}`);
      const km = exact.get(k) ?? partial.find((p) => k.includes(p.value));
      if (km) out.push({ stack, network, path: path === '' ? k : `${path}.${k}`, value: k, marker: km });
    }
  };
  visit(json, '');
  return out;
}
