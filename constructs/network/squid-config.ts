/**
 * squid.conf of the two gateways, generated from the model (no cdktf, pure: the same input gives the
 * same bytes, whatever order it comes in).
 *
 * - Egress (互联网统一出口): a forward proxy. Each tenant's declared Internet hosts and ports are allowed
 *   only from that tenant's own source ranges: `acl t_<tenant>_src src …`, and per group of hosts
 *   sharing their ports `acl t_<tenant>_<n>_dst dstdomain …` with `acl t_<tenant>_<n>_port port …`,
 *   joined in `http_access allow t_<tenant>_src t_<tenant>_<n>_dst t_<tenant>_<n>_port`; the last
 *   line is `http_access deny all`. Plain HTTP and CONNECT (HTTPS) are both held to those lines.
 * - Ingress (互联网接入): a reverse proxy (accelerator mode). One listening port per exposed tenant and
 *   port, each forwarding only to that tenant's Service: `http_access` admits a request on that port
 *   only for the Service's name and port (a Host header naming anything else is refused, 403). Squid
 *   resolves the name per request, with the cluster DNS's TTL (a `cache_peer` is resolved at start and
 *   then hourly, so a tenant's Service created after the gateway started stayed unreachable for up to
 *   an hour).
 *
 * Both keep nothing on disk (`cache deny all`, no cache_dir), write no pid file and log to standard
 * output (access log: the evidence of every request) and standard error (cache log).
 */
import type { IngressRoute } from '../../config/ingress-routes';

export type { IngressRoute };

