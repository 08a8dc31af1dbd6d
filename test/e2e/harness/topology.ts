/**
 * The e2e topology: one kube-apiserver + kube-controller-manager per cluster of the example city, each
 * on its own loopback port; the extranet clusters on one etcd (distinct prefixes), the intranet on its
 * own etcd; PostgreSQL with one state database per network. Kubeconfig contexts are named as the
 * stacks expect (the cluster's `kubeContext`), one kubeconfig file per network. Every API server gets
 * Velero's CRDs (from Velero's Go module, see scripts/e2e/parts.sh) before the suite starts.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Kube } from './kube';
import { freePorts } from './ports';
import { startProcess, waitFor } from './procs';
import { AUDIT_CONFIG_DIR, AUDIT_FLAGS_FILE, AUDIT_LOG_DIR } from '../../../config/cluster-config';
import { installCrds, readCrds } from './crds';
import { SERVICE_IP } from './netlab';
import { KUBERNETES_SERVICE_IP, SERVICE_RANGE } from './node';

export type Network = 'extranet' | 'intranet';

export interface ClusterInfo {
  readonly name: string;
  readonly network: Network;
  readonly context: string;
  readonly url: string;
  readonly token: string;
  readonly caFile: string;
  /** The synthesized audit files this API server was started with, and where it writes its audit log. */
  readonly audit: { readonly configDir: string; readonly logDir: string; readonly args: readonly string[] };
  readonly port: number;
  readonly podCidr: string;
  readonly nodeCidr: string;
  /** Per node: its kubelet's kubeconfig (system:node:<name>). */
  readonly nodeKubeconfigs: Readonly<Record<string, string>>;
  /** A kubeconfig with the admin token, for kube-proxy and kube-router on the nodes. */
  readonly adminKubeconfig: string;
}

/** A cluster to start; `auditDir` holds the files synth writes in `<network>/clusters/<cluster>/audit/`. */
export interface ClusterToStart {
  readonly name: string;
  readonly network: Network;
  readonly context: string;
  readonly auditDir: string;
  /** The cluster's pod range (platform.yaml podCidr): the namespaces' pools are in it. */
  readonly podCidr: string;
  /**
   * Where the controller manager cuts each node's /24 from: pods of namespaces without a pool
   * (kube-system) get those, so it lies outside every cluster's pod range and every pool.
   */
  readonly nodeCidr: string;
  /** The nodes that will join: each gets a credential of its own (system:node:<name>). */
  readonly nodes: readonly string[];
}

