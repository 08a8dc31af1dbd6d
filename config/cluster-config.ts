/**
 * Cluster bootstrap configuration, made from the model and written by synth next to the stacks
 * (stacks/cluster-files.ts) for the platform engineers who run the control plane: per cluster, the
 * audit policy kube-apiserver loads and the flags that make it write and keep the audit log
 * (`<out>/<network>/clusters/<cluster>/audit/`). Terraform cannot set kube-apiserver flags, so these
 * are a reviewed artifact: the e2e API servers start with exactly these files, and MLPS-AUDIT-001
 * judges them as read back from the synth output.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CityModel, Cluster } from './model';
import type { Network } from './vocabulary';

/** Where the files go on a control-plane node (the kubeadm layout); the flags name these paths. */
export const AUDIT_CONFIG_DIR = '/etc/kubernetes/audit';
export const AUDIT_LOG_DIR = '/var/log/kubernetes/audit';
export const AUDIT_POLICY_FILE = 'audit-policy.yaml';
export const AUDIT_FLAGS_FILE = 'kube-apiserver.flags';
/** Size of one audit log file before it is rotated, in megabytes. */
export const AUDIT_LOG_MAX_SIZE_MB = 100;

export interface ClusterFile {
  readonly cluster: string;
  readonly network: Network;
  /** Relative to the cluster's folder, with forward slashes: `audit/audit-policy.yaml`. */
  readonly path: string;
  readonly text: string;
}

const WRITES = '["create", "update", "patch", "delete", "deletecollection"]';

/**
 * The audit policy of a cluster. The first matching rule decides: probes are not logged; secrets,
 * configmaps and token reviews only as metadata (their contents never reach the log); changes to the
 * guard rails (namespaces, quotas, limit ranges, network policies, RBAC, admission policies) and
 * exec/attach/port-forward with request and response; every other change as metadata. Reads are
 * logged as metadata on a level-4 platform and not at all below it.
 */
export function auditPolicy(cluster: Cluster): string {
  const reads = cluster.mlpsLevel >= 4 ? 'Metadata' : 'None';
  return `# govcloud audit policy for cluster ${cluster.name} (MLPS level ${cluster.mlpsLevel}): MLPS 8.1.4.3 / 8.1.5.4, Cybersecurity Law art. 21
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
  - level: None
    nonResourceURLs: ["/healthz*", "/livez*", "/readyz*", "/version"]
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets", "configmaps"]
      - group: "authentication.k8s.io"
        resources: ["tokenreviews"]
  - level: RequestResponse
    resources:
      - group: ""
        resources: ["pods/exec", "pods/attach", "pods/portforward"]
  - level: RequestResponse
    verbs: ${WRITES}
    resources:
      - group: ""
        resources: ["namespaces", "resourcequotas", "limitranges", "serviceaccounts"]
      - group: "networking.k8s.io"
        resources: ["networkpolicies"]
      - group: "rbac.authorization.k8s.io"
      - group: "admissionregistration.k8s.io"
  - level: Metadata
    verbs: ${WRITES}
  - level: ${reads}
`;
}

/** The kube-apiserver audit flags: a JSON log file kept by age for the city's retention, never pruned by count. */
export function auditFlags(model: CityModel): string[] {
  return [
    `--audit-policy-file=${AUDIT_CONFIG_DIR}/${AUDIT_POLICY_FILE}`,
    `--audit-log-path=${AUDIT_LOG_DIR}/audit.log`,
    '--audit-log-format=json',
    `--audit-log-maxage=${model.logRetentionDays}`,
    // 0: no limit by number of files, so that age alone decides (a count limit would drop logs younger than the retention)
    '--audit-log-maxbackup=0',
    `--audit-log-maxsize=${AUDIT_LOG_MAX_SIZE_MB}`,
  ];
}

/** Every cluster's files, in cluster order. */
export function clusterFiles(model: CityModel): ClusterFile[] {
  const flags = `${auditFlags(model).join('\n')}\n`;
  return model.clusters.flatMap((c) => [
    { cluster: c.name, network: c.network, path: `audit/${AUDIT_POLICY_FILE}`, text: auditPolicy(c) },
    { cluster: c.name, network: c.network, path: `audit/${AUDIT_FLAGS_FILE}`, text: flags },
  ]);
}

export const clustersDir = (out: string, network: Network): string => path.join(out, network, 'clusters');

/** The files a synth output holds (`check --from`): what the rules judge is what was written. */
export function readClusterFiles(out: string): ClusterFile[] {
  const files: ClusterFile[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = clustersDir(out, network);
    if (!fs.existsSync(dir)) continue;
    for (const cluster of fs.readdirSync(dir).sort()) {
      const walk = (rel: string) => {
        const full = path.join(dir, cluster, rel);
        for (const e of fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          const r = rel === '' ? e.name : `${rel}/${e.name}`;
          if (e.isDirectory()) walk(r);
          else if (e.isFile()) files.push({ cluster, network, path: r, text: fs.readFileSync(path.join(dir, cluster, ...r.split('/')), 'utf8') });
        }
      };
      if (fs.statSync(path.join(dir, cluster)).isDirectory()) walk('');
    }
  }
  return files;
}

/** `--name=value` lines of a flags file, by name. */
export function parseFlags(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(--[a-z0-9-]+)=(.*?)\s*$/.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}
