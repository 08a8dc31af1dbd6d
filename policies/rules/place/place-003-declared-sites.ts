/** The tenant's data stays in the declared sites: no stray namespaces, and every hosting cluster is at a declared site. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { clusterInfo, hostingClusters, infoField } from './platform';

export const rule: Rule = {
  id: 'MLPS-PLACE-003',
  family: 'PLACE',
  title: { en: 'Data stays in the declared sites', zh: '数据仅存放于已声明的站点' },
  clauses: at([1, 2, 3, 4], '8.2.1.1', '8.2.4.5 a)'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Remove namespaces labelled govcloud.gov.cn/tenant for this tenant on clusters the model does not place it on (hand-written Terraform), and run the tenant only on clusters declared in the platform file at declared sites in mainland China.',
    zh: '删除在模型未分配的集群上带有该租户 govcloud.gov.cn/tenant 标签的命名空间（手写 Terraform），租户只能运行在平台文件中声明的、位于中国境内已声明站点的集群上。',
  },
  unwaivable: {
    en: 'government data outside the declared sites in mainland China breaks the cloud location requirement (8.2.1.1) and data-export law (Cybersecurity Law art. 37, Data Security Law art. 31); it cannot be waived',
    zh: '政务数据存放于已声明的境内站点之外，违反云计算基础设施位置要求（8.2.1.1）及数据出境相关法律（《网络安全法》第三十七条、《数据安全法》第三十一条），不得豁免',
  },
  check: ({ model, deployment, view, tenant }) => {
    const bad: Evidence[] = view.strays.map((r) => ({
      address: r.address,
      detail: `namespace ${r.namespace} on ${r.cluster} is labelled for ${tenant.name}, but the model does not place it there`,
    }));
    const ok: Evidence[] = [];
    const sites = new Set(model.sites.map((s) => s.name));
    for (const c of hostingClusters(view)) {
      const cluster = model.clusters.find((x) => x.name === c);
      const cm = clusterInfo(deployment, c);
      const recorded = infoField(cm, 'site');
      if (!cluster) bad.push({ detail: `cluster ${c} hosting ${tenant.name} is not declared in the platform model` });
      else if (!sites.has(cluster.site)) bad.push({ detail: `cluster ${c} is at site ${cluster.site}, which the platform model does not declare` });
      else if (recorded !== undefined && recorded !== cluster.site)
        bad.push({ address: cm?.address, detail: `cluster-info of ${c} records site ${recorded}, the model says ${cluster.site}` });
      else ok.push({ address: cm?.address, detail: `cluster ${c} is at declared site ${cluster.site}` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
