/**
 * Audit logs are written and kept at least six months (184 days) on every cluster hosting the tenant:
 * judged on the kube-apiserver flags and audit policy that synth writes for each cluster
 * (`<network>/clusters/<cluster>/audit/`), which the API server loads.
 */
import { load } from 'js-yaml';
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { MIN_LOG_RETENTION_DAYS, hostingClusters } from './baseline';
import { AUDIT_FLAGS_FILE, ClusterFile, parseFlags } from '../../../config/cluster-config';
import { memoByText } from '../../memo';

const days = (v: string | undefined): number => (v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN);

/** A readable audit.k8s.io Policy with at least one rule (read once per distinct text). */
const isPolicy = memoByText((text: string): boolean => {
  try {
    const doc = load(text) as { apiVersion?: unknown; kind?: unknown; rules?: unknown } | undefined;
    return (
      doc?.kind === 'Policy' &&
      typeof doc.apiVersion === 'string' &&
      doc.apiVersion.startsWith('audit.k8s.io/') &&
      Array.isArray(doc.rules) &&
      doc.rules.length > 0
    );
  } catch {
    return false;
  }
});

/** What is wrong with one cluster's audit flags and policy; empty when they write and keep the log. */
export function auditProblems(
  files: readonly ClusterFile[],
  cluster: string,
  retentionDays: number,
): { problems: string[]; flagsFile?: string; maxAge?: number } {
  const own = files.filter((f) => f.cluster === cluster);
  const flagsFile = own.find((f) => f.path === `audit/${AUDIT_FLAGS_FILE}`);
  if (!flagsFile) return { problems: [`no kube-apiserver audit flags (clusters/${cluster}/audit/${AUDIT_FLAGS_FILE})`] };
  const where = `${flagsFile.network}/clusters/${cluster}/${flagsFile.path}`;
  const flags = parseFlags(flagsFile.text);
  const problems: string[] = [];
  const policyPath = flags.get('--audit-policy-file');
  const policy = policyPath === undefined ? undefined : own.find((f) => f.path === `audit/${policyPath.split('/').pop()}`);
  if (policyPath === undefined) problems.push('--audit-policy-file is not set, so nothing is audited');
  else if (!policy) problems.push(`--audit-policy-file names ${policyPath}, which the cluster configuration does not hold`);
  else if (!isPolicy(policy.text)) problems.push(`${policy.path} is not an audit.k8s.io Policy with rules`);
  const logPath = flags.get('--audit-log-path');
  if (logPath === undefined || logPath === '' || logPath === '-') problems.push('--audit-log-path does not name a log file, so no log is kept');
  const maxAge = days(flags.get('--audit-log-maxage'));
  const need = Math.max(MIN_LOG_RETENTION_DAYS, retentionDays);
  if (!(maxAge >= need))
    problems.push(`--audit-log-maxage is ${Number.isNaN(maxAge) ? '(not set: rotated logs are kept by count only)' : maxAge}, less than ${need} days`);
  // unset or 0: no limit by count (kube-apiserver's default); any other count can drop files younger than the retention
  const maxBackup = flags.get('--audit-log-maxbackup');
  if (maxBackup !== undefined && days(maxBackup) !== 0)
    problems.push(`--audit-log-maxbackup is ${maxBackup}; only 0 (no count limit) keeps every file younger than the retention`);
  return { problems, flagsFile: where, maxAge };
}

export const rule: Rule = {
  id: 'MLPS-AUDIT-001',
  family: 'AUDIT',
  title: { en: 'Audit logs written and kept at least 184 days', zh: '审计日志已开启并留存不少于 184 天（六个月）' },
  clauses: merge({ 2: ['7.1.4.3 c)'] }, at([3, 4], '8.1.5.4 d)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.logRetentionDays to 184 or more in the platform file and start every kube-apiserver with the files synth writes in <network>/clusters/<cluster>/audit/ (audit-policy.yaml and the flags in kube-apiserver.flags); do not edit the flags by hand.',
    zh: '在平台文件中将 spec.logRetentionDays 设为 184 或以上，并用 synth 在 <网络>/clusters/<集群>/audit/ 下生成的文件（audit-policy.yaml 与 kube-apiserver.flags 中的参数）启动每个 kube-apiserver；不要手工修改这些参数。',
  },
  unwaivable: {
    en: 'the Cybersecurity Law (art. 21) requires network logs to be kept for at least six months; a waiver cannot set the law aside',
    zh: '《网络安全法》第二十一条要求网络日志留存不少于六个月，不得以豁免替代',
  },
  check: ({ deployment, view, model }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const r = auditProblems(deployment.clusterFiles, c, model.logRetentionDays);
      if (r.problems.length > 0) bad.push({ address: r.flagsFile, detail: `kube-apiserver of ${c}: ${r.problems.join('; ')}` });
      else ok.push({ address: r.flagsFile, detail: `kube-apiserver of ${c} loads the audit policy and keeps the audit log ${r.maxAge} days` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
