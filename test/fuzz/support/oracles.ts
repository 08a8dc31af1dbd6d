/**
 * What must hold whatever the input: the properties of the fuzz suite, as assertions that throw
 * with the offending line (fast-check then prints the case that produced it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CityModel, namespaceName } from '../../../config/model';
import { parseCidr } from '../../../config/cidr';
import { WRITTEN_BY_STACKS } from '../../../stacks/isolation-words';
import { run } from '../../../cli/main';

export interface Output {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Runs the command in this process, collecting its lines as the CLI would print them. */
export async function cli(argv: readonly string[]): Promise<Output> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
}

export class PropertyFailure extends Error {}

const fail = (what: string, detail: string): never => {
  throw new PropertyFailure(`${what}\n${detail.length > 2000 ? `${detail.slice(0, 2000)}…` : detail}`);
};

/** Exit code 0 (ok), 1 (invalid input, refused) or 2 (usage); never 3 (internal error) nor a crash. */
export function exitCodeIsKnown(r: Output, allowed: readonly number[] = [0, 1, 2]): void {
  if (r.code === null || !allowed.includes(r.code)) fail(`exit code ${r.code}, expected one of ${allowed.join('/')}`, r.err + r.out);
}

/** No stack trace, in either stream. */
export function noStackTrace(r: Output): void {
  const m = /^ {4}at .*$/m.exec(r.out + r.err);
  if (m) fail('stack trace in the output', m[0] + '\n' + r.err);
}

/** `file:line:col …` with line and column from 1. */
export const POSITIONED = /^\S.*?:[1-9][0-9]*:[1-9][0-9]* ./;

/**
 * The lines on stderr that are not about one position of one file, each a known shape: the
 * validation summary, synth progress and its refusal for isolation (positioned in the synthesized
 * stack by JSON path instead of a file), and a usage error with its hint.
 */
const KNOWN_LINES: readonly RegExp[] = [
  /^\d+ files checked: \d+ errors, \d+ warnings$/,
  /^已检查 \d+ 个文件：\d+ 个错误，\d+ 个警告$/,
  /^\[\d+\/\d+\] [a-z0-9-]+$/,
  /^physical isolation violated: \S+ \((extranet|intranet)\) refers to \S+ .* of the other network at \S+: /,
  /^违反物理隔离：\S+（(extranet|intranet)）在 \S+ 引用了另一网络的/,
  /^synth refused: \d+ isolation violations; nothing was written$/,
  /^拒绝生成：\d+ 处隔离违规；未写入任何文件$/,
  /^check failed: \d+ isolation violations, which synth refuses$/,
  /^检查未通过：\d+ 处隔离违规，生成时将被拒绝$/,
];
const USAGE_HINT = /^(Run govcloud --help for usage\.|运行 govcloud --help 查看用法。)$/;

/** Every error line is positioned, or one of the known shapes; a usage error is a message and its hint. */
export function errorLinesPositioned(r: Output): void {
  const lines = r.err.split('\n').filter((l) => l !== '');
  lines.forEach((l, i) => {
    if (POSITIONED.test(l) || KNOWN_LINES.some((k) => k.test(l))) return;
    // a usage error: exit 2, its message followed by the hint
    if (r.code === 2 && (USAGE_HINT.test(l) || USAGE_HINT.test(lines[i + 1] ?? ''))) return;
    fail(`error line neither positioned nor known: ${JSON.stringify(l)}`, r.err);
  });
}

/** The only part of the output that is allowed to differ between two identical runs: synth's elapsed time. */
export const elapsed = (s: string): string => s.replace(/^(Synthesized .* in )[0-9.]+( s)$/m, '$1…$2').replace(/^(已生成 .*，用时 )[0-9.]+( 秒)$/m, '$1…$2');

export function sameOutput(a: Output, b: Output): void {
  if (a.code !== b.code) fail(`exit code ${a.code} then ${b.code} on the same input`, a.err + '\n---\n' + b.err);
  if (elapsed(a.out) !== elapsed(b.out)) fail('stdout differs between two runs on the same input', firstDifference(a.out, b.out));
  if (a.err !== b.err) fail('stderr differs between two runs on the same input', firstDifference(a.err, b.err));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/** Every file under a folder, relative path → bytes (symbolic links as their target). */
export function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isSymbolicLink()) out.set(path.relative(dir, full), Buffer.from(`-> ${fs.readlinkSync(full)}`));
      else if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

export function sameTree(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): void {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const n of names) {
    const x = a.get(n);
    const y = b.get(n);
    if (!x || !y) fail(`synth wrote ${n} in one run only`, [...names].join('\n'));
    else if (!x.equals(y)) fail(`synth wrote ${n} differently in two runs on the same input`, firstDifference(x.toString('utf8'), y.toString('utf8')));
  }
}

/** No credential the input carried appears in any output. */
export function noSecret(secrets: readonly string[], texts: readonly { what: string; text: string }[]): void {
  for (const s of secrets) {
    for (const t of texts) {
      const i = t.text.indexOf(s);
      if (i >= 0) fail(`the credential written into the input appears in ${t.what}`, t.text.slice(Math.max(0, i - 300), i + s.length + 100));
    }
  }
}

