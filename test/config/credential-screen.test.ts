/**
 * The credential screen where people write: a request or platform.yaml (refused at validate), and a
 * hand-written Terraform file under overrides/ (refused by synth and by check), each at its line, in
 * both languages, without printing the value back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue, Issue } from '../../config/issues';
import { CityModel } from '../../config/model';
import { synthesize, SynthError } from '../../stacks/synth';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

/** The base fixture city with one text of a file replaced. */
function edited(file: string, from: string, to: string): string {
  const dir = caseEnv(undefined);
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  fs.writeFileSync(p, text.replace(from, to));
  return dir;
}

const shown = (dir: string, issues: readonly Issue[], lang: 'en' | 'zh') =>
  issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );

describe('a credential of a new shape in a request', () => {
  it.each([
    [
      'a Chinese password label',
      'displayName: "测试系统 密码：Abc12345"',
      '密码：Abc12345',
      'password after a Chinese label (密码/口令/密钥)',
      '“密码/口令/密钥”标签后的口令',
    ],
    ['a Tencent Cloud key', 'displayName: "测试系统 AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"', 'AKIDz8krbs', 'Tencent Cloud access key', '腾讯云访问密钥'],
    [
      'basic authentication',
      'displayName: "测试系统 Authorization: Basic dXNlcjpwYXNzd29yZA=="',
      'dXNlcjpwYXNzd29yZA',
      'Authorization header',
      'Authorization 认证头',
    ],
  ])('refuses %s in a display name at its line, in both languages, without printing it', (_n, to, secret, en, zh) => {
    const dir = edited('tenants/north/relief.yaml', 'displayName: 测试系统 relief', to);
    const r = validateEnvironment(dir);
    expect(r.model).toBeUndefined();
    expect(shown(dir, r.issues, 'en')).toEqual([
      `case/tenants/north/relief.yaml:7:16 metadata.displayName: looks like a credential (${en}); what is accepted here is written into the synthesized stacks, the reports or the pull-request summary: remove it (credentials stay in kubeconfig files and the deploy environment) and rotate it if it was committed`,
    ]);
    expect(shown(dir, r.issues, 'zh')[0]).toContain(`case/tenants/north/relief.yaml:7:16 metadata.displayName: 看起来是凭据（${zh}）`);
    for (const l of [...shown(dir, r.issues, 'en'), ...shown(dir, r.issues, 'zh')]) expect(l).not.toContain(secret);
  });

  it("refuses an Alibaba Cloud key in a site's city in platform.yaml", () => {
    const dir = edited('platform.yaml', '      city: 省会', '      city: "省会 LTAI5tQ8ExAmPlE12345z"');
    expect(shown(dir, validateEnvironment(dir).issues, 'en')[0]).toMatch(
      /^case\/platform\.yaml:21:13 spec\.sites\[2\]\.city: looks like a credential \(Alibaba Cloud access key\)/,
    );
  });
});

function model(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

/** The base fixture city with one hand-written file in the overrides of a stack. */
function withOverride(stack: string, name: string, text: string): { dir: string; overrides: string } {
  const dir = caseEnv(undefined);
  const overrides = path.join(dir, 'overrides');
  fs.mkdirSync(path.join(overrides, stack), { recursive: true });
  fs.writeFileSync(path.join(overrides, stack, name), text);
  return { dir, overrides };
}

const SECRET_FILE = `{
  "resource": {
    "kubernetes_secret_v1": {
      "db": {
        "metadata": { "name": "db", "namespace": "relief-prod" },
        "data": { "password": "Vault@2026!" }
      }
    },
    "kubernetes_config_map_v1": {
      "job": {
        "metadata": { "name": "job", "namespace": "relief-prod" },
        "data": { "run": "PGPASSWORD=hunter2 psql -h db", "key": "LTAI5tQ8ExAmPlE12345z" }
      }
    }
  }
}
`;

describe('a credential in a hand-written Terraform file', () => {
  const { dir, overrides } = withOverride('dept-north-civil-affairs-ext-main', 'db.tf.json', SECRET_FILE);
  const where = 'case/overrides/dept-north-civil-affairs-ext-main/db.tf.json';

  it('is refused by check at its line, in both languages, without printing it', () => {
    const r = stacksForCheck(model(dir), dir);
    expect(r.stacks).toEqual([]);
    const en = shown(dir, r.issues, 'en');
    const tail =
      'a hand-written Terraform file is merged into the synthesized stacks, their Terraform state and the evidence package: remove it (read it at deploy time from a Secret store, e.g. value_from.secret_key_ref, or a variable set in the deploy environment) and rotate it if it was committed';
    expect(en).toEqual([
      `${where}:6:31 resource.kubernetes_secret_v1.db.data.password: looks like a credential (literal value under a credential name); ${tail}`,
      `${where}:12:26 resource.kubernetes_config_map_v1.job.data.run: looks like a credential (password assignment); ${tail}`,
      `${where}:12:66 resource.kubernetes_config_map_v1.job.data.key: looks like a credential (Alibaba Cloud access key); ${tail}`,
    ]);
    const zh = shown(dir, r.issues, 'zh');
    expect(zh[0]).toBe(
      `${where}:6:31 resource.kubernetes_secret_v1.db.data.password: 看起来是凭据（凭据名称下的明文值）；手写的 Terraform 文件会合并进生成的栈、其 Terraform 状态和证据包：请删除（部署时从密钥存储读取，例如 value_from.secret_key_ref，或由部署环境设置的变量提供）；若已提交，请立即轮换该凭据`,
    );
    for (const l of [...en, ...zh]) for (const s of ['Vault@2026', 'hunter2', 'LTAI5t']) expect(l).not.toContain(s);
  });

  it('is refused by synth, which writes nothing', () => {
    const out = path.join(tmpDir('cred-synth'), 'out');
    let error: unknown;
    try {
      synthesize(model(dir), { outDir: out, repoRoot: REPO, handAdded: overrides });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SynthError);
    expect(((error as SynthError).details.issues ?? []).map((i) => `${i.line}:${i.col} ${i.code}`)).toEqual([
      '6:31 override.credential',
      '12:26 override.credential',
      '12:66 override.credential',
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('accepts references and switches: a Secret from a variable, a service-account token not mounted', () => {
    const ok = withOverride(
      'dept-north-civil-affairs-ext-main',
      'ok.tf.json',
      JSON.stringify({
        resource: {
          kubernetes_secret_v1: { db: { metadata: { name: 'db', namespace: 'relief-prod' }, data: { password: '${var.db_password}' } } },
          kubernetes_service_account_v1: { app: { metadata: { name: 'app', namespace: 'relief-prod' }, automount_service_account_token: false } },
        },
      }),
    );
    expect(stacksForCheck(model(ok.dir), ok.dir).issues).toEqual([]);
  });
});
