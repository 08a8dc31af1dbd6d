/**
 * The lab network of the e2e data plane. Each node is a network namespace with one veth to the host
 * (host side 10.250.<i>.1/30, node side 10.250.<i>.2/30); the host routes each node's pod addresses
 * to it, so pods of the extranet clusters reach each other with their own source addresses, as over
 * a city's data-centre interconnect. A fake Internet is one more namespace holding addresses of
 * 198.51.100.0/24 (TEST-NET-2, never routed on the real Internet), reachable through the node's
 * default route. The intranet's node has no default route and the host drops everything it forwards
 * to or from it: physical isolation, proven by traffic.
 *
 * A host firewall (chains GVLAB-IN and GVLAB-FWD, jumped to first from INPUT and FORWARD) confines
 * the lab: a node reaches on the host only its own API server and its network's registry, and
 * nothing the lab sends is forwarded anywhere but into the lab.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';

export type Network = 'extranet' | 'intranet';

export const INTERNET_CIDR = '198.51.100.0/24';
/**
 * The host's address in the lab, on the loopback link: API servers and registries listen here
 * (never on the host's real interfaces), and every node reaches it through its veth.
 */
export const SERVICE_IP = '10.250.0.1';
/**
 * An address of the fake Internet held by the host (on its loopback link): `govcloud probe` sends its
 * Internet-side probes from it, so the cluster's policies judge an Internet address, and the answers
 * come back to the host, not into the fake Internet's namespace (a local address wins over the route).
 */
export const INTERNET_CLIENT_IP = '198.51.100.20';
/** A host address and port a node may reach (a site's object store); a bare port means SERVICE_IP. */
export interface HostPort {
  readonly ip: string;
  readonly port: number;
}
export const IN_CHAIN = 'GVLAB-IN';
export const FWD_CHAIN = 'GVLAB-FWD';

export interface LabNode {
  /** Kubernetes node name, e.g. `ext-primary-general`. */
  readonly name: string;
  readonly cluster: string;
  readonly network: Network;
  /** Node pool and its labels (`govcloud.gov.cn/node-pool=xinchuang`). */
  readonly pool: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly netns: string;
  readonly hostIf: string;
  /** Host side of the veth: the node's gateway. */
  readonly hostIp: string;
  readonly nodeIp: string;
}

export interface LabNet {
  readonly id: string;
  /**
   * The host's own network namespace under a name (`ip netns attach`), so that a node's CNI plugin
   * can route its pods' addresses on the host, the lab's fabric (/proc/1/ns/net cannot be opened here).
   */
  readonly fabricNetns: string;

  readonly nodes: readonly LabNode[];
  readonly internet: {
    readonly netns: string;
    readonly hostIf: string;
    readonly hostIp: string;
    readonly peerIp: string;
    readonly addresses: readonly string[];
  };
}

