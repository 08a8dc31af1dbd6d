/**
 * One tenant namespace with everything that makes it safe to hand over: labels, Pod Security
 * admission, ResourceQuota (no NodePort or LoadBalancer services), LimitRange, RBAC for the admin
 * groups, a default service account without a mounted token, and a default-deny NetworkPolicy
 * with the tenant's own namespace and the cluster's DNS pods allowed; annotated with its address pool.
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { DefaultServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/default-service-account-v1';
import { ANNOTATION, DOMESTIC, LABEL, Level, MANAGED_BY, podSecurityLabels, ZoneLabel } from '../common/labels';
import { denyAll, allowPeers, poolAnnotation } from '../common/network-policy';
import { dnsRule, Peer } from '../common/peer';

export interface NamespaceQuota {
  /** CPU cores, as a Kubernetes quantity ("16", "500m"). */
  readonly cpu: string;
  /** Memory, as a Kubernetes quantity ("64Gi"). */
  readonly memory: string;
  /** Persistent storage requests ("500Gi"). */
  readonly storage: string;
  readonly pods: number;
}

/** Who a tenant is: what every namespace of it is labelled and annotated with. */
export interface TenantIdentity {
  readonly tenant: string;
  readonly county: string;
  readonly department: string;
  /** Name people read (display name of the system). */
  readonly displayName: string;
  /** 项目联审 reference that approved the tenant. */
  readonly approvalRef: string;
  readonly zone: ZoneLabel;
  readonly mlpsLevel: Level;
}

export interface TenantNamespaceProps extends TenantIdentity {
  readonly name: string;
  readonly environment: string;
  /**
   * The namespace's address pool on this cluster (address-pools.yaml), annotated as
   * `govcloud.gov.cn/address-pool` for the CNI's IPAM: its pods get addresses from it only, so that
   * other clusters' NetworkPolicies can name them.
   */
  readonly addressPool: string;
  readonly quota: NamespaceQuota;
  /** Directory groups bound to the admin ClusterRole in this namespace. */
  readonly adminGroups: readonly string[];
  /** ClusterRole bound for the admin groups. Default: `govcloud-tenant-admin` (created by CloudCenter). */
  readonly adminClusterRole?: string;
  /**
   * Domestic (信创) placement: the namespace is labelled `govcloud.gov.cn/placement: domestic`, which the
   * baseline's placement policy binds to, so the API server admits only pods that select the domestic
   * nodes. Default: false (no placement label).
   */
  readonly domestic?: boolean;
  /** Extra labels, e.g. the DR role of a replica namespace. Default: none. */
  readonly extraLabels?: Readonly<Record<string, string>>;
  /**
   * Refuse `terraform destroy` of the namespace (lifecycle prevent_destroy): set for tenants at level 2
   * and above until a decommission approval exists. Default: false.
   */
  readonly protect?: boolean;
  /** Extra annotations, e.g. the Internet hosts allowed through the unified egress. Default: none. */
  readonly extraAnnotations?: Readonly<Record<string, string>>;
}

export const DEFAULT_ADMIN_ROLE = 'govcloud-tenant-admin';

export class TenantNamespace extends Construct {
  readonly namespace: NamespaceV1;
  readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(props.name) || props.name.length > 63) {
      throw new Error(`TenantNamespace: name "${props.name}" is not a DNS label of at most 63 characters (lower-case letters, digits, '-')`);
    }
    if (props.adminGroups.length === 0) {
      throw new Error(`TenantNamespace ${props.name}: adminGroups is empty; at least one group must administer the namespace`);
    }
    const network = props.zone === 'intranet' ? 'intranet' : 'extranet';
    const labels: Record<string, string> = {
      [LABEL.managedBy]: MANAGED_BY,
      [LABEL.network]: network,
      [LABEL.zone]: props.zone,
      [LABEL.county]: props.county,
      [LABEL.department]: props.department,
      [LABEL.tenant]: props.tenant,
      [LABEL.environment]: props.environment,
      [LABEL.mlpsLevel]: String(props.mlpsLevel),
      ...podSecurityLabels(props.mlpsLevel),
      ...(props.domestic ? { [LABEL.placement]: DOMESTIC } : {}),
      ...(props.extraLabels ?? {}),
    };
    const annotations: Record<string, string> = {
      [ANNOTATION.displayName]: props.displayName,
      [ANNOTATION.approval]: props.approvalRef,
      ...(props.extraAnnotations ?? {}),
      ...poolAnnotation(`TenantNamespace ${props.name}`, props.addressPool),
    };
    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: { name: props.name, labels, annotations },
      lifecycle: props.protect ? { preventDestroy: true } : undefined,
    });
    this.namespaceName = props.name;
    const ns = this.namespace.metadata.name;
    const small = { [LABEL.managedBy]: MANAGED_BY, [LABEL.tenant]: props.tenant };

    new ResourceQuotaV1(this, 'quota', {
      metadata: { name: 'quota', namespace: ns, labels: small },
      spec: {
        hard: {
          'requests.cpu': props.quota.cpu,
          'limits.cpu': props.quota.cpu,
          'requests.memory': props.quota.memory,
          'limits.memory': props.quota.memory,
          'requests.storage': props.quota.storage,
          pods: String(props.quota.pods),
          'services.nodeports': '0',
          'services.loadbalancers': '0',
        },
      },
    });
    new LimitRangeV1(this, 'limits', {
      metadata: { name: 'defaults', namespace: ns, labels: small },
      spec: {
        limit: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            max: { cpu: props.quota.cpu, memory: props.quota.memory },
          },
        ],
      },
    });
    const role = props.adminClusterRole ?? DEFAULT_ADMIN_ROLE;
    props.adminGroups.forEach((group) => {
      new RoleBindingV1(this, `admin-${group}`, {
        metadata: { name: `admin-${group}`.slice(0, 63), namespace: ns, labels: small },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subject: [{ kind: 'Group', name: group, apiGroup: 'rbac.authorization.k8s.io' }],
      });
    });
    new DefaultServiceAccountV1(this, 'default-sa', {
      metadata: { namespace: ns },
      automountServiceAccountToken: false,
    });
    denyAll(this, 'deny', ns);
    allowPeers(this, 'baseline', {
      name: 'allow-same-namespace-and-dns',
      namespace: ns,
      ingress: [{ peer: Peer.namespace(props.name), ports: [] }],
      egress: [{ peer: Peer.namespace(props.name), ports: [] }, dnsRule()],
    });
  }
}
