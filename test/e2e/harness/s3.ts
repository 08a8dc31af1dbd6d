/**
 * A small S3 client for the lab's object stores: path-style requests over HTTPS, signed with AWS
 * Signature Version 4 (region us-east-1, the S3-compatible default), the store's CA given. Enough to
 * create buckets with object lock, list versions, and try what Velero's identities may not do.
 */
import * as crypto from 'crypto';
import * as https from 'https';

export interface S3Key {
  readonly accessKey: string;
  readonly secretKey: string;
}

export interface S3Response {
  readonly status: number;
  readonly text: string;
}

const REGION = 'us-east-1';
const sha256 = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, data: string) => crypto.createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it (slashes kept in paths). */
const enc = (s: string, keepSlash = false) => {
  const e = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? e.replace(/%2F/g, '/') : e;
};

export class S3 {
  constructor(
    readonly endpoint: string,
    private readonly ca: Buffer,
    private readonly key: S3Key,
  ) {}

  /** One signed request; `query` values '' stand for a bare key (`?versions`). */
  request(
    method: string,
    path: string,
    opts: { query?: Record<string, string>; body?: Buffer | string; headers?: Record<string, string> } = {},
  ): Promise<S3Response> {
    const url = new URL(this.endpoint);
    const body = Buffer.from(opts.body ?? '');
    const now = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const day = now.slice(0, 8);
    const query = Object.entries(opts.query ?? {})
      .map(([k, v]) => [enc(k), enc(v)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': sha256(body),
      'x-amz-date': now,
      ...Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    };
    const names = Object.keys(headers).sort();
    const canonical = [
      method,
      enc(path, true),
      query,
      ...names.map((n) => `${n}:${headers[n].trim()}`),
      '',
      names.join(';'),
      headers['x-amz-content-sha256'],
    ].join('\n');
    const scope = `${day}/${REGION}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', now, scope, sha256(canonical)].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${this.key.secretKey}`, day), REGION), 's3'), 'aws4_request');
    const signature = crypto.createHmac('sha256', signingKey).update(toSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.key.accessKey}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path: `${enc(path, true)}${query ? `?${query.replace(/=(&|$)/g, '$1')}` : ''}`,
          headers,
          ca: this.ca,
          agent: false,
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`S3 ${method} ${path}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A bucket with versioning and object lock, every new object kept `days` in `mode` (COMPLIANCE: nobody may delete it early). */
  async lockedBucket(bucket: string, days: number, mode: 'COMPLIANCE' | 'GOVERNANCE' = 'COMPLIANCE'): Promise<void> {
    const made = await this.request('PUT', `/${bucket}`, { headers: { 'x-amz-bucket-object-lock-enabled': 'true' } });
    if (made.status !== 200) throw new Error(`creating bucket ${bucket}: ${made.status} ${made.text}`);
    const xml = `<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled><Rule><DefaultRetention><Mode>${mode}</Mode><Days>${days}</Days></DefaultRetention></Rule></ObjectLockConfiguration>`;
    const md5 = crypto.createHash('md5').update(xml).digest('base64');
    const lock = await this.request('PUT', `/${bucket}`, { query: { 'object-lock': '' }, body: xml, headers: { 'content-md5': md5 } });
    if (lock.status !== 200) throw new Error(`object lock on ${bucket}: ${lock.status} ${lock.text}`);
  }

  /** Every version of the objects under a prefix: key and version id. */
  async versions(bucket: string, prefix: string): Promise<{ key: string; versionId: string }[]> {
    const r = await this.request('GET', `/${bucket}`, { query: { versions: '', prefix } });
    if (r.status !== 200) throw new Error(`listing versions of ${bucket}/${prefix}: ${r.status} ${r.text}`);
    return [...r.text.matchAll(/<Version>([\s\S]*?)<\/Version>/g)].map((m) => ({
      key: /<Key>([^<]*)<\/Key>/.exec(m[1])?.[1] ?? '',
      versionId: /<VersionId>([^<]*)<\/VersionId>/.exec(m[1])?.[1] ?? '',
    }));
  }
}
