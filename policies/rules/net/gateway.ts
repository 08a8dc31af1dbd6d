/**
 * The unified egress gateway as deployed on a cluster: its Deployment and the destinations its Envoy
 * configuration forwards to (the generated allow-list), read from the platform stack's objects; and
 * whether a NetworkPolicy peer selects the gateway's pods on the proxy port.
 */
import { CityModel } from '../../../config/model';
import { EGRESS_GATEWAY } from '../../../config/vocabulary';
import { Deployment, Json, TfResource, block, list, platformResources } from '../../deployment';

export interface GatewayOnCluster {
  readonly deployment?: TfResource;
  readonly config?: TfResource;
  /** `host:port` of every virtual host whose CONNECT goes upstream; `*` or a name without a port forwards beyond a list. */
  readonly forwarded: readonly string[];
  /** Why the configuration could not be read, when it could not. */
  readonly unreadable?: string;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const items = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * The domains of the virtual hosts that forward (a route with an upstream cluster rather than a direct
 * response), across every HTTP connection manager of every listener of an Envoy bootstrap.
 */
export function forwardedAuthorities(envoy: unknown): string[] {
  const out = new Set<string>();
  const listeners = isObject(envoy) && isObject(envoy.static_resources) ? items(envoy.static_resources.listeners) : [];
  for (const l of listeners) {
    for (const chain of items(l.filter_chains)) {
      for (const f of items(chain.filters)) {
        const hcm = f.typed_config;
        const routes = isObject(hcm) && isObject(hcm.route_config) ? items(hcm.route_config.virtual_hosts) : [];
        for (const vh of routes) {
          const forwards = items(vh.routes).some((r) => isObject(r.route));
          if (forwards) for (const d of Array.isArray(vh.domains) ? vh.domains : []) out.add(String(d));
        }
      }
    }
  }
  return [...out].sort();
}

/** The gateway objects of the platform stack of a cluster, in the egress namespace. */
export function gatewayOn(d: Deployment, model: CityModel, cluster: string): GatewayOnCluster {
  const here = platformResources(d, cluster).filter((r) => r.namespace === model.egress.namespace);
  const named = (type: string): TfResource | undefined => here.find((r) => r.type.startsWith(type) && block(r.body, 'metadata')?.name === EGRESS_GATEWAY.name);
  const deployment = named('kubernetes_deployment');
  const config = named('kubernetes_config_map');
  if (!config) return { deployment, forwarded: [] };
  const text = block(config.body, 'data')?.[EGRESS_GATEWAY.configKey];
  if (typeof text !== 'string') return { deployment, config, forwarded: [], unreadable: `it has no ${EGRESS_GATEWAY.configKey}` };
  try {
    return { deployment, config, forwarded: forwardedAuthorities(JSON.parse(text)) };
  } catch (e) {
    return { deployment, config, forwarded: [], unreadable: `${EGRESS_GATEWAY.configKey} is not JSON (${(e as Error).message})` };
  }
}

/** A forwarded domain that is not one host (or one `*.suffix`) with one port: the gateway forwards beyond a list. */
export const isOpenForward = (domain: string): boolean => !/^(\*\.)?[a-z0-9.-]+:\d+$/.test(domain);

/** Why an egress peer towards the egress namespace is not the gateway's pods on the proxy port, or undefined when it is. */
export function notTheGateway(peer: Json, ports: readonly Json[]): string | undefined {
  const pods = (block(block(peer, 'pod_selector'), 'match_labels') ?? {}) as Record<string, string>;
  const labels = Object.entries(EGRESS_GATEWAY.podLabels);
  if (block(peer, 'ip_block')) return 'it names the egress range by address instead of the gateway pods';
  if (!labels.every(([k, v]) => pods[k] === v) || list(block(peer, 'pod_selector'), 'match_expressions').length > 0) {
    return `it selects ${Object.keys(pods).length === 0 ? 'every pod' : 'pods other than the gateway'} of the egress namespace, not the gateway pods (${labels.map(([k, v]) => `${k}=${v}`).join(',')})`;
  }
  const proxy = String(EGRESS_GATEWAY.proxyPort);
  const bad = ports.length === 0 ? ['every port'] : ports.filter((p) => String(p.port) !== proxy).map((p) => String(p.port ?? 'every port'));
  return bad.length > 0 ? `it opens ${bad.join(', ')} instead of the proxy port ${proxy} only` : undefined;
}
