/** One stack per cluster platform: the cloud center's cluster, its zones and egress, the baseline. */
import { Construct } from 'constructs';
import { CloudCenter } from '../constructs/platform/cloud-center';
import { NetworkSegment } from '../constructs/network/network-segment';
import { SecurityBaseline } from '../constructs/baseline/security-baseline';
import { BackupServer } from '../constructs/platform/backup-server';
import { formatBytes, formatCpu } from '../config/quantity';
import { ClusterStack } from './cluster-stack';
import { PlatformSlice } from './slices';
import { BACKUP, PLATFORM_NAMESPACE } from '../config/vocabulary';

export class PlatformStack extends ClusterStack {
  constructor(scope: Construct, slice: PlatformSlice) {
    super(scope, slice.name, { cluster: slice.cluster, state: slice.state });
    const c = slice.cluster;
    const poolOf = (ns: string): string => {
      const pool = c.platformPools[ns];
      if (pool === undefined) throw new Error(`PlatformStack ${slice.name}: no address pool for platform namespace ${ns}; validate the model first`);
      return pool;
    };
    const center = new CloudCenter(this, 'center', {
      clusterName: c.name,
      siteName: slice.site.name,
      siteRole: slice.site.role,
      siteCity: slice.site.city,
      network: c.network,
      mlpsLevel: c.mlpsLevel,
      capacity: { cpu: formatCpu(c.capacity.cpuMillis), memory: formatBytes(c.capacity.memoryBytes), storage: formatBytes(c.capacity.storageBytes) },
      nodePools: c.nodePools,
      systemPool: poolOf(PLATFORM_NAMESPACE.system),
    });
    const e = slice.egress;
    const i = slice.ingress;
    // the platform's own ranges, the pods of every cluster among them: never the Internet
    const internalRanges = [...slice.zones.map((z) => z.cidr), ...(e ? [e.cidr] : []), ...(i?.cidr ? [i.cidr] : []), ...slice.podCidrs];
    new NetworkSegment(this, 'network', {
      network: c.network,
      zones: slice.zones.map((z) => ({ ...z, addressPool: poolOf(`zone-${z.name}`) })),
      egress: e && {
        namespace: e.namespace,
        cidr: e.cidr,
        addressPool: poolOf(e.namespace),
        // a gateway where tenants served on this cluster declare Internet flows; it forwards nothing else
        gateway: e.allowList.length > 0 ? { clusterName: c.name, image: slice.images.egressGateway, allowList: e.allowList, internalRanges } : undefined,
      },
      ingress: i && {
        namespace: i.namespace,
        addressPool: poolOf(i.namespace),
        // a gateway where exposed tenants are served on this cluster; the same Squid image, as a reverse proxy
        gateway: i.exposed.length > 0 ? { clusterName: c.name, image: slice.images.egressGateway, exposed: i.exposed } : undefined,
      },
    });
    new SecurityBaseline(this, 'baseline', {
      clusterName: c.name,
      network: c.network,
      mlpsLevel: c.mlpsLevel,
      tenantLevels: slice.tenantLevels,
      registries: slice.registries,
      domesticNodeLabel: slice.domesticNodeLabel,
      namespace: center.systemNamespace.metadata.name,
      chart: slice.charts.baseline,
    });
    new BackupServer(this, 'backup', {
      clusterName: c.name,
      image: slice.images.velero,
      pluginImage: slice.images.veleroPluginForAws,
      sites: slice.backupSites.map((s) => ({ name: s.name, endpoint: s.backupEndpoint, cidr: s.backupCidr, caCert: s.backupCaCert })),
      readOnly: slice.readOnlyBackups.map((r) => ({
        name: r.name,
        site: r.site,
        primaryCluster: r.primaryCluster,
        endpoint: r.endpoint,
        cidr: r.cidr,
        caCert: slice.backupSites.find((s) => s.name === r.site)?.backupCaCert,
      })),
      addressPool: poolOf(BACKUP.namespace),
      apiServer: c.apiServer,
      defaultSite: slice.site.name,
      concurrentBackups: slice.concurrentBackups,
    });
    if (!slice.charts.baseline.repository.startsWith('oci://')) this.charts.push(slice.charts.baseline.repository);
  }
}
