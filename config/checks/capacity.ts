/**
 * Capacity accounting per cluster: what each tenant is charged where (its quota × environments on
 * its primary cluster, its replicas on the DR sites' clusters), an error over capacity × over-commit
 * and a warning from 85 %.
 *
 * An overflow is reported where someone can act on it: at the quota line of the request that
 * overflows the cluster. In a pull request those are the changed requests whose charge on the
 * cluster grew (or platform.yaml's capacity line when only the platform changed); otherwise the
 * requests with the largest shares, as few as would bring the cluster back within its limit.
 */
import type { Bilingual } from '../vocabulary';
import { Issue, issue } from '../issues';
import { LoadedFile, LoadedTenant } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate } from '../source';
import { formatBytes, formatCpu, formatPercent } from '../quantity';
import { BACKUP_REPLICA, Cluster, Resources, Tenant, Utilisation } from '../model';

export const WARN_UTILISATION = 0.85;
/** Requests named for one overflow at most: past that, the cluster itself is too small. */
export const MAX_BLAMED = 3;

export const ZERO: Resources = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };

export const addResources = (a: Resources, b: Resources, times = 1): Resources => ({
  cpuMillis: a.cpuMillis + b.cpuMillis * times,
  memoryBytes: a.memoryBytes + b.memoryBytes * times,
  storageBytes: a.storageBytes + b.storageBytes * times,
  pods: a.pods + b.pods * times,
});

/** One part of what a tenant is charged on a cluster, and why. */
export interface ChargePart {
  readonly cluster: string;
  readonly amount: Resources;
  /** `environments`: quota × environments on the primary cluster; else the replica's mode. */
  readonly why: 'environments' | 'standby' | 'active' | 'backup';
}

/** What the tenant is charged, cluster by cluster (a cluster not yet decided, `''`, is skipped). */
export function chargesOf(t: Pick<Tenant, 'quota' | 'environments' | 'cluster' | 'replicas'>): ChargePart[] {
  const out: ChargePart[] = [];
  if (t.cluster !== '') out.push({ cluster: t.cluster, amount: addResources(ZERO, t.quota, t.environments.length), why: 'environments' });
  for (const r of t.replicas) {
    const amount: Resources =
      r.mode === 'backup'
        ? { cpuMillis: BACKUP_REPLICA.cpuMillis, memoryBytes: BACKUP_REPLICA.memoryBytes, storageBytes: t.quota.storageBytes, pods: BACKUP_REPLICA.pods }
        : t.quota;
    out.push({ cluster: r.cluster, amount, why: r.mode });
  }
  return out;
}

/** What a pull request changed: capacity errors then point at the change. */
export interface ChangeScope {
  /** `<county folder>/<file name>` of every request file changed since the base. */
  readonly tenants: ReadonlySet<string>;
  /** The tenants at the base (absent: the base is not valid, and every changed request is new). */
  readonly base?: readonly Tenant[];
  /** platform.yaml changed. */
  readonly platform: boolean;
}

export interface TenantCharges {
  readonly file: LoadedTenant;
  readonly tenant: Tenant;
}

type ResourceName = 'cpu' | 'memory' | 'storage' | 'pods';
const FIELD: Record<ResourceName, keyof Resources> = { cpu: 'cpuMillis', memory: 'memoryBytes', storage: 'storageBytes', pods: 'pods' };
const FORMAT: Record<ResourceName, (n: number) => string> = { cpu: formatCpu, memory: formatBytes, storage: formatBytes, pods: String };

const keyOf = (t: LoadedTenant): string => `${t.folder}/${t.basename}`;

/** How a share is made up, in both languages: `95 × 2 environments + 1 for the backup replica`. */
function howCharged(parts: readonly ChargePart[], res: ResourceName, quota: Resources, envs: number): Bilingual {
  const fmt = FORMAT[res];
  const f = FIELD[res];
  const en: string[] = [];
  const zh: string[] = [];
  for (const p of parts.filter((x) => x.amount[f] > 0)) {
    if (p.why === 'environments') {
      en.push(`${fmt(quota[f])} × ${envs} environment${envs === 1 ? '' : 's'}`);
      zh.push(`${fmt(quota[f])} × ${envs} 个环境`);
    } else {
      en.push(`${fmt(p.amount[f])} for the ${p.why} replica`);
      zh.push(`${{ standby: '热备', active: '双活', backup: '备份' }[p.why]}副本 ${fmt(p.amount[f])}`);
    }
  }
  return { en: en.join(' + '), zh: zh.join(' + ') };
}

