/** Important data is copied to a remote (异地) site over the network. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { siteRoleOf, syncJobs } from './sync';

export const rule: Rule = {
  id: 'MLPS-DATA-002',
  family: 'DATA',
  title: { en: 'Off-site backup at a remote site', zh: '异地数据备份' },
  clauses: at([2, 3, 4], '8.1.4.9 b)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to backup, hot-standby or active-active; each places a replica on a cluster at a remote site (site role remote) whose dr-sync CronJob copies the data there.',
    zh: '将 spec.dr.tier 设为 backup、hot-standby 或 active-active，系统会在异地站点（站点角色 remote）的集群上创建副本，由 dr-sync 定时任务复制数据。',
  },
  check: ({ tenant, view, model }) => {
    const remote = view.namespaces.filter((ns) => ns.role === 'replica' && siteRoleOf(model, ns.cluster) === 'remote');
    const found: Evidence[] = remote.flatMap((ns) =>
      syncJobs(ns).map((j) => ({ address: j.address, detail: `dr-sync copies ${ns.name} to remote cluster ${ns.cluster}` })),
    );
    if (found.length > 0) return pass(...found);
    return fail(
      { field: 'spec.dr.tier', detail: `dr tier ${tenant.dr}: no replica with a dr-sync job on a cluster at a remote site` },
      ...remote.map((ns) => ({ address: ns.namespace?.address, detail: `remote replica ${ns.cluster}/${ns.name} has no dr-sync CronJob` })),
    );
  },
};
