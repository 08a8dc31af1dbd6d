/**
 * A fuzzed environment folder: the base fixture city with its files mutated (yaml-mutate.ts) and its
 * layout disturbed (files in the wrong folder, folders named x.yaml, extra files, symbolic links,
 * missing or duplicated files), written to a temporary folder.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES } from '../../helpers/env';
import { isolationMutation, Mutation, mutate, tameMutation, wildMutation } from './yaml-mutate';
import { INTRANET_WORDS } from './values';

/** The base fixture: relative path → text. */
export const BASE: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const root = path.join(FIXTURES, 'base');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return out;
})();

export const BASE_FILES: readonly string[] = [...BASE.keys()];
export const TENANT_FILES: readonly string[] = BASE_FILES.filter((f) => f.startsWith('tenants/'));

export type Entry = { readonly kind: 'file'; readonly data: Buffer } | { readonly kind: 'dir' } | { readonly kind: 'link'; readonly target: string };

export type LayoutOp =
  | { readonly op: 'move'; readonly file: number; readonly to: number }
  | { readonly op: 'copy'; readonly file: number; readonly as: string; readonly folder: string }
  | { readonly op: 'remove'; readonly file: number }
  | { readonly op: 'dirNamedYaml'; readonly where: string; readonly withFile: boolean }
  | { readonly op: 'extra'; readonly where: string; readonly content: 'garbage' | 'tenant' | 'empty' }
  | { readonly op: 'link'; readonly where: string; readonly target: string };

const FOLDERS = ['north', 'south', 'west', 'city', 'North', 'sub/north', 'north/deeper'];
const NEW_NAMES = ['records', 'Relief', 'relief-copy', 'portal', 'case-files', 'x'.repeat(70), 'a_b', '1st', 'café'];

export const layoutOp: fc.Arbitrary<LayoutOp> = fc.oneof(
  fc.record({ op: fc.constant('move' as const), file: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('copy' as const), file: fc.nat(), as: fc.constantFrom(...NEW_NAMES), folder: fc.constantFrom(...FOLDERS) }),
  fc.record({ op: fc.constant('remove' as const), file: fc.nat() }),
  fc.record({
    op: fc.constant('dirNamedYaml' as const),
    where: fc.constantFrom('tenants/north/folder.yaml', 'tenants/folder.yml', 'platform.yaml', 'tenants/south/relief.yaml'),
    withFile: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('extra' as const),
    where: fc.constantFrom(
      'tenants/north/README.md',
      'tenants/north/.hidden.yaml',
      'tenants/north/notes.yaml.bak',
      'tenants/north/UPPER.YAML',
      'tenants/south/x.yml',
      'tenants/extra.yaml',
      'platform.yml',
      'tenants/north/ .yaml',
      'tenants/north/.yaml',
    ),
    content: fc.constantFrom('garbage' as const, 'tenant' as const, 'empty' as const),
  }),
  fc.record({
    op: fc.constant('link' as const),
    where: fc.constantFrom('tenants/north/link.yaml', 'tenants/west', 'tenants/south/loop.yaml', 'platform.yaml', 'tenants/north/relief.yaml'),
    target: fc.constantFrom('../south/case-files.yaml', '/etc/hostname', 'nowhere.yaml', 'loop.yaml', 'north', '../../platform.yaml', '/'),
  }),
);

export interface EnvCase {
  /** Mutation per base file (by index into BASE_FILES); files without one are written unchanged. */
  readonly mutations: readonly { readonly file: number; readonly mutation: Mutation }[];
  readonly layout: readonly LayoutOp[];
}

const fileMutations = (m: fc.Arbitrary<Mutation>, max: number) =>
  fc.array(fc.record({ file: fc.nat({ max: BASE_FILES.length - 1 }), mutation: m }), { maxLength: max });

/** Anything: broken files, broken layouts. */
export const wildEnv: fc.Arbitrary<EnvCase> = fc.record({ mutations: fileMutations(wildMutation, 3), layout: fc.array(layoutOp, { maxLength: 2 }) });

/** Mostly valid cities: changed values, the layout as it should be. */
export const tameEnv: fc.Arbitrary<EnvCase> = fc.record({ mutations: fileMutations(tameMutation, 2), layout: fc.constant([]) });

/** The extranet's files of the base city: the platform and every request file but the intranet's. */
const EXTRANET_FILES = BASE_FILES.map((f, i) => ({ f, i }))
  .filter(({ f }) => !/case-files/.test(f))
  .map(({ i }) => i);

