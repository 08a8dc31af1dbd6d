/** The pull-request summary: Markdown made to be posted as a comment (short first, details folded), and JSON. */
import { Lang, langFromEnv } from '../config/messages';
import { formatIssue } from '../config/issues';
import { formatBytes, formatCpu, formatPercent } from '../config/quantity';
import { literal } from '../policies/report/markdown';
import type { PrResult } from './pr';
import { OWNER } from './approvers-config';

const T = {
  title: { en: 'govcloud pull-request summary', zh: 'govcloud 合并请求摘要' },
  blocked: { en: '❌ Blocked', zh: '❌ 不可合并' },
  ready: { en: '✅ Ready for approval', zh: '✅ 可提交审批' },
  tenants: { en: 'Tenants', zh: '租户' },
  stacks: { en: 'Affected stacks', zh: '受影响的栈' },
  resources: { en: 'Resources', zh: '资源' },
  capacity: { en: 'Capacity after the change', zh: '变更后容量' },
  policy: { en: 'Graded protection (等保)', zh: '等保检查' },
  approvers: { en: 'Required approvers', zh: '需要审批' },
  blockers: { en: 'What blocks the merge', zh: '阻止合并的问题' },
  risks: { en: 'Data at risk', zh: '有数据丢失风险' },
  details: { en: 'Resource changes', zh: '资源变更明细' },
  findings: { en: 'Policy failures', zh: '等保不通过项' },
  issues: { en: 'Validation', zh: '校验结果' },
  none: { en: 'none', zh: '无' },
  base: { en: 'base', zh: '基线' },
  approved: { en: 'approved decommission', zh: '已批准下线' },
  unapproved: { en: 'NO decommission approval', zh: '无下线审批' },
} as const;

const kindMark = { added: '+', changed: '~', removed: '−' } as const;

function pct(a: number, b: number): string {
  return b > 0 ? `${formatPercent(a, b, { fixed: true })}%` : '-';
}

/**
 * A name (tenant, county, stack, cluster, resource address) as inline code when it has only the
 * characters of one; anything else, such as a tenant known only by the name of a file with errors
 * (`tenants/north/<img src=x>.yaml`), as literal text, so that it cannot close the code span, split
 * a table cell, or be rendered as HTML or a link in the comment.
 */
function name(s: string): string {
  return /^[A-Za-z0-9._:/@-]+$/.test(s) ? `\`${s}\`` : literal(s);
}

/**
 * An approver group as written, so that the forge notifies it (`@org/team_x`: escaping the `_`
 * would break the mention), when it is a CODEOWNERS owner; anything else (a county folder's name
 * put into the group template) literal.
 */
function group(s: string): string {
  return OWNER.test(s) ? s : literal(s);
}

