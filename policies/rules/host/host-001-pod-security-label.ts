/** Pod Security admission enforces what the level needs: restricted at levels 3-4, baseline or stricter at 1-2. */
import { Rule, fail, pass } from '../../types';
import { at } from '../../clause';
import { labels } from '../../deployment';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

export const rule: Rule = {
  id: 'MLPS-HOST-001',
  family: 'HOST',
  title: { en: 'Pod Security enforce label at the level the tenant needs', zh: '命名空间 Pod 安全准入强制级别符合等级要求' },
  clauses: at([1, 2, 3, 4], '8.1.4.4'),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Keep the pod-security.kubernetes.io/enforce label TenantNamespace sets from spec.mlpsLevel: "restricted" for levels 3 and 4, "baseline" or "restricted" for levels 1 and 2; do not lower it by hand. A tenant judged at a higher level needs spec.mlpsLevel raised so the label follows.',
    zh: '保留 TenantNamespace 按 spec.mlpsLevel 设置的 pod-security.kubernetes.io/enforce 标签：三级、四级为 "restricted"，一级、二级为 "baseline" 或 "restricted"；不得手工降低。按更高等级评估的租户应提高 spec.mlpsLevel，使标签随之调整。',
  },
  check: ({ view, level }) => {
    const wanted = level >= 3 ? ['restricted'] : ['baseline', 'restricted'];
    const bad = view.namespaces.filter((ns) => !wanted.includes(labels(ns.namespace)[ENFORCE] ?? ''));
    if (bad.length > 0) {
      return fail(
        ...bad.map((ns) => ({
          address: ns.namespace?.address,
          field: 'spec.mlpsLevel',
          detail: ns.namespace
            ? `${ns.cluster}/${ns.name} enforces Pod Security "${labels(ns.namespace)[ENFORCE] ?? 'nothing'}", level ${level} needs ${wanted.map((w) => `"${w}"`).join(' or ')}`
            : `namespace ${ns.name} is not synthesized on cluster ${ns.cluster}, so no Pod Security label is set`,
        })),
      );
    }
    return pass(
      ...view.namespaces.map((ns) => ({
        address: ns.namespace?.address,
        detail: `${ns.cluster}/${ns.name} enforces Pod Security "${labels(ns.namespace)[ENFORCE]}" (level ${level})`,
      })),
    );
  },
};
