/**
 * Waivers name a known rule, are not for rules that cannot be waived, are not repeated and have not
 * expired. Whether a waiver is still needed is known only after the policy check (stale: warning).
 * The rule catalog is passed in, so that config/ stays independent of policies/.
 */
import { Issue } from '../issues';
import { suggest } from '../suggest';
import { at, CheckContext } from './context';

export interface WaivableRule {
  readonly id: string;
  /** Why the rule cannot be waived, when it cannot. */
  readonly unwaivable?: { readonly en: string; readonly zh: string };
}

export function checkWaivers(ctx: CheckContext, rules: readonly WaivableRule[], today: string): Issue[] {
  const out: Issue[] = [];
  const ids = rules.map((r) => r.id);
  for (const t of ctx.tenants) {
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
      if (first !== undefined) out.push(at(t, [...path, 'rule'], 'waiver.duplicate', { rule: w.rule, line: first }));
      else seen.set(w.rule, at(t, path, 'waiver.duplicate').line);
      if (w.expires < today) out.push(at(t, [...path, 'expires'], 'waiver.expired', { rule: w.rule, expires: w.expires, today }));
    });
  }
  return out;
}

/** Today as YYYY-MM-DD: GOVCLOUD_TODAY (for reproducible runs) or the local date. */
export function todayIso(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOVCLOUD_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.GOVCLOUD_TODAY)) return env.GOVCLOUD_TODAY;
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
