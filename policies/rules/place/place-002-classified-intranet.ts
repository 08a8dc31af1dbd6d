/** Classified (涉密) work runs only on the intranet, in namespaces labelled intranet, on intranet clusters. */
import { LABEL } from '../../../config/vocabulary';
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { labels } from '../../deployment';

export const rule: Rule = {
  id: 'MLPS-PLACE-002',
  family: 'PLACE',
  title: { en: 'Classified work only on the intranet', zh: '涉密系统仅部署在电子政务内网' },
  clauses: at([1, 2, 3, 4], '8.2.2.1 a)'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Set spec.network: intranet for classified systems; the intranet is physically isolated (保守国家秘密法).',
    zh: '涉密系统应设置 spec.network: intranet；内网与外网物理隔离（《保守国家秘密法》）。',
  },
  unwaivable: {
    en: 'classified work on the extranet breaks physical isolation required by the Law on Guarding State Secrets',
    zh: '涉密系统部署在外网违反《保守国家秘密法》要求的物理隔离',
  },
  check: ({ tenant, view, model }) => {
    const intranetClusters = new Set(model.clusters.filter((c) => c.network === 'intranet').map((c) => c.name));
    if (tenant.classification !== 'classified') {
      const onIntranet = view.namespaces.filter((ns) => intranetClusters.has(ns.cluster));
      return onIntranet.length === 0 || tenant.network === 'intranet'
        ? pass({ field: 'spec.classification', detail: 'unclassified' })
        : fail(...onIntranet.map((ns) => ({ address: ns.namespace?.address, detail: `unclassified tenant on intranet cluster ${ns.cluster}` })));
    }
    const wrong = view.namespaces.filter((ns) => !intranetClusters.has(ns.cluster) || labels(ns.namespace)[LABEL.network] !== 'intranet');
    if (tenant.network !== 'intranet' || wrong.length > 0) {
      return fail(
        { field: 'spec.network', detail: `classified tenant declared on the ${tenant.network}` },
        ...wrong.map((ns) => ({ address: ns.namespace?.address, detail: `namespace ${ns.name} on ${ns.cluster} is not an intranet namespace` })),
      );
    }
    return pass(...view.namespaces.map((ns) => ({ address: ns.namespace?.address, detail: `${ns.name} on intranet cluster ${ns.cluster}` })));
  },
};
