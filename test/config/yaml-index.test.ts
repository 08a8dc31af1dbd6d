/**
 * Positions from the fast parser's index are the positions the careful parser gives: for every value
 * and key of every YAML file of the example cities and fixtures, and of texts written to be awkward
 * (comments, flow and block style, quoted and folded scalars, empty values, a document marker).
 */
import * as fs from 'fs';
import * as path from 'path';
import { locate, parseYamlText, PathSegment, readYaml, SourceFile } from '../../config/source';
import { diskSource } from '../../config/files';
import { REPO } from '../helpers/env';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(full) : e.name.endsWith('.yaml') ? [full] : [];
  });
}

function paths(data: unknown, at: PathSegment[] = []): PathSegment[][] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(data)) return [...here, ...data.flatMap((v, i) => paths(v, [...at, i]))];
  if (data !== null && typeof data === 'object') return [...here, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** Every path's value and key position, and a few paths the file does not hold, from one source. */
function positionsOf(src: SourceFile): string[] {
  const all = paths(src.data);
  const missing: PathSegment[][] = [['nope'], ['spec', 'nope', 3], ...all.slice(0, 3).map((p) => [...p, 'nope'])];
  return [...all, ...missing].flatMap((p) => {
    const v = locate(src, p);
    const k = locate(src, p, { key: true });
    return [`${p.join('.')} ${v.line}:${v.col} key ${k.line}:${k.col}`];
  });
}

const AWKWARD = `# a request
---
apiVersion: govcloud/v1   # trailing comment
kind: "TenantRequest"
metadata:

  # a comment line between keys
  name: 'quoted'
  labels: {a: 1, "b": [x, y, {c: d}], e: }
  empty:
  folded: >
    one
    two
  literal: |-
    line
spec:
  list:
  - plain
  -   spaced
  - { to: tenant/x/y, ports: [443, 8443] }
  -
    nested: true
  nested:
    - - inner
      - 2
  tilde: ~
  spelled: null # a comment
`;

describe('the fast parser index', () => {
  const files = [...yamlFiles(path.join(REPO, 'environments')), ...yamlFiles(path.join(REPO, 'test', 'fixtures'))];

  it.each(files.map((f) => path.relative(REPO, f)))('gives the careful positions in %s', (rel) => {
    const file = path.join(REPO, rel);
    const indexed = readYaml(file, 'x', diskSource, { index: true }).source;
    const careful = readYaml(file, 'x').source;
    if (!careful) return; // a fixture that is broken on purpose: no positions either way
    expect(indexed?.index).toBeDefined();
    expect(positionsOf(indexed as SourceFile)).toEqual(positionsOf({ ...careful, index: undefined }));
  });

  it('gives the careful positions in an awkward text', () => {
    const indexed = parseYamlText('a.yaml', AWKWARD, 'x', { index: true }).source as SourceFile;
    const careful = parseYamlText('a.yaml', AWKWARD, 'x').source as SourceFile;
    expect(indexed.index).toBeDefined();
    expect(positionsOf(indexed)).toEqual(positionsOf(careful));
    expect(locate(indexed, ['spec', 'list', 2, 'ports', 1])).toEqual({ file: 'a.yaml', line: 20, col: 36 });
  });

  it('is not built unless asked for', () => {
    expect(parseYamlText('a.yaml', AWKWARD, 'x').source?.index).toBeUndefined();
  });
});
