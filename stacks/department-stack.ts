/**
 * One stack per county, department and cluster: the department's tenants whose primary cluster this
 * is, with the Velero Schedules that back them up to their DR sites, and the DR replicas (restore
 * targets) of the department's tenants that this cluster hosts. Translates model slices into props.
 */
import { Construct } from 'constructs';
import { TenantEnvironment, FlowEndpoint } from '../constructs/tenant/tenant-environment';
import { DisasterRecoveryReplica } from '../constructs/dr/disaster-recovery-replica';
import { ExposedService } from '../constructs/tenant/exposed-service';
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
    const here = slice.cluster.name;
    const peersOf = (name: string): ((env: string) => Peer[]) => {
      const loc: PeerLocation | undefined = where.get(name);
      if (!loc) throw new Error(`DepartmentStack ${slice.name}: no location for peer tenant ${name}; planStacks must list it`);
      return (env) => peersAt(here, loc, env);
    };
    const toEgressGateway = Peer.pods(slice.egressNamespace, EGRESS_GATEWAY.podLabels);
    const fromIngressGateway = Peer.pods(slice.ingressNamespace, INGRESS_GATEWAY.podLabels);
    const internetHosts = (t: Tenant) => t.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts : []));
    // flows connect tenants' serving namespaces: here by their labels, on another cluster by their pools
    const tenantFlows = (t: Tenant): { egress: FlowEndpoint[]; ingress: FlowEndpoint[] } => ({
      egress: t.flows.flatMap((f) => (f.kind === 'tenant' ? [{ peers: peersOf(f.tenant), ports: f.ports }] : [])),
      ingress: t.inbound.map((i) => ({ peers: peersOf(i.tenant), ports: i.ports })),
    });
    for (const t of slice.tenants) {
      const { egress, ingress } = tenantFlows(t);
      // Internet flows go to the gateway's pods on the proxy port, once; the gateway's allow-list holds their hosts and ports
      if (t.flows.some((f) => f.kind === 'internet')) egress.push({ peers: () => [toEgressGateway], ports: [EGRESS_GATEWAY.proxyPort] });
      // the Internet comes in through the ingress gateway's pods only, to the served environment, on the exposed ports
      if (t.exposedToInternet && t.exposedPorts.length > 0)
        ingress.push({ peers: () => [fromIngressGateway], ports: t.exposedPorts, environments: [replicatedEnvironment(t)] });
      const env = new TenantEnvironment(this, t.name, {
        tenant: t.name,
        county: t.county,
        department: t.department,
        displayName: t.displayName,
        approvalRef: t.approvalRef,
        zone: t.zone,
        mlpsLevel: t.mlpsLevel,
        environments: t.environments,
        pools: t.pools,
        quota: t.quotaText,
        adminGroups: t.admins,
        domestic: t.domestic,
        egress,
        ingress,
        internetHosts: internetHosts(t),
        protect: isProtected(t),
      });
      // the Service the ingress gateway forwards to, in the served environment
      if (isExposed(t)) {
        const served = env.namespaces.find((n) => n.namespaceName === namespaceName(t.name, replicatedEnvironment(t)));
        if (served) new ExposedService(this, `${t.name}-exposed`, { tenant: t.name, namespace: served.namespace.metadata.name, ports: t.exposedPorts });
      }
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
      // an active or standby replica serves like the primary: its tenant's flows (a backup replica has none),
      // and for a public-service tenant its Internet flows and exposure through this cluster's gateways
      const serving = isServing(replica);
      const flows: { egress: FlowEndpoint[]; ingress: FlowEndpoint[] } = serving ? tenantFlows(tenant) : { egress: [], ingress: [] };
      const hosts = serving && tenant.zone === 'public-service' ? internetHosts(tenant) : [];
      if (hosts.length > 0) flows.egress.push({ peers: () => [toEgressGateway], ports: [EGRESS_GATEWAY.proxyPort] });
      if (serving && isExposed(tenant)) flows.ingress.push({ peers: () => [fromIngressGateway], ports: tenant.exposedPorts });
      const dr = new DisasterRecoveryReplica(this, `${tenant.name}-dr-${replica.siteRole}`, {
        tenant: tenant.name,
        county: tenant.county,
        department: tenant.department,
        displayName: tenant.displayName,
        approvalRef: tenant.approvalRef,
        zone: tenant.zone,
        mlpsLevel: tenant.mlpsLevel,
        environment: replicatedEnvironment(tenant),
        mode: replica.mode,
        addressPool: replica.pool,
        egress: flows.egress,
        ingress: flows.ingress,
        siteRole: replica.siteRole,
        sourceCluster,
        quota:
          replica.mode === 'backup'
            ? { cpu: BACKUP_REPLICA.cpu, memory: BACKUP_REPLICA.memory, storage: tenant.quotaText.storage, pods: BACKUP_REPLICA.pods }
            : tenant.quotaText,
        adminGroups: tenant.admins,
        domestic: tenant.domestic,
        protect: isProtected(tenant),
        internetHosts: hosts,
      });
      if (serving && isExposed(tenant))
        new ExposedService(this, `${tenant.name}-dr-${replica.siteRole}-exposed`, {
          tenant: tenant.name,
          namespace: dr.replica.namespace.metadata.name,
          ports: tenant.exposedPorts,
        });
    }
  }
}

/** A public-service tenant served to the Internet through the ingress gateways (validation refuses exposure elsewhere). */
function isExposed(t: Tenant): boolean {
  return t.zone === 'public-service' && t.exposedToInternet && t.exposedPorts.length > 0;
}

/** Namespaces of tenants at level 2 and above cannot be destroyed until a decommission is approved. */
export function isProtected(t: Tenant): boolean {
  return t.mlpsLevel >= 2 && t.decommission === undefined;
}

/**
 * The peers of a tenant's environment as seen from cluster `here`: its namespace here by its labels
 * (once), each of its namespaces on another cluster by that namespace's pool there; never a zone's
 * range, which every cluster shares and no pod's address comes from.
 */
export function peersAt(here: string, loc: PeerLocation, env: string): Peer[] {
  const out: Peer[] = [];
  const seen = new Set<string>();
  for (const ns of loc.namespaces) {
    if (ns.environment !== env) continue;
    const peer = ns.cluster === here ? Peer.tenant(loc.tenant, env) : Peer.cidr(ns.pool);
    if (seen.has(peer.description)) continue;
    seen.add(peer.description);
    out.push(peer);
  }
  return out;
}
