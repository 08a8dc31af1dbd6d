/** Backups stay in the declared sites in China: every dr-sync target is the backup storage of a site of the model. */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { syncJobs, targetOf } from './sync';

export const rule: Rule = {
  id: 'MLPS-DATA-005',
  family: 'DATA',
  title: { en: 'Backups stay in the declared sites in China', zh: '备份数据仅存放于已声明的境内站点' },
  clauses: at([1, 2, 3, 4], '8.2.4.5 a)', '8.2.1.1'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Let DisasterRecoveryReplica set --target from the site backupStorage.endpoint in the platform file; declare every backup site (in mainland China) there instead of pointing a sync job at other storage.',
    zh: '由 DisasterRecoveryReplica 根据平台文件中站点的 backupStorage.endpoint 设置 --target；所有备份站点（位于中国境内）须在平台文件中声明，不得把同步任务指向其他存储。',
  },
  unwaivable: {
    en: 'government and personal data may leave mainland China only after the national data-export security assessment (Cybersecurity Law art. 37, Data Security Law art. 31, Personal Information Protection Law art. 40); a backup outside the declared sites cannot be waived by the platform',
    zh: '政务数据和个人信息出境须经国家数据出境安全评估（《网络安全法》第三十七条、《数据安全法》第三十一条、《个人信息保护法》第四十条），备份存放于未声明站点不得由平台豁免',
  },
  check: ({ model, tenant, view }) => {
    const sites = new Map(model.sites.map((s) => [s.backupEndpoint, s.name]));
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of tenant.replicas) {
      if (!sites.has(r.backupEndpoint))
        bad.push({ field: 'spec.dr.tier', detail: `replica on ${r.cluster} is planned to back up to ${r.backupEndpoint}, not a declared site` });
    }
    for (const ns of view.namespaces) {
      for (const j of syncJobs(ns)) {
        const target = targetOf(j);
        const site = target === undefined ? undefined : sites.get(target);
        if (site) ok.push({ address: j.address, detail: `dr-sync in ${ns.cluster}/${ns.name} writes to site ${site} (${target})` });
        else
          bad.push({
            address: j.address,
            detail:
              target === undefined
                ? `dr-sync in ${ns.cluster}/${ns.name} has no --target, so where it writes is unknown`
                : `dr-sync in ${ns.cluster}/${ns.name} writes to ${target}, which is no declared site's backup storage`,
          });
      }
    }
    if (bad.length > 0) return fail(...bad);
    return ok.length > 0 ? pass(...ok) : notApplicable(`${tenant.name} has no dr-sync job; no backup leaves its primary cluster`);
  },
};
