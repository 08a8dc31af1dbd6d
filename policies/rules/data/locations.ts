/**
 * Shared by the DATA rules on backup prefixes: every BackupStorageLocation of every cluster as
 * synthesized, read back to the store it names (S3 address and bucket), the folder inside it and
 * whether Velero may write there. Two locations share storage when the store is the same and one
 * folder is the other or lies inside it (a location at the bucket's root shares all of it).
 */
import { objectStore } from '../../../config/backup-storage';
import { CityModel, Tenant } from '../../../config/model';
import { Deployment, TfResource, block, get } from '../../deployment';
import { backupsOf, locationEndpoint, veleroObjects } from './backups';

export interface LocationView {
  readonly cluster: string;
  readonly name: string;
  readonly resource: TfResource;
  /** The backup URL it reads or writes (`s3://bucket/prefix`, `https://host/bucket/prefix`). */
  readonly endpoint: string;
  /** The store: the S3 address (empty for s3://) and the bucket. */
  readonly store: string;
  /** Folders of the prefix, `[]` at the bucket's root. */
  readonly folders: readonly string[];
  /** spec.accessMode is ReadOnly (Velero's default, when absent, is ReadWrite). */
  readonly readOnly: boolean;
}

const cache = new WeakMap<Deployment, LocationView[]>();

/** Every location of every cluster of the model that names a bucket, in cluster order then synthesized order. */
export function locationsOf(model: CityModel, d: Deployment): readonly LocationView[] {
  const known = cache.get(d);
  if (known) return known;
  const out: LocationView[] = [];
  for (const c of model.clusters) {
    for (const r of veleroObjects(d, c.name, 'BackupStorageLocation')) {
      const endpoint = locationEndpoint(r);
      const store = endpoint === undefined ? undefined : objectStore(endpoint);
      if (endpoint === undefined || store === undefined || 'error' in store) continue;
      const manifest = block(r.body, 'manifest');
      out.push({
        cluster: c.name,
        name: String(get(manifest, 'metadata.name') ?? ''),
        resource: r,
        endpoint,
        store: `${store.s3Url ?? ''}|${store.bucket}`,
        folders: (store.prefix ?? '').split('/').filter((p) => p !== ''),
        readOnly: get(block(manifest, 'spec'), 'accessMode') === 'ReadOnly',
      });
    }
  }
  cache.set(d, out);
  return out;
}

/** Whether two locations reach the same objects: the same store, and one folder is the other or inside it. */
export function sharesStorage(a: Pick<LocationView, 'store' | 'folders'>, b: Pick<LocationView, 'store' | 'folders'>): boolean {
  if (a.store !== b.store) return false;
  const n = Math.min(a.folders.length, b.folders.length);
  for (let i = 0; i < n; i++) if (a.folders[i] !== b.folders[i]) return false;
  return true;
}

/** `location twin on ext-main (s3://b/ext-main)`, for evidence. */
export const describeLocation = (l: LocationView): string => `location ${l.name} on ${l.cluster} (${l.endpoint}, ${l.readOnly ? 'ReadOnly' : 'ReadWrite'})`;

/** The locations of the tenant's own cluster that its Schedules write through, each once. */
export function tenantLocations(all: readonly LocationView[], model: CityModel, d: Deployment, tenant: Tenant): LocationView[] {
  const mine: LocationView[] = [];
  for (const b of backupsOf(model, d, tenant)) {
    const l = all.find((x) => x.cluster === tenant.cluster && x.resource === b.location);
    if (l && !mine.includes(l)) mine.push(l);
  }
  return mine;
}
