/**
 * The words every layer shares: label and annotation keys govcloud writes and reads back, the
 * bilingual text type, and the one way to say "did you mean". Constructs write these keys, policies
 * judge them, workflow and the CLI print these texts; each is defined here once.
 */
import type { EnvironmentName, MlpsLevel, Network, NodeLabel, ZoneName } from './model';

export type { EnvironmentName, MlpsLevel, Network, NodeLabel, ZoneName };

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
  /** `domestic` on the namespaces of domestic (信创) tenants: the baseline's placement policy binds to it. */
  placement: 'govcloud.gov.cn/placement',
  nsName: 'kubernetes.io/metadata.name',
  /** `true` on an exposed tenant's pods that serve the Internet: its Service (named after the tenant) selects them. */
  servesInternet: 'govcloud.gov.cn/serves-internet',
} as const;

/** Annotation keys govcloud writes. */
export const ANNOTATION = {
  displayName: 'govcloud.gov.cn/display-name',
  approval: 'govcloud.gov.cn/approval-ref',
  egressHosts: 'govcloud.gov.cn/egress-hosts',
  /**
   * The namespace's address pool (a CIDR inside its cluster's podCidr), from address-pools.yaml: the
   * contract with the CNI's IPAM, which gives the namespace's pods addresses from it only.
   */
  addressPool: 'govcloud.gov.cn/address-pool',
} as const;

/** Namespaces of the platform govcloud creates on every cluster besides Velero's (BACKUP), the zones' and the gateways'. */
export const PLATFORM_NAMESPACE = {
  /** The cloud centre's own namespace (CloudCenter): cluster-info and the baseline's objects. */
  system: 'govcloud-system',
} as const;

/** A Kubernetes label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
export const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** The longest label key: a 253-character prefix, '/', a 63-character name. */
export const LABEL_KEY_MAX = 317;
/** A non-empty Kubernetes label value. */
export const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** The value of the placement label on a domestic (信创) tenant's namespaces. */
export const DOMESTIC = 'domestic';

/** Name of the admission policy (and its binding) that keeps domestic namespaces on the domestic nodes. */
export const DOMESTIC_PLACEMENT_POLICY = 'govcloud-domestic-placement';

/** The value of the managed-by label. */
export const MANAGED_BY = 'govcloud';

/**
 * The unified egress gateway (互联网统一出口网关): a Squid forward proxy. Its name (Deployment, Service,
 * ConfigMap), the label of its pods, its port and the key of its configuration. The platform stack
 * builds it, tenants' policies reach it, the NET rules judge both; each reads the names from here.
 */
export const EGRESS_GATEWAY = {
  name: 'egress-gateway',
  podLabels: { 'app.kubernetes.io/name': 'egress-gateway' },
  /** The forward-proxy port (HTTP and HTTP CONNECT) tenants reach; the kubelet probes it too. */
  proxyPort: 3128,
  /** Key of the generated squid.conf in the gateway's ConfigMap. */
  configKey: 'squid.conf',
} as const;

/**
 * The Internet ingress gateway (互联网接入网关): a Squid reverse proxy (accelerator mode), the only way
 * in from the Internet to the exposed public-service tenants. One listening port per exposed tenant
 * and port, in [listenBase, listenBase + listenSpan); the Service named after the tenant, in the
 * namespace it serves from, receives the requests.
 */
export const INGRESS_GATEWAY = {
  name: 'ingress-gateway',
  podLabels: { 'app.kubernetes.io/name': 'ingress-gateway' },
  /** Namespace role label of the ingress namespace. */
  role: 'internet-ingress',
  /** Default namespace when platform.yaml has no ingress section. */
  defaultNamespace: 'internet-ingress',
  configKey: 'squid.conf',
  listenBase: 20000,
  listenSpan: 10000,
} as const;

/**
 * The cluster's DNS: the pods every namespace may ask, on UDP and TCP 53, and nothing else of
 * kube-system (CoreDNS's Deployment keeps the `k8s-app: kube-dns` label of the addon it replaced).
 */
export const CLUSTER_DNS = {
  namespace: 'kube-system',
  podLabels: { 'k8s-app': 'kube-dns' },
  port: 53,
} as const;

/**
 * Velero's API as govcloud writes and judges it: the namespace its server runs in on every cluster
 * (the Schedules of the tenants live there too), and the group/version of its custom resources.
 */
export const BACKUP = {
  namespace: 'velero',
  apiVersion: 'velero.io/v1',
  /** Velero's node agent: a DaemonSet of this name in Velero's namespace (Velero looks it up by name). */
  nodeAgent: 'node-agent',
  /** Where the kubelet keeps pod volumes on a node: the one host folder the node agent reads. */
  kubeletPods: '/var/lib/kubelet/pods',
} as const;
