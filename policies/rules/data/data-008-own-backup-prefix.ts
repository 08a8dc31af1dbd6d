/**
 * Each cluster writes its own backup prefix: no other cluster's writable BackupStorageLocation reaches
 * the storage the tenant's Schedules write to. Velero instances that share a bucket prefix overwrite
 * or garbage-collect each other's backups (a server deletes backups in its location that it does not
 * know), so a shared prefix is a backup that may silently disappear.
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at, merge } from '../../clause';
import { describeLocation, locationsOf, sharesStorage, tenantLocations } from './locations';

export const rule: Rule = {
  id: 'MLPS-DATA-008',
  family: 'DATA',
  title: { en: "Backups are written to the cluster's own prefix", zh: '备份写入本集群专属的存储前缀' },
  clauses: merge({ 1: ['6.1.4.7 a)'], 2: ['7.1.4.9 a)'] }, at([3, 4], '8.1.4.9 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Let BackupServer write the locations: each cluster writes <site prefix>/<cluster> of every site's storage. Don't point a hand-written location of another cluster at that prefix (or at a folder holding it) unless it is accessMode: ReadOnly.",
    zh: '由 BackupServer 生成存储位置：每个集群写入各站点存储的 <站点前缀>/<集群名>。其他集群手写的存储位置不得指向该前缀（或包含它的目录），除非设为 accessMode: ReadOnly。',
  },
  check: ({ model, tenant, deployment }) => {
    const all = locationsOf(model, deployment);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const mine of tenantLocations(all, model, deployment, tenant)) {
      const others = all.filter((l) => l.cluster !== mine.cluster && !l.readOnly && sharesStorage(l, mine));
      if (others.length === 0) ok.push({ address: mine.resource.address, detail: `${describeLocation(mine)}: no other cluster writes there` });
      for (const o of others)
        bad.push({
          address: o.resource.address,
          detail: `${describeLocation(o)} writes where ${describeLocation(mine)} keeps ${tenant.name}'s backups: Velero servers sharing a prefix overwrite or garbage-collect each other's backups`,
        });
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : notApplicable(`${tenant.name} has no Velero Schedule writing through a location of ${tenant.cluster}`);
  },
};
