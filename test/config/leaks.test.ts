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

const lines = (dir: string, lang: 'en' | 'zh' = 'en') =>
  validateEnvironment(dir).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );

describe('a credential as kubeContext', () => {
  it('is refused at its line, in both languages, without echoing it', () => {
    const dir = withContext(JWT);
    expect(lines(dir)).toEqual([
      'case/platform.yaml:30:20 spec.clusters[0].kubeContext: kubeContext looks like a credential (JSON Web Token); it would be written into every stack of this cluster as the default of the kube_context variable: give the name of a context in the kubeconfig (credentials stay in the kubeconfig file, KUBE_CONFIG_PATH at deploy time) and rotate this one if it was committed',
    ]);
    expect(lines(dir, 'zh')).toEqual([
      'case/platform.yaml:30:20 spec.clusters[0].kubeContext: kubeContext 看起来是凭据（JWT 令牌），它会作为 kube_context 变量的默认值写入该集群的每个栈：请填写 kubeconfig 中上下文的名称（凭据只保存在 kubeconfig 文件中，部署时由 KUBE_CONFIG_PATH 指定）；若已提交，请立即轮换该凭据',
    ]);
  });

  it('is refused when longer than the field allows too, still without echoing it', () => {
    const long = `${JWT}${'A'.repeat(120)}`;
    const out = lines(withContext(long));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^case\/platform\.yaml:30:20 spec\.clusters\[0\]\.kubeContext: kubeContext looks like a credential \(JSON Web Token\)/);
    expect(out[1]).toBe(`case/platform.yaml:30:20 spec.clusters[0].kubeContext: allows at most 100 characters, got ${long.length}`);
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

  it.each([
    'ext-main',
    'admin@ext-main',
    'arn:aws-cn:eks:cn-north-1:123456789012:cluster/ext-main',
    'gke_gov-project_asia-east2-a_ext-main',
    'kubernetes-admin@cluster.local',
  ])('accepts the context name %s', (value) => {
    expect(credentialInName(value)).toBeUndefined();
    expect(lines(withContext(value))).toEqual([]);
  });
});

/** The base fixture city with one line of a file replaced. */
function edited(file: string, from: string, to: string): string {
  const dir = caseEnv(undefined);
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  fs.writeFileSync(p, text.replace(from, to));
  return dir;
}

describe('a credential in any field (issue 10)', () => {
  const PEM = '-----BEGIN RSA PRIVATE KEY-----';
  it.each([
    [
      'a display name',
      'tenants/north/relief.yaml',
      'displayName: 测试系统 relief',
      `displayName: 测试系统 ${JWT}`,
      'case/tenants/north/relief.yaml:7:16 metadata.displayName',
      'JSON Web Token',
      'JWT 令牌',
    ],
    [
      'an approval reference',
      'tenants/north/relief.yaml',
      'ref: XM-2026-0001',
      `ref: "XM-2026-0001 eyJhbGciOiJub25lIn0.eyJ4IjoxfQ."`,
      'case/tenants/north/relief.yaml:9:20 metadata.approval.ref',
      'JSON Web Token',
      'JWT 令牌',
    ],
    ["a site's city", 'platform.yaml', '      city: 省会', `      city: "省会 ${PEM}"`, 'case/platform.yaml:21:13 spec.sites[2].city', 'private key', '私钥'],
    [
      'an owner name',
      'tenants/north/relief.yaml',
      'name: 王五,',
      'name: "https://wang:s3cret@git.test.gov.cn",',
      'case/tenants/north/relief.yaml:8:18 metadata.owner.name',
      'URL with user and password',
      '带用户名和口令的 URL',
    ],
  ])('refuses it in %s at its line, in both languages, without printing it back', (_what, file, from, to, where, en, zh) => {
    const dir = edited(file, from, to);
    const secret = /"?(.*?)"?,?$/.exec(to.split(': ').slice(1).join(': '))?.[1] ?? '';
    expect(lines(dir)).toEqual([
      `${where}: looks like a credential (${en}); what is accepted here is written into the synthesized stacks, the reports or the pull-request summary: remove it (credentials stay in kubeconfig files and the deploy environment) and rotate it if it was committed`,
    ]);
    expect(lines(dir, 'zh')).toEqual([
      `${where}: 看起来是凭据（${zh}）；此处接受的内容会写入生成的栈、报告或合并请求摘要：请删除（凭据只保存在 kubeconfig 文件和部署环境中）；若已提交，请立即轮换该凭据`,
    ]);
    for (const l of [...lines(dir), ...lines(dir, 'zh')]) expect(l).not.toContain(secret.includes('eyJ') ? 'eyJ' : secret.slice(-12));
    expect(validateEnvironment(dir).model).toBeUndefined();
  });

  it("refuses it in a waiver's reason and approver", () => {
    const dir = edited(
      'tenants/north/relief.yaml',
      '  admins: [grp-civil-affairs-ops]\n',
      `  admins: [grp-civil-affairs-ops]\n  waivers:\n    - { rule: MLPS-NET-001, reason: "token: ${JWT.slice(0, 30)}", approvedBy: "${JWT}", expires: 2099-01-01 }\n`,
    );
    const out = validateEnvironment(dir, { rules: [{ id: 'MLPS-NET-001' }] }).issues.map((i) => `${i.field} ${i.code}`);
    expect(out).toEqual(expect.arrayContaining(['spec.waivers[0].reason text.credential', 'spec.waivers[0].approvedBy text.credential']));
  });

  it('accepts free text that only talks about credentials, and a commit hash in a reference is no credential', () => {
    const prose = edited('tenants/north/relief.yaml', 'displayName: 测试系统 relief', 'displayName: "Password reset portal (token service)"');
    expect(lines(prose)).toEqual([]);
    // not refused as a credential; the city's 项目联审 reference format (XM-YYYY-NNNN) has no room for it, and the hash is not echoed
    const hash = edited('tenants/north/relief.yaml', 'ref: XM-2026-0001', 'ref: "XM-2026-0001 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"');
    expect(lines(hash)).toEqual([
      "case/tenants/north/relief.yaml:9:20 metadata.approval.ref: approval reference (value not shown: it looks like a credential, hexadecimal key) does not follow the city's 项目联审 (joint project review) reference format XM-YYYY-NNNN (spec.approvals.referenceFormat in platform.yaml; YYYY is a year, N a digit): give the reference as the review's reply writes it, such as XM-2026-0001",
    ]);
  });

  it('does not print back a rejected value that looks like a credential, and names what it looks like instead', () => {
    const dir = edited('tenants/north/relief.yaml', 'network: extranet', `network: ${JWT}`);
    const en = lines(dir);
    expect(en.length).toBeGreaterThan(0);
    expect(en.join('\n')).toContain('(value not shown: it looks like a credential, JSON Web Token)');
    expect(lines(dir, 'zh').join('\n')).toContain('（值未显示：看起来是JWT 令牌）');
    for (const l of [...en, ...lines(dir, 'zh')]) expect(l).not.toContain('eyJ');
  });

  it('still prints back an ordinary rejected value', () => {
    expect(lines(edited('tenants/north/relief.yaml', 'network: extranet', 'network: extranett')).join('\n')).toContain('extranett');
  });
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
