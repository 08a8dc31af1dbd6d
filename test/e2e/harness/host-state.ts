/**
 * What the data plane changes on the host, read before the suite starts and compared after it ends:
 * network namespaces, links, routes, iptables rules and chains (v4 and v6), ipsets, the sysctls the
 * kubelet and the bridge plugin set, mounts, and the folders they leave. The suite undoes every one
 * of them (test/e2e/harness/teardown.ts); the last test proves the host is as it was.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';

export const SYSCTLS = [
  'net/ipv4/ip_forward',
  'net/ipv4/conf/all/forwarding',
  'net/ipv4/conf/all/route_localnet',
  'kernel/panic',
  'kernel/panic_on_oops',
  'vm/overcommit_memory',
  'net/bridge/bridge-nf-call-iptables',
] as const;

/** Folders the kubelet, containerd and CNI make outside the run folder, and the mount points of the API servers' audit folders. */
export const HOST_DIRS = [
  '/var/lib/kubelet',
  '/var/log/containers',
  '/var/log/pods',
  '/var/lib/cni',
  '/run/containerd',
  '/run/netns',
  '/etc/cni',
  '/etc/kubernetes',
  '/var/log/kubernetes',
] as const;

export interface HostState {
  readonly netns: string[];
  readonly links: string[];
  readonly routes: string[];
  readonly iptables: string[];
  readonly ip6tables: string[];
  readonly ipsets: string[];
  readonly sysctls: Record<string, string>;
  readonly mounts: string[];
  readonly dirs: string[];
}

function run(cmd: string, args: readonly string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/**
 * Whether a line of iptables-save is a rule or chain of someone's own: a table header or a built-in
 * chain with its default policy only says that iptables-save loaded the table, which listing it does.
 */
function ownRule(l: string): boolean {
  return l !== '' && !l.startsWith('#') && l !== 'COMMIT' && !l.startsWith('*') && !/^:(INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) ACCEPT/.test(l);
}

/** Rules and chains of iptables-save, without counters and comments, sorted. */
function rules(cmd: string): string[] {
  return (
    run(cmd, [])
      .split('\n')
      // rules and chains of our own; a table header or a built-in chain with its default policy only
      // says that iptables-save loaded the table, which listing it does by itself
      .filter(
        (l) => l !== '' && !l.startsWith('#') && l !== 'COMMIT' && !l.startsWith('*') && !/^:(INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) ACCEPT/.test(l),
      )
      .map((l) => l.replace(/ \[\d+:\d+\]$/, ''))
      .sort()
  );
}

export function readSysctl(name: string): string {
  try {
    return fs.readFileSync(`/proc/sys/${name}`, 'utf8').trim();
  } catch {
    return '';
  }
}

export function hostState(): HostState {
  const sysctls: Record<string, string> = {};
  for (const s of SYSCTLS) sysctls[s] = readSysctl(s);
  return {
    netns: run('ip', ['netns', 'list'])
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter((l) => l !== '')
      .sort(),
    links: run('ip', ['-o', 'link', 'show'])
      .split('\n')
      .map((l) => l.split(':')[1]?.trim().split('@')[0] ?? '')
      .filter((l) => l !== '')
      .sort(),
    routes: run('ip', ['route', 'show', 'table', 'all'])
      .split('\n')
      .filter((l) => l !== '')
      .sort(),
    iptables: rules('iptables-save'),
    ip6tables: rules('ip6tables-save'),
    ipsets: run('ipset', ['list', '-n'])
      .split('\n')
      .filter((l) => l !== '')
      .sort(),
    sysctls,
    mounts: fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[4])
      .filter((m): m is string => m !== undefined && m !== '')
      .sort(),
    dirs: HOST_DIRS.filter((d) => fs.existsSync(d)),
  };
}

/** Lines that differ between two states, as `+ what: line` / `- what: line`; empty when equal. */
export function hostDiff(before: HostState, after: HostState): string[] {
  const out: string[] = [];
  for (const key of Object.keys(after) as (keyof HostState)[]) {
    const a = before[key];
    const b = after[key];
    if (a === undefined) continue;
    if (Array.isArray(a) && Array.isArray(b)) {
      // a snapshot taken by an older harness may list table headers: judge both alike
      const own = key === 'iptables' || key === 'ip6tables' ? (x: string) => ownRule(x) : () => true;
      for (const x of b) if (own(x) && !a.includes(x)) out.push(`+ ${key}: ${x}`);
      for (const x of a) if (own(x) && !b.includes(x)) out.push(`- ${key}: ${x}`);
    } else {
      const ra = a as Record<string, string>;
      const rb = b as Record<string, string>;
      for (const k of Object.keys(ra)) if (ra[k] !== rb[k]) out.push(`~ ${key}: ${k} ${ra[k]} → ${rb[k]}`);
    }
  }
  return out;
}
