/**
 * One stack per county, department and cluster: the department's tenants whose primary cluster this
 * is, with the Velero Schedules that back them up to their DR sites, and the DR replicas (restore
 * targets) of the department's tenants that this cluster hosts. Translates model slices into props.
 */
import { Construct } from 'constructs';
import { TenantEnvironment, FlowEndpoint } from '../constructs/tenant/tenant-environment';
import { DisasterRecoveryReplica } from '../constructs/dr/disaster-recovery-replica';
import { BackupSchedule } from '../constructs/dr/backup-schedule';
import { Peer } from '../constructs/common/peer';
import { BACKUP_REPLICA, backupRetentionDays, isServing, namespaceName, replicatedEnvironment, Tenant } from '../config/model';
import { EGRESS_GATEWAY, INGRESS_GATEWAY } from '../config/vocabulary';
import { ClusterStack } from './cluster-stack';
import { DepartmentSlice, PeerLocation } from './slices';

export class DepartmentStack extends ClusterStack {
  constructor(scope: Construct, slice: DepartmentSlice) {
    super(scope, slice.name, { cluster: slice.cluster, state: slice.state });
    const where = new Map(slice.peers.map((p) => [p.tenant, p]));
    const peerFor = (name: string): ((env: string) => Peer) => {
      const loc: PeerLocation | undefined = where.get(name);
      if (!loc) throw new Error(`DepartmentStack ${slice.name}: no location for peer tenant ${name}; planStacks must list it`);
      // same cluster: by namespace labels; another cluster: by the zone's address range
      return loc.cluster === slice.cluster.name ? (env) => Peer.tenant(name, env) : () => Peer.cidr(loc.zoneCidr);
    };
    const toEgressGateway = Peer.pods(slice.egressNamespace, EGRESS_GATEWAY.podLabels);
    const fromIngressGateway = Peer.pods(slice.ingressNamespace, INGRESS_GATEWAY.podLabels);
    const internetHosts = (t: Tenant) => t.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts : []));
    for (const t of slice.tenants) {
      const egress: FlowEndpoint[] = t.flows.flatMap((f) => (f.kind === 'tenant' ? [{ peer: peerFor(f.tenant), ports: f.ports }] : []));
      // Internet flows go to the gateway's pods on the proxy port, once; the gateway's allow-list holds their hosts and ports
      if (t.flows.some((f) => f.kind === 'internet')) egress.push({ peer: () => toEgressGateway, ports: [EGRESS_GATEWAY.proxyPort] });
      const ingress: FlowEndpoint[] = t.inbound.map((i) => ({ peer: peerFor(i.tenant), ports: i.ports }));
      // the Internet comes in through the ingress gateway's pods only, to the served environment, on the exposed ports
      if (t.exposedToInternet && t.exposedPorts.length > 0)
        ingress.push({ peer: () => fromIngressGateway, ports: t.exposedPorts, environments: [replicatedEnvironment(t)] });
      new TenantEnvironment(this, t.name, {
        tenant: t.name,
        county: t.county,
        department: t.department,
        displayName: t.displayName,
        approvalRef: t.approvalRef,
        zone: t.zone,
        mlpsLevel: t.mlpsLevel,
        environments: t.environments,
        quota: t.quotaText,
        adminGroups: t.admins,
        domestic: t.domestic,
        egress,
        ingress,
        internetHosts: internetHosts(t),
        protect: isProtected(t),
      });
      for (const replica of t.replicas) {
        new BackupSchedule(this, `${t.name}-backup-${replica.siteRole}`, {
          tenant: t.name,
          name: `${t.name}-${replica.siteRole}`,
          includedNamespaces: t.environments.map((e) => namespaceName(t.name, e)),
          storageLocation: replica.site,
          schedule: replica.schedule,
          retentionDays: backupRetentionDays(t, replica),
          siteRole: replica.siteRole,
        });
      }
    }
    for (const { tenant, replica, sourceCluster } of slice.replicas) {
      // a serving replica takes over the tenant's Internet flows and exposure on its cluster
      const serving = isServing(replica) && tenant.zone === 'public-service';
      const hosts = serving ? internetHosts(tenant) : [];
      new DisasterRecoveryReplica(this, `${tenant.name}-dr-${replica.siteRole}`, {
        tenant: tenant.name,
        county: tenant.county,
        department: tenant.department,
        displayName: tenant.displayName,
        approvalRef: tenant.approvalRef,
        zone: tenant.zone,
        mlpsLevel: tenant.mlpsLevel,
        environment: replicatedEnvironment(tenant),
        mode: replica.mode,
        siteRole: replica.siteRole,
        sourceCluster,
        quota:
          replica.mode === 'backup'
            ? { cpu: BACKUP_REPLICA.cpu, memory: BACKUP_REPLICA.memory, storage: tenant.quotaText.storage, pods: BACKUP_REPLICA.pods }
            : tenant.quotaText,
        adminGroups: tenant.admins,
        domestic: tenant.domestic,
        protect: isProtected(tenant),
        egress: hosts.length > 0 ? [{ peer: toEgressGateway, ports: [EGRESS_GATEWAY.proxyPort] }] : [],
        ingress: serving && tenant.exposedToInternet && tenant.exposedPorts.length > 0 ? [{ peer: fromIngressGateway, ports: tenant.exposedPorts }] : [],
        internetHosts: hosts,
      });
    }
  }
}

/** Namespaces of tenants at level 2 and above cannot be destroyed until a decommission is approved. */
export function isProtected(t: Tenant): boolean {
  return t.mlpsLevel >= 2 && t.decommission === undefined;
}
