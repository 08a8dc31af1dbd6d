/**
 * DNS goes to the cluster's DNS pods only: an egress rule on port 53 names the pods labelled
 * `k8s-app: kube-dns` in kube-system, not the whole of kube-system (where the API server's webhooks,
 * the CNI and every controller of the platform run) and not an address range.
 */
import { Evidence, Rule, fail, notApplicable, pass } from '../../types';
import { at } from '../../clause';
import { block, Json } from '../../deployment';
import { CLUSTER_DNS } from '../../../config/vocabulary';
import { NAME, describe, matchLabels, policyRules } from './policies';

/** The peer is exactly the DNS pods: kube-system by name and the kube-dns pod label. */
export function isDnsPods(peer: Json): boolean {
  const ml = matchLabels(peer);
  const pods = (block(block(peer, 'pod_selector'), 'match_labels') ?? {}) as Record<string, string>;
  return (
    ml[NAME] === CLUSTER_DNS.namespace &&
    Object.keys(ml).length === 1 &&
    Object.entries(CLUSTER_DNS.podLabels).every(([k, v]) => pods[k] === v) &&
    peer.ip_block === undefined
  );
}

const selectsKubeSystem = (peer: Json): boolean => matchLabels(peer)[NAME] === CLUSTER_DNS.namespace;

export const rule: Rule = {
  id: 'MLPS-NET-014',
  family: 'NET',
  title: { en: "DNS only to the cluster's DNS pods", zh: 'DNS 仅可访问集群 DNS Pod' },
  clauses: at([1, 2, 3, 4], '8.1.3.2 a)'),
  cloud: false,
  severity: 'error',
  platform: 'also',
  remediation: {
    en: 'Allow DNS (UDP and TCP 53) only to the pods labelled k8s-app: kube-dns in kube-system: a namespace selector kubernetes.io/metadata.name=kube-system AND a pod selector k8s-app=kube-dns in the same peer; never kube-system as a whole or an address range.',
    zh: '仅向 kube-system 中带 k8s-app: kube-dns 标签的 Pod 放行 DNS（UDP 与 TCP 53）：同一对端中同时使用命名空间选择器 kubernetes.io/metadata.name=kube-system 与 Pod 选择器 k8s-app=kube-dns；不得放行整个 kube-system 或地址段。',
  },
  check: ({ view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const r of policyRules(view)) {
      if (r.direction !== 'egress') continue;
      const ports = r.ports.map((p) => String(p.port));
      const dns = ports.includes(String(CLUSTER_DNS.port));
      const allPorts = ports.length === 0;
      if (dns && r.peers.length === 0) {
        bad.push({ address: r.policy.address, detail: `${r.where} allows port 53 to every destination; DNS goes to the cluster's DNS pods only` });
        continue;
      }
      for (const p of r.peers) {
        if (isDnsPods(p)) {
          if (dns) ok.push({ address: r.policy.address, detail: `${r.where}: DNS to the kube-dns pods of kube-system only` });
        } else if (dns || (allPorts && selectsKubeSystem(p))) {
          bad.push({
            address: r.policy.address,
            detail: `${r.where} allows ${dns ? 'port 53' : 'every port'} to ${describe(p)}, not only the kube-dns pods of kube-system`,
          });
        }
      }
    }
    if (bad.length > 0) return fail(...bad);
    if (ok.length > 0) return pass(...ok);
    return notApplicable('no egress rule on port 53');
  },
};
