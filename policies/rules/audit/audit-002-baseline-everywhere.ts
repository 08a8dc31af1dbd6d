/**
 * The security baseline (helm_release govcloud-baseline: the central admission policies) runs on every
 * cluster that hosts the tenant. It is central policy management, not audit: host audit is judged on
 * the audit policy kube-apiserver loads (MLPS-AUDIT-004).
 */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { baselineOn, hostingClusters } from './baseline';

export const rule: Rule = {
  id: 'MLPS-AUDIT-002',
  family: 'AUDIT',
  title: { en: 'Security baseline on every cluster hosting the tenant', zh: '承载租户的每个集群均部署安全基线' },
  clauses: at([3, 4], '8.1.5.4 e)'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the SecurityBaseline (helm_release govcloud-baseline) in the platform stack of every cluster, the DR clusters included; do not remove it or deploy a tenant or replica to a cluster without a platform stack.',
    zh: '在每个集群（含灾备集群）的平台栈中保留 SecurityBaseline（helm_release govcloud-baseline）；不得删除，也不得把租户或副本部署到没有平台栈的集群。',
  },
  check: ({ deployment, view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const release = baselineOn(deployment, c);
      if (release) ok.push({ address: release.address, detail: `govcloud-baseline deployed on ${c}` });
      else bad.push({ detail: `cluster ${c} hosts the tenant but has no govcloud-baseline release in a platform stack` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
