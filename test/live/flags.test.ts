import { compareFlags, flagDetail, mirrorPodCommand, parseFlags, splitCommandLine } from '../../live/flags';

const FILE = [
  '--audit-policy-file=/etc/kubernetes/audit/audit-policy.yaml',
  '--audit-log-path=/var/log/kubernetes/audit/audit.log',
  '--audit-log-maxage=190',
  '',
].join('\n');

describe('the API server flags against the synthesized file', () => {
  it('reads a /proc cmdline (NUL-separated) and a spaced one, with `--flag value` and `--flag=value`', () => {
    expect(splitCommandLine('kube-apiserver\0--a=1\0--b\0two\0')).toEqual(['kube-apiserver', '--a=1', '--b', 'two']);
    expect(splitCommandLine('kube-apiserver --a=1\n--b two')).toEqual(['kube-apiserver', '--a=1', '--b', 'two']);
    expect(parseFlags(['kube-apiserver', '--a=1', '--b', 'two', '--c', '--a=3'])).toEqual(
      new Map([
        ['--a', ['1', '3']],
        ['--b', ['two']],
        ['--c', ['true']],
      ]),
    );
  });

  it('finds nothing when the server runs with every flag of the file, whatever else it runs with', () => {
    const argv = splitCommandLine(`kube-apiserver\0--secure-port=6443\0${FILE.split('\n').join('\0')}`);
    expect(compareFlags(FILE, argv)).toEqual([]);
  });

  it('names a flag the server lacks, and one it runs with another value (the last one counts, as the server reads them)', () => {
    const argv = ['kube-apiserver', '--audit-policy-file=/etc/kubernetes/audit/audit-policy.yaml', '--audit-log-maxage=190', '--audit-log-maxage=7'];
    const d = compareFlags(FILE, argv);
    expect(d).toEqual([
      { flag: '--audit-log-path', want: '/var/log/kubernetes/audit/audit.log' },
      { flag: '--audit-log-maxage', want: '190', got: '7' },
    ]);
    expect(flagDetail(d[1]).en).toBe('the API server runs with --audit-log-maxage=7, synthesized 190');
    expect(flagDetail(d[0]).zh).toContain('未设置 --audit-log-path');
  });

  it("reads the kube-apiserver mirror pod's command and args, and says when there is none", async () => {
    const pods = {
      items: [{ metadata: { name: 'kube-apiserver-cp1' }, spec: { containers: [{ command: ['kube-apiserver', '--a=1'], args: ['--b=2'] }] } }],
    };
    const asked: string[] = [];
    const k = { request: async (_m: string, p: string) => (asked.push(p), { status: 200, body: pods, text: '' }) };
    expect(await mirrorPodCommand(k)).toEqual({ pod: 'kube-apiserver-cp1', argv: ['kube-apiserver', '--a=1', '--b=2'] });
    expect(asked).toEqual(['/api/v1/namespaces/kube-system/pods?labelSelector=component%3Dkube-apiserver']);
    expect(await mirrorPodCommand({ request: async () => ({ status: 200, body: { items: [] }, text: '' }) })).toBeUndefined();
  });
});
