/** `govcloud probe --image`: a look-alike registry host is refused before any pod is made (issue 21). */
import { run } from '../../cli/main';
import { EXAMPLE_CITY } from '../helpers/env';

const DIGEST = `@sha256:${'a'.repeat(64)}`;

async function probe(image: string, lang = 'en') {
  const err: string[] = [];
  const saved = { a: process.env.KUBE_CONFIG_PATH, e: process.env.KUBE_CONFIG_PATH_EXTRANET, i: process.env.KUBE_CONFIG_PATH_INTRANET };
  delete process.env.KUBE_CONFIG_PATH;
  delete process.env.KUBE_CONFIG_PATH_EXTRANET;
  delete process.env.KUBE_CONFIG_PATH_INTRANET;
  try {
    const code = await run(['probe', '--env', EXAMPLE_CITY, '--image', image, '--lang', lang], { out: () => undefined, err: (l) => err.push(l) });
    return { code, err: err.join('\n') };
  } finally {
    for (const [k, v] of [
      ['KUBE_CONFIG_PATH', saved.a],
      ['KUBE_CONFIG_PATH_EXTRANET', saved.e],
      ['KUBE_CONFIG_PATH_INTRANET', saved.i],
    ] as const)
      if (v !== undefined) process.env[k] = v;
  }
}

describe('probe --image', () => {
  it('refuses an image from a host that only starts with an allowed registry, in both languages', async () => {
    const image = `registry.example-city.gov.cn.evil.io/probe${DIGEST}`;
    const en = await probe(image);
    expect(en.code).toBe(2);
    expect(en.err).toContain(
      `the probe image "${image}" is not from an allowed registry (registry.example-city.gov.cn/, harbor.xinchuang.example-city.gov.cn, matched as host/path + "/")`,
    );
    const zh = await probe(`harbor.xinchuang.example-city.gov.cn:5000/probe${DIGEST}`, 'zh');
    expect(zh.err).toContain('不来自允许的镜像仓库');
  });
  it('lets an image of an allowed registry through to the next question (which kubeconfig)', async () => {
    const ok = await probe(`harbor.xinchuang.example-city.gov.cn/probe${DIGEST}`);
    expect(ok.err).not.toContain('allowed registry');
    expect(ok.err).toContain('no kubeconfig');
  });
});
