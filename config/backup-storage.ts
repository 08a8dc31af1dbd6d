/**
 * A site's backup storage URL read the way Velero's AWS/S3 plugin takes it. `s3://bucket/prefix`
 * names an S3 bucket directly; `https://host[:port]/bucket[/prefix]` is an S3-compatible store of
 * the site (its address becomes `s3Url`, path-style). Plain data, shared by the construct that writes
 * a BackupStorageLocation and the rules that read one back.
 */

export interface ObjectStore {
  readonly bucket: string;
  /** Folder inside the bucket; absent when the backups go to the bucket's root. */
  readonly prefix?: string;
  /** Address of an S3-compatible store; absent for `s3://`. */
  readonly s3Url?: string;
}

/** The object store of a backup URL, or a reason it has none (no bucket, another scheme, credentials). */
export function objectStore(endpoint: string): ObjectStore | { readonly error: string } {
  const m = /^(s3|https):\/\/([^/\s@]+)(\/[^\s@]*)?$/.exec(endpoint);
  if (!m) return { error: `"${endpoint}" is not s3://bucket[/prefix] or https://host/bucket[/prefix] without credentials` };
  const [, scheme, host, rest] = m;
  const parts = (rest ?? '').split('/').filter((p) => p !== '');
  if (scheme === 's3') return parts.length > 0 ? { bucket: host, prefix: parts.join('/') } : { bucket: host };
  if (parts.length === 0) return { error: `"${endpoint}" names no bucket: write https://host/bucket[/prefix]` };
  const [bucket, ...prefix] = parts;
  return prefix.length > 0 ? { bucket, prefix: prefix.join('/'), s3Url: `https://${host}` } : { bucket, s3Url: `https://${host}` };
}

/** The backup URL an object store stands for: the inverse of objectStore. */
export function endpointOf(store: ObjectStore): string {
  const tail = store.prefix ? `/${store.prefix}` : '';
  return store.s3Url ? `${store.s3Url.replace(/\/$/, '')}/${store.bucket}${tail}` : `s3://${store.bucket}${tail}`;
}

/**
 * The backup URL of one cluster's own prefix in a site's storage: `<site prefix>/<cluster>`, or
 * `<cluster>` when the site's endpoint has none (unchanged when the endpoint does not parse). Velero
 * servers that share a prefix overwrite or garbage-collect each other's backups, so each writes its own.
 */
export function clusterEndpoint(siteEndpoint: string, cluster: string): string {
  const store = objectStore(siteEndpoint);
  if ('error' in store) return siteEndpoint;
  return endpointOf({ ...store, prefix: store.prefix ? `${store.prefix}/${cluster}` : cluster });
}
