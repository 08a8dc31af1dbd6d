/**
 * A node of the e2e data plane: containerd (own root, state and socket), the kubelet, kube-proxy
 * (iptables mode; this kernel has no IPVS) and kube-router as the NetworkPolicy engine (firewall
 * only), all in the node's network namespace (`nsenter --net`, not `ip netns exec`, which would also
 * hide the kubelet's volume mounts from containerd). containerd and the kubelet share the node's own
 * mount namespace (nodeMounts), where the node's folder is the standard /var/lib/kubelet, as on a
 * real machine: Velero's node agent finds every node's pod volumes at one path. Facts verified on this machine kind:
 * /work/shared/real-parts.md §9 — restrict_oom_score_adj, cgroupfs, a cgroupRoot per kubelet.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { LabNode, SERVICE_IP } from './netlab';
import { startProcess, Started, waitFor } from './procs';

/** CNI plugins from Debian's containernetworking-plugins. */
export const CNI_BIN = '/usr/lib/cni';
export const SERVICE_RANGE = '10.96.0.0/24';
/** The `kubernetes` Service's ClusterIP: the first address of SERVICE_RANGE, as the API server allocates it. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const CLUSTER_DNS = '10.96.0.10';
const CGROUP_ROOT = '/sys/fs/cgroup';

export interface NodeParts {
  readonly kubelet: string;
  readonly kubeProxy: string;
  readonly kubeRouter: string;
  readonly containerd: string;
}

export interface NodeConfig {
  readonly node: LabNode;
  readonly dir: string;
  /** Cluster CA (for the kubelet's client authentication) and kubeconfigs. */
  readonly caFile: string;
  readonly kubeletKubeconfig: string;
  readonly adminKubeconfig: string;
  readonly clusterCidr: string;
  /** Registry host names (as images name them) → the lab registry serving them, host:port. */
  readonly mirrors: Readonly<Record<string, string>>;
  readonly pauseImage: string;
  /**
   * The lab's IPAM plugin (scripts/e2e/cni/govcloud-ipam: addresses from the namespace's pool, this
   * node's share of it, each routed to the node on the host); without it, host-local over the node's
   * pod CIDR.
   */
  readonly ipam?: {
    readonly plugin: string;
    readonly server: string;
    readonly tokenFile: string;
    readonly slot: number;
    readonly slots: number;
    /** Where pod routes go: /run/netns/<the lab's fabric>. */
    readonly fabricNetns: string;
  };
}

export function nodeDir(run: string, node: string): string {
  return path.join(run, 'nodes', node);
}

export function cgroupRoot(lab: string, node: string): string {
  return `/govcloud-${lab}-${node}`;
}

/** The cgroup root of a kubelet in every v1 hierarchy (cpuset copies its parent's cpus and mems). */
export function makeCgroups(root: string): void {
  for (const ctrl of fs.readdirSync(CGROUP_ROOT)) {
    if (ctrl === 'unified') continue;
    const dir = path.join(CGROUP_ROOT, ctrl, root);
    fs.mkdirSync(dir, { recursive: true });
    if (ctrl === 'cpuset') {
      for (const f of ['cpuset.cpus', 'cpuset.mems']) fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(CGROUP_ROOT, ctrl, f)));
    }
  }
}

function containerdConfig(c: NodeConfig, d: (n: string) => string): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return [
    'version = 2',
    `root = "${d('containerd/root')}"`,
    `state = "${d('containerd/state')}"`,
    'disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]',
    '[grpc]',
    `  address = "${d('containerd.sock')}"`,
    '[ttrpc]',
    `  address = "${d('containerd.sock.ttrpc')}"`,
    '[debug]',
    `  address = ""`,
    '[metrics]',
    `  address = ""`,
    `[${cri}]`,
    `  sandbox_image = "${c.pauseImage}"`,
    '  restrict_oom_score_adj = true',
    '  enable_selinux = false',
    `[${cri}.containerd]`,
    '  snapshotter = "overlayfs"',
    '  default_runtime_name = "runc"',
    `[${cri}.containerd.runtimes.runc]`,
    '  runtime_type = "io.containerd.runc.v2"',
    `[${cri}.containerd.runtimes.runc.options]`,
    '  SystemdCgroup = false',
    `[${cri}.cni]`,
    `  bin_dir = "${d('cni/bin')}"`,
    `  conf_dir = "${d('cni/net.d')}"`,
    `  conf_template = "${d('cni/template.json')}"`,
    `[${cri}.registry]`,
    `  config_path = "${d('containerd/certs.d')}"`,
    '',
  ].join('\n');
}

/**
 * The CNI network: point-to-point links (Debian's ptp plugin: a veth per pod, a /32 route to it in
 * the node), no masquerade, so pods keep their address across the lab. Not a bridge: a pod's
 * gateway is the first address of its namespace's pool, a node holds pods of many pools, and the
 * bridge plugin keeps one IPv4 address on its bridge.
 */
