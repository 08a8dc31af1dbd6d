/**
 * The namespaces govcloud creates on each cluster, the ones an address pool is kept for: the
 * platform's (the centre's system namespace, Velero's, one per zone, the unified egress and the
 * Internet ingress on the extranet) and the tenants' (one per environment on the primary cluster, the replica namespace on
 * each DR cluster).
 */
import { BACKUP, PLATFORM_NAMESPACE } from '../vocabulary';
import { BACKUP_REPLICA, Cluster, EnvironmentName, namespaceName, ReplicaMode, replicatedEnvironment, ZoneName } from '../model';
import { WantedNamespace } from './allocate';

/** What the namespaces are read from: the model, or the draft a pool file is written from. */
export interface NamespaceSource {
  readonly clusters: readonly Pick<Cluster, 'name' | 'network'>[];
  readonly zones: readonly { readonly name: ZoneName }[];
  readonly egress: { readonly namespace: string };
  readonly ingress: { readonly namespace: string };
  readonly tenants: readonly {
    readonly name: string;
    readonly cluster: string;
    readonly environments: readonly EnvironmentName[];
    readonly quota: { readonly pods: number };
    readonly replicas: readonly { readonly cluster: string; readonly mode: ReplicaMode }[];
  }[];
}

/** The namespaces of the platform on a cluster of this network, sorted. */
export function platformNamespaces(
  network: Cluster['network'],
  zones: readonly { readonly name: string }[],
  gateways: { readonly egress: string; readonly ingress: string },
): string[] {
  const names: string[] = [PLATFORM_NAMESPACE.system, BACKUP.namespace];
  if (network === 'extranet') names.push(gateways.egress, gateways.ingress, ...zones.map((z) => `zone-${z.name}`));
  else names.push('zone-intranet');
  return names.sort();
}

/** Per cluster, every namespace that will exist there with its pod quota; the first of two with one name wins. */
export function wantedNamespaces(m: NamespaceSource): Map<string, WantedNamespace[]> {
  const out = new Map<string, Map<string, WantedNamespace>>();
  const add = (cluster: string, w: WantedNamespace) => {
    const here = out.get(cluster);
    if (here && !here.has(w.namespace)) here.set(w.namespace, w);
  };
  for (const c of m.clusters) {
    out.set(c.name, new Map());
    for (const ns of platformNamespaces(c.network, m.zones, { egress: m.egress.namespace, ingress: m.ingress.namespace }))
      add(c.name, { namespace: ns, owner: { kind: 'platform' } });
  }
  for (const t of m.tenants) {
    for (const env of t.environments)
      add(t.cluster, { namespace: namespaceName(t.name, env), pods: t.quota.pods, owner: { kind: 'tenant', tenant: t.name, replica: false } });
    for (const r of t.replicas) {
      add(r.cluster, {
        namespace: namespaceName(t.name, replicatedEnvironment(t)),
        pods: r.mode === 'backup' ? BACKUP_REPLICA.pods : t.quota.pods,
        owner: { kind: 'tenant', tenant: t.name, replica: true },
      });
    }
  }
  return new Map([...out].map(([c, m2]) => [c, [...m2.values()]]));
}
