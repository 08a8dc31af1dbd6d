/**
 * address-pools.yaml against the namespaces that will exist: every namespace has a pool, inside its
 * cluster's pod range, overlapping no other pool there; an entry of a namespace that no longer exists
 * is a warning. Each issue names the command that fixes it.
 */
import { Issue, issue } from '../issues';
import { LoadedFile, LoadedTenant } from '../load';
import { AddressPoolsFile, ADDRESS_POOLS_FILE } from '../schema/address-pools';
import { fieldPath, locate, PathSegment } from '../source';
import { readCidr } from '../cidr';
import { WantedNamespace } from '../pools/allocate';

export interface PoolsInput {
  /** The file as given to the loader (for messages). */
  readonly file: string;
  /** The environment folder, for the command to run. */
  readonly env: string;
  /** The file, when it exists and passed its schema. */
  readonly loaded?: LoadedFile<AddressPoolsFile>;
  /** Whether the file exists (a broken one has its own issues). */
  readonly exists: boolean;
}

export function checkAddressPools(
  input: PoolsInput,
  clusters: readonly { readonly name: string; readonly podCidr: string }[],
  wanted: ReadonlyMap<string, readonly WantedNamespace[]>,
  tenantFiles: ReadonlyMap<string, LoadedTenant>,
): Issue[] {
  const out: Issue[] = [];
  const env = input.env;
  if (!input.exists) {
    return [issue('error', { file: input.file, line: 1, col: 1 }, '', 'pools.noFile', { file: ADDRESS_POOLS_FILE, env })];
  }
  const f = input.loaded;
  if (!f) return out; // its schema issues are reported
  const table = f.data.spec.clusters;
  const pos = (path: PathSegment[]) => locate(f.source, path);
  clusters.forEach((c, ci) => {
    const entries = Object.entries(table[c.name] ?? {});
    const pod = readCidr(c.podCidr);
    const seen: { ns: string; first: number; last: number; cidr: string }[] = [];
    for (const [ns, cidr] of entries) {
      const path: PathSegment[] = ['spec', 'clusters', c.name, ns];
      const r = readCidr(cidr);
      if (!r || !pod) continue;
      if (r.range.first < pod.range.first || r.range.last > pod.range.last) {
        out.push(
          issue('error', pos(path), fieldPath(path), 'pools.outside', { value: cidr, namespace: ns, cluster: c.name, podCidr: c.podCidr, index: ci, env }),
        );
        continue;
      }
      const other = seen.find((o) => o.first <= r.range.last && r.range.first <= o.last);
      if (other)
        out.push(
          issue('error', pos(path), fieldPath(path), 'cidr.overlap', {
            value: cidr,
            other: other.cidr,
            where: `pool of namespace ${other.ns} on cluster ${c.name}`,
          }),
        );
      seen.push({ ns, first: r.range.first, last: r.range.last, cidr });
    }
    const have = new Set(entries.map(([ns]) => ns));
    for (const w of wanted.get(c.name) ?? []) {
      if (have.has(w.namespace)) continue;
      const params = { namespace: w.namespace, cluster: c.name, file: ADDRESS_POOLS_FILE, env };
      const t = w.owner.kind === 'tenant' ? tenantFiles.get(w.owner.tenant) : undefined;
      if (t) {
        out.push(issue('error', locate(t.source, ['metadata', 'name']), 'metadata.name', 'pools.missing', params));
      } else {
        const path: PathSegment[] = table[c.name] === undefined ? ['spec', 'clusters'] : ['spec', 'clusters', c.name];
        out.push(issue('error', pos(path), fieldPath(path), 'pools.missing', params));
      }
    }
  });
  const known = new Set(clusters.map((c) => c.name));
  for (const [cluster, entries] of Object.entries(table)) {
    const here = new Set((wanted.get(cluster) ?? []).map((w) => w.namespace));
    for (const ns of Object.keys(entries)) {
      if (known.has(cluster) && here.has(ns)) continue;
      const path: PathSegment[] = ['spec', 'clusters', cluster, ns];
      out.push(issue('warning', pos(path), fieldPath(path), 'pools.stale', { namespace: ns, cluster, env }));
    }
  }
  return out;
}