function cniTemplate(d: (n: string) => string, govcloud: Record<string, unknown> | undefined): string {
  return `${JSON.stringify(
    {
      cniVersion: '0.4.0',
      name: 'govcloud-lab',
      plugins: [
        {
          type: 'ptp',
          ipMasq: false,
          ipam: {
            type: govcloud ? 'govcloud-ipam' : 'host-local',
            ranges: [[{ subnet: '{{.PodCIDR}}' }]],
            routes: [{ dst: '0.0.0.0/0' }],
            dataDir: d('cni/ipam'),
            ...(govcloud ? { govcloud } : {}),
          },
        },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    },
    null,
    2,
  )}\n`;
}

function kubeletConfig(c: NodeConfig, d: (n: string) => string, lab: string): string {
  return `${JSON.stringify(
    {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      address: c.node.nodeIp,
      port: 10250,
      readOnlyPort: 0,
      healthzPort: 0,
      authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: c.caFile } },
      authorization: { mode: 'Webhook' },
      cgroupDriver: 'cgroupfs',
      cgroupRoot: cgroupRoot(lab, c.node.name),
      cgroupsPerQOS: true,
      failCgroupV1: false,
      containerRuntimeEndpoint: `unix://${d('containerd.sock')}`,
      failSwapOn: false,
      clusterDNS: [CLUSTER_DNS],
      clusterDomain: 'cluster.local',
      resolvConf: d('resolv.conf'),
      evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%', 'nodefs.inodesFree': '1%' },
      imageGCHighThresholdPercent: 100,
      imageGCLowThresholdPercent: 99,
      serializeImagePulls: false,
      rotateCertificates: false,
      serverTLSBootstrap: false,
      enforceNodeAllocatable: ['pods'],
      protectKernelDefaults: false,
      nodeStatusReportFrequency: '10s',
      // each kubelet its own pod log folder: a kubelet removes the log folders of pods it does not run,
      // so kubelets sharing /var/log/pods delete each other's logs
      podLogsDir: d('pod-logs'),
    },
    null,
    2,
  )}\n`;
}

/** Writes every configuration file of the node under its folder. */
export function writeNodeConfig(c: NodeConfig, lab: string): void {
  const ipam = c.ipam
    ? {
        server: c.ipam.server,
        caFile: c.caFile,
        tokenFile: c.ipam.tokenFile,
        slot: c.ipam.slot,
        slots: c.ipam.slots,
        nodeIp: c.node.nodeIp,
        fabricNetns: c.ipam.fabricNetns,
      }
    : undefined;
  const d = (n: string) => path.join(c.dir, n);
  for (const sub of ['containerd/root', 'containerd/state', 'cni/net.d', 'cni/ipam', 'cni/bin', 'kubelet', 'pki']) fs.mkdirSync(d(sub), { recursive: true });
  // containerd takes one plugin folder: Debian's plugins, and the lab's IPAM plugin beside them
  for (const f of fs.readdirSync(CNI_BIN)) fs.symlinkSync(path.join(CNI_BIN, f), d(`cni/bin/${f}`));
  if (c.ipam) fs.symlinkSync(c.ipam.plugin, d('cni/bin/govcloud-ipam'));
  fs.writeFileSync(d('containerd.toml'), containerdConfig(c, d));
  fs.writeFileSync(d('cni/template.json'), cniTemplate(d, ipam));
  for (const [host, endpoint] of Object.entries(c.mirrors)) {
    fs.mkdirSync(d(`containerd/certs.d/${host}`), { recursive: true });
    fs.writeFileSync(
      d(`containerd/certs.d/${host}/hosts.toml`),
      `server = "https://${host}"\n\n[host."http://${endpoint}"]\n  capabilities = ["pull", "resolve"]\n`,
    );
  }
  fs.writeFileSync(d('kubelet.json'), kubeletConfig(c, d, lab));
  // pods resolve through the cluster DNS; the node itself has none
  fs.writeFileSync(d('resolv.conf'), `nameserver ${CLUSTER_DNS}\n`);
}

export interface RunningNode {
  readonly node: LabNode;
  readonly procs: readonly Started[];
}

function inNetns(node: LabNode, cmd: string, args: readonly string[], mounts?: string): [string, string[]] {
  return ['nsenter', [`--net=/run/netns/${node.netns}`, ...(mounts ? [`--mount=${mounts}`] : []), '--', cmd, ...args]];
}

/** Where every node's kubelet keeps its state, as on a real machine (inside the node's mount namespace). */
export const NODE_KUBELET_ROOT = '/var/lib/kubelet';

/**
 * The node's own mount namespace, held by a bind of its handle at `<node dir>/mntns` (as `ip netns` holds
 * a network namespace): a copy of the host's mounts, shared propagation inside it (the kubelet's volume
 * mounts reach containers that ask for host-to-container propagation), and the node's kubelet folder
 * bound at /var/lib/kubelet. The host sees none of the node's mounts; lab-down unmounts the handle.
 */
export function nodeMounts(dir: string): string {
  const handle = path.join(dir, 'mntns');
  fs.writeFileSync(handle, '');
  fs.mkdirSync(NODE_KUBELET_ROOT, { recursive: true });
  execFileSync('unshare', [`--mount=${handle}`, '--propagation', 'private', 'true']);
  execFileSync('nsenter', [
    `--mount=${handle}`,
    '--',
    'sh',
    '-c',
    'mount --make-rshared / && mount --bind "$1" "$2" && mount --make-rshared "$2"',
    'sh',
    path.join(dir, 'kubelet'),
    NODE_KUBELET_ROOT,
  ]);
  return handle;
}

/** Whether a unix socket accepts a connection (a server listens on it). */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(socket);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts containerd, then — once it listens — the kubelet and kube-proxy of the node; kube-router comes
 * once the node is registered (startPolicyEngine). The kubelet checks its runtime once and exits when
 * it does not answer, which a loaded machine showed: containerd must listen first.
 */
export async function startNode(run: string, parts: NodeParts, c: NodeConfig, lab: string): Promise<RunningNode> {
  const d = (n: string) => path.join(c.dir, n);
  const n = c.node;
  makeCgroups(cgroupRoot(lab, n.name));
  const mounts = nodeMounts(c.dir);
  const start = (what: string, cmd: string, args: readonly string[]) => {
    const [bin, argv] = inNetns(n, cmd, args, mounts);
    return startProcess(run, `${what}-${n.name}`, bin, argv);
  };
  const labels = Object.entries(n.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const containerd = start('containerd', parts.containerd, ['--config', d('containerd.toml')]);
  await waitFor(`containerd of ${n.name} listening`, () => answers(d('containerd.sock')), 120_000, containerd.log);
  const procs = [
    containerd,
    start('kubelet', parts.kubelet, [
      `--config=${d('kubelet.json')}`,
      `--kubeconfig=${c.kubeletKubeconfig}`,
      `--root-dir=${NODE_KUBELET_ROOT}`,
      `--cert-dir=${d('pki')}`,
      `--hostname-override=${n.name}`,
      `--node-ip=${n.nodeIp}`,
      `--node-labels=${labels}`,
      '--v=1',
    ]),
    start('kube-proxy', parts.kubeProxy, [
      `--kubeconfig=${c.adminKubeconfig}`,
      `--hostname-override=${n.name}`,
      '--proxy-mode=iptables',
      `--cluster-cidr=${c.clusterCidr}`,
      '--conntrack-max-per-core=0',
      '--oom-score-adj=0',
      '--metrics-bind-address=127.0.0.1:10249',
      '--healthz-bind-address=127.0.0.1:10256',
    ]),
  ];
  return { node: n, procs };
}

/**
 * The kubelet's device-plugin socket (the kubelet fixes it at /var/lib/kubelet/device-plugins; --root-dir does not move
 * it): in the node's mount namespace that is the node's own kubelet folder, which the host sees at `<node dir>/kubelet`.
 * The nodes' kubelets still start one after the other, which keeps a loaded machine's start-up calm.
 */
export function kubeletDeviceSocket(dir: string): string {
  return path.join(dir, 'kubelet', 'device-plugins', 'kubelet.sock');
}

/** Waits until a kubelet started at `since` (ms) has made its device-plugin socket; false after `timeoutMs`. */
export async function kubeletListening(dir: string, since: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (fs.statSync(kubeletDeviceSocket(dir)).mtimeMs >= since - 1000) return true;
    } catch {
      // not there yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** kube-router, the node's NetworkPolicy engine: it needs the Node object, so it starts once the kubelet has registered it. */
export function startPolicyEngine(run: string, parts: NodeParts, c: NodeConfig): Started {
  const n = c.node;
  const [bin, argv] = inNetns(n, parts.kubeRouter, [
    `--kubeconfig=${c.adminKubeconfig}`,
    `--hostname-override=${n.name}`,
    '--run-firewall=true',
    '--run-router=false',
    '--run-service-proxy=false',
    `--service-cluster-ip-range=${SERVICE_RANGE}`,
    '--health-port=20244',
    '--metrics-port=0',
  ]);
  return startProcess(run, `kube-router-${n.name}`, bin, argv);
}

/** Whether the node's kube-router answers its health check (from inside the node's namespace). */
export function policyEngineHealthy(n: LabNode): boolean {
  try {
    const out = execFileSync(
      'nsenter',
      [`--net=/run/netns/${n.netns}`, '--', '/bin/busybox', 'sh', '-c', "printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' | /bin/busybox nc -w 2 127.0.0.1 20244"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return / 200 /.test(out.split('\n')[0] ?? '');
  } catch {
    return false;
  }
}

/** Where the lab's API servers and registries listen (SERVICE_IP), as a node sees it. */
export function serviceEndpoint(port: number): string {
  return `${SERVICE_IP}:${port}`;
}
