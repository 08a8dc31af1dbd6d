/**
 * CloudCenter: the platform side of one cluster at a site of the government cloud center. It owns
 * the `govcloud-system` namespace, a `cluster-info` ConfigMap that records site, network, level and
 * capacity (what the platform promised), and the least-privilege ClusterRole bound to tenant admins.
 * The system namespace denies everything in and out but DNS (NetworkPolicy) and carries its address pool.
 */
import type { Network } from '../../config/vocabulary';
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { ClusterRoleV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { LABEL, Level, MANAGED_BY } from '../common/labels';
import { DEFAULT_ADMIN_ROLE } from '../tenant/tenant-namespace';
import { platformPolicies, poolAnnotation } from '../common/network-policy';
import { PLATFORM_NAMESPACE } from '../../config/vocabulary';

export interface CloudCenterProps {
  readonly clusterName: string;
  readonly siteName: string;
  readonly siteRole: 'primary' | 'same-city' | 'remote';
  readonly siteCity: string;
  readonly network: Network;
  /** Highest MLPS level the cluster platform is assessed for. */
  readonly mlpsLevel: Level;
  /** Allocatable capacity, as Kubernetes quantities. */
  readonly capacity: { readonly cpu: string; readonly memory: string; readonly storage: string };
  readonly nodePools: readonly { readonly name: string; readonly kind: 'general' | 'domestic'; readonly nodes: number }[];
  /** Namespace of platform components. Default: `govcloud-system`. */
  readonly systemNamespace?: string;
  /** Address pool of the system namespace (address-pools.yaml), annotated for the CNI's IPAM. */
  readonly systemPool: string;
}

/** What a tenant admin may do in its own namespaces: run workloads, never touch RBAC, quotas or policies. */
export const TENANT_ADMIN_RULES: readonly { apiGroups: string[]; resources: string[]; verbs: string[] }[] = [
  {
    apiGroups: [''],
    resources: ['pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'serviceaccounts', 'endpoints'],
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
  },
  { apiGroups: [''], resources: ['pods/log', 'events'], verbs: ['get', 'list', 'watch'] },
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'statefulsets', 'replicasets', 'daemonsets'],
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
  { apiGroups: [''], resources: ['resourcequotas', 'limitranges'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list', 'watch'] },
];

export class CloudCenter extends Construct {
  readonly systemNamespace: NamespaceV1;
  readonly tenantAdminRole: ClusterRoleV1;

  constructor(scope: Construct, id: string, props: CloudCenterProps) {
    super(scope, id);
    if (props.nodePools.length === 0) {
      throw new Error(`CloudCenter ${props.clusterName}: nodePools is empty; declare at least one node pool (kind general or domestic)`);
    }
    const nsName = props.systemNamespace ?? PLATFORM_NAMESPACE.system;
    const base = { [LABEL.managedBy]: MANAGED_BY, [LABEL.network]: props.network };
    this.systemNamespace = new NamespaceV1(this, 'system', {
      metadata: {
        name: nsName,
        labels: {
          ...base,
          [LABEL.role]: 'platform',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
        },
        annotations: poolAnnotation(`CloudCenter ${props.clusterName}`, props.systemPool),
      },
    });
    // nothing in the system namespace serves or calls out: denied both ways but DNS
    platformPolicies(this, this.systemNamespace.metadata.name);
    new ConfigMapV1(this, 'cluster-info', {
      metadata: { name: 'cluster-info', namespace: this.systemNamespace.metadata.name, labels: base },
      data: {
        cluster: props.clusterName,
        site: props.siteName,
        siteRole: props.siteRole,
        siteCity: props.siteCity,
        network: props.network,
        mlpsLevel: String(props.mlpsLevel),
        capacity: JSON.stringify(props.capacity),
        nodePools: JSON.stringify(props.nodePools),
      },
    });
    this.tenantAdminRole = new ClusterRoleV1(this, 'tenant-admin', {
      metadata: { name: DEFAULT_ADMIN_ROLE, labels: base },
      rule: TENANT_ADMIN_RULES.map((r) => ({ apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs })),
    });
  }
}
