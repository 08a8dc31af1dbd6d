/**
 * The lab's object storage: one SeaweedFS (`weed mini`, built from its Go module) per site of the
 * example city, on the lab's host address over TLS (a CA of the lab; platform.yaml gives Velero its
 * certificate as backupStorage.caCert). Each site has one bucket with versioning and object lock:
 * every object Velero writes is kept in COMPLIANCE mode for the shortest retention any tenant's
 * backups to that site have, so nobody (the store's admin included) deletes a backup before it.
 *
 * Identities, in the store's own configuration: an admin (buckets only, used by the suite) and one
 * per cluster, which may read and list every site's bucket and write only its own prefix
 * (`<site prefix>/<cluster>/…`) and, on a DR cluster, the `restores/` folder of each primary's prefix it
 * restores from (Velero puts a restore's logs and results beside the backup) — so a DR cluster cannot
 * write or replace its primary's backups, whatever its BackupStorageLocation says. The clusters' keys go to `<run>/object-stores.json`
 * (mode 600); the suite puts each in its cluster's `cloud-credentials` Secret, as operators would.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CityModel } from '../../../config/model';
import { readOnlyLocations } from '../../../config/backup-locations';
import { startProcess, waitFor } from './procs';
import { S3, S3Key } from './s3';
import { HostPort, LabNet } from './netlab';

export interface LabStore {
  readonly site: string;
  /** The store's own address on the host's loopback link (10.250.0.11, .12, …): each site its own range in platform.yaml. */
  readonly ip: string;
  /** `https://<ip>:<port>` */
  readonly url: string;
  readonly port: number;
  readonly bucket: string;
  /** The site's prefix inside the bucket (platform.yaml's endpoint path); clusters write `<prefix>/<cluster>`. */
  readonly prefix: string;
  /** Object-lock retention of the bucket, days. */
  readonly lockDays: number;
}

export interface LabStores {
  readonly caFile: string;
  readonly caPem: string;
  readonly stores: readonly LabStore[];
  readonly admin: S3Key;
  /** Per cluster: its key on every store. */
  readonly clusters: Readonly<Record<string, S3Key>>;
}

export const STORE_PREFIX = 'govcloud';
/** The address of site i's store. */
export const storeIp = (i: number) => `10.250.0.${11 + i}`;
/** Ports of site i: master, volume, filer, S3, admin; gRPC ports are these + 10000 (SeaweedFS's rule). */
const BASE_PORT = 19400;
const portsOf = (i: number) => [0, 1, 2, 3, 4].map((k) => BASE_PORT + 10 * i + k);

const newKey = (who: string): S3Key => ({
  accessKey: `LAB${who
    .replace(/[^a-z0-9]/gi, '')
    .toUpperCase()
    .slice(0, 8)}${crypto.randomBytes(6).toString('hex').toUpperCase()}`,
  secretKey: crypto.randomBytes(24).toString('base64url'),
});

function tls(dir: string, ips: readonly string[]): { caFile: string; cert: string; key: string } {
  const o = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3', '-subj', '/CN=govcloud-e2e-backup-ca');
  o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'store.key', '-out', 'store.csr', '-subj', '/CN=backup-storage');
  fs.writeFileSync(path.join(dir, 'san.ext'), `subjectAltName=${ips.map((ip) => `IP:${ip}`).join(',')}\n`);
  o('x509', '-req', '-in', 'store.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'store.crt', '-days', '3', '-extfile', 'san.ext');
  return { caFile: path.join(dir, 'ca.crt'), cert: path.join(dir, 'store.crt'), key: path.join(dir, 'store.key') };
}

/** The shortest retention of the tenants' backups that go to a site (a Schedule's TTL), at least 1 day. */
function lockDaysOf(model: CityModel, site: string): number {
  const days = model.tenants.flatMap((t) => t.replicas.filter((r) => r.site === site).map((r) => r.retentionDays));
  return Math.max(1, days.length > 0 ? Math.min(...days) : 7);
}

/**
 * Starts a store per site on its own loopback address; the intranet's nodes (no default route) get a
 * route to the stores of their network's sites. The host firewall opens each node's way to them
 * (storeAccess, data-plane.ts).
 */
