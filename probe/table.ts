/**
 * The connectivity truth table of a city, from its model alone: what an assessor testing 区域边界
 * access control (8.1.3.2 / 8.1.2) by sending traffic must find. Every namespace govcloud makes for
 * a tenant (its environments on the primary cluster, its DR replicas) is an endpoint with a server on
 * every port a flow names towards it, plus PROBE_PORT; every endpoint probes every other endpoint on
 * one port that is listening there, and the Internet directly.
 *
 * Expected: a declared flow connects (like environments: prod to prod; between every namespace of
 * the two tenants that serves — primaries, active-active and hot-standby replicas — wherever it
 * runs); everything else is refused — other
 * tenants, the same tenant's other environments, other zones, the other network, the Internet.
 */
import { CityModel, namespaceName, replicatedEnvironment, Tenant } from '../config/model';
import { ingressRoutes } from '../config/ingress';

/** The port every probe server listens on besides the ports flows name: what an undeclared probe tries. */
export const PROBE_PORT = 18080;

export interface Endpoint {
  readonly cluster: string;
  readonly network: 'extranet' | 'intranet';
  readonly namespace: string;
  readonly tenant: string;
  readonly environment: string;
  /** `primary`, or the DR site role of a replica. */
  readonly role: 'primary' | 'same-city' | 'remote';
  readonly domestic: boolean;
  /** Whether it serves traffic: a primary namespace, or an active-active / hot-standby replica (not a backup-only one). */
  readonly serving: boolean;
  /** Ports a server in this namespace listens on (sorted). */
  readonly ports: readonly number[];
  /** The exposed ports it serves to the Internet through its cluster's ingress gateway (none: not exposed here). */
  readonly exposed?: readonly number[];
  /** An Internet-side client (the machine `govcloud probe` runs on), not a namespace: `namespace` holds its address. */
  readonly outside?: true;
}

export type Expectation = 'connect' | 'refuse';

export interface Probe {
  /** Stable id: `from → to:port`. */
  readonly id: string;
  readonly from: Endpoint;
  /** A namespace endpoint, an address of the Internet, or a host of the Internet through the cluster's unified egress. */
  readonly to:
    | { readonly kind: 'namespace'; readonly endpoint: Endpoint }
    | { readonly kind: 'internet'; readonly address: string }
    | { readonly kind: 'gateway'; readonly host: string }
    | { readonly kind: 'ingress'; readonly cluster: string; readonly listenPort: number; readonly endpoint: Endpoint };
  readonly port: number;
  readonly expect: Expectation;
  /** Why this is expected, in words (the flow, or what separates them). */
  readonly because: string;
}

export const key = (e: Pick<Endpoint, 'cluster' | 'namespace'>): string => `${e.cluster}/${e.namespace}`;

/** What a probe goes to, as the report names it: `cluster/namespace`, `internet/<address>`, `egress/<host>:<port>`. */
export function targetName(p: Pick<Probe, 'to' | 'port'>): string {
  if (p.to.kind === 'namespace') return key(p.to.endpoint);
  if (p.to.kind === 'ingress') return `ingress/${p.to.cluster}:${p.to.listenPort}`;
  return p.to.kind === 'internet' ? `internet/${p.to.address}` : `egress/${p.to.host}:${p.port}`;
}

