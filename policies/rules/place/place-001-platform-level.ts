/** The cloud platform never hosts a system above its own level, on any cluster that hosts the tenant. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { clusterInfo, hostingClusters, infoField } from './platform';

export const rule: Rule = {
  id: 'MLPS-PLACE-001',
  family: 'PLACE',
  title: { en: "Platform level at least the tenant's level", zh: '云平台等级不低于承载系统的等级' },
  clauses: at([1, 2, 3, 4], '8.2.2.1 a)'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: "Place the tenant (and its DR replicas) only on clusters whose mlpsLevel in the platform file is at least spec.mlpsLevel; if none exists at a site, assess and raise the cluster's level first.",
    zh: '租户（及其灾备副本）只能部署在平台文件中 mlpsLevel 不低于 spec.mlpsLevel 的集群上；若站点无此类集群，须先完成测评提升集群等级。',
  },
  check: ({ model, deployment, view, level }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const cluster = model.clusters.find((x) => x.name === c);
      const cm = clusterInfo(deployment, c);
      const recorded = Number(infoField(cm, 'mlpsLevel'));
      if (!cluster) bad.push({ field: 'spec.mlpsLevel', detail: `cluster ${c} is not in the platform model, so its level is unknown` });
      else if (cluster.mlpsLevel < level)
        bad.push({
          address: cm?.address,
          field: 'spec.mlpsLevel',
          detail: `cluster ${c} is a level-${cluster.mlpsLevel} platform hosting a level-${level} system`,
        });
      if (!cm) bad.push({ detail: `cluster ${c} has no cluster-info ConfigMap recording its platform level` });
      else if (!(recorded >= level))
        bad.push({ address: cm.address, detail: `cluster-info of ${c} records level ${infoField(cm, 'mlpsLevel') ?? '(missing)'}, below ${level}` });
      if (cluster && cluster.mlpsLevel >= level && cm && recorded >= level)
        ok.push({
          address: cm.address,
          detail: `cluster ${c} is a level-${cluster.mlpsLevel} platform (cluster-info: ${recorded}); tenant judged at level ${level}`,
        });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
