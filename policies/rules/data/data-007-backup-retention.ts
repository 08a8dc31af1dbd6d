/**
 * Backups are kept long enough: the Schedule to each DR site keeps every backup (spec.template.ttl)
 * at least the tier's retention for that site, and at least the decommission's retainBackupDays
 * once a decommission is approved, so that the last backups of a removed tenant outlive it.
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at, merge } from '../../clause';
import { backupRetentionDays } from '../../../config/model';
import { backupsOf, describe, ttlHours } from './backups';

export const rule: Rule = {
  id: 'MLPS-DATA-007',
  family: 'DATA',
  title: { en: 'Backups are kept as long as the tier and the decommission require', zh: '备份保留期限满足灾备档位和下线要求' },
  clauses: merge({ 1: ['6.1.4.7 a)'], 2: ['7.1.4.9 a)'] }, at([3, 4], '8.1.4.9 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Let the department stack write the tenant's Schedules: their spec.template.ttl is the tier's retention per site (same-city 7 days, remote 30 days), raised to spec.decommission.retainBackupDays once a decommission is approved. Don't shorten the TTL by hand.",
    zh: '由部门栈生成租户的 Schedule：spec.template.ttl 取灾备档位对各站点的保留期（同城 7 天、异地 30 天），批准下线后提高到 spec.decommission.retainBackupDays；不得手工缩短 TTL。',
  },
  check: ({ tenant, model, deployment }) => {
    if (tenant.replicas.length === 0) return notApplicable(`dr tier ${tenant.dr}: ${tenant.name} has no DR site to keep backups at`);
    const backups = backupsOf(model, deployment, tenant);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of tenant.replicas) {
      const days = backupRetentionDays(tenant, r);
      const why =
        tenant.decommission && tenant.decommission.retainBackupDays > r.retentionDays
          ? 'retainBackupDays of the decommission'
          : `tier ${tenant.dr} at a ${r.siteRole} site`;
      const here = backups.filter((b) => b.site?.name === r.site);
      if (here.length === 0)
        bad.push({ field: 'spec.dr.tier', detail: `no Velero Schedule keeps backups at site ${r.site}, which needs ${days} days (${why})` });
      for (const b of here) {
        const hours = ttlHours(b.ttl);
        if (hours !== undefined && hours >= days * 24)
          ok.push({ address: b.schedule.address, detail: `${describe(b)}, kept ${b.ttl} (≥ ${days} days: ${why})` });
        else
          bad.push({
            address: b.schedule.address,
            detail: `${describe(b)}, kept ${b.ttl || "Velero's default (30 days)"}, less than the ${days} days (${why})`,
          });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return pass(...ok);
  },
};
