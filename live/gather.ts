/**
 * `govcloud evidence --live`: per cluster, what its API server shows — the running flags against the
 * synthesized ones, a sample of its audit log, and its objects against the judged stacks — with the
 * probe's truth table and the time each was taken; turned into the runtime evidence the requirements
 * are verified with (policies/runtime.ts). Nothing here writes to a cluster.
 */
import * as fs from 'fs';
import type { Bilingual } from '../config/vocabulary';
import { CityModel, Cluster, namespaceName } from '../config/model';
import { AUDIT_FLAGS_FILE } from '../config/cluster-config';
import { Deployment } from '../policies/deployment';
import { Runtime, RuntimeProblem, RuntimeTaken } from '../policies/runtime';
import { KubeClient } from '../probe/kube';
import { auditSample, AuditSample } from './audit';
import { compareApplied, appliedDetail, AppliedReport } from './applied';
import { compareFlags, FlagDifference, flagDetail, mirrorPodCommand, splitCommandLine } from './flags';
import { ProbeFile } from './probe-file';

/** A piece not taken, and why. */
export interface NotTaken {
  readonly missing: Bilingual;
}

export interface LiveCluster {
  readonly cluster: string;
  readonly network: string;
  readonly flags: { readonly takenAt: string; readonly source: string; readonly differences: readonly FlagDifference[] } | NotTaken;
  readonly auditLog: ({ readonly takenAt: string; readonly source: string } & AuditSample) | NotTaken;
  readonly applied: ({ readonly takenAt: string } & AppliedReport) | NotTaken;
}

export interface LiveEvidence {
  readonly clusters: readonly LiveCluster[];
  readonly probe?: ProbeFile;
  readonly runtime: Runtime;
}

export interface LiveInput {
  readonly model: CityModel;
  readonly deployment: Deployment;
  /** The kubeconfig for a network's clusters (contexts named as platform.yaml's kubeContext). */
  readonly kubeconfig: (network: string) => string | undefined;
  /** Per cluster: a copy of the API server's /proc/<pid>/cmdline (else its mirror pod is read). */
  readonly cmdlines: ReadonlyMap<string, string>;
  /** Per cluster: a copy of its audit log. */
  readonly auditLogs: ReadonlyMap<string, string>;
  readonly probe?: ProbeFile;
  /** The time now (ISO); a parameter so tests can fix it. */
  readonly now: () => string;
}

const taken = (x: object): x is { takenAt: string } => 'takenAt' in x;

function client(a: LiveInput, c: Cluster): KubeClient | NotTaken {
  const file = a.kubeconfig(c.network);
  if (!file)
    return {
      missing: {
        en: `no kubeconfig for the ${c.network} (KUBE_CONFIG_PATH_${c.network.toUpperCase()} or KUBE_CONFIG_PATH)`,
        zh: `没有 ${c.network} 的 kubeconfig（KUBE_CONFIG_PATH_${c.network.toUpperCase()} 或 KUBE_CONFIG_PATH）`,
      },
    };
  try {
    return KubeClient.fromKubeconfig(file, c.kubeContext);
  } catch (e) {
    return { missing: { en: (e as Error).message, zh: (e as Error).message } };
  }
}

async function flagsOf(a: LiveInput, c: Cluster, k: KubeClient | NotTaken): Promise<LiveCluster['flags']> {
  const synthesized = a.deployment.clusterFiles.find((f) => f.cluster === c.name && f.path === `audit/${AUDIT_FLAGS_FILE}`);
  if (!synthesized) return { missing: { en: 'no synthesized flags file for this cluster', zh: '该集群没有合成的参数文件' } };
  const file = a.cmdlines.get(c.name);
  if (file !== undefined) {
    const argv = splitCommandLine(fs.readFileSync(file, 'utf8'));
    return { takenAt: a.now(), source: `command line (${file})`, differences: compareFlags(synthesized.text, argv) };
  }
  if (!(k instanceof KubeClient)) return k;
  const pod = await mirrorPodCommand(k);
  if (!pod)
    return {
      missing: {
        en: 'no kube-apiserver mirror pod in kube-system: give a copy of its /proc/<pid>/cmdline with --apiserver-cmdline',
        zh: 'kube-system 中没有 kube-apiserver 镜像 Pod：请用 --apiserver-cmdline 提供其 /proc/<pid>/cmdline 的副本',
      },
    };
  return { takenAt: a.now(), source: `mirror pod kube-system/${pod.pod}`, differences: compareFlags(synthesized.text, pod.argv) };
}