/** A fenced block of lines that nothing in them can close: each line one line, the fence longer than any run of backticks. */
function fenced(lines: readonly string[]): string[] {
  const one = lines.map((l) => l.replace(/\r\n|\r|\n/g, ' '));
  const longest = Math.max(0, ...one.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((run) => run.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...one, fence];
}

/**
 * The summary as Markdown. Every text that comes from a request, its file name, platform.yaml,
 * approvers.yaml or a hand-written override (names, reasons, details, evidence) goes through
 * `literal` or `name`: the comment is posted to the forge, where raw text would be rendered.
 */
export function renderPrMarkdown(r: PrResult, lang: Lang = langFromEnv(undefined)): string {
  const t = (k: keyof typeof T) => T[k][lang];
  const out: string[] = [];
  const counts = (stack: string) => {
    const rs = r.resources.filter((x) => x.stack === stack);
    return `+${rs.filter((x) => x.kind === 'added').length} ~${rs.filter((x) => x.kind === 'changed').length} −${rs.filter((x) => x.kind === 'removed').length}`;
  };
  out.push(`### ${t('title')} — ${r.blockers.length > 0 ? t('blocked') : t('ready')}`, '');
  out.push(`| | |`, `|---|---|`);
  out.push(
    `| ${t('tenants')} | ${r.tenants.map((x) => `${kindMark[x.kind]} ${name(x.name)} (${literal(x.county)}${x.head ? `, L${x.head.mlpsLevel} ${x.head.network}` : ''})`).join('<br>') || t('none')} |`,
  );
  out.push(`| ${t('stacks')} | ${r.stacks.map((s) => `${name(s)} ${counts(s)}`).join('<br>') || t('none')} |`);
  out.push(
    `| ${t('capacity')} | ${
      r.capacity
        .map(
          (c) =>
            `${name(c.cluster)} cpu ${pct(c.before.cpuMillis, c.allowed.cpuMillis)} → ${pct(c.after.cpuMillis, c.allowed.cpuMillis)}, memory ${pct(c.before.memoryBytes, c.allowed.memoryBytes)} → ${pct(c.after.memoryBytes, c.allowed.memoryBytes)}, storage ${pct(c.before.storageBytes, c.allowed.storageBytes)} → ${pct(c.after.storageBytes, c.allowed.storageBytes)}`,
        )
        .join('<br>') || t('none')
    } |`,
  );
  if (r.policy) {
    const f = r.policy.tenants.flatMap((x) => x.findings);
    out.push(
      `| ${t('policy')} | pass ${f.filter((x) => x.status === 'pass').length}, fail ${f.filter((x) => x.status === 'fail').length}, waived ${f.filter((x) => x.status === 'waived').length} |`,
    );
  }
  out.push(
    `| ${t('approvers')} | ${r.approvers.map((a) => `${group(a.group)} (${a.reasons.map((x) => literal(x[lang])).join('; ')})`).join('<br>') || t('none')} |`,
    '',
  );
  if (r.blockers.length > 0) {
    out.push(`**${t('blockers')}**`, '', ...r.blockers.map((b) => `- ${literal(b)}`), '');
  }
  if (r.risks.length > 0) {
    out.push(`**${t('risks')}**`, '');
    for (const x of r.risks)
      out.push(
        `- ${name(x.tenant)} ${literal(x.what)} (${x.approved ? t('approved') : t('unapproved')}): ${literal(x.detail)}; ${x.namespaces.map(name).join(', ')}`,
      );
    out.push('');
  }
  const errors = r.headIssues;
  if (errors.length > 0) {
    out.push(`<details><summary>${t('issues')} (${errors.length})</summary>`, '', ...fenced(errors.map((i) => formatIssue(i, lang))), '</details>', '');
  }
  if (r.resources.length > 0) {
    out.push(`<details><summary>${t('details')} (${r.resources.length})</summary>`, '');
    for (const c of r.resources)
      out.push(`- ${kindMark[c.kind]} ${name(`${c.stack}:${c.address}`)}${c.attributes.length > 0 ? `: ${c.attributes.map(literal).join(', ')}` : ''}`);
    out.push('', '</details>', '');
  }
  const failures = (r.policy?.tenants ?? []).flatMap((x) => x.findings.filter((f) => f.status === 'fail').map((f) => ({ tenant: x.tenant.name, f })));
  if (failures.length > 0) {
    out.push(`<details><summary>${t('findings')} (${failures.length})</summary>`, '');
    for (const { tenant, f } of failures)
      out.push(
        `- ${name(tenant)} **${f.rule.id}** ${f.rule.title[lang]}: ${f.evidence.map((e) => literal(e.detail)).join('; ')} — ${f.rule.remediation[lang]}`,
      );
    out.push('', '</details>', '');
  }
  out.push(`<sub>${t('base')} ${r.base.slice(0, 12)}</sub>`);
  return `${out.join('\n')}\n`;
}

export function renderPrJson(r: PrResult): string {
  const plain = {
    base: r.base,
    baseValid: r.baseValid,
    platformChanged: r.platformChanged,
    blocked: r.blockers.length > 0,
    blockers: r.blockers,
    tenants: r.tenants.map((x) => ({ name: x.name, county: x.county, kind: x.kind, file: x.file, level: x.head?.mlpsLevel ?? x.base?.mlpsLevel })),
    stacks: r.stacks,
    resources: r.resources,
    capacity: r.capacity.map((c) => ({
      cluster: c.cluster,
      before: c.before,
      after: c.after,
      allowed: c.allowed,
      cpu: `${formatCpu(c.after.cpuMillis)}/${formatCpu(c.allowed.cpuMillis)}`,
      memory: `${formatBytes(c.after.memoryBytes)}/${formatBytes(c.allowed.memoryBytes)}`,
    })),
    dataAtRisk: r.risks,
    policy: (r.policy?.tenants ?? []).map((x) => ({
      tenant: x.tenant.name,
      failures: x.findings.filter((f) => f.status === 'fail').map((f) => f.rule.id),
      waived: x.findings.filter((f) => f.status === 'waived').map((f) => f.rule.id),
    })),
    approvers: r.approvers.map((a) => ({ role: a.role, group: a.group, reasons: a.reasons })),
    issues: r.headIssues.map((i) => formatIssue(i, 'en')),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}
