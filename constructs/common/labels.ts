/** Label and annotation keys every govcloud object carries, and the Pod Security level per MLPS level. */

export const LABEL = {
  managedBy: 'app.kubernetes.io/managed-by',
  network: 'govcloud.gov.cn/network',
  zone: 'govcloud.gov.cn/zone',
  county: 'govcloud.gov.cn/county',
  department: 'govcloud.gov.cn/department',
  tenant: 'govcloud.gov.cn/tenant',
  environment: 'govcloud.gov.cn/environment',
  mlpsLevel: 'govcloud.gov.cn/mlps-level',
  drRole: 'govcloud.gov.cn/dr-role',
  role: 'govcloud.gov.cn/role',
  nodePool: 'govcloud.gov.cn/node-pool',
  nsName: 'kubernetes.io/metadata.name',
} as const;

export const ANNOTATION = {
  displayName: 'govcloud.gov.cn/display-name',
  approval: 'govcloud.gov.cn/approval-ref',
  nodeSelector: 'scheduler.alpha.kubernetes.io/node-selector',
  egressHosts: 'govcloud.gov.cn/egress-hosts',
} as const;

export const MANAGED_BY = 'govcloud';

export type ZoneLabel = 'public-service' | 'administrative' | 'exchange' | 'intranet';
export type Level = 1 | 2 | 3 | 4;
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/**
 * Pod Security admission per MLPS level: level 1 enforces baseline; level 2 enforces baseline and
 * warns/audits restricted; levels 3 and 4 enforce restricted.
 */
export function podSecurityLabels(level: Level): Record<string, string> {
  const enforce: PodSecurityLevel = level >= 3 ? 'restricted' : 'baseline';
  const warn: PodSecurityLevel = level >= 2 ? 'restricted' : 'baseline';
  return {
    'pod-security.kubernetes.io/enforce': enforce,
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': warn,
    'pod-security.kubernetes.io/audit': warn,
  };
}