const isAlnum = (c: string | undefined) => c !== undefined && /^[a-z0-9]$/.test(c);
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** Whether `name` occurs in `s` at `i` on token boundaries (not inside a longer run of [a-z0-9]). */
const bounded = (s: string, i: number, name: string) =>
  (!isAlnum(name[0]) || !isAlnum(s[i - 1])) && (!isAlnum(name[name.length - 1]) || !isAlnum(s[i + name.length]));

/**
 * The intranet's identifiers in a model (tenant names, namespaces, cluster names and contexts), each
 * with the strings the extranet's output legitimately holds that contain it: words the stacks write
 * (`audit` in `govcloud-audit`), shared names (counties, sites, zones), the extranet's own names,
 * departments, groups and approval references. An identifier found only inside one of those is not
 * a mention of the intranet (an extranet group `grp-case-files-ops` is the extranet's own); anywhere
 * else it is, e.g. in a display name or a flow host.
 */
export function intranetIdentifiers(model: CityModel): { names: Map<string, { legit: string; at: number }[]>; cidr: string } {
  const names = [
    ...model.tenants.filter((t) => t.network === 'intranet').flatMap((t) => [t.name, ...t.environments.map((e) => namespaceName(t.name, e))]),
    ...model.clusters.filter((c) => c.network === 'intranet').flatMap((c) => [c.name, c.kubeContext]),
  ].map(fold);
  const ext = model.tenants.filter((t) => t.network === 'extranet');
  const legit = [
    ...WRITTEN_BY_STACKS,
    model.name,
    model.city.code,
    model.egress.namespace,
    ...model.counties.map((c) => c.code),
    ...model.sites.map((s) => s.name),
    ...model.zones.map((z) => z.name),
    ...model.registries,
    ...model.clusters.filter((c) => c.network === 'extranet').flatMap((c) => [c.name, c.kubeContext]),
    ...ext.flatMap((t) => [t.name, t.department, t.approvalRef, ...t.admins, ...t.environments.map((e) => namespaceName(t.name, e))]),
  ].map(fold);
  const out = new Map<string, { legit: string; at: number }[]>();
  for (const n of new Set(names)) {
    if (n === '') continue;
    const inside: { legit: string; at: number }[] = [];
    for (const l of new Set(legit)) for (let j = l.indexOf(n); j >= 0; j = l.indexOf(n, j + 1)) if (bounded(l, j, n)) inside.push({ legit: l, at: j });
    out.set(n, inside);
  }
  return { names: out, cidr: model.intranetCidr };
}

/** The intranet identifier a (folded) string mentions outside every legitimate string, if any. */
function mentioned(s: string, names: ReadonlyMap<string, readonly { legit: string; at: number }[]>): string | undefined {
  for (const [n, inside] of names) {
    for (let i = s.indexOf(n); i >= 0; i = s.indexOf(n, i + 1)) {
      if (!bounded(s, i, n)) continue;
      const excused = inside.some(({ legit, at }) => i - at >= 0 && s.startsWith(legit, i - at) && bounded(s, i - at, legit));
      if (!excused) return n;
    }
  }
  return undefined;
}

/** Every string (key or value) of a JSON document. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

/** No file of the extranet's output names the intranet. */
export function noIntranetInExtranet(files: ReadonlyMap<string, Buffer>, model: CityModel): void {
  const ids = intranetIdentifiers(model);
  const range = parseCidr(ids.cidr);
  for (const [name, data] of files) {
    if (!name.split(path.sep).includes('extranet')) continue;
    let all: string[];
    try {
      all = strings(JSON.parse(data.toString('utf8')));
    } catch {
      all = [data.toString('utf8')];
    }
    for (const raw of all) {
      const s = fold(raw);
      const hit = mentioned(s, ids.names);
      if (hit) fail(`extranet output ${name} names the intranet's ${hit}`, raw);
      // every run of four numbers in a dotted string is an address (`a.172.16.3.4.nip.io` holds 172.16.3.4)
      for (const m of s.matchAll(/[0-9]+(?:\.[0-9]+)+(?:\/[0-9]+)?/g)) {
        const [dotted, bitsText] = m[0].split('/');
        const parts = dotted.split('.');
        for (let i = 0; i + 4 <= parts.length; i++) {
          const four = parts.slice(i, i + 4);
          if (four.some((o) => o.length > 3 || Number(o) > 255)) continue;
          const n = four.reduce((acc, o) => acc * 256 + Number(o), 0);
          const bits = i + 4 === parts.length && bitsText !== undefined && Number(bitsText) <= 32 ? Number(bitsText) : 32;
          // a wider range (172.16.0.0/12 in an `except`) holds the intranet; only what lies inside it names it
          if (bits >= 32 - Math.log2(range.last - range.first + 1) && n >= range.first && n <= range.last)
            fail(`extranet output ${name} holds the intranet address ${m[0]}`, raw);
        }
      }
    }
  }
}
