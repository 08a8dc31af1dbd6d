/** DR replicas per tier (两地三中心): which sites, in which mode, synced on which schedule. */
import { DrTier, Replica } from '../model';

/** The DR sites a tier implies, with the replica's mode and its sync schedule (minute spread by name). */
export function replicaPlan(tier: DrTier, minute: number): { role: 'same-city' | 'remote'; mode: Replica['mode']; schedule: string }[] {
  const m = minute % 60;
  switch (tier) {
    case 'none':
      return [];
    case 'backup':
      return [{ role: 'remote', mode: 'backup', schedule: `${m} 2 * * *` }];
    case 'hot-standby':
      return [
        { role: 'same-city', mode: 'standby', schedule: '*/15 * * * *' },
        { role: 'remote', mode: 'backup', schedule: `${m} */6 * * *` },
      ];
    case 'active-active':
      return [
        { role: 'same-city', mode: 'active', schedule: '*/5 * * * *' },
        { role: 'remote', mode: 'backup', schedule: `${m} * * * *` },
      ];
  }
}

/** A stable minute for a tenant's backups, so that tenants do not all sync at once. */
export function spread(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 60;
}
