/**
 * Input that would leak: a credential as a cluster's kubeContext (written into every stack's
 * variables), and request files that are symbolic links (followed, they would read any file on the
 * machine and echo it in errors and pull-request summaries).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { credentialInName } from '../../config/credentials';
import { memorySource } from '../../config/files';
import { filesAt } from '../../workflow/git';
import { caseEnv, tmpDir } from '../helpers/env';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYTp4In0.c2lnbmF0dXJl';
const SYMLINK_EN =
  'cannot read file (it is a symbolic link, and links are refused: request and platform files must be regular files in the repository, so that a link cannot make govcloud read a file outside it and echo its values in errors and pull-request summaries; commit the file itself)';
const SYMLINK_ZH =
  '无法读取文件（该路径是符号链接，符号链接一律拒绝：申请文件和平台文件必须是仓库中的普通文件，以免通过链接读取仓库以外的文件并在错误信息和合并请求摘要中泄露其内容；请直接提交文件本身）';

/** The base fixture city with `kubeContext: <value>` on cluster ext-main (line 29, value at column 20). */
function withContext(value: string): string {
  const dir = caseEnv(undefined);
  const p = path.join(dir, 'platform.yaml');
  fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('      mlpsLevel: 3\n', `      mlpsLevel: 3\n      kubeContext: ${value}\n`));
  return dir;
}

const lines = (dir: string, lang: 'en' | 'zh' = 'en') => validateEnvironment(dir).issues.map((i) => formatIssue(i, lang).split(path.dirname(dir) + path.sep).join(''));

describe('a credential as kubeContext', () => {
  it('is refused at its line, in both languages, without echoing it', () => {
    const dir = withContext(JWT);
    expect(lines(dir)).toEqual([
      'case/platform.yaml:29:20 spec.clusters[0].kubeContext: kubeContext looks like a credential (JSON Web Token); it would be written into every stack of this cluster as the default of the kube_context variable: give the name of a context in the kubeconfig (credentials stay in the kubeconfig file, KUBE_CONFIG_PATH at deploy time) and rotate this one if it was committed',
    ]);
    expect(lines(dir, 'zh')).toEqual([
      'case/platform.yaml:29:20 spec.clusters[0].kubeContext: kubeContext 看起来是凭据（JSON Web Token），它会作为 kube_context 变量的默认值写入该集群的每个栈：请填写 kubeconfig 中上下文的名称（凭据只保存在 kubeconfig 文件中，部署时由 KUBE_CONFIG_PATH 指定）；若已提交，请立即轮换该凭据',
    ]);
  });

  it('is refused when longer than the field allows too, still without echoing it', () => {
    const long = `${JWT}${'A'.repeat(120)}`;
    const out = lines(withContext(long));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^case\/platform\.yaml:29:20 spec\.clusters\[0\]\.kubeContext: kubeContext looks like a credential \(JSON Web Token\)/);
    expect(out[1]).toBe(`case/platform.yaml:29:20 spec.clusters[0].kubeContext: allows at most 100 characters, got ${long.length}`);
    for (const l of out) expect(l).not.toContain('eyJ');
  });

  it.each([
    ['a password', 'admin:password=hunter2', 'password assignment'],
    ['a bootstrap token', 'abcdef.0123456789abcdef', 'Kubernetes bootstrap token'],
    ['an OpenShift token', 'sha256~Xk3vQ9pL2mN8rT5wY7zA1bC4dE6fG0hJ', 'OpenShift token'],
    ['a random string', 'q8ZrT2mX9vL4nB7kW1pS6yD3', 'random token'],
  ])('is refused for %s', (_n, value, what) => {
    expect(credentialInName(value)).toBe(what);
  });

  it.each(['ext-main', 'admin@ext-main', 'arn:aws-cn:eks:cn-north-1:123456789012:cluster/ext-main', 'gke_gov-project_asia-east2-a_ext-main', 'kubernetes-admin@cluster.local'])(
    'accepts the context name %s',
    (value) => {
      expect(credentialInName(value)).toBeUndefined();
      expect(lines(withContext(value))).toEqual([]);
    },
  );
});

describe('symbolic links in the environment', () => {
  it('refuses a request file that links to a file elsewhere, at path:1:1, and never reads the target', () => {
    const dir = caseEnv(undefined);
    const secret = path.join(tmpDir('secret'), 'shadow.yaml');
    fs.writeFileSync(secret, 'apiVersion: leaked-value-42\n');
    fs.symlinkSync(secret, path.join(dir, 'tenants', 'north', 'mirror.yaml'));
    const en = lines(dir);
    expect(en).toEqual([`case/tenants/north/mirror.yaml:1:1 ${SYMLINK_EN}`]);
    expect(lines(dir, 'zh')).toEqual([`case/tenants/north/mirror.yaml:1:1 ${SYMLINK_ZH}`]);
    expect(validateEnvironment(dir).model).toBeUndefined();
  });

  it('refuses a linked folder, in a county folder or as a county folder, and a linked platform.yaml', () => {
    const dir = caseEnv(undefined);
    const elsewhere = tmpDir('elsewhere');
    fs.writeFileSync(path.join(elsewhere, 'x.yaml'), 'leaked-value-42: 1\n');
    fs.symlinkSync(elsewhere, path.join(dir, 'tenants', 'north', 'more'));
    fs.symlinkSync(elsewhere, path.join(dir, 'tenants', 'west'));
    const platform = path.join(dir, 'platform.yaml');
    fs.renameSync(platform, path.join(elsewhere, 'platform.yaml'));
    fs.symlinkSync(path.join(elsewhere, 'platform.yaml'), platform);
    const en = lines(dir);
    expect(en).toEqual([`case/platform.yaml:1:1 ${SYMLINK_EN}`, `case/tenants/north/more:1:1 ${SYMLINK_EN}`, `case/tenants/west:1:1 ${SYMLINK_EN}`]);
    expect(en.join('\n')).not.toContain('leaked-value-42');
  });

  it('refuses a link that points nowhere as a link, not as a missing file', () => {
    const dir = caseEnv(undefined);
    fs.symlinkSync('/nonexistent/govcloud', path.join(dir, 'tenants', 'south', 'ghost.yaml'));
    expect(lines(dir)).toEqual([`case/tenants/south/ghost.yaml:1:1 ${SYMLINK_EN}`]);
  });

  it('refuses a link committed at a git revision (mode 120000) without reading it', () => {
    const repo = fs.realpathSync(tmpDir('git'));
    const dir = caseEnv(undefined, repo);
    fs.symlinkSync('/etc/hostname', path.join(dir, 'tenants', 'north', 'host.yaml'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.cn', 'commit', '-q', '-m', 'base');
    const files = filesAt('HEAD', dir, repo);
    const link = path.join(dir, 'tenants', 'north', 'host.yaml');
    expect([...files.symlinks]).toEqual([link]);
    expect(files.has(link)).toBe(false);
    const r = validateEnvironment(dir, { source: memorySource(files) });
    expect(r.issues.map((i) => `${path.basename(i.file)} ${i.line}:${i.col} ${i.code} ${i.params.reason}`)).toEqual(['host.yaml 1:1 file.unreadable ESYMLINK']);
  });
});