/** One intranet identifier written into several of the extranet's names and texts, the layout as it should be. */
export const isolationEnv: fc.Arbitrary<EnvCase> = fc.constantFrom(...INTRANET_WORDS).chain((word) =>
  fc.record({
    mutations: fc.array(fc.record({ file: fc.constantFrom(...EXTRANET_FILES), mutation: isolationMutation(word) }), { minLength: 1, maxLength: 3 }),
    layout: fc.constant([]),
  }),
);

/** The credentials a case writes into fields. */
export function secretsOf(c: EnvCase): string[] {
  return c.mutations.flatMap((m) => (m.mutation.secret ? [m.mutation.secret.token] : []));
}

/** The credentials that the case's files really carry (a mutation may find no field for one). */
export function placedSecrets(c: EnvCase, files: ReadonlyMap<string, Entry>): string[] {
  return secretsOf(c).filter((t) => [...files.values()].some((e) => e.kind === 'file' && e.data.includes(t)));
}

/** The files of a case, relative path → entry. */
export function entries(c: EnvCase): Map<string, Entry> {
  const out = new Map<string, Entry>();
  BASE_FILES.forEach((f, i) => {
    let data: Buffer = Buffer.from(BASE.get(f) ?? '');
    for (const m of c.mutations.filter((x) => x.file === i))
      data = mutate(data.toString('utf8'), m.mutation, f === 'platform.yaml' ? 'Platform' : 'TenantRequest');
    out.set(f, { kind: 'file', data });
  });
  for (const o of c.layout) applyLayout(out, o);
  return out;
}

/** One layout operation on a set of files (in place). */
export function applyLayout(out: Map<string, Entry>, o: LayoutOp): void {
  const files = [...out.keys()].filter((k) => out.get(k)?.kind === 'file');
  if (files.length === 0) return;
  const chosen = files[(o.op === 'move' || o.op === 'copy' || o.op === 'remove' ? o.file : 0) % files.length];
  switch (o.op) {
    case 'move': {
      const name = path.posix.basename(chosen);
      const targets = [
        `tenants/${name}`,
        `tenants/north/sub/${name}`,
        `tenants/west/${name}`,
        name === 'platform.yaml' ? 'tenants/north/platform.yaml' : name,
        `tenants/north/${name.replace(/\.yaml$/, '.yml')}`,
        `tenants/south/${name.toUpperCase()}`,
      ];
      const e = out.get(chosen) as Entry;
      out.delete(chosen);
      out.set(targets[o.to % targets.length], e);
      break;
    }
    case 'copy':
      out.set(`tenants/${o.folder}/${o.as}.yaml`, out.get(chosen) as Entry);
      break;
    case 'remove':
      out.delete(chosen);
      break;
    case 'dirNamedYaml':
      for (const k of [...out.keys()]) if (k === o.where || k.startsWith(`${o.where}/`)) out.delete(k);
      if (o.withFile) out.set(`${o.where}/inner.yaml`, { kind: 'file', data: Buffer.from(BASE.get('tenants/north/relief.yaml') ?? '') });
      else out.set(o.where, { kind: 'dir' });
      break;
    case 'extra':
      out.set(o.where, {
        kind: 'file',
        data: Buffer.from(o.content === 'garbage' ? '\u0000\u0001garbage: [' : o.content === 'tenant' ? (BASE.get('tenants/north/relief.yaml') ?? '') : ''),
      });
      break;
    case 'link':
      for (const k of [...out.keys()]) if (k === o.where || k.startsWith(`${o.where}/`)) out.delete(k);
      out.set(o.where, { kind: 'link', target: o.target });
      break;
  }
}

/** Writes the case's files under `dir` (which must not exist yet). */
export function writeEnv(dir: string, files: ReadonlyMap<string, Entry>): void {
  fs.mkdirSync(dir, { recursive: true });
  // links last, so that nothing is ever written through one (a link may point anywhere, `/` included)
  const order = (e: Entry) => (e.kind === 'link' ? 1 : 0);
  for (const [rel, e] of [...files].sort(([a, x], [b, y]) => order(x) - order(y) || a.split('/').length - b.split('/').length || (a < b ? -1 : 1))) {
    const full = path.join(dir, rel);
    try {
      if (e.kind !== 'link' && rel.split('/').some((_, i, parts) => i > 0 && files.get(parts.slice(0, i).join('/'))?.kind === 'link')) continue;
      fs.mkdirSync(path.dirname(full), { recursive: true });
      if (e.kind === 'dir') fs.mkdirSync(full, { recursive: true });
      else if (e.kind === 'link') fs.symlinkSync(e.target, full);
      else fs.writeFileSync(full, e.data);
    } catch {
      // two entries of the case claim the same place (a file where a folder goes): the first one stays
    }
  }
}