/** One tenant's declared Internet flow on one cluster, with the addresses its pods use there. */
export interface EgressAllowance {
  readonly tenant: string;
  /** Address ranges of the tenant's namespaces on this cluster (its only allowed sources); at least one. */
  readonly sources: readonly string[];
  /** Exact host names, or `*.suffix` for every name under suffix. */
  readonly hosts: readonly string[];
  readonly ports: readonly number[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const uniqueSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort(byText);
const uniquePorts = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);

/**
 * Words this configuration writes besides the tenants' names, hosts and addresses, for the
 * physical-isolation scan (a name of the other network inside one of them is not a mention of it).
 */
export const SQUID_WORDS: readonly string[] = `
squid squid.conf /etc/squid/govcloud /var/run/squid -N -f http_port https_port cache deny allow all cache_mem pid_filename none
netdb_filename coredump_dir access_log cache_log stdio /dev/stdout /dev/stderr logfile_rotate via off forwarded_for delete
httpd_suppress_version_string on shutdown_lifetime seconds acl src dstdomain port http_access never_direct always_direct negative_dns_ttl accel defaultsite
cache_peer parent no-query no-digest originserver name cache_peer_access myportname svc cluster.local generated do not edit
egress-gateway ingress-gateway config-sha256 proxy run tmp tcp_socket
`
  .split(/\s+/)
  .filter((w) => w !== '');

/** A `*.suffix` host as Squid's dstdomain writes it (`.suffix`: the suffix and every name under it). */
export const squidDomain = (host: string): string => (host.startsWith('*.') ? host.slice(1) : host);

/** The lines both gateways share: no cache, no pid file, logs on stdout and stderr, nothing leaked upstream. */
function common(): string[] {
  return [
    '# nothing is kept: no disk cache (no cache_dir), no memory cache',
    'cache deny all',
    'cache_mem 0 MB',
    '# runs as the pod user (cache_effective_user unset), with a read-only root filesystem',
    'pid_filename none',
    'netdb_filename none',
    'coredump_dir none',
    '# every request on standard output: the access log is the evidence of what passed and what was refused',
    'access_log stdio:/dev/stdout',
    'cache_log stdio:/dev/stderr',
    'logfile_rotate 0',
    '# nothing about the inside goes out',
    'forwarded_for delete',
    'httpd_suppress_version_string on',
    'shutdown_lifetime 5 seconds',
  ];
}

/**
 * Hosts without those a `*.suffix` of the same list already covers (the suffix itself, a name or a
 * wildcard under it): Squid warns of a dstdomain listed under another and drops one of them.
 */
function uncovered(hosts: readonly string[]): string[] {
  const suffixes = hosts.filter((h) => h.startsWith('*.')).map((h) => h.slice(2));
  return hosts.filter((h) => {
    const name = h.replace(/^\*\./, '');
    return !suffixes.some((s) => (name === s && h !== `*.${s}`) || name.endsWith(`.${s}`));
  });
}

/** The ACL groups of one tenant: its hosts grouped by the ports they are declared with. */
function groupsOf(entries: readonly EgressAllowance[]): { hosts: string[]; ports: number[] }[] {
  const portsOf = new Map<string, Set<number>>();
  for (const e of entries)
    for (const h of e.hosts) {
      const set = portsOf.get(h) ?? new Set<number>();
      for (const p of e.ports) set.add(p);
      portsOf.set(h, set);
    }
  const byPorts = new Map<string, { hosts: string[]; ports: number[] }>();
  for (const [host, set] of portsOf) {
    const ports = uniquePorts(set);
    const key = ports.join(',');
    const g = byPorts.get(key) ?? { hosts: [], ports };
    g.hosts.push(host);
    byPorts.set(key, g);
  }
  return [...byPorts.values()]
    .map((g) => ({ hosts: uncovered(uniqueSorted(g.hosts)), ports: g.ports }))
    .sort((a, b) => byText(a.hosts[0], b.hosts[0]) || byText(a.ports.join(','), b.ports.join(',')));
}

/** squid.conf of the egress gateway of one cluster. */
export function egressSquidConf(cluster: string, proxyPort: number, allowList: readonly EgressAllowance[]): string {
  const tenants = uniqueSorted(allowList.map((a) => a.tenant));
  const lines = [
    `# Generated by govcloud: the unified Internet egress (互联网统一出口) of cluster ${cluster}. Do not edit:`,
    "# change the tenants' spec.flows and synthesize again.",
    `# Allow-list of the tenants: ${tenants.join(', ')}`,
    `http_port ${proxyPort}`,
    ...common(),
  ];
  const access: string[] = [];
  for (const tenant of tenants) {
    const mine = allowList.filter((a) => a.tenant === tenant);
    const src = `t_${tenant}_src`;
    lines.push(`# tenant ${tenant}`, `acl ${src} src ${uniqueSorted(mine.flatMap((a) => a.sources)).join(' ')}`);
    groupsOf(mine).forEach((g, i) => {
      const dst = `t_${tenant}_${i + 1}_dst`;
      const port = `t_${tenant}_${i + 1}_port`;
      lines.push(`acl ${dst} dstdomain ${g.hosts.map(squidDomain).join(' ')}`, `acl ${port} port ${g.ports.join(' ')}`);
      access.push(`http_access allow ${src} ${dst} ${port}`);
    });
  }
  lines.push('# each tenant reaches its own declared hosts and ports, from its own addresses only', ...access, 'http_access deny all');
  return `${lines.join('\n')}\n`;
}

/** squid.conf of the ingress gateway of one cluster. */
export function ingressSquidConf(cluster: string, routes: readonly IngressRoute[]): string {
  const sorted = [...routes].sort((a, b) => byText(a.tenant, b.tenant) || a.port - b.port);
  const lines = [
    `# Generated by govcloud: the Internet ingress gateway (互联网接入) of cluster ${cluster}. Do not edit:`,
    "# change the tenants' spec.exposure and synthesize again.",
    `# Exposed tenants: ${uniqueSorted(sorted.map((r) => r.tenant)).join(', ')}`,
    ...common(),
  ];
  const access: string[] = [];
  for (const r of sorted) {
    const id = `${r.tenant}_${r.port}`;
    const host = `${r.service}.${r.namespace}.svc.cluster.local`;
    lines.push(
      `# tenant ${r.tenant}, port ${r.port}: listens on ${r.listenPort}`,
      `http_port ${r.listenPort} accel defaultsite=${host}:${r.port} name=in_${id}`,
      `acl t_${id}_in myportname in_${id}`,
      `acl t_${id}_dst dstdomain ${host}`,
      `acl t_${id}_port port ${r.port}`,
    );
    access.push(`http_access allow t_${id}_in t_${id}_dst t_${id}_port`);
  }
  lines.push(
    "# each listening port serves its own tenant's Service only",
    ...access,
    'http_access deny all',
    '# straight to the Service (resolved per request); the access rules above are the only routes',
    'always_direct allow all',
    'negative_dns_ttl 10 seconds',
  );
  return `${lines.join('\n')}\n`;
}
