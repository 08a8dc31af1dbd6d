/** Judging a tenant's workload pod specs for the HOST rules, and what admission enforces when none is declared. */
import { LABEL } from '../../../config/vocabulary';
import { Evidence, RuleResult, fail, pass } from '../../types';
import { Json, NamespaceView, PodSpecOf, TenantView, block, labels, podSpecs } from '../../deployment';

export type Enforcer = 'baseline' | 'restricted' | 'level3-chart' | 'level4-chart' | 'registry-chart' | 'none';

export const securityContext = (o: Json): Json => block(o, 'security_context') ?? {};
export const containerName = (c: Json): string => String(c.name ?? '(unnamed)');

/** What keeps a namespace without workloads compliant when workloads arrive. */
export function enforcement(ns: NamespaceView, by: Enforcer): string {
  const l = labels(ns.namespace);
  const psa = l['pod-security.kubernetes.io/enforce'] ?? 'none';
  const level = l[LABEL.mlpsLevel] ?? 'none';
  switch (by) {
    case 'baseline':
    case 'restricted': {
      const enforced = psa === 'restricted' || (by === 'baseline' && psa === 'baseline');
      return `Pod Security enforce "${psa}" ${enforced ? 'rejects' : 'does not reject'} such pods at admission`;
    }
    case 'level3-chart':
      return ['3', '4'].includes(level)
        ? `the baseline chart's admission policy govcloud-level3-containers rejects such pods (mlps-level ${level})`
        : `the baseline chart's level-3 admission policy does not bind this namespace (mlps-level ${level})`;
    case 'level4-chart':
      return level === '4'
        ? `the baseline chart's admission policy govcloud-level3-containers rejects images without a digest (mlps-level 4)`
        : `the baseline chart's admission policy asks for digests at mlps-level 4 only (mlps-level ${level})`;
    case 'registry-chart':
      return `the baseline chart's admission policy govcloud-allowed-registries rejects other registries in tenant namespaces`;
    default:
      return 'no admission policy checks this, so each workload is judged here when it is declared';
  }
}

/**
 * Runs `judge` (problems of one pod spec) over every workload of the tenant. Without workloads the
 * rule passes, saying what enforces it at admission.
 */
export function judgePods(
  view: TenantView,
  judge: (p: PodSpecOf) => string[],
  by: Enforcer,
  okDetail: string,
  accepted?: (ns: NamespaceView, p: PodSpecOf) => string | undefined,
): RuleResult {
  const pods = view.namespaces.flatMap((ns) => podSpecs(ns.resources).map((p) => ({ ns, p })));
  if (pods.length === 0) {
    return pass(
      ...view.namespaces.map((ns) => ({
        address: ns.namespace?.address,
        detail: `no workload is declared in ${ns.cluster}/${ns.name}; ${enforcement(ns, by)}`,
      })),
    );
  }
  const where = ({ ns, p }: { ns: NamespaceView; p: PodSpecOf }) =>
    `${p.resource.type.replace(/^kubernetes_/, '')} ${String(block(p.resource.body, 'metadata')?.name ?? p.resource.name)} in ${ns.cluster}/${ns.name}`;
  const need = (x: { ns: NamespaceView; p: PodSpecOf }) => accepted?.(x.ns, x.p);
  const bad: Evidence[] = pods.flatMap((x) =>
    need(x) !== undefined ? [] : judge(x.p).map((problem) => ({ address: x.p.resource.address, detail: `${where(x)}: ${problem}` })),
  );
  if (bad.length > 0) return fail(...bad);
  return pass(...pods.map((x) => ({ address: x.p.resource.address, detail: `${where(x)}: ${need(x) ?? okDetail}` })));
}