/** The kube-apiserver flags of the synthesized flags file, as they are (the paths they name are the control plane's own). */
export function auditArgs(auditDir: string): string[] {
  return fs
    .readFileSync(path.join(auditDir, AUDIT_FLAGS_FILE), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/**
 * The API server's own mount namespace, held by a bind of its handle at `<cluster dir>/mntns` (as the
 * nodes' are): the synthesized audit folder bound at /etc/kubernetes/audit and the cluster's log
 * folder at /var/log/kubernetes/audit, the paths of a control-plane node, so that the server runs
 * with the synthesized flags file exactly as written and four servers share one host. The host keeps
 * only the two empty folders, which lab-down removes.
 */
function controlPlaneMounts(dir: string, auditDir: string, logDir: string): string {
  const handle = path.join(dir, 'mntns');
  fs.writeFileSync(handle, '');
  for (const d of [AUDIT_CONFIG_DIR, AUDIT_LOG_DIR]) fs.mkdirSync(d, { recursive: true });
  execFileSync('unshare', [`--mount=${handle}`, '--propagation', 'private', 'true']);
  execFileSync('nsenter', [
    `--mount=${handle}`,
    '--',
    'sh',
    '-c',
    'mount --bind "$1" "$3" && mount --bind "$2" "$4"',
    'sh',
    auditDir,
    logDir,
    AUDIT_CONFIG_DIR,
    AUDIT_LOG_DIR,
  ]);
  return handle;
}

export interface Topology {
  readonly run: string;
  readonly clusters: readonly ClusterInfo[];
  readonly kubeconfig: Record<Network, string>;
  readonly pg: { readonly bin: string; readonly port: number; readonly socketDir: string; readonly conn: Record<Network, string> };
  readonly parts: Record<string, string>;
}

/** `export K='v'` lines of `<cache>/parts.env` (written by scripts/e2e/parts.sh). */
export function readParts(cache: string): Record<string, string> {
  const file = path.join(cache, 'parts.env');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run bash scripts/e2e/parts.sh`);
  const out: Record<string, string> = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^export (\w+)='([^']*)'$/gm)) out[m[1]] = m[2];
  return out;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * CA, serving certificate for the lab address, 127.0.0.1 and the `kubernetes` Service (its ClusterIP and names: pods such
 * as Velero's reach the API server there), the API server's client certificate for kubelets, service-account key pair.
 */
function pki(dir: string, cluster: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3', '-subj', `/CN=govcloud-e2e-ca-${cluster}`);
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver');
  fs.writeFileSync(
    path.join(dir, 'san.ext'),
    `subjectAltName=IP:${SERVICE_IP},IP:127.0.0.1,IP:${KUBERNETES_SERVICE_IP},DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\n`,
  );
  openssl(
    dir,
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '3',
    '-extfile',
    'san.ext',
  );
  // the API server's identity towards kubelets (exec, logs): a client certificate in system:masters
  openssl(
    dir,
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'kubelet-client.key',
    '-out',
    'kubelet-client.csr',
    '-subj',
    '/O=system:masters/CN=kube-apiserver-kubelet-client',
  );
  openssl(dir, 'x509', '-req', '-in', 'kubelet-client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'kubelet-client.crt', '-days', '3');
  openssl(dir, 'genrsa', '-out', 'sa.key', '2048');
  openssl(dir, 'rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub');
}

function kubeconfig(entries: readonly ClusterInfo[]): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const c of entries) lines.push(`- name: ${c.name}`, '  cluster:', `    server: ${c.url}`, `    certificate-authority: ${c.caFile}`);
  lines.push('users:');
  for (const c of entries) lines.push(`- name: admin-${c.name}`, '  user:', `    token: ${c.token}`);
  lines.push('contexts:');
  for (const c of entries) lines.push(`- name: ${c.context}`, '  context:', `    cluster: ${c.name}`, `    user: admin-${c.name}`);
  lines.push(`current-context: ${entries[0]?.context ?? ''}`);
  return `${lines.join('\n')}\n`;
}

async function startEtcd(run: string, name: string, bin: string): Promise<string> {
  const [client, peer, metrics] = await freePorts(3);
  const url = `http://127.0.0.1:${client}`;
  const p = startProcess(run, `etcd-${name}`, bin, [
    `--name=${name}`,
    `--data-dir=${path.join(run, `etcd-${name}`)}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=http://127.0.0.1:${peer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
    `--initial-cluster=${name}=http://127.0.0.1:${peer}`,
    `--listen-metrics-urls=http://127.0.0.1:${metrics}`,
  ]);
  await waitFor(`etcd ${name}`, async () => (await fetch(`${url}/health`)).ok, 60_000, p.log);
  return url;
}

/** A kubeconfig for one user of one cluster (a node's kubelet, or the admin for node programs). */
function userKubeconfig(c: { name: string; url: string; caFile: string }, user: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${c.name}`,
    '  cluster:',
    `    server: ${c.url}`,
    `    certificate-authority: ${c.caFile}`,
    'users:',
    `- name: ${user}`,
    '  user:',
    `    token: ${token}`,
    'contexts:',
    `- name: ${c.name}`,
    '  context:',
    `    cluster: ${c.name}`,
    `    user: ${user}`,
    `current-context: ${c.name}`,
    '',
  ].join('\n');
}

async function startCluster(run: string, parts: Record<string, string>, c: ClusterToStart, etcd: string): Promise<ClusterInfo> {
  const dir = path.join(run, 'secrets', c.name);
  pki(dir, c.name);
  const f = (n: string) => path.join(dir, n);
  const token = crypto.randomBytes(24).toString('hex');
  const nodeTokens = c.nodes.map((n) => ({ node: n, token: crypto.randomBytes(24).toString('hex') }));
  fs.writeFileSync(
    f('tokens.csv'),
    [`${token},admin,admin,"system:masters"`, ...nodeTokens.map((t) => `${t.token},system:node:${t.node},node-${t.node},"system:nodes"`), ''].join('\n'),
    { mode: 0o600 },
  );
  const [port, cmPort, schedPort] = await freePorts(3);
  const logDir = path.join(run, 'audit-log', c.name);
  fs.mkdirSync(logDir, { recursive: true, mode: 0o700 });
  const audit = { configDir: c.auditDir, logDir, args: auditArgs(c.auditDir) };
  const mounts = controlPlaneMounts(dir, c.auditDir, logDir);
  const url = `https://${SERVICE_IP}:${port}`;
  const caFile = f('ca.crt');
  const nodeKubeconfigs: Record<string, string> = {};
  for (const t of nodeTokens) {
    nodeKubeconfigs[t.node] = f(`kubelet-${t.node}.kubeconfig`);
    fs.writeFileSync(nodeKubeconfigs[t.node], userKubeconfig({ name: c.name, url, caFile }, `system:node:${t.node}`, t.token), { mode: 0o600 });
  }
  const adminKubeconfig = f('admin.kubeconfig');
  fs.writeFileSync(adminKubeconfig, userKubeconfig({ name: c.name, url, caFile }, 'admin', token), { mode: 0o600 });
  const info: ClusterInfo = {
    name: c.name,
    network: c.network,
    context: c.context,
    url,
    token,
    caFile,
    audit,
    port,
    podCidr: c.podCidr,
    nodeCidr: c.nodeCidr,
    nodeKubeconfigs,
    adminKubeconfig,
  };
  // nsenter enters the API server's mount namespace and runs the server in its own place: the pid is the server's
  const api = startProcess(run, `apiserver-${c.name}`, 'nsenter', [
    `--mount=${mounts}`,
    '--',
    parts.GOVCLOUD_KUBE_APISERVER,
    `--etcd-servers=${etcd}`,
    `--etcd-prefix=/registry-${c.name}`,
    // the lab address only: the host reaches it, and so does this cluster's nodes (the host firewall keeps the others out)
    `--bind-address=${SERVICE_IP}`,
    `--advertise-address=${SERVICE_IP}`,
    `--secure-port=${port}`,
    `--tls-cert-file=${f('server.crt')}`,
    `--tls-private-key-file=${f('server.key')}`,
    `--client-ca-file=${caFile}`,
    `--token-auth-file=${f('tokens.csv')}`,
    '--authorization-mode=Node,RBAC',
    '--service-account-issuer=https://kubernetes.default.svc',
    `--service-account-key-file=${f('sa.pub')}`,
    `--service-account-signing-key-file=${f('sa.key')}`,
    `--service-cluster-ip-range=${SERVICE_RANGE}`,
    // the `kubernetes` Service's endpoint is this server (lab address and port): in-cluster clients (Velero) find it there
    '--endpoint-reconciler-type=lease',
    `--kubelet-client-certificate=${f('kubelet-client.crt')}`,
    `--kubelet-client-key=${f('kubelet-client.key')}`,
    '--kubelet-preferred-address-types=InternalIP',
    '--profiling=false',
    // as on a real cluster: privileged pods are possible, so Pod Security admission is what refuses them
    '--allow-privileged=true',
    ...audit.args,
  ]);
  const kube = new Kube(c.name, info.url, token, fs.readFileSync(info.caFile, 'utf8'));
  await waitFor(`kube-apiserver ${c.name}`, async () => (await kube.get('/readyz')).status === 200, 120_000, api.log);
  fs.writeFileSync(f('controller-manager.kubeconfig'), kubeconfig([info]), { mode: 0o600 });
  const cm = startProcess(run, `controller-manager-${c.name}`, parts.GOVCLOUD_KUBE_CONTROLLER_MANAGER, [
    `--kubeconfig=${f('controller-manager.kubeconfig')}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    `--secure-port=${cmPort}`,
    `--service-account-private-key-file=${f('sa.key')}`,
    `--root-ca-file=${caFile}`,
    // each node gets a /24 of the cluster's pod range
    '--allocate-node-cidrs=true',
    `--cluster-cidr=${c.nodeCidr}`,
    '--node-cidr-mask-size=24',
    `--service-cluster-ip-range=${SERVICE_RANGE}`,
    '--profiling=false',
  ]);
  // the controller manager is up when it has given the default namespace its service account
  await waitFor(
    `kube-controller-manager ${c.name}`,
    async () => (await kube.get('/api/v1/namespaces/default/serviceaccounts/default')).status === 200,
    120_000,
    cm.log,
  );
  startProcess(run, `scheduler-${c.name}`, parts.GOVCLOUD_KUBE_SCHEDULER, [
    `--kubeconfig=${f('controller-manager.kubeconfig')}`,
    '--leader-elect=false',
    '--bind-address=127.0.0.1',
    `--secure-port=${schedPort}`,
    '--profiling=false',
  ]);
  // before the suite applies anything: the platform stacks hold Velero objects (kubernetes_manifest)
  await installCrds(kube, readCrds(parts.GOVCLOUD_VELERO_CRDS ?? ''));
  return info;
}

async function startPostgres(run: string, parts: Record<string, string>): Promise<Topology['pg']> {
  const bin = parts.GOVCLOUD_PG_BIN;
  const data = path.join(run, 'pg');
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  fs.mkdirSync(data, { mode: 0o700 });
  fs.chownSync(data, uid, gid);
  execFileSync(path.join(bin, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync'], { uid, gid, stdio: ['ignore', 'ignore', 'pipe'] });
  const [port] = await freePorts(1);
  const p = startProcess(
    run,
    'postgres',
    path.join(bin, 'postgres'),
    ['-D', data, '-k', data, '-c', 'listen_addresses=127.0.0.1', '-p', String(port), '-c', 'fsync=off'],
    { uid, gid },
  );
  const psql = (sql: string) =>
    execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-Atc', sql], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  await waitFor('postgres', async () => psql('select 1').trim() === '1', 60_000, p.log);
  const conn = {} as Record<Network, string>;
  for (const n of ['extranet', 'intranet'] as const) {
    psql(`create database govcloud_${n}`);
    conn[n] = `postgres://postgres@127.0.0.1:${port}/govcloud_${n}?sslmode=disable`;
  }
  return { bin, port, socketDir: data, conn };
}

/** Starts the whole topology for the given clusters; everything it starts is recorded for stopAll. */
export async function startTopology(run: string, parts: Record<string, string>, clusters: readonly ClusterToStart[]): Promise<Topology> {
  const etcd: Record<Network, string> = {
    extranet: await startEtcd(run, 'extranet', parts.GOVCLOUD_ETCD),
    intranet: await startEtcd(run, 'intranet', parts.GOVCLOUD_ETCD),
  };
  const pg = await startPostgres(run, parts);
  const infos: ClusterInfo[] = [];
  // API servers one after the other: each takes a core for a few seconds while it starts
  for (const c of clusters) infos.push(await startCluster(run, parts, c, etcd[c.network]));
  const kc = {} as Record<Network, string>;
  for (const n of ['extranet', 'intranet'] as const) {
    kc[n] = path.join(run, 'secrets', `${n}.kubeconfig`);
    fs.writeFileSync(kc[n], kubeconfig(infos.filter((c) => c.network === n)), { mode: 0o600 });
  }
  return { run, clusters: infos, kubeconfig: kc, pg, parts };
}

export function kubeFor(c: ClusterInfo): Kube {
  return new Kube(c.name, c.url, c.token, fs.readFileSync(c.caFile, 'utf8'));
}
