/**
 * Stack names that cannot collide: a department stack is `dept-<county>-<department>-<cluster>`
 * (config/stack-names.ts), and `-` may also appear inside each part, so county `hengshan-civil` with
 * department `affairs` and county `hengshan` with department `civil-affairs` would share a stack —
 * two counties' tenants in one Terraform state. The names are the keys of deployed state and do not
 * change; two county/department pairs whose names meet on any cluster of the platform are refused,
 * at every request file of both, each naming a file of the other. Linear: one Map over
 * pairs × clusters.
 */
import { Issue } from '../issues';
import { LoadedTenant } from '../load';
import { locate } from '../source';
import { departmentStackName } from '../stack-names';
import { at, CheckContext } from './context';

interface Pair {
  readonly county: string;
  readonly department: string;
  /** The pair's request files, in path order. */
  readonly tenants: LoadedTenant[];
}

const where = (t: LoadedTenant): string => {
  const p = locate(t.source, ['metadata', 'department']);
  return `${t.source.file}:${p.line}:${p.col}`;
};

export function checkStackNames(ctx: CheckContext): Issue[] {
  const pairs = new Map<string, Pair>();
  const byFile = [...ctx.tenants].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0));
  for (const t of byFile) {
    const { county, department } = t.data.metadata;
    const key = JSON.stringify([county, department]);
    const pair = pairs.get(key) ?? { county, department, tenants: [] };
    pair.tenants.push(t);
    pairs.set(key, pair);
  }
  const clusters = ctx.platform.data.spec.clusters.map((c) => c.name);
  const owner = new Map<string, { readonly pair: Pair; readonly cluster: string }>();
  const reported = new Set<string>();
  const out: Issue[] = [];
  const refuse = (p: Pair, other: Pair, name: string, cluster: string) => {
    for (const t of p.tenants)
      out.push(
        at(t, ['metadata', 'department'], 'stack.collision', {
          value: JSON.stringify(name),
          cluster,
          county: JSON.stringify(p.county),
          department: JSON.stringify(p.department),
          otherCounty: JSON.stringify(other.county),
          otherDepartment: JSON.stringify(other.department),
          other: where(other.tenants[0]),
        }),
      );
  };
  for (const p of pairs.values()) {
    for (const cluster of clusters) {
      const name = departmentStackName(p.county, p.department, cluster);
      const first = owner.get(name);
      if (first === undefined) {
        owner.set(name, { pair: p, cluster });
        continue;
      }
      const both = JSON.stringify([first.pair.county, first.pair.department, p.county, p.department]);
      if (first.pair === p || reported.has(both)) continue;
      reported.add(both);
      refuse(first.pair, p, name, first.cluster);
      refuse(p, first.pair, name, cluster);
    }
  }
  return out;
}
