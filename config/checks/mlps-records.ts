/**
 * The graded-protection records a request states (spec.mlps): a filing number in the format
 * platform.yaml sets (spec.records.filingNumber, a regular expression), and dates that are neither
 * after today (Beijing) nor before the graded-protection rules existed (公通字〔2007〕43号; 1900-01-01
 * is what an empty spreadsheet cell becomes). Whether a record is recent enough is a policy finding
 * (MLPS-MGMT-001 to 003), not an input error.
 */
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate } from '../source';
import { at, CheckContext } from './context';
import { EARLIEST_MLPS_RECORD } from '../schema/limits';

/** The filing number format of platform.yaml, or the issue that it is not a regular expression. */
export function filingPattern(p: LoadedFile<PlatformFile>): RegExp | Issue {
  const written = p.data.spec.records.filingNumber;
  try {
    return new RegExp(written, 'u');
  } catch (e) {
    const path = ['spec', 'records', 'filingNumber'];
    const reason = e instanceof Error ? e.message : String(e);
    return issue('error', locate(p.source, path), fieldPath(path), 'records.badPattern', { value: JSON.stringify(written), reason });
  }
}

export function checkMlpsRecords(ctx: CheckContext, today: string): Issue[] {
  const out: Issue[] = [];
  const pattern = filingPattern(ctx.platform);
  if (!(pattern instanceof RegExp)) out.push(pattern);
  for (const t of ctx.tenants) {
    const r = t.data.spec.mlps;
    if (!r) continue;
    if (r.filing && pattern instanceof RegExp && !pattern.test(r.filing.number))
      out.push(
        at(t, ['spec', 'mlps', 'filing', 'number'], 'records.filingNumber', {
          value: JSON.stringify(r.filing.number),
          pattern: ctx.platform.data.spec.records.filingNumber,
        }),
      );
    const dates: [string[], string | undefined][] = [
      [['filing', 'filedOn'], r.filing?.filedOn],
      [['assessment', 'lastOn'], r.assessment?.lastOn],
      [['riskAssessment', 'lastOn'], r.riskAssessment?.lastOn],
    ];
    for (const [path, value] of dates) {
      if (value === undefined) continue;
      const where = ['spec', 'mlps', ...path];
      if (value > today) out.push(at(t, where, 'records.inFuture', { value, today }));
      else if (value < EARLIEST_MLPS_RECORD) out.push(at(t, where, 'records.tooOld', { value, earliest: EARLIEST_MLPS_RECORD }));
    }
  }
  return out;
}
