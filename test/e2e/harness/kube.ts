/** A small HTTPS client for the e2e API servers: bearer token, the cluster's own CA, JSON in and out. */
import * as https from 'https';

export interface KubeResponse {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export class Kube {
  constructor(
    readonly cluster: string,
    readonly url: string,
    private readonly token: string,
    private readonly ca: string,
  ) {}

  request(method: string, path: string, body?: unknown): Promise<KubeResponse> {
    const u = new URL(path, this.url);
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = https.request(
        u,
        {
          method,
          ca: this.ca,
          // no keep-alive: a reused connection the server has closed fails as "socket hang up"
          agent: false,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // plain text (readyz)
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error(`${method} ${u} timed out`)));
      if (data) req.write(data);
      req.end();
    });
  }

  async get(path: string): Promise<KubeResponse> {
    return this.request('GET', path);
  }

  /** Items of a list path (all namespaces or one). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async list(path: string): Promise<any[]> {
    const r = await this.get(path);
    if (r.status !== 200) throw new Error(`${this.cluster}: GET ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body.items ?? [];
  }

  /** Server-side dry-run create: admission runs in full, nothing is stored. */
  async dryRunCreate(path: string, obj: unknown): Promise<KubeResponse> {
    return this.request('POST', `${path}?dryRun=All`, obj);
  }
}
