/**
 * Platform images and charts: pinned (a version tag, not one of MUTABLE_TAGS, or a digest), from an
 * allowed registry, and a chart of this project at the version its Chart.yaml says, so that what
 * synth deploys is what platform.yaml names.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Issue, issue } from '../issues';
import { LoadedFile } from '../load';
import { PlatformFile } from '../schema/platform';
import { fieldPath, locate, PathSegment } from '../source';
import { defaultRepoRoot } from '../repo-root';

/** A registry prefix matches at a path boundary: `registry.x.cn` does not admit `registry.x.cn.evil.com/app`. */
export const fromRegistry = (image: string, prefix: string): boolean => image.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

/** Tags that name whatever was pushed last, not a version: refused in any case (`LATEST`, `Stable`). */
export const MUTABLE_TAGS: readonly string[] = ['latest', 'stable', 'edge', 'nightly', 'main', 'master', 'dev', 'head', 'current'];

/** The version line of a chart's Chart.yaml, or undefined when the chart is not there. */
function chartVersion(root: string, repository: string): string | undefined {
  const file = path.join(root, repository, 'Chart.yaml');
  if (!fs.existsSync(file)) return undefined;
  return /^version:\s*["']?([^"'\s]+)["']?\s*$/m.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '';
}

export function checkImages(p: LoadedFile<PlatformFile>, repoRoot: string = defaultRepoRoot()): Issue[] {
  const s = p.data.spec;
  const out: Issue[] = [];
  const allowed = s.registries.join(', ');
  const at = (where: PathSegment[]) => [locate(p.source, where), fieldPath(where)] as const;
  for (const [name, x] of Object.entries(s.images).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const base: PathSegment[] = ['spec', 'images', name];
    if (!x.tag && !x.digest) out.push(issue('error', ...at(base), 'platform.imageUnpinned', { value: name }));
    if (x.tag !== undefined && MUTABLE_TAGS.includes(x.tag.toLowerCase()))
      out.push(issue('error', ...at([...base, 'tag']), 'image.mutableTag', { value: JSON.stringify(x.tag), image: name, refused: MUTABLE_TAGS.join(', ') }));
    const ref = `${x.registry}/${x.repository}`;
    if (!s.registries.some((r) => fromRegistry(ref, r)))
      out.push(issue('error', ...at([...base, 'registry']), 'platform.imageRegistry', { value: ref, allowed }));
  }
  for (const [name, c] of Object.entries(s.charts)) {
    const base: PathSegment[] = ['spec', 'charts', name];
    if (c.repository.startsWith('oci://')) {
      const ref = c.repository.slice('oci://'.length);
      if (!s.registries.some((r) => fromRegistry(ref, r)))
        out.push(issue('error', ...at([...base, 'repository']), 'platform.imageRegistry', { value: ref, allowed }));
      continue;
    }
    const version = chartVersion(repoRoot, c.repository);
    if (version === undefined) out.push(issue('error', ...at([...base, 'repository']), 'platform.chartMissing', { value: c.repository }));
    else if (version !== c.version)
      out.push(issue('error', ...at([...base, 'version']), 'platform.chartVersion', { value: c.version, expected: version, chart: c.repository }));
  }
  return out;
}
