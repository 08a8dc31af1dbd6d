/** Important data is backed up: a dr-sync job runs in a replica namespace of the tenant. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { syncJobs } from './sync';

export const rule: Rule = {
  id: 'MLPS-DATA-001',
  family: 'DATA',
  title: { en: 'Backup of important data exists', zh: '提供重要数据的备份与恢复' },
  clauses: merge({ 1: ['6.1.4.7 a)'], 2: ['7.1.4.9 a)'] }, at([3, 4], '8.1.4.9 a)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to backup (or hot-standby / active-active); the tenant then gets a replica namespace at a DR site with a dr-sync CronJob copying its data. Test restores and keep the records as manual evidence.',
    zh: '将 spec.dr.tier 设为 backup（或 hot-standby / active-active），系统会在灾备站点创建副本命名空间及 dr-sync 定时任务复制数据；定期做恢复演练并留存记录作为人工证据。',
  },
  check: ({ tenant, view }) => {
    if (tenant.dr === 'none') return fail({ field: 'spec.dr.tier', detail: `dr tier is none: ${tenant.name} has no backup of its data` });
    const replicas = view.namespaces.filter((ns) => ns.role === 'replica');
    const found: Evidence[] = replicas.flatMap((ns) =>
      syncJobs(ns).map((j) => ({ address: j.address, detail: `dr-sync in ${ns.cluster}/${ns.name} backs up ${ns.name}` })),
    );
    if (found.length > 0) return pass(...found);
    return fail(
      { field: 'spec.dr.tier', detail: `dr tier ${tenant.dr} but no active dr-sync CronJob in any replica namespace` },
      ...replicas.map((ns) => ({ address: ns.namespace?.address, detail: `replica ${ns.cluster}/${ns.name} has no dr-sync CronJob` })),
    );
  },
};
