/** Level 4: the tenant runs on a separate resource pool, i.e. only on clusters assessed at level 4. */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { clusterInfo, hostingClusters } from './platform';

export const rule: Rule = {
  id: 'MLPS-PLACE-004',
  family: 'PLACE',
  title: { en: 'Level-4 systems on a separate level-4 resource pool', zh: '第四级系统部署在独立的第四级资源池' },
  clauses: at([4], '8.2.2.1'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Place level-4 systems (and their replicas) only on clusters declared with mlpsLevel 4 in the platform file, which form the separate level-4 resource pool.',
    zh: '第四级系统（及其副本）只能部署在平台文件中 mlpsLevel 为 4 的集群上，这些集群构成独立的第四级资源池。',
  },
  check: ({ model, deployment, view, level }) => {
    if (level < 4) return notApplicable(`a separate resource pool is required for level-4 systems only; judged at level ${level}`);
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const cluster = model.clusters.find((x) => x.name === c);
      const address = clusterInfo(deployment, c)?.address;
      if (cluster?.mlpsLevel === 4) ok.push({ address, detail: `cluster ${c} belongs to the level-4 pool` });
      else
        bad.push({
          address,
          field: 'spec.mlpsLevel',
          detail: `cluster ${c} is ${cluster ? `a level-${cluster.mlpsLevel}` : 'an undeclared'} cluster, not part of a level-4 pool`,
        });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
