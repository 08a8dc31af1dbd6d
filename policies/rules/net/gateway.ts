/**
 * The gateways as deployed on a cluster — the unified egress (forward proxy) in the egress namespace
 * and the Internet ingress (reverse proxy) in the ingress namespace: their Deployment and their parsed
 * squid.conf, read from the platform stack's objects once per deployment; and whether a NetworkPolicy
 * peer selects a gateway's pods on the ports it should.
 */
import { CityModel } from '../../../config/model';
import { EGRESS_GATEWAY, INGRESS_GATEWAY } from '../../../config/vocabulary';
import { Deployment, Json, TfResource, block, list, platformResources } from '../../deployment';
import { SquidConf, parseSquidConf } from './squid';

export interface GatewayOnCluster {
  readonly deployment?: TfResource;
  readonly config?: TfResource;
  readonly conf?: SquidConf;
  /** Why the configuration could not be read, when it could not. */
  readonly unreadable?: string;
}

type Which = 'egress' | 'ingress';
const known = new WeakMap<Deployment, Map<string, GatewayOnCluster>>();

/** The gateway objects of the platform stack of a cluster, in the egress or the ingress namespace. */
export function gatewayOn(d: Deployment, model: CityModel, cluster: string, which: Which = 'egress'): GatewayOnCluster {
  let m = known.get(d);
  if (!m) {
    m = new Map();
    known.set(d, m);
  }
  const key = `${which} ${cluster}`;
  const hit = m.get(key);
  if (hit) return hit;
  const found = find(d, model, cluster, which);
  m.set(key, found);
  return found;
}

function find(d: Deployment, model: CityModel, cluster: string, which: Which): GatewayOnCluster {
  const g = which === 'egress' ? EGRESS_GATEWAY : INGRESS_GATEWAY;
  const ns = which === 'egress' ? model.egress.namespace : model.ingress.namespace;
  const here = platformResources(d, cluster).filter((r) => r.namespace === ns);
  const named = (type: string): TfResource | undefined => here.find((r) => r.type.startsWith(type) && block(r.body, 'metadata')?.name === g.name);
  const deployment = named('kubernetes_deployment');
  const config = named('kubernetes_config_map');
  if (!config) return { deployment };
  const text = block(config.body, 'data')?.[g.configKey];
  if (typeof text !== 'string') return { deployment, config, unreadable: `it has no ${g.configKey}` };
  return { deployment, config, conf: parseSquidConf(text) };
}

/** Why a peer towards a gateway's namespace is not that gateway's pods on `ports`, or undefined when it is. */
export function notTheGateway(peer: Json, ports: readonly Json[], which: Which, allowed: readonly number[]): string | undefined {
  const g = which === 'egress' ? EGRESS_GATEWAY : INGRESS_GATEWAY;
  const pods = (block(block(peer, 'pod_selector'), 'match_labels') ?? {}) as Record<string, string>;
  const labels = Object.entries(g.podLabels);
  if (block(peer, 'ip_block')) return `it names the ${which} range by address instead of the gateway pods`;
  if (!labels.every(([k, v]) => pods[k] === v) || list(block(peer, 'pod_selector'), 'match_expressions').length > 0) {
    return `it selects ${Object.keys(pods).length === 0 ? 'every pod' : 'pods other than the gateway'} of the ${which} namespace, not the gateway pods (${labels.map(([k, v]) => `${k}=${v}`).join(',')})`;
  }
  const ok = allowed.map(String);
  const bad = ports.length === 0 ? ['every port'] : ports.filter((p) => !ok.includes(String(p.port))).map((p) => String(p.port ?? 'every port'));
  return bad.length > 0
    ? `it opens ${bad.join(', ')} instead of ${which === 'egress' ? 'the proxy port' : 'the exposed ports'} ${ok.join(', ')} only`
    : undefined;
}
