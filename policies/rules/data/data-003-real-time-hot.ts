/** Real-time backup and hot redundancy: a same-city standby or active replica synced at least every 15 minutes. */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { maxGapMinutes, modeOf, scheduleOf, siteRoleOf, syncJobs } from './sync';

const MAX_GAP = 15;

export const rule: Rule = {
  id: 'MLPS-DATA-003',
  family: 'DATA',
  title: { en: 'Real-time backup with hot redundancy', zh: '实时备份与热冗余' },
  clauses: at([3, 4], '8.1.4.9 c)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.dr.tier to hot-standby (same-city standby, synced every 15 minutes) or active-active (same-city active, every 5 minutes); a backup-only tier copies once a day and is not hot redundancy.',
    zh: '将 spec.dr.tier 设为 hot-standby（同城热备，每 15 分钟同步）或 active-active（同城双活，每 5 分钟同步）；backup 档位每天复制一次，不构成热冗余。',
  },
  check: ({ tenant, view, model, level }) => {
    if (level < 3) return notApplicable(`real-time backup and hot redundancy are required from level 3; judged at level ${level}`);
    const seen: Evidence[] = [];
    for (const ns of view.namespaces.filter((n) => n.role === 'replica' && siteRoleOf(model, n.cluster) === 'same-city')) {
      for (const j of syncJobs(ns)) {
        const mode = modeOf(ns, j);
        const gap = maxGapMinutes(scheduleOf(j));
        if ((mode === 'standby' || mode === 'active') && gap !== undefined && gap <= MAX_GAP) {
          return pass({ address: j.address, detail: `${mode} replica ${ns.cluster}/${ns.name} synced every ${gap} minutes (${scheduleOf(j)})` });
        }
        seen.push({
          address: j.address,
          detail: `same-city replica ${ns.cluster}/${ns.name} is ${mode ?? 'of unknown mode'} with schedule "${scheduleOf(j)}"`,
        });
      }
    }
    return fail(
      { field: 'spec.dr.tier', detail: `dr tier ${tenant.dr}: no same-city standby or active replica synced at least every ${MAX_GAP} minutes` },
      ...seen,
    );
  },
};
