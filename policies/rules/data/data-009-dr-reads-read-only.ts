/**
 * A DR cluster reads the primary's backups read-only (Velero's DR pattern): every location of another
 * cluster that reaches the storage the tenant's Schedules write to is accessMode: ReadOnly, so that a
 * restore at the DR site can neither write nor delete the primary's backups, and the DR cluster's
 * garbage collection cannot remove backups it did not take.
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at, merge } from '../../clause';
import { describeLocation, locationsOf, sharesStorage, tenantLocations } from './locations';

export const rule: Rule = {
  id: 'MLPS-DATA-009',
  family: 'DATA',
  title: { en: "DR clusters read the primary's backups read-only", zh: '灾备集群以只读方式读取主集群的备份' },
  clauses: merge({ 1: ['6.1.4.7 a)'], 2: ['7.1.4.9 a)'] }, at([3, 4], '8.1.4.9 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Let BackupServer write the DR cluster's locations: <site>-from-<primary cluster>, accessMode: ReadOnly, on the primary's prefix at the DR site. A location of another cluster on the primary's prefix must never be ReadWrite.",
    zh: '由 BackupServer 生成灾备集群的存储位置：<站点>-from-<主集群>，accessMode: ReadOnly，指向灾备站点上主集群的前缀。其他集群指向主集群前缀的存储位置不得为 ReadWrite。',
  },
  check: ({ model, tenant, deployment }) => {
    const all = locationsOf(model, deployment);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const mine of tenantLocations(all, model, deployment, tenant)) {
      for (const o of all.filter((l) => l.cluster !== mine.cluster && sharesStorage(l, mine))) {
        if (o.readOnly) ok.push({ address: o.resource.address, detail: `${describeLocation(o)} reads ${tenant.name}'s backups of ${describeLocation(mine)}` });
        else
          bad.push({
            address: o.resource.address,
            detail: `${describeLocation(o)} reaches ${tenant.name}'s backups of ${describeLocation(mine)} without accessMode: ReadOnly: ${o.cluster} could write or delete them`,
          });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0
      ? pass(...ok)
      : notApplicable(`no other cluster has a location on the storage ${tenant.name}'s Schedules write to (no DR cluster restores from it)`);
  },
};
