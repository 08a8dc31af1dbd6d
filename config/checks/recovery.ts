/**
 * RPO per DR tier against the tier's backup cadence. A tier's RPO is the most data its tenants may
 * lose when the primary site is lost; a restore then reads the tier's nearest copy, the one its most
 * frequent Schedule writes (same-city for hot-standby and active-active, remote for backup), so the
 * RPO is judged against that Schedule: the longest gap between two of its runs (config/cron.ts) must
 * not exceed the RPO. The remote copy of the hot-standby and active-active tiers is the disaster copy
 * for a wider loss and is not what their RPO promises. Refused at the line of the RPO.
 */
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate } from '../source';
import { durationMinutes } from '../duration';
import { formatMinutes, longestIntervalMinutes } from '../cron';
import { replicaPlan } from '../resolve/replicas';
import { RECOVERY_TIERS } from '../resolve/recovery';

const ROLE_ZH = { 'same-city': '同城灾备', remote: '异地灾备' } as const;

/** The tier's most frequent Schedule and its longest gap in minutes; undefined when no cron of the tier can be read. */
export function tierCadence(tier: (typeof RECOVERY_TIERS)[number]): { schedule: string; role: 'same-city' | 'remote'; minutes: number } | undefined {
  // the minute a tenant's backups start at is spread by its name; a gap does not depend on it
  const plans = replicaPlan(tier, 0).flatMap((p) => {
    const minutes = longestIntervalMinutes(p.schedule);
    return minutes === undefined ? [] : [{ schedule: p.schedule, role: p.role, minutes }];
  });
  return plans.sort((a, b) => a.minutes - b.minutes)[0];
}

export function checkRecovery(p: LoadedFile<PlatformFile>): Issue[] {
  const recovery = p.data.spec.recovery;
  if (!recovery) return [];
  const out: Issue[] = [];
  for (const tier of RECOVERY_TIERS) {
    const target = recovery[tier];
    const rpo = target && durationMinutes(target.rpo);
    if (!target || rpo === undefined) continue;
    const at = ['spec', 'recovery', tier, 'rpo'];
    const cadence = tierCadence(tier);
    if (!cadence) {
      out.push(issue('error', locate(p.source, at), fieldPath(at), 'recovery.noCadence', { tier, rpo: target.rpo }));
    } else if (cadence.minutes > rpo) {
      out.push(
        issue('error', locate(p.source, at), fieldPath(at), 'recovery.rpoUnmet', {
          tier,
          rpo: target.rpo,
          interval: formatMinutes(cadence.minutes),
          schedule: cadence.schedule,
          role: cadence.role,
          role_zh: ROLE_ZH[cadence.role],
        }),
      );
    }
  }
  return out;
}
