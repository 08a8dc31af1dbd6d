/**
 * Backup endpoints with boundaries (issue 21): no query string or fragment (never echoed), no
 * metadata or link-local host, an address only inside the site's backupStorage.cidr, no
 * cluster-internal name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { caseEnv } from '../helpers/env';

/** The base city with the main site's backup endpoint replaced (its range is 10.90.0.0/24). */
function city(endpoint: string): string {
  const dir = caseEnv(undefined);
  const platform = path.join(dir, 'platform.yaml');
  fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace('"s3://backup.main.test.gov.cn/b"', JSON.stringify(endpoint)));
  return dir;
}

const lines = (dir: string, lang: 'en' | 'zh' = 'en') =>
  validateEnvironment(dir).issues.map((i) =>
    formatIssue(i, lang)
      .split(path.dirname(dir) + path.sep)
      .join(''),
  );

const AT = 'case/platform.yaml:15:34 spec.sites[0].backupStorage.endpoint:';

describe('validate: backup endpoints', () => {
  it("takes the storage CA's certificates and refuses a private key there without showing it", () => {
    const key = 'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQC';
    const withCa = (pem: string) => {
      const dir = caseEnv(undefined);
      const platform = path.join(dir, 'platform.yaml');
      const text = fs.readFileSync(platform, 'utf8');
      fs.writeFileSync(platform, text.replace('"s3://backup.main.test.gov.cn/b",', `"s3://backup.main.test.gov.cn/b", caCert: ${JSON.stringify(pem)},`));
      return dir;
    };
    const cert = '-----BEGIN CERTIFICATE-----\nMIIBlab0123==\n-----END CERTIFICATE-----\n';
    expect(validateEnvironment(withCa(cert)).model?.sites[0].backupCaCert).toBe(cert);
    const en = lines(withCa(`-----BEGIN PRIVATE KEY-----\n${key}\n-----END PRIVATE KEY-----\n`));
    expect(en).toEqual([expect.stringMatching(/^case\/platform\.yaml:15:\d+ spec\.sites\[0\]\.backupStorage\.caCert: .*private key/)]);
    expect(en.join('\n')).not.toContain(key);
  });
  it('refuses a query string or a fragment without echoing it', () => {
    const secret = 'X-Amz-Credential=AKIDEXAMPLE0123456789&X-Amz-Signature=0123456789abcdef';
    const en = lines(city(`https://10.90.0.5:9000/b?${secret}`));
    expect(en).toEqual([
      `${AT} backup endpoint "https://10.90.0.5:9000/b?…" carries a query string or a fragment (not shown here): a credential could ride in it, and Velero reads none; write s3://bucket[/prefix] or https://host/bucket[/prefix], and keep credentials in the backup secret`,
    ]);
    const zh = lines(city(`s3://b/p#${secret}`), 'zh');
    expect(zh).toEqual([
      `${AT} 备份存储地址 "s3://b/p?…" 带有查询串或片段（此处不显示）：其中可能夹带凭据，且 Velero 不读取；请写为 s3://存储桶[/前缀] 或 https://主机/存储桶[/前缀]，凭据放在备份密钥中`,
    ]);
    for (const l of [...en, ...zh]) expect(l).not.toContain('Amz');
  });
  it('refuses a metadata or link-local host, by address or by name', () => {
    for (const host of ['169.254.169.254', '100.100.100.200', 'metadata.google.internal', '[fe80::1]'])
      expect(lines(city(`https://${host}/b`))).toEqual([
        `${AT} backup endpoint host "${host}" is a cloud metadata endpoint or a link-local address: backups go to the storage of the site, in its backup storage range 10.90.0.0/24`,
      ]);
  });
  it("admits an address inside the site's range and refuses one outside it (or written other than a.b.c.d)", () => {
    expect(lines(city('https://10.90.0.5:9000/b/velero'))).toEqual([]);
    for (const host of ['10.90.1.5', '10.20.0.1', '010.90.0.5', '[::1]'])
      expect(lines(city(`https://${host}/b`))).toEqual([
        `${AT} backup endpoint address "${host}" lies outside the site's backup storage range 10.90.0.0/24 (backupStorage.cidr), the only range Velero may reach: give the storage's address inside it, or correct the range`,
      ]);
  });
  it('refuses a cluster-internal name, and a name spelling an address outside the range', () => {
    expect(lines(city('https://minio.backup.svc.cluster.local/b'))).toEqual([
      `${AT} backup endpoint host "minio.backup.svc.cluster.local" is not a name of the site's storage (.local names a cluster-internal, private or special-use name): give the storage's DNS name, whose addresses lie in 10.90.0.0/24, or its address`,
    ]);
    expect(lines(city('https://10.20.0.1.nip.io/b'))).toEqual([
      `${AT} backup endpoint host "10.20.0.1.nip.io" resolves to an address spelt in its name (nip.io): give the storage's own DNS name, or its address inside 10.90.0.0/24`,
    ]);
    expect(lines(city('https://oss-10-20-0-1.example.cn/b'))).toEqual([
      `${AT} backup endpoint host "oss-10-20-0-1.example.cn" resolves to an address spelt in its name (10.20.0.1): give the storage's own DNS name, or its address inside 10.90.0.0/24`,
    ]);
    expect(lines(city('https://oss-10-90-0-7.example.cn/b'))).toEqual([]);
    expect(lines(city('https://oss.main.test.gov.cn/b'))).toEqual([]);
  });
});
