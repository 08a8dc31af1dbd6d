/**
 * Waivers name a known rule, are not for rules that cannot be waived, are not repeated, are approved
 * by a security reviewer of the city's roster (platform.yaml spec.approvals.securityReviewers, when
 * the city declares one), have not expired and expire within spec.approvals.maxWaiverDays of today
 * (default 365; a waiver is temporary: 9999-12-31 is not). The bound counts from today, not from an
 * approval date the waiver does not carry: a waiver is validated first in the pull request that adds
 * it, right after its approval, and moving its expiry later is a waiver change that security review
 * approves again (workflow/approvers.ts).
 * Whether a waiver is still needed is known only after the policy check (stale: warning). The rule
 * catalog is passed in, so that config/ stays independent of policies/.
 */
import type { Bilingual } from '../vocabulary';
import { Issue } from '../issues';
import { suggest } from '../suggest';
import { at, CheckContext } from './context';

export interface WaivableRule {
  readonly id: string;
  /** Why the rule cannot be waived, when it cannot. */
  readonly unwaivable?: Bilingual;
}

export function checkWaivers(ctx: CheckContext, rules: readonly WaivableRule[], today: string): Issue[] {
  const out: Issue[] = [];
  const ids = rules.map((r) => r.id);
  const { maxWaiverDays: days, securityReviewers: reviewers } = ctx.platform.data.spec.approvals;
  const latest = addDays(today, days);
  for (const t of ctx.tenants) {
    // the first waiver of each rule, by index: its line is looked up only for a duplicate's message
    const seen = new Map<string, number>();
    t.data.spec.waivers.forEach((w, i) => {
      const path = ['spec', 'waivers', i];
      const rule = rules.find((r) => r.id === w.rule);
      if (!rule) {
        out.push(at(t, [...path, 'rule'], 'waiver.unknownRule', { value: JSON.stringify(w.rule), suggestion: `suggest:${suggest(w.rule, ids) ?? ''}` }));
        return;
      }
      if (rule.unwaivable) out.push(at(t, [...path, 'rule'], 'waiver.unwaivable', { rule: w.rule, why_en: rule.unwaivable.en, why_zh: rule.unwaivable.zh }));
      const first = seen.get(w.rule);
      if (first !== undefined)
        out.push(at(t, [...path, 'rule'], 'waiver.duplicate', { rule: w.rule, line: at(t, ['spec', 'waivers', first], 'waiver.duplicate').line }));
      else seen.set(w.rule, i);
      if (reviewers !== undefined && !reviewers.includes(w.approvedBy))
        out.push(
          at(t, [...path, 'approvedBy'], 'waiver.unknownApprover', {
            rule: w.rule,
            value: JSON.stringify(w.approvedBy),
            known: reviewers.join(', '),
            suggestion: `suggest:${suggest(w.approvedBy, reviewers) ?? ''}`,
          }),
        );
      if (w.expires < today) out.push(at(t, [...path, 'expires'], 'waiver.expired', { rule: w.rule, expires: w.expires, today }));
      else if (w.expires > latest) out.push(at(t, [...path, 'expires'], 'waiver.tooLong', { rule: w.rule, expires: w.expires, today, days, latest }));
    });
  }
  return out;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The calendar day `days` after a YYYY-MM-DD day (2026-02-28 + 1 = 2026-03-01). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Today as the city's legal day: Beijing time (UTC+8, no daylight saving), whatever the machine's time
 * zone, so a waiver expiring today is judged alike on every runner. GOVCLOUD_TODAY (set by `--today`)
 * replaces it.
 */
export function todayIso(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  if (env.GOVCLOUD_TODAY && isCalendarDate(env.GOVCLOUD_TODAY)) return env.GOVCLOUD_TODAY;
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