export async function startObjectStores(run: string, weed: string, model: CityModel, lab: LabNet): Promise<LabStores> {
  const dir = path.join(run, 'object-stores');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ips = model.sites.map((_, i) => storeIp(i));
  for (const ip of ips) execFileSync('ip', ['addr', 'replace', `${ip}/32`, 'dev', 'lo']);
  for (const n of lab.nodes.filter((x) => x.network === 'intranet'))
    for (const a of storeAccess(model, n.cluster, ips)) execFileSync('ip', ['-n', n.netns, 'route', 'replace', `${a.ip}/32`, 'via', n.hostIp]);
  const cert = tls(dir, ips);
  const admin = newKey('admin');
  const clusters = Object.fromEntries(model.clusters.map((c) => [c.name, newKey(c.name)]));
  const stores: LabStore[] = model.sites.map((s, i) => ({
    site: s.name,
    ip: ips[i],
    url: `https://${ips[i]}:${portsOf(i)[3]}`,
    port: portsOf(i)[3],
    bucket: `backup-${s.name}`,
    prefix: STORE_PREFIX,
    lockDays: lockDaysOf(model, s.name),
  }));
  const identities = [
    { name: 'admin', credentials: [admin], actions: ['Admin'] },
    ...model.clusters.map((c) => ({
      name: c.name,
      credentials: [clusters[c.name]],
      actions: [
        ...stores.flatMap((st) => [`Read:${st.bucket}`, `List:${st.bucket}`, `Write:${st.bucket}/${st.prefix}/${c.name}/*`]),
        // Velero uploads a restore's logs and results beside the backup it restored, read-only location or
        // not: a DR cluster may write there, under restores/, and nowhere else of its primary's prefix
        ...readOnlyLocations(model.tenants, c.name).map((r) => {
          const st = stores.find((x) => x.site === r.site)!;
          return `Write:${st.bucket}/${st.prefix}/${r.primaryCluster}/restores/*`;
        }),
      ],
    })),
  ];
  const config = path.join(dir, 'identities.json');
  fs.writeFileSync(config, JSON.stringify({ identities }, null, 2), { mode: 0o600 });
  await Promise.all(
    stores.map(async (st, i) => {
      const [master, volume, filer, s3, adminPort] = portsOf(i);
      const data = path.join(dir, st.site);
      fs.mkdirSync(data, { recursive: true });
      startProcess(run, `weed-${st.site}`, weed, [
        'mini',
        `-dir=${data}`,
        `-ip=${st.ip}`,
        `-ip.bind=${st.ip}`,
        `-master.port=${master}`,
        `-volume.port=${volume}`,
        `-filer.port=${filer}`,
        `-s3.port=${s3}`,
        '-s3.port.iceberg=0',
        '-s3.port.lance=0',
        `-s3.config=${config}`,
        `-s3.cert.file=${cert.cert}`,
        `-s3.key.file=${cert.key}`,
        '-webdav=false',
        '-admin.ui=false',
        `-admin.port=${adminPort}`,
        '-admin.port.legacy=0',
        '-master.telemetry=false',
      ]);
      const s3c = new S3(st.url, fs.readFileSync(cert.caFile), admin);
      await waitFor(
        `the object store of site ${st.site} answering on ${st.url}`,
        async () => (await s3c.request('GET', '/').catch(() => ({ status: 0 }))).status === 200,
        120_000,
      );
      await s3c.lockedBucket(st.bucket, st.lockDays);
    }),
  );
  const out: LabStores = { caFile: cert.caFile, caPem: fs.readFileSync(cert.caFile, 'utf8'), stores, admin, clusters };
  fs.writeFileSync(path.join(run, 'object-stores.json'), JSON.stringify(out, null, 2), { mode: 0o600 });
  return out;
}

/** The lab's stores as platform.yaml names them: each site's backupStorage line, pointing at its store, with the lab's CA. */
export function pinBackupStorage(platformYaml: string, lab: Pick<LabStores, 'stores' | 'caPem'>): string {
  const bySite = new Map(lab.stores.map((s) => [s.site, s]));
  let site: string | undefined;
  const seen = new Set<string>();
  const out = platformYaml.split('\n').map((line) => {
    const name = /^\s*- name: ([a-z0-9-]+)\s*$/.exec(line);
    if (name) site = name[1];
    const m = /^(\s*)backupStorage: \{ endpoint: "[^"]*", cidr: [^,}]+ \}\s*$/.exec(line);
    const st = site === undefined ? undefined : bySite.get(site);
    if (!m || !st) return line;
    seen.add(st.site);
    return `${m[1]}backupStorage: { endpoint: "${st.url}/${st.bucket}/${st.prefix}", cidr: ${st.ip}/32, caCert: ${JSON.stringify(lab.caPem)} }`;
  });
  const missing = lab.stores.filter((s) => !seen.has(s.site)).map((s) => s.site);
  if (missing.length > 0) throw new Error(`platform.yaml has no \`backupStorage: { endpoint: "…", cidr: … }\` line for site(s) ${missing.join(', ')}`);
  return out.join('\n');
}

/** The stores a cluster's nodes may reach: those of the sites its network's clusters are at (the sites it may write or read). */
export function storeAccess(model: CityModel, cluster: string, ips: readonly string[]): HostPort[] {
  const network = model.clusters.find((c) => c.name === cluster)?.network;
  const sites = new Set(model.clusters.filter((c) => c.network === network).map((c) => c.site));
  return model.sites.flatMap((s, i) => (sites.has(s.name) ? [{ ip: ips[i], port: portsOf(i)[3] }] : []));
}

/** The stores the suite started (from `<run>/object-stores.json`). */
export function readObjectStores(run: string): LabStores {
  return JSON.parse(fs.readFileSync(path.join(run, 'object-stores.json'), 'utf8')) as LabStores;
}
