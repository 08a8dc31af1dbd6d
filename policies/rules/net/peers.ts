/** What a NetworkPolicy peer selects: address ranges, namespaces by labels, the Internet egress, a zone. */
import { CityModel } from '../../../config/model';
import { within } from '../../../config/cidr';
import { INGRESS_GATEWAY } from '../../../config/vocabulary';
import { Deployment, Json, TfResource, labels, tenantByName } from '../../deployment';
import { NAME, ROLE, TENANT, ZONE, cidrOf, matchLabels } from './policies';
import { poolIndex } from './pools';

/** Whether `inner` lies inside `outer` (IPv4 only; anything else, IPv6 included, is never inside). */
export { within };

const namespaceObjects = new WeakMap<Deployment, Map<string, TfResource>>();

/** The namespace object of a cluster, when the deployment has it (namespace objects indexed once per deployment). */
export function namespaceObject(d: Deployment, cluster: string, name: string): TfResource | undefined {
  let m = namespaceObjects.get(d);
  if (!m) {
    m = new Map();
    for (const [key, resources] of d.byNamespace) {
      const ns = resources.find((r) => r.type.startsWith('kubernetes_namespace'));
      if (ns) m.set(key, ns);
    }
    namespaceObjects.set(d, m);
  }
  return m.get(`${cluster}/${name}`);
}

/** Labels of a namespace object on a cluster, when the deployment has it. */
export function namespaceLabels(d: Deployment, cluster: string, name: string): Record<string, string> | undefined {
  const ns = namespaceObject(d, cluster, name);
  return ns ? labels(ns) : undefined;
}

/** The peer is the unified Internet egress: its namespace by name or role, or its address range. */
export function isEgressPeer(peer: Json, model: CityModel, d: Deployment, cluster: string): boolean {
  const ml = matchLabels(peer);
  const cidr = cidrOf(peer);
  if (cidr) return within(cidr, model.egress.cidr);
  if (ml[NAME] === model.egress.namespace || ml[ROLE] === 'internet-egress') return true;
  return ml[NAME] !== undefined && namespaceLabels(d, cluster, ml[NAME])?.[ROLE] === 'internet-egress';
}

/** The peer is the Internet ingress gateway's namespace: by name or role, or by its range when platform.yaml gives one. */
export function isIngressPeer(peer: Json, model: CityModel, d: Deployment, cluster: string): boolean {
  const ml = matchLabels(peer);
  const cidr = cidrOf(peer);
  if (cidr) return model.ingress.cidr !== undefined && within(cidr, model.ingress.cidr);
  if (ml[NAME] === model.ingress.namespace || ml[ROLE] === INGRESS_GATEWAY.role) return true;
  return ml[NAME] !== undefined && namespaceLabels(d, cluster, ml[NAME])?.[ROLE] === INGRESS_GATEWAY.role;
}

/** The zone a peer selects (by zone or tenant label, a namespace's labels, or a zone's range); undefined when it selects no zone. */
export function peerZone(peer: Json, model: CityModel, d: Deployment, cluster: string): string | undefined {
  const cidr = cidrOf(peer);
  // a namespace's pool names its tenant's pods (or a platform namespace's, which belong to no zone)
  const owners = cidr ? (poolIndex(model).byCidr.get(cidr) ?? []) : [];
  if (owners.length > 0) return owners.find((o) => o.zone !== undefined)?.zone;
  if (cidr) return within(cidr, model.intranetCidr) ? 'intranet' : model.zones.find((z) => within(cidr, z.cidr))?.name;
  const ml = matchLabels(peer);
  if (ml[ZONE]) return ml[ZONE];
  if (ml[TENANT]) return tenantByName(model, ml[TENANT])?.zone ?? `unknown (tenant ${ml[TENANT]} is not in the model)`;
  return ml[NAME] ? namespaceLabels(d, cluster, ml[NAME])?.[ZONE] : undefined;
}
