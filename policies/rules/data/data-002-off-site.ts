/** Important data is copied to a remote (异地) site over the network: a Schedule writes to a remote site's storage location. */
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { backupsOf, describe } from './backups';

export const rule: Rule = {
  id: 'MLPS-DATA-002',
  family: 'DATA',
  title: { en: 'Off-site backup at a remote site', zh: '异地数据备份' },
  clauses: at([2, 3, 4], '8.1.4.9 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to backup, hot-standby or active-active; each gives the tenant a Velero Schedule that writes to the BackupStorageLocation of a remote site (site role remote), where its replica namespace is the restore target.',
    zh: '将 spec.dr.tier 设为 backup、hot-standby 或 active-active，系统会为租户创建写入异地站点（站点角色 remote）BackupStorageLocation 的 Velero Schedule，异地副本命名空间作为恢复目标。',
  },
  check: ({ tenant, model, deployment }) => {
    const backups = backupsOf(model, deployment, tenant);
    const remote = backups.filter((b) => b.site?.role === 'remote');
    if (remote.length > 0) return pass(...remote.map((b) => ({ address: b.schedule.address, detail: describe(b) })));
    return fail(
      { field: 'spec.dr.tier', detail: `dr tier ${tenant.dr}: no Velero Schedule of ${tenant.name} writes to a remote site's storage` },
      ...backups.map((b) => ({ address: b.schedule.address, detail: `${describe(b)}, not a remote site` })),
    );
  },
};
