/** Important data is backed up: a Velero Schedule on the tenant's primary cluster covers every one of its namespaces. */
import { Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { backupsOf, describe } from './backups';

export const rule: Rule = {
  id: 'MLPS-DATA-001',
  family: 'DATA',
  title: { en: 'Backup of important data exists', zh: '提供重要数据的备份与恢复' },
  clauses: merge({ 1: ['6.1.4.7 a)'], 2: ['7.1.4.9 a)'] }, at([3, 4], '8.1.4.9 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Set spec.dr.tier to backup (or hot-standby / active-active); the tenant then gets Velero Schedules in the velero namespace of its primary cluster that back up all of its namespaces to its DR sites. Don't pause them; test restores and keep the records as manual evidence.",
    zh: '将 spec.dr.tier 设为 backup（或 hot-standby / active-active），系统会在租户主集群的 velero 命名空间创建 Velero Schedule，把租户全部命名空间备份到灾备站点；不得暂停；定期做恢复演练并留存记录作为人工证据。',
  },
  check: ({ tenant, view, model, deployment }) => {
    if (tenant.dr === 'none') return fail({ field: 'spec.dr.tier', detail: `dr tier is none: ${tenant.name} has no backup of its data` });
    const backups = backupsOf(model, deployment, tenant);
    const covered = new Set(backups.flatMap((b) => b.covers));
    const missing = view.namespaces.filter((ns) => ns.role === 'primary' && !covered.has(ns.name));
    if (backups.length > 0 && missing.length === 0) return pass(...backups.map((b) => ({ address: b.schedule.address, detail: describe(b) })));
    return fail(
      ...(backups.length === 0
        ? [{ field: 'spec.dr.tier', detail: `dr tier ${tenant.dr} but no active Velero Schedule on ${tenant.cluster} covers the namespaces of ${tenant.name}` }]
        : []),
      ...missing.map((ns) => ({ address: ns.namespace?.address, detail: `namespace ${ns.cluster}/${ns.name} is in no active Velero Schedule` })),
    );
  },
};
