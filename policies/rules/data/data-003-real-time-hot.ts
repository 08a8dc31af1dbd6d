/** Real-time backup and hot redundancy: a same-city standby or active replica, backed up to its site at least every 15 minutes. */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { backupsOf, describe, maxGapMinutes, modeOf, siteRoleOf } from './backups';

const MAX_GAP = 15;

export const rule: Rule = {
  id: 'MLPS-DATA-003',
  family: 'DATA',
  title: { en: 'Real-time backup with hot redundancy', zh: '实时备份与热冗余' },
  clauses: at([3, 4], '8.1.4.9 c)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to hot-standby (same-city standby, backed up every 15 minutes) or active-active (same-city active, every 5 minutes); a backup-only tier copies once a day and is not hot redundancy.',
    zh: '将 spec.dr.tier 设为 hot-standby（同城热备，每 15 分钟备份）或 active-active（同城双活，每 5 分钟备份）；backup 档位每天复制一次，不构成热冗余。',
  },
  check: ({ tenant, view, model, deployment, level }) => {
    if (level < 3) return notApplicable(`real-time backup and hot redundancy are required from level 3; judged at level ${level}`);
    const hot = view.namespaces.filter(
      (n) => n.role === 'replica' && siteRoleOf(model, n.cluster) === 'same-city' && ['standby', 'active'].includes(modeOf(n) ?? ''),
    );
    const sameCity = backupsOf(model, deployment, tenant).filter((b) => b.site?.role === 'same-city');
    const frequent = sameCity.filter((b) => {
      const gap = maxGapMinutes(b.cron);
      return gap !== undefined && gap <= MAX_GAP;
    });
    if (hot.length > 0 && frequent.length > 0) {
      return pass(
        ...hot.map((n) => ({ address: n.namespace?.address, detail: `${modeOf(n)} replica ${n.cluster}/${n.name}` })),
        ...frequent.map((b) => ({ address: b.schedule.address, detail: `${describe(b)}, every ${maxGapMinutes(b.cron)} minutes at most` })),
      );
    }
    const bad: Evidence[] = [];
    if (hot.length === 0) bad.push({ field: 'spec.dr.tier', detail: `dr tier ${tenant.dr}: no same-city standby or active replica namespace` });
    if (frequent.length === 0) {
      bad.push({ field: 'spec.dr.tier', detail: `dr tier ${tenant.dr}: no backup to a same-city site at least every ${MAX_GAP} minutes` });
      bad.push(...sameCity.map((b) => ({ address: b.schedule.address, detail: describe(b) })));
    }
    return fail(...bad);
  },
};
