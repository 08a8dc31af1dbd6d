/**
 * A small client for the probe: one cluster's API server, reached as a kubeconfig context names it
 * (server, CA, bearer token or client certificate; files or inline data). Credentials stay in
 * memory and never reach output.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import * as yaml from 'js-yaml';

export interface KubeResponse {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

interface Named<T> {
  readonly name: string;
  readonly [k: string]: unknown;
  readonly value?: T;
}

type Entry = Record<string, unknown>;

function pick(list: unknown, name: string, field: string): Entry | undefined {
  if (!Array.isArray(list)) return undefined;
  const found = (list as Named<unknown>[]).find((x) => x && x.name === name);
  const v = found?.[field];
  return v && typeof v === 'object' ? (v as Entry) : undefined;
}

function fileOrData(base: string, entry: Entry | undefined, file: string, data: string): Buffer | undefined {
  if (!entry) return undefined;
  if (typeof entry[data] === 'string') return Buffer.from(entry[data] as string, 'base64');
  if (typeof entry[file] === 'string') return fs.readFileSync(path.resolve(base, entry[file] as string));
  return undefined;
}

export class KubeClient {
  private constructor(
    readonly context: string,
    readonly server: string,
    private readonly tls: { ca?: Buffer; cert?: Buffer; key?: Buffer },
    private readonly token: string | undefined,
  ) {}

  /** The client of one context of a kubeconfig file; throws a plain message when the context is missing. */
  static fromKubeconfig(file: string, context: string): KubeClient {
    const doc = yaml.load(fs.readFileSync(file, 'utf8')) as Entry;
    const ctx = pick(doc.contexts, context, 'context');
    if (!ctx) throw new Error(`context "${context}" is not in the kubeconfig ${file} / kubeconfig ${file} 中没有上下文 "${context}"`);
    const cluster = pick(doc.clusters, String(ctx.cluster), 'cluster');
    const user = pick(doc.users, String(ctx.user), 'user') ?? {};
    if (!cluster || typeof cluster.server !== 'string')
      throw new Error(`context "${context}" names no cluster with a server / 上下文 "${context}" 没有集群地址`);
    const base = path.dirname(file);
    return new KubeClient(
      context,
      cluster.server,
      {
        ca: fileOrData(base, cluster, 'certificate-authority', 'certificate-authority-data'),
        cert: fileOrData(base, user, 'client-certificate', 'client-certificate-data'),
        key: fileOrData(base, user, 'client-key', 'client-key-data'),
      },
      typeof user.token === 'string' ? user.token : undefined,
    );
  }

  request(method: string, p: string, body?: unknown): Promise<KubeResponse> {
    const u = new URL(p, this.server);
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = https.request(
        u,
        {
          method,
          ca: this.tls.ca,
          cert: this.tls.cert,
          key: this.tls.key,
          agent: false,
          timeout: 30_000,
          headers: {
            accept: 'application/json',
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = undefined;
            try {
              parsed = JSON.parse(text);
            } catch {
              // plain text (logs)
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, text });
          });
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error(`${method} ${u.pathname} timed out`)));
      if (data) req.write(data);
      req.end();
    });
  }
}
