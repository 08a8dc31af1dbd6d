/**
 * Level 3+: the tenant's last restore drill passed within its targets. A drill restores the
 * tenant's backup into its replica namespace at a DR site, times it and verifies the data
 * (drills/<tenant>/*.json). It fails when the last drill failed, or measured more than the tier's
 * RPO or RTO as platform.yaml states them now; it passes when the last drill passed within
 * spec.drills.validFor. Without a record, or with a passing one older than validFor, there is no
 * drill to judge: not-applicable, saying which evidence is missing, and 8.1.4.9 a) stays partly
 * automated (policies/asks/technical.ts). A missing record is not a failure of the restore, so it
 * does not turn the clause red nor block a merge; a failed restore is, and does.
 */
import { Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { drillEvidence, formatSeconds } from '../../drills';

export const rule: Rule = {
  id: 'MLPS-DATA-010',
  family: 'DATA',
  title: { en: 'Restore drill passed within its targets', zh: '恢复演练通过且达到恢复目标' },
  clauses: at([3, 4], '8.1.4.9 a)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Run `govcloud drill` for the tenant (a restore of its latest backup into its replica namespace at a DR site, timed and verified) and commit the record it writes under drills/<tenant>/; when it fails, fix the cause (the record lists each failure) and drill again. Drill again before the last passing drill is older than platform.yaml's spec.drills.validFor.",
    zh: '为该租户运行 `govcloud drill`（将最近一次备份恢复到灾备站点的副本命名空间，计时并核对数据），并提交其写入 drills/<租户>/ 的记录；演练失败时按记录所列原因逐条整改后重新演练。应在最近一次通过的演练超过 platform.yaml 的 spec.drills.validFor 之前再次演练。',
  },
  check: ({ tenant, model, level, today }) => {
    if (level < 3) return notApplicable(`a recorded restore drill is judged from level 3; judged at level ${level}`);
    if (tenant.dr === 'none') return notApplicable(`dr tier is none: ${tenant.name} has no replica to restore into (MLPS-DATA-001)`);
    const ev = drillEvidence(model, tenant, today);
    if (!ev.last || ev.state === 'stale')
      return notApplicable(`${ev.missing?.en ?? ''}: nothing to judge; 8.1.4.9 a) stays partly automated until a passing drill is recorded`);
    const r = ev.last.record;
    const what = `drill of ${r.at} (${ev.last.file}) from ${r.from.cluster}/${r.from.namespace} to ${r.to.cluster}/${r.to.namespace} at site ${r.to.site}`;
    const measured = `RPO ${formatSeconds(r.measured.rpoSeconds)} / ${formatSeconds(r.targets.rpoSeconds)}, RTO ${formatSeconds(r.measured.rtoSeconds)} / ${formatSeconds(r.targets.rtoSeconds)}`;
    const checks = `${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks`;
    if (ev.state === 'failed') {
      return fail(
        { field: 'spec.dr.tier', detail: `${what} failed: ${measured}, ${checks}` },
        ...r.failures.map((f) => ({ detail: f })),
        ...ev.missedTargets.map((m) => ({ detail: m.en })),
      );
    }
    return pass({ field: 'spec.dr.tier', detail: `${what} passed by ${r.by}: ${measured}, ${checks}; counts for ${ev.validFor}` });
  },
};
