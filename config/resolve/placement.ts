/**
 * Where a tenant runs: its primary cluster (named, or the first primary cluster of its network; a
 * domestic node pool when it asks for 信创 placement) and the clusters of its DR replicas.
 */
import { Issue } from '../issues';
import { LoadedTenant } from '../load';
import { suggest } from '../suggest';
import { at } from '../checks/context';
import { Cluster, Replica, Site } from '../model';
import { replicaPlan, spread } from './replicas';

const hasDomestic = (c: Cluster) => c.nodePools.some((np) => np.kind === 'domestic');

export class Placer {
  private readonly siteByName: ReadonlyMap<string, Site>;
  private readonly clusterNames: readonly string[];

  constructor(
    private readonly clusters: readonly Cluster[],
    sites: readonly Site[],
  ) {
    this.siteByName = new Map(sites.map((x) => [x.name, x]));
    this.clusterNames = clusters.map((c) => c.name);
  }

  private candidates(t: LoadedTenant, role: Site['role']): Cluster[] {
    return this.clusters.filter((c) => c.siteRole === role && c.network === t.data.spec.network);
  }

  private pick(t: LoadedTenant, role: Site['role']): Cluster | 'none' | 'no-domestic' {
    const list = this.candidates(t, role);
    if (list.length === 0) return 'none';
    if (!t.data.spec.placement.domestic) return list[0];
    return list.find(hasDomestic) ?? 'no-domestic';
  }

  private noDomestic(t: LoadedTenant, role: Site['role']): Issue {
    const clusters = this.candidates(t, role)
      .map((c) => c.name)
      .join(', ');
    return at(t, ['spec', 'placement', 'domestic'], 'placement.noDomestic', { network: t.data.spec.network, role, clusters });
  }

  /** The tenant's primary cluster, or the issues that keep it from having one. */
  primary(t: LoadedTenant, issues: Issue[]): Cluster | undefined {
    const sp = t.data.spec;
    if (sp.placement.cluster === undefined) {
      const picked = this.pick(t, 'primary');
      if (picked === 'none') issues.push(at(t, ['spec', 'network'], 'placement.noCluster', { network: sp.network, role: 'primary' }));
      else if (picked === 'no-domestic') issues.push(this.noDomestic(t, 'primary'));
      else return picked;
      return undefined;
    }
    const named = this.clusters.find((c) => c.name === sp.placement.cluster);
    const path = ['spec', 'placement', 'cluster'];
    if (!named) {
      issues.push(
        at(t, path, 'ref.unknownCluster', {
          value: JSON.stringify(sp.placement.cluster),
          known: this.clusterNames.join(', '),
          suggestion: `suggest:${suggest(sp.placement.cluster, this.clusterNames) ?? ''}`,
        }),
      );
    } else if (named.siteRole !== 'primary' || named.network !== sp.network) {
      issues.push(at(t, path, 'placement.clusterMismatch', { value: named.name, actual: named.network, site: named.site, network: sp.network }));
    } else if (sp.placement.domestic && !hasDomestic(named)) {
      issues.push(at(t, ['spec', 'placement', 'domestic'], 'placement.noDomestic', { network: sp.network, role: 'primary', clusters: named.name }));
    } else {
      return named;
    }
    return undefined;
  }

  /** The tenant's DR replicas on the sites its tier implies, or the issues of the sites missing. */
  replicas(t: LoadedTenant, issues: Issue[]): Replica[] {
    const sp = t.data.spec;
    const out: Replica[] = [];
    for (const plan of replicaPlan(sp.dr.tier, spread(t.data.metadata.name))) {
      const picked = this.pick(t, plan.role);
      if (picked === 'none') {
        issues.push(at(t, ['spec', 'dr', 'tier'], 'dr.missingSite', { tier: sp.dr.tier, role: plan.role, network: sp.network }));
        continue;
      }
      if (picked === 'no-domestic') {
        issues.push(this.noDomestic(t, plan.role));
        continue;
      }
      const site = this.siteByName.get(picked.site);
      if (!site) continue;
      out.push({
        site: site.name,
        siteRole: plan.role,
        cluster: picked.name,
        mode: plan.mode,
        schedule: plan.schedule,
        retentionDays: plan.retentionDays,
        backupEndpoint: site.backupEndpoint,
        backupCidr: site.backupCidr,
        pool: '', // from address-pools.yaml, once every tenant is placed (resolve/pools.ts)
      });
    }
    return out;
  }
}
