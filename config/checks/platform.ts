/** Checks inside the platform file: unique names, known sites, one primary site, disjoint CIDRs. */
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { locate, PathSegment } from '../source';
import { fieldPath } from '../source';
import { overlaps } from '../cidr';
import { suggest } from '../suggest';

function duplicates(p: LoadedFile<PlatformFile>, list: readonly { readonly name: string }[], listPath: PathSegment[], key: string, what: string): Issue[] {
  const seen = new Map<string, number>();
  const out: Issue[] = [];
  list.forEach((item, i) => {
    const first = seen.get(item.name);
    if (first === undefined) {
      seen.set(item.name, i);
      return;
    }
    const firstLine = locate(p.source, [...listPath, first, key]).line;
    const at = [...listPath, i, key];
    out.push(issue('error', locate(p.source, at), fieldPath(at), 'platform.duplicate', { what, value: JSON.stringify(item.name), line: firstLine }));
  });
  return out;
}

export function checkPlatform(p: LoadedFile<PlatformFile>): Issue[] {
  const s = p.data.spec;
  const out: Issue[] = [];
  out.push(
    ...duplicates(
      p,
      s.counties.map((c) => ({ name: c.code })),
      ['spec', 'counties'],
      'code',
      'county',
    ),
  );
  out.push(...duplicates(p, s.sites, ['spec', 'sites'], 'name', 'site'));
  out.push(...duplicates(p, s.clusters, ['spec', 'clusters'], 'name', 'cluster'));
  s.clusters.forEach((c, ci) => out.push(...duplicates(p, c.nodePools, ['spec', 'clusters', ci, 'nodePools'], 'name', 'node pool')));

  const primaries = s.sites.filter((x) => x.role === 'primary').length;
  if (primaries !== 1) {
    out.push(issue('error', locate(p.source, ['spec', 'sites']), 'spec.sites', 'platform.primarySites', { count: primaries }));
  }
  const siteNames = s.sites.map((x) => x.name);
  s.clusters.forEach((c, i) => {
    if (!siteNames.includes(c.site)) {
      const at = ['spec', 'clusters', i, 'site'];
      const hint = suggest(c.site, siteNames);
      out.push(
        issue('error', locate(p.source, at), fieldPath(at), 'platform.unknownRef', {
          what: 'site',
          value: JSON.stringify(c.site),
          known: siteNames.join(', '),
          suggestion: `suggest:${hint ?? ''}`,
        }),
      );
    }
  });
  s.sites.forEach((site, i) => {
    if (!s.clusters.some((c) => c.site === site.name)) {
      out.push(issue('error', locate(p.source, ['spec', 'sites', i, 'name']), `spec.sites[${i}]`, 'platform.noCluster', { site: site.name }));
    }
  });

  // The ingress gateway's namespace is its own: not the egress, a zone's or a platform service's.
  if (s.ingress) {
    const name = s.ingress.namespace;
    const taken: [boolean, string, string][] = [
      [name === s.egress.namespace, 'the egress namespace (spec.egress.namespace)', '出口网关命名空间（spec.egress.namespace）'],
      [name.startsWith('zone-'), 'the form of a zone namespace (zone-<zone>)', '区域命名空间的形式（zone-<区域>）'],
      [['kube-system', 'kube-public', 'kube-node-lease', 'default'].includes(name), 'a namespace Kubernetes keeps', 'Kubernetes 保留的命名空间'],
      [['govcloud-system', 'velero'].includes(name), 'a namespace of a platform service', '平台服务的命名空间'],
    ];
    const hit = taken.find(([is]) => is);
    if (hit) {
      const at: PathSegment[] = ['spec', 'ingress', 'namespace'];
      out.push(issue('error', locate(p.source, at), fieldPath(at), 'platform.ingressNamespace', { value: JSON.stringify(name), what: hit[1], whatZh: hit[2] }));
    }
  }

  // Address ranges must not overlap: zones, intranet, egress, ingress and each site's backup storage.
  const ranges: { cidr: string; path: PathSegment[]; label: string }[] = [
    ...(['public-service', 'administrative', 'exchange'] as const).map((z) => ({
      cidr: s.zones[z].cidr,
      path: ['spec', 'zones', z, 'cidr'] as PathSegment[],
      label: `zone ${z}`,
    })),
    { cidr: s.intranet.cidr, path: ['spec', 'intranet', 'cidr'], label: 'intranet' },
    { cidr: s.egress.cidr, path: ['spec', 'egress', 'cidr'], label: 'egress' },
    ...(s.ingress?.cidr ? [{ cidr: s.ingress.cidr, path: ['spec', 'ingress', 'cidr'] as PathSegment[], label: 'ingress' }] : []),
    ...s.sites.map((site, i) => ({
      cidr: site.backupStorage.cidr,
      path: ['spec', 'sites', i, 'backupStorage', 'cidr'] as PathSegment[],
      label: `backup storage of site ${site.name}`,
    })),
  ];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = 0; j < i; j++) {
      if (overlaps(ranges[i].cidr, ranges[j].cidr)) {
        const where = `${ranges[j].label}, ${fieldPath(ranges[j].path)}`;
        out.push(
          issue('error', locate(p.source, ranges[i].path), fieldPath(ranges[i].path), 'cidr.overlap', { value: ranges[i].cidr, other: ranges[j].cidr, where }),
        );
      }
    }
  }
  return out;
}
