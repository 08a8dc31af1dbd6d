/**
 * A request says each thing once (docs/limits.md): no flow repeating another (same target, a port in
 * common; for the Internet, a host in common too), no port or host twice in one flow, no environment
 * or administrator group twice. Each repeat is refused at its own line, naming the line of the first.
 * One pass over each list with a Map of what was seen: linear in the size of the request.
 */
import { Issue } from '../issues';
import { LoadedTenant } from '../load';
import { locate, PathSegment } from '../source';
import { at, CheckContext } from './context';

/** Refuses the repeats of a list of values, each at its own path, naming the first one's line. */
function repeats<T>(
  t: LoadedTenant,
  values: readonly T[],
  key: (v: T) => string,
  path: (i: number) => PathSegment[],
  report: (v: T, i: number, line: number) => Issue,
): Issue[] {
  const out: Issue[] = [];
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    const k = key(v);
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else out.push(report(v, i, locate(t.source, path(j)).line));
  });
  return out;
}

/** Flows that repeat an earlier one: the same tenant and a port in common, or the Internet with a host and a port in common. */
function duplicateFlows(t: LoadedTenant): Issue[] {
  const out: Issue[] = [];
  const first = new Map<string, number>();
  t.data.spec.flows.forEach((f, i) => {
    const targets = f.to === 'internet' ? (f.hosts ?? []).map((h) => `internet ${h.toLowerCase()}`) : [f.to];
    let reported = false;
    for (const target of targets) {
      for (const port of f.ports) {
        const k = `${target} ${port}`;
        const j = first.get(k);
        if (j === undefined) first.set(k, i);
        else if (j !== i && !reported) {
          reported = true;
          const line = locate(t.source, ['spec', 'flows', j]).line;
          out.push(at(t, ['spec', 'flows', i, 'to'], 'flow.duplicate', { target, port, line }));
        }
      }
    }
  });
  return out;
}

export function checkDuplicates(ctx: CheckContext): Issue[] {
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const s = t.data.spec;
    out.push(
      ...repeats(
        t,
        s.environments,
        (e) => e,
        (i) => ['spec', 'environments', i],
        (e, i, line) => at(t, ['spec', 'environments', i], 'environment.duplicate', { value: JSON.stringify(e), line }),
      ),
      ...repeats(
        t,
        s.admins,
        (a) => a,
        (i) => ['spec', 'admins', i],
        (a, i, line) => at(t, ['spec', 'admins', i], 'admin.duplicate', { value: JSON.stringify(a), line }),
      ),
      ...duplicateFlows(t),
    );
    s.flows.forEach((f, n) => {
      const flow = ['spec', 'flows', n];
      out.push(
        ...repeats(
          t,
          f.ports,
          (p) => String(p),
          (i) => [...flow, 'ports', i],
          (p, i, line) => at(t, [...flow, 'ports', i], 'flow.duplicatePort', { port: p, line }),
        ),
        ...repeats(
          t,
          f.hosts ?? [],
          (h) => h.toLowerCase(),
          (i) => [...flow, 'hosts', i],
          (h, i, line) => at(t, [...flow, 'hosts', i], 'flow.duplicateHost', { value: JSON.stringify(h), line }),
        ),
      );
    });
  }
  return out;
}
