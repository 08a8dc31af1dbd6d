/** Backups stay in the declared sites in China: every Schedule of the tenant writes to a location that is a declared site's backup storage. */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { backupsOf, describe } from './backups';

export const rule: Rule = {
  id: 'MLPS-DATA-005',
  family: 'DATA',
  title: { en: 'Backups stay in the declared sites in China', zh: '备份数据仅存放于已声明的境内站点' },
  clauses: at([1, 2, 3, 4], '8.2.4.5 a)', '8.2.1.1'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: "Let BackupServer write one BackupStorageLocation per site from the site's backupStorage.endpoint in the platform file, and let the tenant's Schedules name those locations; declare every backup site (in mainland China) there instead of pointing a location or a Schedule at other storage.",
    zh: '由 BackupServer 根据平台文件中站点的 backupStorage.endpoint 为每个站点生成 BackupStorageLocation，租户的 Schedule 只能使用这些位置；所有备份站点（位于中国境内）须在平台文件中声明，不得把存储位置或 Schedule 指向其他存储。',
  },
  unwaivable: {
    en: 'government and personal data may leave mainland China only after the national data-export security assessment (Cybersecurity Law art. 37, Data Security Law art. 31, Personal Information Protection Law art. 40); a backup outside the declared sites cannot be waived by the platform',
    zh: '政务数据和个人信息出境须经国家数据出境安全评估（《网络安全法》第三十七条、《数据安全法》第三十一条、《个人信息保护法》第四十条），备份存放于未声明站点不得由平台豁免',
  },
  check: ({ model, tenant, deployment }) => {
    const declared = new Set(model.sites.map((s) => s.backupEndpoint));
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of tenant.replicas) {
      if (!declared.has(r.backupEndpoint))
        bad.push({ field: 'spec.dr.tier', detail: `replica on ${r.cluster} is planned to back up to ${r.backupEndpoint}, not a declared site` });
    }
    for (const b of backupsOf(model, deployment, tenant)) {
      const where = b.location?.address ?? b.schedule.address;
      if (b.site) ok.push({ address: b.location?.address, detail: `${describe(b)} (${b.endpoint})` });
      else if (!b.location)
        bad.push({
          address: where,
          detail: `Schedule ${b.name} names location ${b.locationName || '(default)'}, which ${b.schedule.cluster} does not have, so where it writes is unknown`,
        });
      else
        bad.push({
          address: where,
          detail: `Schedule ${b.name} writes through location ${b.locationName} to ${b.endpoint ?? 'no bucket'}, which is no declared site's backup storage`,
        });
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : notApplicable(`${tenant.name} has no Velero Schedule; no backup leaves its primary cluster`);
  },
};
