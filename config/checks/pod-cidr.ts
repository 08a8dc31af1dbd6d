/**
 * The clusters' pod ranges (spec.clusters[].podCidr): the addresses a CNI gives pods, from which each
 * namespace's pool is cut (address-pools.yaml). A cross-cluster NetworkPolicy names a peer by its
 * pool, so a pod range shared by two clusters, or one overlapping an address range the platform
 * names (a zone, the egress, the ingress, backup storage), would let one rule match pods it was not written for.
 */
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate, PathSegment } from '../source';
import { overlaps, readCidr, within } from '../cidr';

/** The widest and the narrowest pod range a cluster may have. */
export const POD_CIDR_BITS = { min: 12, max: 20 } as const;

export function checkPodCidrs(p: LoadedFile<PlatformFile>): Issue[] {
  const s = p.data.spec;
  const out: Issue[] = [];
  const at = (i: number): PathSegment[] => ['spec', 'clusters', i, 'podCidr'];
  const err = (path: PathSegment[], code: Parameters<typeof issue>[3], params: Record<string, string | number>) =>
    out.push(issue('error', locate(p.source, path), fieldPath(path), code, params));

  // the platform's other ranges an extranet pod range must keep clear of
  const named: { cidr: string; label: string }[] = [
    ...(['public-service', 'administrative', 'exchange'] as const).map((z) => ({ cidr: s.zones[z].cidr, label: `zone ${z}, spec.zones.${z}.cidr` })),
    { cidr: s.intranet.cidr, label: 'intranet, spec.intranet.cidr' },
    { cidr: s.egress.cidr, label: 'egress, spec.egress.cidr' },
    ...(s.ingress?.cidr ? [{ cidr: s.ingress.cidr, label: 'ingress, spec.ingress.cidr' }] : []),
    ...s.sites.map((site, i) => ({ cidr: site.backupStorage.cidr, label: `backup storage of site ${site.name}, spec.sites[${i}].backupStorage.cidr` })),
  ];
  s.clusters.forEach((c, i) => {
    const bits = readCidr(c.podCidr)?.bits;
    if (bits === undefined) return; // the schema reported it
    if (bits < POD_CIDR_BITS.min || bits > POD_CIDR_BITS.max) {
      err(at(i), 'podCidr.prefix', { value: c.podCidr, bits, min: POD_CIDR_BITS.min, max: POD_CIDR_BITS.max });
    }
    for (let j = 0; j < i; j++) {
      const other = s.clusters[j];
      if (overlaps(c.podCidr, other.podCidr)) {
        err(at(i), 'cidr.overlap', { value: c.podCidr, other: other.podCidr, where: `pods of cluster ${other.name}, ${fieldPath(at(j))}` });
      }
    }
    // a pod with an address of the API server's range would pass Velero's way to it
    s.clusters.forEach((other, j) => {
      if (other.apiServer && overlaps(c.podCidr, other.apiServer.cidr)) {
        const path: PathSegment[] = ['spec', 'clusters', j, 'apiServer', 'cidr'];
        err(path, 'cidr.overlap', { value: other.apiServer.cidr, other: c.podCidr, where: `pods of cluster ${c.name}, ${fieldPath(at(i))}` });
      }
    });
    if (c.network === 'intranet') {
      if (!within(c.podCidr, s.intranet.cidr)) err(at(i), 'podCidr.outsideIntranet', { value: c.podCidr, cluster: c.name, intranet: s.intranet.cidr });
      return;
    }
    for (const r of named) if (overlaps(c.podCidr, r.cidr)) err(at(i), 'cidr.overlap', { value: c.podCidr, other: r.cidr, where: r.label });
  });
  return out;
}
