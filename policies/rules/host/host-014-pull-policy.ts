/** An image referenced by tag is pulled on every start, so a node never runs a stale or planted local copy under that tag. */
import { Rule } from '../../types';
import { containerName, judgePods } from './pods';

const byDigest = (image: string): boolean => /@sha256:[0-9a-f]{64}$/.test(image);

export const rule: Rule = {
  id: 'MLPS-HOST-014',
  family: 'HOST',
  title: { en: 'Images by tag pulled with policy Always', zh: '按标签引用的镜像使用 Always 拉取策略' },
  clauses: {},
  hygiene: {
    levels: [2, 3, 4],
    why: {
      en: 'good practice beyond GB/T 22239: with IfNotPresent a node may run a local image under a tag the registry no longer serves',
      zh: '超出 GB/T 22239 的良好实践：使用 IfNotPresent 时节点可能运行仓库中已不存在的本地同名镜像',
    },
  },
  platform: 'also',
  cloud: false,
  severity: 'note',
  remediation: {
    en: 'Set image_pull_policy = "Always" on containers whose image is referenced by tag, or reference the image by digest (@sha256:...), which needs no pull policy.',
    zh: '按标签引用镜像的容器设置 image_pull_policy = "Always"，或以摘要（@sha256:...）引用镜像（无需拉取策略）。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers.flatMap((c) => {
          const image = String(c.image ?? '');
          const policy = c.image_pull_policy;
          return byDigest(image) || policy === 'Always'
            ? []
            : [`container ${containerName(c)} pulls ${image} by tag with policy ${String(policy ?? '(default: IfNotPresent)')}`];
        }),
      'none',
      'every image by tag is pulled with policy Always, or is referenced by digest',
    ),
};