export function sh(cmd: string, args: readonly string[], opts: { netns?: string; input?: string } = {}): string {
  const full = opts.netns ? ['nsenter', [`--net=/run/netns/${opts.netns}`, '--', cmd, ...args]] : [cmd, args];
  return execFileSync(full[0] as string, full[1] as string[], { encoding: 'utf8', input: opts.input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs and ignores failure (for teardown of what may not exist). */
export function shQuiet(cmd: string, args: readonly string[], opts: { netns?: string } = {}): void {
  try {
    sh(cmd, args, opts);
  } catch {
    // not there
  }
}

export interface NodeSpec {
  readonly name: string;
  readonly cluster: string;
  readonly network: Network;
  readonly pool: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Names and addresses of the lab for a run id (4 lower-case letters or digits) and its nodes. */
export function planLab(id: string, specs: readonly NodeSpec[]): LabNet {
  const nodes = specs.map((s, k) => {
    const i = k + 1;
    return { ...s, netns: `gv-${id}-${s.name}`, hostIf: `gv${id}n${i}`, hostIp: `10.250.${i}.1`, nodeIp: `10.250.${i}.2` };
  });
  return {
    id,
    fabricNetns: `gv-${id}-fabric`,
    nodes,
    internet: {
      netns: `gv-${id}-internet`,
      hostIf: `gv${id}net`,
      hostIp: '10.250.200.1',
      peerIp: '10.250.200.2',
      addresses: ['198.51.100.10', '198.51.100.11', '198.51.100.12', '198.51.100.13'],
    },
  };
}

function veth(netns: string, hostIf: string, hostIp: string, peerIp: string): void {
  sh('ip', ['netns', 'add', netns]);
  sh('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
  sh('ip', ['addr', 'add', `${hostIp}/30`, 'dev', hostIf]);
  sh('ip', ['link', 'set', hostIf, 'up']);
  sh('ip', ['addr', 'add', `${peerIp}/30`, 'dev', 'eth0'], { netns });
  sh('ip', ['link', 'set', 'eth0', 'up'], { netns });
  sh('ip', ['link', 'set', 'lo', 'up'], { netns });
}

/** Creates the namespaces, links and the fake Internet; routes to pods come with routePods. */
export function labUp(lab: LabNet): void {
  sh('ip', ['netns', 'attach', lab.fabricNetns, String(process.pid)]);
  // on the loopback link (this kernel has no dummy links): local to the host, reachable through any veth
  // replace, not add: a run killed without its teardown may have left the address
  sh('ip', ['addr', 'replace', `${SERVICE_IP}/32`, 'dev', 'lo']);
  sh('ip', ['addr', 'replace', `${INTERNET_CLIENT_IP}/32`, 'dev', 'lo']);
  for (const n of lab.nodes) {
    veth(n.netns, n.hostIf, n.hostIp, n.nodeIp);
    // the intranet has no way out: only its own link, and the host's lab address (its API server and registry)
    if (n.network === 'extranet') sh('ip', ['route', 'add', 'default', 'via', n.hostIp], { netns: n.netns });
    else sh('ip', ['route', 'add', `${SERVICE_IP}/32`, 'via', n.hostIp], { netns: n.netns });
  }
  const net = lab.internet;
  veth(net.netns, net.hostIf, net.hostIp, net.peerIp);
  for (const a of net.addresses) sh('ip', ['addr', 'add', `${a}/32`, 'dev', 'lo'], { netns: net.netns });
  sh('ip', ['route', 'add', 'default', 'via', net.hostIp], { netns: net.netns });
  sh('ip', ['route', 'replace', INTERNET_CIDR, 'via', net.peerIp]);
  // the host routes between the nodes (and to the fake Internet) like a DC interconnect; lab-down puts the old value back
  fs.writeFileSync('/proc/sys/net/ipv4/ip_forward', '1\n');
}

/** Routes a range of pod addresses (a node's pod CIDR, a namespace's pool) to the node that holds it. */
export function routePods(node: LabNode, cidr: string): void {
  sh('ip', ['route', 'replace', cidr, 'via', node.nodeIp]);
}

/**
 * The host firewall: `ports[node]` are the host ports that node may reach (its API server, its
 * network's registry); everything else from the lab to the host is dropped, the intranet's node
 * forwards nothing and receives nothing forwarded, and the lab forwards only into the lab.
 */
export function firewallUp(lab: LabNet, ports: ReadonlyMap<string, readonly (number | HostPort)[]>): void {
  const prefix = `gv${lab.id}+`;
  // chains a killed run left behind go first: they would match no link of this run anyway
  for (const [chain, hook] of [
    [IN_CHAIN, 'INPUT'],
    [FWD_CHAIN, 'FORWARD'],
  ] as const) {
    shQuiet('iptables', ['-D', hook, '-j', chain]);
    shQuiet('iptables', ['-F', chain]);
    shQuiet('iptables', ['-X', chain]);
  }
  for (const [chain, hook] of [
    [IN_CHAIN, 'INPUT'],
    [FWD_CHAIN, 'FORWARD'],
  ] as const) {
    sh('iptables', ['-N', chain]);
    sh('iptables', ['-I', hook, '1', '-j', chain]);
  }
  const inRule = (...r: string[]) => sh('iptables', ['-A', IN_CHAIN, ...r]);
  inRule('-i', prefix, '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT');
  for (const n of lab.nodes)
    for (const p of ports.get(n.name) ?? []) {
      const { ip, port } = typeof p === 'number' ? { ip: SERVICE_IP, port: p } : p;
      inRule('-i', n.hostIf, '-d', ip, '-p', 'tcp', '--dport', String(port), '-j', 'ACCEPT');
    }
  inRule('-i', prefix, '-j', 'DROP');
  const fwd = (...r: string[]) => sh('iptables', ['-A', FWD_CHAIN, ...r]);
  for (const n of lab.nodes.filter((x) => x.network === 'intranet')) {
    fwd('-i', n.hostIf, '-j', 'DROP');
    fwd('-o', n.hostIf, '-j', 'DROP');
  }
  fwd('-i', prefix, '-o', prefix, '-j', 'ACCEPT');
  fwd('-i', prefix, '-j', 'DROP');
  fwd('-o', prefix, '-j', 'DROP');
}

/** Removes the firewall, routes, links and namespaces of the lab; what is not there is skipped. */
export function labDown(lab: LabNet): void {
  for (const [chain, hook] of [
    [IN_CHAIN, 'INPUT'],
    [FWD_CHAIN, 'FORWARD'],
  ] as const) {
    shQuiet('iptables', ['-D', hook, '-j', chain]);
    shQuiet('iptables', ['-F', chain]);
    shQuiet('iptables', ['-X', chain]);
  }
  shQuiet('ip', ['route', 'del', INTERNET_CIDR]);
  for (const r of sh('ip', ['route', 'show']).split('\n')) {
    const m = /^(\S+) via (10\.250\.\d+\.2) /.exec(r);
    if (m && [...lab.nodes.map((n) => n.nodeIp)].includes(m[2])) shQuiet('ip', ['route', 'del', m[1]]);
  }
  for (const ns of [...lab.nodes.map((n) => n.netns), lab.internet.netns, lab.fabricNetns]) shQuiet('ip', ['netns', 'del', ns]);
  for (const i of [...lab.nodes.map((n) => n.hostIf), lab.internet.hostIf]) shQuiet('ip', ['link', 'del', i]);
  shQuiet('ip', ['addr', 'del', `${SERVICE_IP}/32`, 'dev', 'lo']);
  shQuiet('ip', ['addr', 'del', `${INTERNET_CLIENT_IP}/32`, 'dev', 'lo']);
}
