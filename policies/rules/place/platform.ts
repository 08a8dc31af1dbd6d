/** Shared by the PLACE rules: the clusters hosting a tenant and what their platform stack records. */
import { Deployment, TenantView, TfResource, block, platformResources } from '../../deployment';

export const hostingClusters = (view: TenantView): string[] => [...new Set(view.namespaces.map((ns) => ns.cluster))];

/** The cluster-info ConfigMap CloudCenter writes into the platform stack of a cluster. */
export const clusterInfo = (d: Deployment, cluster: string): TfResource | undefined =>
  platformResources(d, cluster).find((r) => r.type.startsWith('kubernetes_config_map') && block(r.body, 'metadata')?.name === 'cluster-info');

export const infoField = (cm: TfResource | undefined, key: string): string | undefined => {
  const v = (cm?.body.data as Record<string, unknown> | undefined)?.[key];
  return v === undefined ? undefined : String(v);
};
