/** Images pinned by digest: what runs is exactly what was scanned and approved, byte for byte. */
import { Rule } from '../../types';
import { at } from '../../clause';
import { containerName, judgePods } from './pods';

export const rule: Rule = {
  id: 'MLPS-HOST-016',
  family: 'HOST',
  title: { en: 'Images pinned by digest', zh: '镜像以摘要固定' },
  // level 4 asks for trusted verification of what runs (8.1.4.5, 9.1.4.5 at level 4); below it a digest is good practice
  clauses: at([4], '8.1.4.5'),
  hygiene: {
    levels: [3],
    why: {
      en: 'at level 3 a fixed version tag meets the standard (MLPS-HOST-008); a digest also proves the bytes',
      zh: '第三级使用固定版本标签即满足标准（MLPS-HOST-008）；摘要还能证明镜像内容一致',
    },
  },
  platform: 'also',
  cloud: false,
  severity: 'warning',
  remediation: {
    en: 'Reference every image by digest (registry/repository:tag@sha256:...), e.g. from the scan report of the allowed registry; platform images take the digest field in platform.yaml.',
    zh: '所有镜像以摘要引用（仓库/路径:标签@sha256:...），摘要可取自允许仓库的扫描报告；平台镜像在 platform.yaml 中填写 digest 字段。',
  },
  check: ({ view }) =>
    judgePods(
      view,
      (p) =>
        p.containers.flatMap((c) =>
          /@sha256:[0-9a-f]{64}$/.test(String(c.image ?? '')) ? [] : [`container ${containerName(c)} image ${String(c.image ?? '(none)')} has no digest`],
        ),
      'level4-chart',
      'every image is pinned by digest',
    ),
};
