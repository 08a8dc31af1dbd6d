/** The platform file resolved: sites and clusters with their roles, contexts and capacity in numbers. */
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { locate } from '../source';
import { bytes, cpuMillis } from '../quantity';
import { Cluster, MlpsLevel, Site } from '../model';

export function resolveSites(platform: LoadedFile<PlatformFile>): Site[] {
  return platform.data.spec.sites.map((x) => ({
    name: x.name,
    displayName: x.displayName ?? x.name,
    city: x.city,
    role: x.role,
    backupEndpoint: x.backupStorage.endpoint,
    backupCidr: x.backupStorage.cidr,
    ...(x.backupStorage.caCert ? { backupCaCert: x.backupStorage.caCert } : {}),
  }));
}

export function resolveClusters(platform: LoadedFile<PlatformFile>, sites: readonly Site[]): Cluster[] {
  const siteByName = new Map(sites.map((x) => [x.name, x]));
  return platform.data.spec.clusters.map((c, i) => ({
    name: c.name,
    site: c.site,
    siteRole: siteByName.get(c.site)?.role ?? 'primary',
    network: c.network,
    podCidr: c.podCidr,
    platformPools: {}, // from address-pools.yaml (resolve/pools.ts)
    ...(c.apiServer ? { apiServer: { cidr: c.apiServer.cidr, port: c.apiServer.port } } : {}),
    mlpsLevel: c.mlpsLevel as MlpsLevel,
    kubeContext: c.kubeContext ?? c.name,
    capacity: {
      cpuMillis: cpuMillis(c.capacity.cpu),
      memoryBytes: bytes(c.capacity.memory),
      storageBytes: bytes(c.capacity.storage),
      pods: c.capacity.pods ?? 0,
    },
    nodePools: c.nodePools,
    source: { file: platform.source.file, line: locate(platform.source, ['spec', 'clusters', i]).line },
  }));
}
