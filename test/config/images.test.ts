/**
 * Platform images and charts come from platform.yaml (issue 13): validate refuses a missing image, an
 * unpinned or latest one, one outside the allowed registries, and a chart whose version is not the
 * chart's own, each at its line; the model carries the full references.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { caseEnv, EXAMPLE_CITY } from '../helpers/env';

const edit = (dir: string, from: string | RegExp, to: string) => {
  const f = path.join(dir, 'platform.yaml');
  const text = fs.readFileSync(f, 'utf8');
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`platform.yaml has no ${String(from)}`);
  fs.writeFileSync(f, text.replace(from, to));
};

const errors = (dir: string) =>
  validateEnvironment(dir)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${path.relative(dir, i.file)}:${i.line} ${i.field} ${i.code}`);

const lineOf = (dir: string, needle: string) =>
  fs
    .readFileSync(path.join(dir, 'platform.yaml'), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('platform images and charts', () => {
  it('gives the model full, pinned references from the allowed registries', () => {
    const m = validateEnvironment(EXAMPLE_CITY).model!;
    // pinned by tag and digest, as the scan reports of the city's registry give them
    expect(m.images).toEqual({
      egressGateway: expect.stringMatching(/^registry\.example-city\.gov\.cn\/platform\/squid:5\.7@sha256:[0-9a-f]{64}$/),
      velero: expect.stringMatching(/^registry\.example-city\.gov\.cn\/platform\/velero\/velero:v1\.18\.3@sha256:[0-9a-f]{64}$/),
      veleroPluginForAws: expect.stringMatching(/^registry\.example-city\.gov\.cn\/platform\/velero\/velero-plugin-for-aws:v1\.14\.3@sha256:[0-9a-f]{64}$/),
      probe: expect.stringMatching(/^registry\.example-city\.gov\.cn\/platform\/probe:busybox-[0-9.]+@sha256:[0-9a-f]{64}$/),
    });
    expect(m.charts.baseline).toEqual({ repository: 'charts/govcloud-baseline', version: '0.1.2' });
  });

  it('keeps a digest next to the tag', () => {
    const dir = caseEnv(undefined);
    const digest = `sha256:${'ab'.repeat(32)}`;
    edit(dir, 'repository: platform/velero/velero, tag: v1.16.1 }', `repository: platform/velero/velero, tag: v1.16.1, digest: "${digest}" }`);
    expect(validateEnvironment(dir).model!.images.velero).toBe(`registry.test.gov.cn/platform/velero/velero:v1.16.1@${digest}`);
  });

  it('refuses a missing image at the images line, with the field', () => {
    const dir = caseEnv(undefined);
    edit(dir, /\n {4}velero: \{[^\n]*\}/, '');
    // a missing key is reported where the mapping that lacks it starts
    const line = lineOf(dir, 'egressGateway:');
    expect(errors(dir)).toEqual([`platform.yaml:${line} spec.images.velero schema.required`]);
  });

  it('refuses an image without tag or digest, and the tag latest', () => {
    const dir = caseEnv(undefined);
    edit(dir, 'repository: platform/velero/velero, tag: v1.16.1 }', 'repository: platform/velero/velero }');
    edit(dir, 'repository: platform/squid, tag: "5.7" }', 'repository: platform/squid, tag: latest }');
    const found = validateEnvironment(dir).issues.filter((i) => i.code === 'platform.imageUnpinned' || i.code === 'image.mutableTag');
    expect(found.map((i) => `${i.line} ${i.field}`)).toEqual([
      `${lineOf(dir, 'platform/squid')} spec.images.egressGateway.tag`,
      `${lineOf(dir, 'platform/velero/velero }')} spec.images.velero`,
    ]);
    expect(formatIssue(found[1], 'en')).toContain('image velero must be pinned: give a version tag other than latest, or a digest');
    expect(formatIssue(found[1], 'zh')).toContain('镜像 velero 必须固定版本');
    expect(formatIssue(found[0], 'en')).toContain('tag "latest" of image egressGateway moves to new content');
  });

  it('refuses an image outside the allowed registries, including a look-alike host', () => {
    const dir = caseEnv(undefined);
    edit(dir, '{ registry: registry.test.gov.cn, repository: platform/squid', '{ registry: registry.test.gov.cn.evil.com, repository: platform/squid');
    const found = validateEnvironment(dir).issues.filter((i) => i.code === 'platform.imageRegistry');
    expect(found.map((i) => `${i.line} ${i.field}`)).toEqual([`${lineOf(dir, 'evil.com')} spec.images.egressGateway.registry`]);
    expect(formatIssue(found[0], 'en')).toContain(
      'registry.test.gov.cn.evil.com/platform/squid is not in an allowed registry (allowed: registry.test.gov.cn/)',
    );
  });

  it("refuses a chart version that is not the chart's own, and a chart that is not in the project", () => {
    const dir = caseEnv(undefined);
    edit(dir, 'version: 0.1.2 }', 'version: 0.2.0 }');
    expect(errors(dir)).toEqual([`platform.yaml:${lineOf(dir, 'baseline:')} spec.charts.baseline.version platform.chartVersion`]);
    const found = validateEnvironment(dir).issues.find((i) => i.code === 'platform.chartVersion')!;
    expect(formatIssue(found, 'en')).toContain('chart version 0.2.0 does not match charts/govcloud-baseline/Chart.yaml, which says 0.1.2');
    edit(dir, 'charts/govcloud-baseline, version: 0.2.0', 'charts/govcloud-nothing, version: 0.1.0');
    expect(errors(dir)).toEqual([`platform.yaml:${lineOf(dir, 'baseline:')} spec.charts.baseline.repository platform.chartMissing`]);
  });

  it('admits an oci chart only from an allowed registry', () => {
    const dir = caseEnv(undefined);
    edit(dir, 'repository: charts/govcloud-baseline', 'repository: oci://charts.elsewhere.cn/govcloud/govcloud-baseline');
    expect(errors(dir)).toEqual([`platform.yaml:${lineOf(dir, 'baseline:')} spec.charts.baseline.repository platform.imageRegistry`]);
    edit(dir, 'oci://charts.elsewhere.cn/', 'oci://registry.test.gov.cn/');
    expect(errors(dir)).toEqual([]);
  });
});
