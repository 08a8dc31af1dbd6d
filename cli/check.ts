/**
 * `govcloud check`: validate, synthesize (in memory, with the environment's hand-written Terraform)
 * or read a synth output (--from), run the graded-protection packs per tenant, apply waivers, and
 * render the report. Exit 1 on any unwaived error finding.
 */
import * as fs from 'fs';
import { Lang } from '../config/messages';
import { CityModel, MlpsLevel } from '../config/model';
import { formatIssue, Issue, issue } from '../config/issues';
import { todayIso } from '../config/checks/waivers';
import { buildDeployment } from '../policies/deployment';
import { readSynthOutput } from '../policies/synth-output';
import { blocking, CheckReport, runChecks } from '../policies/engine';
import { renderReport } from '../policies/report';
import { stacksForCheck } from '../stacks/stacks-for-check';
import { IsolationViolation, scanStacks } from '../stacks/isolation';
import { planStacks } from '../stacks/slices';
import { UsageError } from './args';
import { asFileError } from './out-path';

export type Format = 'text' | 'md' | 'json' | 'sarif';

export interface CheckArgs {
  readonly env: string;
  readonly model: CityModel;
  readonly tenants?: readonly string[];
  readonly level?: string;
  readonly format?: string;
  readonly from?: string;
  readonly today?: string;
  readonly lang: Lang;
}

export function parseFormat(v: string | undefined): Format {
  const f = v ?? 'text';
  if (f === 'text' || f === 'md' || f === 'json' || f === 'sarif') return f;
  throw new UsageError(`--format must be text, md, json or sarif, got ${JSON.stringify(f)}`);
}

export function parseLevel(v: string | undefined): MlpsLevel | undefined {
  if (v === undefined) return undefined;
  if (v === '1' || v === '2' || v === '3' || v === '4') return Number(v) as MlpsLevel;
  throw new UsageError(`--level must be 1, 2, 3 or 4, got ${JSON.stringify(v)}`);
}

/**
 * The report, or the input errors (hand-written Terraform, the --from folder) that keep the check from
 * judging; and what synth would refuse for physical isolation, which fails the check as well.
 */
export function buildReport(a: CheckArgs): { readonly report?: CheckReport; readonly issues: readonly Issue[]; readonly violations: readonly IsolationViolation[] } {
  const known = a.model.tenants.map((t) => t.name);
  for (const t of a.tenants ?? []) if (!known.includes(t)) throw new UsageError(`unknown tenant ${JSON.stringify(t)} (see govcloud stacks, or the files under tenants/)`);
  const level = parseLevel(a.level);
  const read = a.from ? { ...readSynthOutput(a.from), violations: undefined } : stacksForCheck(a.model, a.env);
  if (read.issues.length > 0) return { issues: read.issues, violations: [] };
  const violations = read.violations ?? scanStacks(a.model, planStacks(a.model), read.stacks);
  const report = runChecks(a.model, buildDeployment(a.model, read.stacks), { tenants: a.tenants, level, today: a.today ?? todayIso() });
  return { report, issues: [], violations };
}

export function render(report: CheckReport, format: Format, lang: Lang): string {
  return renderReport(report, format === 'md' ? 'markdown' : format, lang);
}

/** Stale waivers as positioned warnings: the rule passes, the waiver can go. */
export function staleWarnings(report: CheckReport, lang: Lang): string[] {
  return report.tenants.flatMap((t) =>
    t.staleWaivers.map((w) => {
      const i = t.tenant.waivers.indexOf(w);
      return formatIssue(issue('warning', { file: t.tenant.source.file, line: w.line, col: 7 }, `spec.waivers[${i}]`, 'waiver.stale', { rule: w.rule }), lang);
    }),
  );
}

/** Prints, or writes `out` whole (through a temporary file beside it); a file-system failure is a FileError naming `out`. */
export function writeReport(text: string, out: string | undefined, io: (line: string) => void): void {
  if (out === undefined) io(text.replace(/\n$/, ''));
  else {
    const tmp = `${out}.tmp-${process.pid}`;
    try {
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, out);
    } catch (e) {
      if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
      throw asFileError(e, out) ?? e;
    }
  }
}

export { blocking };
