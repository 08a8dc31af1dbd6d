/** No mutable image tags: a digest or a fixed version, never no tag or a floating tag. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { containerName, judgePods } from './pods';

const FLOATING = new Set(['latest', 'stable', 'main', 'master', 'edge', 'nightly', 'dev', 'current']);

/** Why an image reference can change under the same name, or undefined when it is pinned. */
export function mutable(image: string): string | undefined {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  if (image.includes('@')) return 'has a malformed digest';
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon < 0) return 'has no tag (pulls latest)';
  const tag = last.slice(colon + 1);
  if (FLOATING.has(tag.toLowerCase())) return `uses the floating tag :${tag}`;
  return /\d/.test(tag) ? undefined : `uses tag :${tag}, which is not a version`;
}

export const rule: Rule = {
  id: 'MLPS-HOST-008',
  family: 'HOST',
  title: { en: 'No mutable image tags', zh: '不得使用可变的镜像标签' },
  clauses: at([2, 3, 4], '8.2.4.4'),
  platform: 'also',
  cloud: true,
  severity: 'error',
  remediation: {
    en: 'Reference every image by a fixed version tag (e.g. :1.2.3) or, better, by digest (@sha256:...); never omit the tag or use :latest or another floating tag.',
    zh: '所有镜像以固定版本标签（如 :1.2.3）引用，最好使用摘要（@sha256:...）；不得省略标签，也不得使用 :latest 等浮动标签。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers.flatMap((c) => {
          const why = mutable(String(c.image ?? ''));
          return why ? [`container ${containerName(c)} image ${String(c.image ?? '(none)')} ${why}`] : [];
        }),
      'level3-chart',
      'every image is pinned by version or digest',
    ),
};
