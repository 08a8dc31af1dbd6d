/** Logs are kept at least six months (184 days) on every cluster hosting the tenant. */
import { Evidence, Rule, fail, pass } from '../../types';
import { at, merge } from '../../clause';
import { MIN_LOG_RETENTION_DAYS, baselineOn, configMapOn, hostingClusters, releaseValues } from './baseline';

const days = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN);

export const rule: Rule = {
  id: 'MLPS-AUDIT-001',
  family: 'AUDIT',
  title: { en: 'Log retention of at least 184 days', zh: '日志留存不少于 184 天（六个月）' },
  clauses: merge({ 2: ['7.1.4.3 c)'] }, at([3, 4], '8.1.5.4 d)')),
  cloud: false,
  severity: 'error',
  remediation: {
    en: 'Set spec.logRetentionDays to 184 or more in the platform file; SecurityBaseline writes it to the log-retention ConfigMap and the govcloud-baseline release values of every cluster.',
    zh: '在平台文件中将 spec.logRetentionDays 设为 184 或以上；SecurityBaseline 会写入每个集群的 log-retention ConfigMap 和 govcloud-baseline 发布的 values。',
  },
  unwaivable: {
    en: 'the Cybersecurity Law (art. 21) requires network logs to be kept for at least six months; a waiver cannot set the law aside',
    zh: '《网络安全法》第二十一条要求网络日志留存不少于六个月，不得以豁免替代',
  },
  check: ({ deployment, view }) => {
    const bad: Evidence[] = [];
    const ok: Evidence[] = [];
    for (const c of hostingClusters(view)) {
      const cm = configMapOn(deployment, c, 'log-retention');
      const d = days((cm?.body.data as Record<string, unknown> | undefined)?.days);
      if (!cm) bad.push({ detail: `cluster ${c} has no log-retention ConfigMap in its platform stack` });
      else if (!(d >= MIN_LOG_RETENTION_DAYS))
        bad.push({
          address: cm.address,
          detail: `log-retention on ${c} keeps logs ${Number.isNaN(d) ? 'for an unreadable number of' : d} days, less than ${MIN_LOG_RETENTION_DAYS}`,
        });
      else ok.push({ address: cm.address, detail: `log-retention on ${c} keeps logs ${d} days` });
      const release = baselineOn(deployment, c);
      if (!release) continue;
      const v = days(releaseValues(release).logRetentionDays);
      if (!(v >= MIN_LOG_RETENTION_DAYS))
        bad.push({
          address: release.address,
          detail: `govcloud-baseline on ${c} sets logRetentionDays ${Number.isNaN(v) ? '(missing)' : v}, less than ${MIN_LOG_RETENTION_DAYS}`,
        });
      else ok.push({ address: release.address, detail: `govcloud-baseline on ${c} sets logRetentionDays ${v}` });
    }
    return bad.length > 0 ? fail(...bad) : pass(...ok);
  },
};
