/** `govcloud drill`: what it refuses before it touches a cluster, exit 2 with a message that says why. */
import { run } from '../../cli/main';
import { EXAMPLE_CITY } from '../helpers/env';

async function drill(args: string[], lang = 'en') {
  const err: string[] = [];
  const saved = { a: process.env.KUBE_CONFIG_PATH, e: process.env.KUBE_CONFIG_PATH_EXTRANET };
  delete process.env.KUBE_CONFIG_PATH;
  delete process.env.KUBE_CONFIG_PATH_EXTRANET;
  try {
    const code = await run(['drill', '--env', EXAMPLE_CITY, '--lang', lang, ...args], { out: () => undefined, err: (l) => err.push(l) });
    return { code, err: err.join('\n') };
  } finally {
    if (saved.a !== undefined) process.env.KUBE_CONFIG_PATH = saved.a;
    if (saved.e !== undefined) process.env.KUBE_CONFIG_PATH_EXTRANET = saved.e;
  }
}

describe('drill: usage', () => {
  it('needs a tenant, one that exists and has a replica on the cluster named', async () => {
    expect(await drill([])).toEqual({ code: 2, err: expect.stringContaining('give the tenant to drill with --tenant') });
    expect(await drill(['--tenant', 'nobody'])).toEqual({ code: 2, err: expect.stringContaining('there is no tenant "nobody"') });
    expect(await drill(['--tenant', 'food-safety-supervision', '--to', 'int-primary'])).toEqual({
      code: 2,
      err: expect.stringContaining('has no replica on "int-primary"'),
    });
  });

  it('takes a target as a whole number and one unit, in both languages', async () => {
    expect(await drill(['--tenant', 'food-safety-supervision', '--rto', '1.5m'])).toEqual({
      code: 2,
      err: expect.stringContaining('--rto must be a whole number and one unit (s, m, h, d), e.g. 30s, 5m; got "1.5m"'),
    });
    expect((await drill(['--tenant', 'food-safety-supervision', '--rpo', 'soon'], 'zh')).err).toContain('--rpo 须为一个正整数加一个单位');
  });

  it('says which kubeconfig is missing instead of trying a cluster', async () => {
    expect(await drill(['--tenant', 'food-safety-supervision', '--rto', '1s'])).toEqual({
      code: 2,
      err: expect.stringContaining('no kubeconfig for the extranet: set KUBE_CONFIG_PATH_EXTRANET or KUBE_CONFIG_PATH'),
    });
  });
});
