/**
 * Identifiers the stacks and the baseline chart write into every network's output themselves
 * (object, label, role and policy names, Kubernetes resource kinds). A tenant or cluster name that
 * is one of these words, or a part of one on token boundaries (a tenant named `audit` or `system`),
 * is not a mention of the other network where it is part of one of these words (`govcloud-audit`),
 * since it could not be told apart from what govcloud writes; anywhere else it is, and so is a string
 * that is only the name. Its namespaces (`audit-prod`) are matched anywhere.
 */
import { SQUID_WORDS } from '../constructs/network/squid-config';

export const WRITTEN_BY_STACKS: readonly string[] = [
  ...`
govcloud govcloud-system govcloud-baseline govcloud-tenant-admin govcloud-audit govcloud-allowed-registries
govcloud-level3-containers govcloud-domestic-placement govcloud.gov.cn tenant-admin kube-system default default-deny default-sa
allow-declared-flows allow-dr-sync allow-same-namespace-and-dns allow-zone-traffic
dr-sync sync-egress egress-hosts zone-info cluster-info log-retention
egress-gateway ingress-gateway config-sha256 proxy
dr-role dr-site-role display-name approval-ref mlps-level node-pool node-selector placement source-cluster managed-by part-of
pod-security audit-policy graded-protection securitybaseline security-baseline tenantlevels domesticplacement nodelabel namespacelabel sitecity siterole stackname
public-service administrative exchange extranet intranet zone-public-service zone-administrative zone-exchange zone-intranet
primary same-city samecity remote active standby backup replica prod staging test dev general domestic xinchuang
platform county cluster site stack zone tenant department namespace network networking policy role rule quota limits
limitranges resourcequotas networkpolicies poddisruptionbudgets persistentvolumeclaims serviceaccounts services secrets
configmaps endpoints events pods jobs cronjobs deployments daemonsets statefulsets replicasets ingresses
horizontalpodautoscalers loadbalancers nodeports apps batch autoscaling rbac authorization admission
validatingadmissionpolicy validatingadmissionpolicybinding clusterrole binding restricted privileged baseline
terraform tfstate kubernetes helm hashicorp kubeconfig context provider providers backend local variable values chart charts
release image images registry registries egress ingress internet gateway allowlist deny allow audit log logs retention
system data sync flows state overrides latest metadata labels annotations
velero govcloud-velero velero-plugin-for-aws cloud-credentials credentials cloud plugins scratch tmp target metrics server aws
schedule schedules backupstoragelocation backupstoragelocations storage-location restore site-role source-cluster component
`
    .split(/\s+/)
    .filter((w) => w !== ''),
  ...SQUID_WORDS.map((w) => w.toLowerCase()),
];