export interface CapacityResult {
  readonly issues: Issue[];
  readonly utilisation: Utilisation[];
}

export function checkCapacity(
  platform: LoadedFile<PlatformFile>,
  clusters: readonly Cluster[],
  tenants: readonly TenantCharges[],
  change?: ChangeScope,
): CapacityResult {
  const oc = platform.data.spec.overcommit;
  const issues: Issue[] = [];
  const charged = tenants.map((t) => ({ ...t, parts: chargesOf(t.tenant) }));
  const baseParts = new Map((change?.base ?? []).map((t) => [`${t.county}/${t.name}`, chargesOf(t)]));
  const sum = (parts: readonly ChargePart[], cluster: string): Resources =>
    parts.filter((p) => p.cluster === cluster).reduce((acc, p) => addResources(acc, p.amount), ZERO);

  const utilisation = clusters.map((c, ci): Utilisation => {
    const granted = charged.reduce((acc, t) => addResources(acc, sum(t.parts, c.name)), ZERO);
    const allowed: Resources = {
      cpuMillis: Math.floor(c.capacity.cpuMillis * oc.cpu),
      memoryBytes: Math.floor(c.capacity.memoryBytes * oc.memory),
      storageBytes: Math.floor(c.capacity.storageBytes * oc.storage),
      pods: c.capacity.pods,
    };
    const ratio: Record<ResourceName, number> = { cpu: oc.cpu, memory: oc.memory, storage: oc.storage, pods: 1 };
    for (const res of ['cpu', 'memory', 'storage', 'pods'] as const) {
      const f = FIELD[res];
      const fmt = FORMAT[res];
      const g = granted[f];
      const a = allowed[f];
      if (a <= 0) continue; // pods capacity not declared
      const path = ['spec', 'clusters', ci, 'capacity', res];
      const pos = locate(platform.source, path);
      const figures = {
        cluster: c.name,
        resource: res,
        granted: fmt(g),
        capacity: fmt(c.capacity[f]),
        ratio: ratio[res],
        allowed: fmt(a),
        pct: formatPercent(g, a),
      };
      if (g <= a) {
        if (g >= a * WARN_UTILISATION)
          issues.push(
            issue('warning', pos, fieldPath(path), 'capacity.high', {
              cluster: c.name,
              resource: res,
              granted: fmt(g),
              allowed: fmt(a),
              pct: formatPercent(g, a),
            }),
          );
        continue;
      }
      const over = g - a;
      const shares = charged
        .map((t) => ({ ...t, share: sum(t.parts, c.name)[f], base: sum(baseParts.get(keyOf(t.file)) ?? [], c.name)[f] }))
        .filter((t) => t.share > 0);
      const blamed: typeof shares = change ? shares.filter((t) => change.tenants.has(keyOf(t.file)) && t.share > t.base) : [];
      if (blamed.length === 0 && change?.platform === true) {
        issues.push(issue('error', pos, fieldPath(path), 'capacity.exceeded', figures));
        continue;
      }
      if (blamed.length === 0) {
        // the largest shares, as few as bring the cluster within its limit (ties in file order)
        const largest = [...shares].sort((x, y) => y.share - x.share);
        let freed = 0;
        for (const t of largest) {
          if (freed >= over || blamed.length >= MAX_BLAMED) break;
          blamed.push(t);
          freed += t.share;
        }
      }
      for (const t of blamed) {
        const at = ['spec', 'quota', res];
        const parts = t.parts.filter((p) => p.cluster === c.name);
        const how = howCharged(parts, res, t.tenant.quota, t.tenant.environments.length);
        issues.push(
          issue('error', locate(t.file.source, at), fieldPath(at), 'capacity.overByRequest', {
            ...figures,
            over: fmt(over),
            share: fmt(t.share),
            how_en: how.en,
            how_zh: how.zh,
          }),
        );
      }
    }
    return { cluster: c.name, granted, allowed };
  });
  return { issues, utilisation };
}
