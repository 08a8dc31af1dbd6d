/** Shared by the AUDIT rules: the clusters hosting a tenant and the platform objects of a cluster. */
import { load } from 'js-yaml';
import { Deployment, Json, TenantView, TfResource, list, platformResources } from '../../deployment';

/** Six months rounded up to the longest half year (Cybersecurity Law art. 21). */
export const MIN_LOG_RETENTION_DAYS = 184;
export const BASELINE_RELEASE = 'govcloud-baseline';

export const hostingClusters = (view: TenantView): string[] => [...new Set(view.namespaces.map((ns) => ns.cluster))];

export const platformOn = (d: Deployment, cluster: string): TfResource[] => platformResources(d, cluster);

export const baselineOn = (d: Deployment, cluster: string): TfResource | undefined =>
  platformOn(d, cluster).find((r) => r.type === 'helm_release' && r.body.name === BASELINE_RELEASE);

/** The release's values documents merged in order, then its `set` blocks (top-level keys only). */
export function releaseValues(release: TfResource): Json {
  const out: Json = {};
  const docs = Array.isArray(release.body.values) ? release.body.values : [];
  for (const doc of docs) {
    try {
      const v = load(String(doc));
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, v as Json);
    } catch {
      // an unreadable document adds nothing: the rules then report the value as missing
    }
  }
  for (const s of list(release.body, 'set')) if (typeof s.name === 'string') out[s.name] = s.value;
  return out;
}
