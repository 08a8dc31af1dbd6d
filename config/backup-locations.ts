/**
 * Where each cluster's Velero writes and reads (issue 22). Plain data from the model, shared by the
 * stack plan that builds BackupServer, the DATA rules that judge the synthesized locations and the
 * end-to-end test that reads them back from the clusters.
 *
 * - Every cluster writes its own prefix, `<site prefix>/<cluster>` (or `<cluster>` when the site's
 *   endpoint has none), in every site's storage it has a location for: Velero instances that share a
 *   bucket prefix overwrite or garbage-collect each other's backups. The writable location is named
 *   after the site, which is what the tenants' Schedules name as their storageLocation.
 * - Every DR cluster also reads, through a ReadOnly location named `<site>-from-<primary cluster>`,
 *   the prefix of each primary cluster whose tenants it holds replicas of, at the replica's site (the
 *   storage the primary's Schedules for that replica write to, at the DR cluster's own site): a
 *   restore there can read the primary's backups but can neither write nor delete them.
 */
import { clusterEndpoint } from './backup-storage';
import { Tenant } from './model';

/** Name of the ReadOnly location on a DR cluster that reads a primary cluster's prefix at a site. */
export function readOnlyLocationName(site: string, primaryCluster: string): string {
  return `${site}-from-${primaryCluster}`;
}

export interface ReadOnlyLocation {
  /** Location name: `<site>-from-<primary cluster>`. */
  readonly name: string;
  /** The site whose storage it reads (the DR cluster's own). */
  readonly site: string;
  /** The cluster whose prefix it reads. */
  readonly primaryCluster: string;
  /** That prefix as a backup URL: `clusterEndpoint(site endpoint, primary cluster)`. */
  readonly endpoint: string;
  /** Address range of the site's storage. */
  readonly cidr: string;
  /** Tenants whose replicas on the DR cluster are restored from it, sorted. */
  readonly tenants: readonly string[];
}

/**
 * The ReadOnly locations a cluster gets: one per (replica site, primary cluster) of the tenants that
 * have a replica on it, sorted by name. A tenant whose primary is the cluster itself adds none.
 */
export function readOnlyLocations(tenants: readonly Pick<Tenant, 'name' | 'cluster' | 'replicas'>[], cluster: string): ReadOnlyLocation[] {
  const byName = new Map<string, { site: string; primaryCluster: string; endpoint: string; cidr: string; tenants: Set<string> }>();
  for (const t of tenants) {
    if (t.cluster === '' || t.cluster === cluster) continue;
    for (const r of t.replicas) {
      if (r.cluster !== cluster) continue;
      const name = readOnlyLocationName(r.site, t.cluster);
      const known = byName.get(name);
      if (known) known.tenants.add(t.name);
      else
        byName.set(name, {
          site: r.site,
          primaryCluster: t.cluster,
          endpoint: clusterEndpoint(r.backupEndpoint, t.cluster),
          cidr: r.backupCidr,
          tenants: new Set([t.name]),
        });
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, x]) => ({ name, site: x.site, primaryCluster: x.primaryCluster, endpoint: x.endpoint, cidr: x.cidr, tenants: [...x.tenants].sort() }));
}
