/** The recovery targets per DR tier (platform.yaml spec.recovery) in minutes; the schema has checked their form. */
import { DrTier, RecoveryTarget } from '../model';
import { PlatformFile } from '../schema/platform';
import { durationMinutes } from '../duration';

export type RecoveryTargets = Partial<Record<Exclude<DrTier, 'none'>, RecoveryTarget>>;

export const RECOVERY_TIERS = ['backup', 'hot-standby', 'active-active'] as const;

export function recoveryTargets(recovery: PlatformFile['spec']['recovery']): RecoveryTargets {
  const out: RecoveryTargets = {};
  for (const tier of RECOVERY_TIERS) {
    const t = recovery?.[tier];
    if (!t) continue;
    const rpoMinutes = durationMinutes(t.rpo);
    const rtoMinutes = durationMinutes(t.rto);
    if (rpoMinutes !== undefined && rtoMinutes !== undefined) out[tier] = { rpo: t.rpo, rto: t.rto, rpoMinutes, rtoMinutes };
  }
  return out;
}
