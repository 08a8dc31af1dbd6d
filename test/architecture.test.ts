/**
 * The one-way house (docs/architecture.md): each layer imports only the layers below it, and cdktf
 * only where stacks are built. A forbidden import fails here with the file and the line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './helpers/env';

/** What each layer may import (itself included). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  config: ['config'],
  terraform: ['config', 'terraform'],
  // the shared words (label keys, the network type) and the one CIDR reader, never the request types: stacks translate
  constructs: ['constructs', 'config/vocabulary', 'config/cidr', 'config/backup-storage', 'config/ingress-routes'],
  stacks: ['config', 'terraform', 'constructs', 'stacks'],
  // drill records are evidence the rules and reports read: the record's shape and reader, never the drill itself
  policies: ['config', 'terraform', 'policies', 'drill/record'],
  workflow: ['config', 'terraform', 'stacks', 'policies', 'workflow'],
  deploy: ['config', 'terraform', 'deploy'],
  // traffic on the live clusters, from the model alone: no stacks, no policies
  probe: ['config', 'probe'],
  // a restore on the live clusters, from the model and the probe's API client
  drill: ['config', 'probe', 'drill'],
  // runtime evidence: the judged deployment read back from the live clusters with the probe's API client
  live: ['config', 'terraform', 'policies', 'probe', 'live'],
  cli: ['config', 'terraform', 'stacks', 'policies', 'workflow', 'deploy', 'probe', 'drill', 'live', 'cli'],
  bench: ['config', 'terraform', 'stacks', 'policies', 'workflow', 'bench'],
  'main.ts': ['config', 'stacks', 'policies'],
};

/** Layers that may use cdktf, its providers and the constructs library. */
const CDKTF_LAYERS = new Set(['constructs', 'stacks', 'main.ts']);
const CDKTF_PACKAGE = /^(cdktf|cdktn|constructs|@cdktf\/.*|@cdktn\/.*)(\/.*)?$/;

function sources(dir: string): string[] {
  const full = path.join(REPO, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [dir];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface Import {
  readonly file: string;
  readonly line: number;
  readonly spec: string;
}

/** Every module a file names in import, export … from, require() or import(). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(REPO, file), 'utf8');
  const out: Import[] = [];
  const re = /(?:^|[^\w.])(?:import|export)\s[^;]*?from\s+'([^']+)'|(?:require|import)\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    out.push({ file, line: text.slice(0, m.index).split('\n').length, spec });
  }
  return out;
}

const layerOf = (file: string): string => (file.includes(path.sep) ? file.split(path.sep)[0] : file);

/** The imported module, relative to the repository without extension (`config/vocabulary`). */
function targetModule(i: Import): string | undefined {
  if (!i.spec.startsWith('.')) return undefined;
  return path
    .relative(REPO, path.resolve(path.join(REPO, path.dirname(i.file)), i.spec))
    .split(path.sep)
    .join('/');
}

function target(i: Import): string | undefined {
  const rel = targetModule(i);
  if (rel === undefined) return undefined;
  return rel === 'main' ? 'main.ts' : rel.split('/')[0];
}

/** Whether a layer may import a module: its layer is allowed, or the module itself is. */
const allowed = (from: string, i: Import): boolean => {
  const to = target(i);
  return to === undefined || ALLOWED[from].includes(to) || ALLOWED[from].includes(targetModule(i) ?? '');
};

const files = Object.keys(ALLOWED).flatMap(sources);

describe('the one-way house', () => {
  it('finds the sources of every layer', () => {
    for (const layer of Object.keys(ALLOWED)) expect(files.filter((f) => layerOf(f) === layer).length).toBeGreaterThan(0);
  });

  it('has no import against the direction of the layers', () => {
    const wrong = files.flatMap(importsOf).flatMap((i) => {
      const from = layerOf(i.file);
      return allowed(from, i) ? [] : [`${i.file}:${i.line} imports ${i.spec} (${from} may import ${ALLOWED[from].join(', ')})`];
    });
    expect(wrong).toEqual([]);
  });

  it('uses cdktf only where stacks are built', () => {
    const wrong = files
      .flatMap(importsOf)
      .filter((i) => CDKTF_PACKAGE.test(i.spec) && !CDKTF_LAYERS.has(layerOf(i.file)))
      .map((i) => `${i.file}:${i.line} imports ${i.spec}`);
    expect(wrong).toEqual([]);
  });

  it('recognises a forbidden import (the check itself works)', () => {
    const i = { file: path.join('policies', 'x.ts'), line: 1, spec: '../stacks/synth' };
    expect(target(i)).toBe('stacks');
    expect(allowed('policies', i)).toBe(false);
    expect(allowed('constructs', { file: path.join('constructs', 'a', 'b.ts'), line: 1, spec: '../../config/vocabulary' })).toBe(true);
    expect(allowed('constructs', { file: path.join('constructs', 'a', 'b.ts'), line: 1, spec: '../../config/model' })).toBe(false);
    expect(importsOf(path.join('workflow', 'pr-report.ts')).map((x) => x.spec)).toContain('./pr');
  });
});
