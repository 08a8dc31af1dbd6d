/**
 * DR replicas per tier (两地三中心): which sites, in which mode, backed up on which schedule and
 * kept how long. The schedule and the retention become Velero Schedules (frequency and TTL) on the
 * tenant's primary cluster; the replica namespace at the DR site is where a restore lands.
 */
import { DrTier, Replica } from '../model';

export interface ReplicaPlan {
  readonly role: 'same-city' | 'remote';
  readonly mode: Replica['mode'];
  /** Five-field cron expression of the backups to this site. */
  readonly schedule: string;
  /** Days each backup to this site is kept at least. */
  readonly retentionDays: number;
}

/**
 * Retention per site role: a same-city copy serves switch-over and recent mistakes (a week); the
 * remote copy is the disaster copy and is kept a month, so that a corruption noticed late can still
 * be rolled back.
 */
export const RETENTION_DAYS = { 'same-city': 7, remote: 30 } as const;

/** The DR sites a tier implies, with the replica's mode, its backup schedule (minute spread by name) and retention. */
export function replicaPlan(tier: DrTier, minute: number): ReplicaPlan[] {
  const m = minute % 60;
  const sameCity = (mode: Replica['mode'], schedule: string): ReplicaPlan => ({
    role: 'same-city',
    mode,
    schedule,
    retentionDays: RETENTION_DAYS['same-city'],
  });
  const remote = (schedule: string): ReplicaPlan => ({ role: 'remote', mode: 'backup', schedule, retentionDays: RETENTION_DAYS.remote });
  switch (tier) {
    case 'none':
      return [];
    case 'backup':
      return [remote(`${m} 2 * * *`)];
    case 'hot-standby':
      return [sameCity('standby', '*/15 * * * *'), remote(`${m} */6 * * *`)];
    case 'active-active':
      return [sameCity('active', '*/5 * * * *'), remote(`${m} * * * *`)];
  }
}

/** A stable minute for a tenant's backups, so that tenants do not all back up at once. */
export function spread(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 60;
}