function auditOf(a: LiveInput, c: Cluster): LiveCluster['auditLog'] {
  const file = a.auditLogs.get(c.name);
  if (file === undefined)
    return {
      missing: {
        en: 'no audit log given: copy it from the control-plane node (/var/log/kubernetes/audit/audit.log) and give it with --audit-log',
        zh: '未提供审计日志：请从控制平面节点复制（/var/log/kubernetes/audit/audit.log），并用 --audit-log 提供',
      },
    };
  const takenAt = a.now();
  return { takenAt, source: file, ...auditSample(fs.readFileSync(file, 'utf8'), takenAt) };
}

async function appliedOf(a: LiveInput, c: Cluster, k: KubeClient | NotTaken): Promise<LiveCluster['applied']> {
  if (!(k instanceof KubeClient)) return k;
  const namespaces = a.model.tenants
    .flatMap((t) => ([t.cluster, ...t.replicas.map((r) => r.cluster)].includes(c.name) ? t.environments.map((e) => namespaceName(t.name, e)) : []))
    .sort();
  const resources = a.deployment.resources.filter((r) => r.cluster === c.name);
  const takenAt = a.now();
  return { takenAt, ...(await compareApplied(k, resources, namespaces)) };
}

/** The runtime evidence of what was gathered: each piece taken, each difference a problem. */
export function runtimeOf(clusters: readonly LiveCluster[], probe?: ProbeFile): Runtime {
  const takenList: RuntimeTaken[] = [];
  const problems: RuntimeProblem[] = [];
  for (const c of clusters) {
    if (taken(c.flags)) {
      takenList.push({ kind: 'flags', cluster: c.cluster, takenAt: c.flags.takenAt });
      for (const d of c.flags.differences) problems.push({ kind: 'flags', cluster: c.cluster, what: d.flag, detail: flagDetail(d) });
    }
    if (taken(c.auditLog)) {
      takenList.push({ kind: 'audit-log', cluster: c.cluster, takenAt: c.auditLog.takenAt });
      for (const p of c.auditLog.problems) problems.push({ kind: 'audit-log', cluster: c.cluster, what: 'audit log', detail: p });
    }
    if (taken(c.applied)) {
      takenList.push({ kind: 'applied', cluster: c.cluster, takenAt: c.applied.takenAt });
      for (const d of c.applied.differences)
        problems.push({ kind: 'applied', cluster: c.cluster, namespace: d.namespace, what: 'address' in d ? d.address : d.object, detail: appliedDetail(d) });
    }
  }
  if (probe) {
    takenList.push({ kind: 'traffic', takenAt: probe.takenAt, namespaces: probe.namespaces });
    problems.push(...probe.problems);
  }
  return { taken: takenList, problems };
}

/** Gathers every cluster of the model (or those given) in turn. */
export async function gatherLive(a: LiveInput, only?: readonly string[]): Promise<LiveEvidence> {
  const clusters: LiveCluster[] = [];
  for (const c of a.model.clusters) {
    if (only && !only.includes(c.name)) continue;
    const k = client(a, c);
    clusters.push({ cluster: c.name, network: c.network, flags: await flagsOf(a, c, k), auditLog: auditOf(a, c), applied: await appliedOf(a, c, k) });
  }
  return { clusters, probe: a.probe, runtime: runtimeOf(clusters, a.probe) };
}