/** Every namespace of every tenant, with the ports that flows name towards it. */
export function endpoints(model: CityModel): Endpoint[] {
  const inbound = new Map<string, Set<number>>();
  for (const t of model.tenants) {
    for (const f of t.flows) {
      if (f.kind !== 'tenant') continue;
      const set = inbound.get(f.tenant) ?? new Set<number>();
      for (const p of f.ports) set.add(p);
      inbound.set(f.tenant, set);
    }
  }
  // what each cluster's ingress gateway serves: `cluster/namespace` → exposed ports
  const exposedAt = new Map<string, number[]>();
  for (const c of model.clusters)
    for (const r of ingressRoutes(model, c.name)) exposedAt.set(`${c.name}/${r.namespace}`, [...(exposedAt.get(`${c.name}/${r.namespace}`) ?? []), r.port]);
  const out: Endpoint[] = [];
  const push = (e: Omit<Endpoint, 'exposed'>) => {
    const exposed = exposedAt.get(key(e));
    out.push(exposed ? { ...e, ports: [...new Set([...e.ports, ...exposed])].sort((a, b) => a - b), exposed } : e);
  };
  for (const t of model.tenants) {
    const ports = [...(inbound.get(t.name) ?? []), PROBE_PORT].sort((a, b) => a - b);
    const base = { network: t.network, tenant: t.name, domestic: t.domestic, ports };
    for (const env of t.environments)
      push({ ...base, cluster: t.cluster, namespace: namespaceName(t.name, env), environment: env, role: 'primary', serving: true });
    const env = replicatedEnvironment(t);
    for (const r of t.replicas) {
      push({ ...base, cluster: r.cluster, namespace: namespaceName(t.name, env), environment: env, role: r.siteRole, serving: r.mode !== 'backup' });
    }
  }
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Ports of the declared flows from tenant `from` to tenant `to` (empty: none). */
function flowPorts(from: Tenant, to: string): number[] {
  return from.flows.flatMap((f) => (f.kind === 'tenant' && f.tenant === to ? [...f.ports] : []));
}

export interface TruthTableOptions {
  /** Addresses of the Internet to try directly (each endpoint tries the first); default: none. */
  readonly internet?: readonly string[];
  /**
   * A host of the Internet no flow declares: with it, every extranet endpoint also tries, through its
   * cluster's egress gateway, each host:port its tenant declared (must connect), another tenant's
   * declared host (refused: the allow-list is per tenant) and this one (refused). Default: no gateway rows.
   */
  readonly undeclaredHost?: string;
  /**
   * Probe from the Internet side too, from the machine the probe runs on (`source`: the address it
   * sends from, or `this-host`): every exposed tenant through each ingress gateway that serves it
   * (must connect and be answered by that namespace), and every namespace directly (refused: the
   * only way in is the gateway). Default: no Internet-side rows.
   */
  readonly fromInternet?: { readonly source: string };
}

/** `host:port` of every Internet flow a tenant declared. */
function internetPairs(t: Tenant): string[] {
  return t.flows.flatMap((f) => (f.kind === 'internet' ? f.hosts.flatMap((h) => f.ports.map((p) => `${h}:${p}`)) : []));
}

function gatewayProbes(model: CityModel, from: Endpoint, undeclared: string): Probe[] {
  const own = internetPairs(model.tenants.find((t) => t.name === from.tenant)!);
  const others = [...new Set(model.tenants.filter((t) => t.name !== from.tenant && t.network === 'extranet').flatMap(internetPairs))].filter(
    (x) => !own.includes(x),
  );
  const rows: { target: string; expect: Expectation; because: string }[] = own.map((target) => ({
    target,
    expect: from.serving ? 'connect' : 'refuse',
    because: from.serving ? `Internet flow of ${from.tenant} through the unified egress` : 'a backup-only replica serves nothing',
  }));
  if (others.length > 0) rows.push({ target: others[0], expect: 'refuse', because: "another tenant's declared host: the allow-list is per tenant" });
  rows.push({ target: `${undeclared}:443`, expect: 'refuse', because: 'a host no flow declares' });
  return rows.map((r) => {
    const i = r.target.lastIndexOf(':');
    const port = Number(r.target.slice(i + 1));
    return {
      id: `${key(from)} → egress ${r.target}`,
      from,
      to: { kind: 'gateway' as const, host: r.target.slice(0, i) },
      port,
      expect: r.expect,
      because: r.because,
    };
  });
}

/** The whole table: every ordered pair of endpoints, and each endpoint towards the Internet. */
export function truthTable(model: CityModel, opts: TruthTableOptions = {}): Probe[] {
  const eps = endpoints(model);
  const tenants = new Map(model.tenants.map((t) => [t.name, t]));
  const probes: Probe[] = [];
  for (const from of eps) {
    const src = tenants.get(from.tenant)!;
    for (const to of eps) {
      if (to === from) continue;
      const declared = to.tenant !== from.tenant && to.environment === from.environment ? flowPorts(src, to.tenant) : [];
      const port = declared[0] ?? PROBE_PORT;
      const connect = declared.length > 0 && from.network === to.network && from.serving && to.serving;
      probes.push({
        id: `${key(from)} → ${key(to)}:${port}`,
        from,
        to: { kind: 'namespace', endpoint: to },
        port,
        expect: connect ? 'connect' : 'refuse',
        because: connect ? `flow ${from.tenant} → ${to.tenant} (${declared.join(', ')})` : why(from, to),
      });
    }
    for (const address of (opts.internet ?? []).slice(0, 1)) {
      probes.push({
        id: `${key(from)} → internet ${address}:443`,
        from,
        to: { kind: 'internet', address },
        port: 443,
        expect: 'refuse',
        because: from.network === 'intranet' ? 'the intranet is physically isolated' : 'the Internet only through the unified egress',
      });
    }
    if (opts.undeclaredHost !== undefined && from.network === 'extranet') probes.push(...gatewayProbes(model, from, opts.undeclaredHost));
  }
  if (opts.fromInternet) probes.push(...internetSide(model, eps, opts.fromInternet.source));
  return probes;
}

/** The Internet-side client as an endpoint of the table. */
export function internetClient(source: string): Endpoint {
  return {
    cluster: 'internet',
    network: 'extranet',
    namespace: source,
    tenant: '',
    environment: '',
    role: 'primary',
    domestic: false,
    serving: true,
    ports: [],
    outside: true,
  };
}

function internetSide(model: CityModel, eps: readonly Endpoint[], source: string): Probe[] {
  const from = internetClient(source);
  const out: Probe[] = [];
  for (const c of model.clusters) {
    for (const r of ingressRoutes(model, c.name)) {
      const endpoint = eps.find((e) => e.cluster === c.name && e.namespace === r.namespace)!;
      out.push({
        id: `${key(from)} → ingress ${c.name}:${r.listenPort} → ${key(endpoint)}:${r.port}`,
        from,
        to: { kind: 'ingress', cluster: c.name, listenPort: r.listenPort, endpoint },
        port: r.port,
        expect: 'connect',
        because: `${r.tenant} exposed to the Internet through the ingress gateway of ${c.name}`,
      });
    }
  }
  for (const to of eps) {
    const port = to.exposed?.[0] ?? PROBE_PORT;
    out.push({
      id: `${key(from)} → ${key(to)}:${port}`,
      from,
      to: { kind: 'namespace', endpoint: to },
      port,
      expect: 'refuse',
      because:
        to.network === 'intranet'
          ? 'the intranet is physically isolated'
          : to.exposed
            ? 'exposed only through the ingress gateway'
            : 'not exposed to the Internet',
    });
  }
  return out;
}

function why(from: Endpoint, to: Endpoint): string {
  if (from.network !== to.network) return 'another network (physical isolation)';
  if (!from.serving || !to.serving) return 'a backup-only replica serves nothing';
  if (from.tenant === to.tenant) return from.environment === to.environment ? 'the same tenant at another site' : 'another environment of the same tenant';
  return 'no declared flow';
}
