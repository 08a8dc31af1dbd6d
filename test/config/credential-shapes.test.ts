/**
 * The shapes of a credential (config/credentials.ts), both ways: each sample of the first table is
 * refused as what it is, each of the second (prose and names of a government cloud that talk about
 * credentials without holding one) is accepted. The same screen runs on requests, platform.yaml,
 * hand-written Terraform, the synthesized output (MLPS-DATA-006) and the evidence package.
 */
import { credentialInText, CREDENTIAL_HINT } from '../../config/credentials';
import { credentialsInJson } from '../../config/credential-json';

const POSITIVE: readonly (readonly [string, string])[] = [
  ['密码：Abc12345', 'Chinese password label'],
  ['数据库密码:hunter2', 'Chinese password label'],
  ['口令 Abc@123456', 'Chinese password label'],
  ['管理口令为：Zx9!kq', 'Chinese password label'],
  ['秘钥=0123abcd', 'Chinese password label'],
  ['密钥: c2VjcmV0', 'Chinese password label'],
  ['jdbc:mysql://db/app?user=app&pwd=hunter2', 'password assignment'],
  ['PGPASSWORD=hunter2 psql -h db', 'password assignment'],
  ['MYSQL_PWD=s3cret', 'password assignment'],
  ['password：hunter2', 'password assignment'],
  ['access_token=q8ZrT2mX9vL4', 'token'],
  ['api_key=abc123def456', 'key assignment'],
  ['client_secret: 9f2c0e', 'key assignment'],
  ['AccessKeySecret=abcdEFGH1234', 'key assignment'],
  ['aliyun LTAI5tQ8ExAmPlE12345z', 'Alibaba Cloud access key'],
  ['SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', 'Tencent Cloud access key'],
  ['AKLTYzExampleOnlyNotARealKey0123456789', 'Volcano Engine access key'],
  ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'authorization header'],
  ['curl -H "Basic dXNlcjpwYXNzd29yZA=="', 'basic authentication'],
  ['Authorization: Bearer 0a1b2c3d4e5f6a7b8c9d', 'authorization header'],
  ['upstream Bearer q8ZrT2mX9vL4nB7kW1pS6yD3', 'bearer token'],
  ['sk-proj-Q8ZrT2mX9vL4nB7kW1pS6yD3aB4cD5eF', 'API key'],
  ['key sk-0123456789abcdef0123456789abcdef', 'API key'],
  ['ghp_0123456789abcdefABCDEF0123456789abcd', 'access token'],
  ['glpat-xY9zExampleToken01', 'access token'],
  ['xoxb-123456789012-abcdefghijkl', 'access token'],
  ['AIzaSyA-0123456789abcdefghijklmnopqrstu', 'API key'],
  ['hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', 'API key'],
  ['npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', 'API key'],
  ['sk_live_0123456789abcdefABCD', 'API key'],
  ['SG.abcdefghijklmnop1234.ABCDEFGHIJKLMNOP5678qrst', 'API key'],
  ['AKIAIOSFODNN7EXAMPLE', 'access key'],
  ['postgres://vault:Vault2026@10.20.3.4/vault', 'URL with user and password'],
];

const NEGATIVE: readonly string[] = [
  '重置密码服务',
  '密码找回系统',
  '口令管理平台',
  '口令 复杂度要求',
  '密钥管理服务（KMS）',
  '统一身份认证（口令+短信）',
  'Password reset portal (token service)',
  'PGPASSWORD is set by the runner',
  'pwd reset',
  'Basic information system',
  'Basic services',
  'Authorization: see the operations manual',
  'Bearer token service for the portal',
  'sk-hengshan-county-service-portal',
  'desk-0123456789abcdef0123456789abcdef',
  'kubernetes_default_service_account_v1 with automount_service_account_token = false',
  'password: ${var.db_password}',
  'password: {{ .Values.password }}',
  'XM-2026-0001 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b',
  'api.example.cn',
  'registry.example-city.gov.cn/library/nginx:1.27',
  'AKID card reader',
  'LTAI',
  'value_from.secret_key_ref',
  'secret-access-key',
  'RCLONE_S3_SECRET_ACCESS_KEY',
];

describe('the credential screen', () => {
  it.each(POSITIVE)('refuses %s as a %s', (sample, what) => {
    expect(credentialInText(sample)).toBe(what);
    // the cheap screen of the output never lets a credential through
    expect(CREDENTIAL_HINT.test(sample)).toBe(true);
  });

  it.each(NEGATIVE.map((s) => [s]))('accepts %s', (sample) => {
    expect(credentialInText(sample)).toBeUndefined();
  });

  it('finds literals under a credential name in JSON, keys and values, and not references or switches', () => {
    const doc = {
      resource: {
        kubernetes_secret_v1: { db: { data: { password: 'Vault@2026!', user: 'vault' } } },
        kubernetes_deployment_v1: {
          app: {
            env: [
              { name: 'DB_PASSWORD', value: 'hunter2' },
              { name: 'DB_HOST', value: 'db' },
              { name: 'API_TOKEN', value: '${var.token}' },
            ],
          },
        },
        kubernetes_config_map_v1: { x: { data: { 'PGPASSWORD=hunter2': 'k', 数据库口令: 'Abc@123456' } } },
        kubernetes_default_service_account_v1: { d: { automount_service_account_token: false } },
      },
    };
    expect(credentialsInJson(doc).map((h) => `${h.path.join('.')} ${h.what}`)).toEqual([
      'resource.kubernetes_secret_v1.db.data.password literal password',
      'resource.kubernetes_deployment_v1.app.env.0.value literal value of DB_PASSWORD',
      'resource.kubernetes_config_map_v1.x.data.PGPASSWORD=hunter2 password assignment',
      'resource.kubernetes_config_map_v1.x.data.数据库口令 literal 数据库口令',
    ]);
  });
});
