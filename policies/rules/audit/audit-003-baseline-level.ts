/** The baseline release on the clusters hosting the tenant is set for the tenant's level. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { baselineOn, hostingClusters, releaseValues } from './baseline';

export const rule: Rule = {
  id: 'MLPS-AUDIT-003',
  family: 'AUDIT',
  title: { en: "Audit baseline covers the tenant's level", zh: '审计基线覆盖租户的保护等级' },
  clauses: at([3, 4], '8.1.5.4 e)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: "Place the tenant only on clusters whose platform level is at least the tenant's level; the platform stack then sets mlpsLevel and lists the level in tenantLevels of the govcloud-baseline values, so the matching central policies are enforced.",
    zh: '仅将租户部署在平台等级不低于租户等级的集群上；平台栈据此在 govcloud-baseline 的 values 中设置 mlpsLevel 并在 tenantLevels 中列出该等级，集中下发相应策略。',
  },
  check: ({ deployment, view, level }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const release = baselineOn(deployment, c);
      if (!release) {
        bad.push({ detail: `cluster ${c} has no govcloud-baseline release, so no baseline covers level ${level}` });
        continue;
      }
      const v = releaseValues(release);
      const platform = Number(v.mlpsLevel);
      const levels = Array.isArray(v.tenantLevels) ? v.tenantLevels.map(String) : [];
      const problems = [
        ...(platform >= level ? [] : [`mlpsLevel ${String(v.mlpsLevel ?? '(missing)')} is below ${level}`]),
        ...(levels.includes(String(level)) ? [] : [`tenantLevels [${levels.join(', ')}] does not include ${level}`]),
      ];
      if (problems.length > 0) bad.push({ address: release.address, detail: `govcloud-baseline on ${c}: ${problems.join('; ')}` });
      else ok.push({ address: release.address, detail: `govcloud-baseline on ${c} is set for level ${platform} and lists level ${level}` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
