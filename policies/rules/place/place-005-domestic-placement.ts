/**
 * Domestic (信创) placement is enforced by the API server: every namespace of a domestic tenant carries
 * the placement label, the baseline release of its cluster binds the placement policy to that label
 * with the platform's domestic node label, and every workload declared there selects those nodes.
 */
import { DOMESTIC, LABEL } from '../../../config/vocabulary';
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { block, labels, podSpecs } from '../../deployment';
import { baselineOn } from '../audit/baseline';
import { placementValues, same, selectsNodes, show } from './domestic';

export const rule: Rule = {
  id: 'MLPS-PLACE-005',
  family: 'PLACE',
  title: { en: 'Domestic (信创) placement enforced by the API server', zh: '信创部署由 API 服务器强制执行' },
  clauses: at([1, 2, 3, 4], '8.2.6.2 a)'),
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Keep the govcloud.gov.cn/placement: domestic label TenantNamespace sets on the namespaces of tenants with spec.placement.domestic, keep the govcloud-baseline release of each hosting cluster with domesticPlacement set from spec.placement.domesticNodeLabel in platform.yaml, and let workloads in those namespaces select that node label (nodeSelector, or a required node affinity In [value]).',
    zh: '保留 TenantNamespace 为 spec.placement.domestic 租户的命名空间设置的 govcloud.gov.cn/placement: domestic 标签；保留各承载集群的 govcloud-baseline 发布，其 domesticPlacement 按 platform.yaml 中 spec.placement.domesticNodeLabel 设置；这些命名空间中的工作负载须选择该节点标签（nodeSelector，或必需的节点亲和性 In [值]）。',
  },
  check: ({ model, deployment, tenant, view }) => {
    if (!tenant.domestic) return notApplicable('the tenant does not ask for domestic (信创) placement');
    const wanted = model.domesticNodeLabel;
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const ns of view.namespaces) {
      const where = `${ns.cluster}/${ns.name}`;
      if (!ns.namespace) {
        bad.push({
          field: 'spec.placement.domestic',
          detail: `namespace ${ns.name} is not synthesized on cluster ${ns.cluster}, so no placement policy binds it`,
        });
        continue;
      }
      const label = labels(ns.namespace)[LABEL.placement];
      if (label !== DOMESTIC) {
        bad.push({
          address: ns.namespace.address,
          field: 'spec.placement.domestic',
          detail: `${where} is labelled ${LABEL.placement}=${label ?? '(none)'}, not ${DOMESTIC}, so the placement policy does not bind it`,
        });
      }
      const release = baselineOn(deployment, ns.cluster);
      if (!release) {
        bad.push({ detail: `cluster ${ns.cluster} has no govcloud-baseline release, so no placement policy keeps ${where} on the domestic nodes` });
      } else {
        const v = placementValues(release);
        const problems = [
          ...(same(v.nodeLabel, wanted) ? [] : [`domestic node label ${show(v.nodeLabel)}, platform.yaml says ${show(wanted)}`]),
          ...(same(v.namespaceLabel, { key: LABEL.placement, value: DOMESTIC })
            ? []
            : [`namespace label ${show(v.namespaceLabel)}, not ${LABEL.placement}=${DOMESTIC}`]),
        ];
        if (problems.length > 0) bad.push({ address: release.address, detail: `govcloud-baseline on ${ns.cluster}: ${problems.join('; ')}` });
      }
      const pods = podSpecs(ns.resources);
      for (const p of pods.filter((x) => !selectsNodes(x.spec, wanted))) {
        const name = String(block(p.resource.body, 'metadata')?.name ?? p.resource.name);
        bad.push({
          address: p.resource.address,
          detail: `${p.resource.type.replace(/^kubernetes_/, '')} ${name} in ${where} does not select ${show(wanted)}; admission would refuse its pods`,
        });
      }
      ok.push({
        address: ns.namespace.address,
        detail: `${where} is bound by the placement policy for ${show(wanted)}${pods.length > 0 ? `; its ${pods.length} workload(s) select those nodes` : ''}`,
      });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
