/**
 * The Envoy configuration of the unified egress gateway (互联网统一出口网关), generated from the
 * tenants' declared Internet flows: a forward proxy that tunnels HTTP CONNECT to exactly the declared
 * host:port pairs and answers everything else 403, with one JSON access-log line per request on
 * standard output. No admin interface. Pure (no cdktf): the same flows give the same bytes.
 */

/** One host:port the gateway forwards to; `host` may be a `*.suffix` wildcard, as a flow may declare. */
export interface AllowedDestination {
  readonly host: string;
  readonly port: number;
}

/** Where the proxy listens, and where the kubelet probes it. */
export interface EnvoyPorts {
  readonly proxyPort: number;
  readonly healthPort: number;
}

const HCM = 'envoy.filters.network.http_connection_manager';
const HCM_TYPE = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const ROUTER = 'envoy.filters.http.router';
const ROUTER_TYPE = 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router';
const DFP = 'envoy.filters.http.dynamic_forward_proxy';
const DFP_TYPE = 'type.googleapis.com/envoy.extensions.filters.http.dynamic_forward_proxy.v3.FilterConfig';
const DFP_CLUSTER = 'envoy.clusters.dynamic_forward_proxy';
const DFP_CLUSTER_TYPE = 'type.googleapis.com/envoy.extensions.clusters.dynamic_forward_proxy.v3.ClusterConfig';
const STDOUT = 'envoy.access_loggers.stdout';
const STDOUT_TYPE = 'type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog';

/** The upstream cluster every allowed tunnel goes to: it connects to the host:port the CONNECT named. */
export const FORWARD_CLUSTER = 'internet';

/**
 * Identifiers this configuration writes besides the hosts, for the physical-isolation scan (a name of
 * the other network inside one of them is not a mention of it).
 */
export const ENVOY_WORDS: readonly string[] = [
  HCM,
  HCM_TYPE,
  ROUTER,
  ROUTER_TYPE,
  DFP,
  DFP_TYPE,
  DFP_CLUSTER,
  DFP_CLUSTER_TYPE,
  STDOUT,
  STDOUT_TYPE,
  'static_resources listeners filter_chains typed_config stat_prefix access_log log_format json_format upgrade_configs upgrade_type',
  'route_config virtual_hosts connect_matcher connect_config direct_response http_filters dns_cache_config dns_lookup_family',
  'cluster_type lb_policy cluster_provided socket_address port_value v4_only connect egress-proxy egress-dns health',
  'allow-list refused start_time downstream_remote_address response_code response_flags upstream_host bytes_sent bytes_received',
].flatMap((w) => w.split(' '));

/** Every declared host with every port of its flow, once each, sorted by host then port. */
export function allowedDestinations(flows: readonly { readonly hosts: readonly string[]; readonly ports: readonly number[] }[]): AllowedDestination[] {
  const seen = new Map<string, AllowedDestination>();
  for (const f of flows) for (const host of f.hosts) for (const port of f.ports) seen.set(`${host}:${port}`, { host, port });
  return [...seen.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : a.port - b.port));
}

/** `host:port`, as an HTTP CONNECT names its destination (its :authority). */
export const authority = (d: AllowedDestination): string => `${d.host}:${d.port}`;

/** What the gateway answers a destination off the allow-list (and any request that is not a CONNECT). */
const refuse = { status: 403 };

/** The Envoy bootstrap, as JSON-compatible data, for the destinations given (sorted by the caller). */
export function envoyConfig(destinations: readonly AllowedDestination[], ports: EnvoyPorts): Record<string, unknown> {
  const dnsCache = { name: 'egress-dns', dns_lookup_family: 'V4_ONLY' };
  const allowed = destinations.map((d) => ({
    name: `allow ${authority(d)}`,
    // the port is part of the domain, so a CONNECT to the same host on another port is refused
    domains: [authority(d)],
    routes: [
      {
        match: { connect_matcher: {} },
        route: { cluster: FORWARD_CLUSTER, upgrade_configs: [{ upgrade_type: 'CONNECT', connect_config: {} }] },
      },
      { match: { prefix: '/' }, direct_response: refuse },
    ],
  }));
  const refused = {
    name: 'refused',
    domains: ['*'],
    routes: [
      { match: { connect_matcher: {} }, direct_response: refuse },
      { match: { prefix: '/' }, direct_response: refuse },
    ],
  };
  const accessLog = {
    name: STDOUT,
    typed_config: {
      '@type': STDOUT_TYPE,
      log_format: {
        json_format: {
          start_time: '%START_TIME%',
          downstream_remote_address: '%DOWNSTREAM_REMOTE_ADDRESS%',
          method: '%REQ(:METHOD)%',
          authority: '%REQ(:AUTHORITY)%',
          response_code: '%RESPONSE_CODE%',
          response_flags: '%RESPONSE_FLAGS%',
          upstream_host: '%UPSTREAM_HOST%',
          bytes_sent: '%BYTES_SENT%',
          bytes_received: '%BYTES_RECEIVED%',
          duration_ms: '%DURATION%',
        },
      },
    },
  };
  const listener = (name: string, port: number, hcm: Record<string, unknown>) => ({
    name,
    address: { socket_address: { address: '0.0.0.0', port_value: port } },
    filter_chains: [{ filters: [{ name: HCM, typed_config: { '@type': HCM_TYPE, ...hcm } }] }],
  });
  const router = { name: ROUTER, typed_config: { '@type': ROUTER_TYPE } };
  return {
    static_resources: {
      listeners: [
        listener('egress-proxy', ports.proxyPort, {
          stat_prefix: 'egress',
          access_log: [accessLog],
          upgrade_configs: [{ upgrade_type: 'CONNECT' }],
          route_config: { name: 'allow-list', virtual_hosts: [...allowed, refused] },
          http_filters: [{ name: DFP, typed_config: { '@type': DFP_TYPE, dns_cache_config: dnsCache } }, router],
        }),
        listener('health', ports.healthPort, {
          stat_prefix: 'health',
          route_config: {
            name: 'health',
            virtual_hosts: [{ name: 'health', domains: ['*'], routes: [{ match: { prefix: '/' }, direct_response: { status: 200 } }] }],
          },
          http_filters: [router],
        }),
      ],
      clusters: [
        {
          name: FORWARD_CLUSTER,
          connect_timeout: '5s',
          lb_policy: 'CLUSTER_PROVIDED',
          cluster_type: { name: DFP_CLUSTER, typed_config: { '@type': DFP_CLUSTER_TYPE, dns_cache_config: dnsCache } },
        },
      ],
    },
  };
}
