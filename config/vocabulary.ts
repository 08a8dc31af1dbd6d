/**
 * The words every layer shares: label and annotation keys govcloud writes and reads back, the
 * bilingual text type, and the one way to say "did you mean". Constructs write these keys, policies
 * judge them, workflow and the CLI print these texts; each is defined here once.
 */
import type { EnvironmentName, MlpsLevel, Network, ZoneName } from './model';

export type { EnvironmentName, MlpsLevel, Network, ZoneName };

/** What people read, in both languages; identifiers stay in English. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export type Lang = keyof Bilingual;

/** `; did you mean x?` (or nothing without a suggestion), appended to a message. */
export function didYouMean(suggestion: string | undefined, lang: Lang): string {
  if (suggestion === undefined || suggestion === '') return '';
  return lang === 'zh' ? `；是否应为 ${suggestion}？` : `; did you mean ${suggestion}?`;
}

/** Label keys every govcloud object carries. */
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

/** Annotation keys govcloud writes. */
export const ANNOTATION = {
  displayName: 'govcloud.gov.cn/display-name',
  approval: 'govcloud.gov.cn/approval-ref',
  nodeSelector: 'scheduler.alpha.kubernetes.io/node-selector',
  egressHosts: 'govcloud.gov.cn/egress-hosts',
} as const;

/** The value of the managed-by label. */
export const MANAGED_BY = 'govcloud';

/**
 * Velero's API as govcloud writes and judges it: the namespace its server runs in on every cluster
 * (the Schedules of the tenants live there too), and the group/version of its custom resources.
 */
export const BACKUP = {
  namespace: 'velero',
  apiVersion: 'velero.io/v1',
} as const;
