/**
 * The API server's running flags against the flags file synth wrote for its cluster
 * (`<network>/clusters/<cluster>/audit/kube-apiserver.flags`). The running command line comes from
 * the control-plane node: the kube-apiserver mirror pod in kube-system (kubeadm and most
 * distributions run it as a static pod), or a copy of its `/proc/<pid>/cmdline` the operator gives.
 * Every flag of the file must be there with the same value; a missing or different one is a problem.
 */
import type { Bilingual } from '../config/vocabulary';
import { KubeClient } from '../probe/kube';

export interface FlagDifference {
  readonly flag: string;
  readonly want: string;
  /** Absent when the server runs without the flag. */
  readonly got?: string;
}

/**
 * Flags of a command line or a flags file as `--name` → values: `--name=value` and `--name value`
 * both read; arguments split on NUL (a /proc cmdline) or, failing that, on line ends and spaces.
 */
export function parseFlags(argv: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i].trim();
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    let name = a;
    let value = 'true';
    if (eq > 0) {
      name = a.slice(0, eq);
      value = a.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i].trim();
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

/** A command line as written to a file: NUL-separated (`/proc/<pid>/cmdline`), else one argument per line or space. */
export function splitCommandLine(text: string): string[] {
  const parts = text.includes('\0') ? text.split('\0') : text.split(/\s+/);
  return parts.filter((p) => p !== '');
}

/** Every flag of the synthesized file that the running command line lacks or sets otherwise. */
export function compareFlags(flagsFile: string, running: readonly string[]): FlagDifference[] {
  const want = parseFlags(flagsFile.split('\n'));
  const got = parseFlags(running);
  const out: FlagDifference[] = [];
  for (const [flag, values] of want) {
    const have = got.get(flag);
    const last = values[values.length - 1];
    // the server keeps the last value of a flag given twice
    if (!have) out.push({ flag, want: last });
    else if (have[have.length - 1] !== last) out.push({ flag, want: last, got: have[have.length - 1] });
  }
  return out;
}

export function flagDetail(d: FlagDifference): Bilingual {
  return d.got === undefined
    ? { en: `the API server runs without ${d.flag} (synthesized: ${d.want})`, zh: `API 服务器运行时未设置 ${d.flag}（合成值：${d.want}）` }
    : { en: `the API server runs with ${d.flag}=${d.got}, synthesized ${d.want}`, zh: `API 服务器运行参数 ${d.flag}=${d.got}，合成值为 ${d.want}` };
}

/** The command line of the kube-apiserver mirror pod on the cluster, or undefined when it runs no such pod. */
export async function mirrorPodCommand(k: Pick<KubeClient, 'request'>): Promise<{ pod: string; argv: string[] } | undefined> {
  const r = await k.request('GET', '/api/v1/namespaces/kube-system/pods?labelSelector=component%3Dkube-apiserver');
  if (r.status !== 200) return undefined;
  const items = ((r.body as { items?: unknown[] })?.items ?? []) as {
    metadata?: { name?: string };
    spec?: { containers?: { command?: string[]; args?: string[] }[] };
  }[];
  const pod = items.find((p) => (p.spec?.containers ?? []).length > 0);
  const c = pod?.spec?.containers?.[0];
  if (!pod || !c) return undefined;
  return { pod: pod.metadata?.name ?? 'kube-apiserver', argv: [...(c.command ?? []), ...(c.args ?? [])] };
}
