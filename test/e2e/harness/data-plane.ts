/**
 * The e2e data plane: a node per node pool of every cluster of the example city, each in its own
 * network namespace (netlab.ts), running containerd, the kubelet, kube-proxy and kube-router
 * (node.ts); one registry per network holding the images the project builds (images.ts,
 * registry.ts); the host firewall; host routes to each node's pods. What it changes on the host is
 * recorded in `<run>/lab/` first, so that scripts/e2e/lab-down.sh can undo it after any failure.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CityModel } from '../../../config/model';
import { firewallUp, HostPort, INTERNET_CIDR, LabNet, LabNode, labUp, NodeSpec, planLab, routePods, SERVICE_IP } from './netlab';
import { overlaps } from '../../../config/cidr';
import { HOST_DIRS, hostState } from './host-state';
import { ClusterInfo, kubeFor, Network } from './topology';
import { freePorts } from './ports';
import { LabStores, storeAccess } from './object-store';
import { LabRegistry, startRegistry } from './registry';
import {
  BuiltImage,
  buildImage,
  busyboxRootfs,
  dnsmasqRootfs,
  localPathRootfs,
  pauseRootfs,
  pushImage,
  squidRootfs,
  veleroPluginRootfs,
  veleroRootfs,
} from './images';
import { deployLabDns, internetNames } from './lab-dns';
import { deployLocalPath } from './local-path';
import { kubeletListening, NodeConfig, nodeDir, policyEngineHealthy, startNode, startPolicyEngine, writeNodeConfig } from './node';
import { startProcess, waitFor } from './procs';

export const PROBE_APPLETS = [
  'sh',
  '[',
  'test',
  'tail',
  'head',
  'nc',
  'httpd',
  'sleep',
  'echo',
  'cat',
  'printf',
  'timeout',
  'mkdir',
  'hostname',
  'ip',
  'ls',
  'grep',
  'wc',
  'date',
  'env',
  'true',
  'false',
  // the local-path provisioner's helper pods and the drill's volume checks
  'rm',
  'chmod',
  'sha256sum',
];

export interface DataPlane {
  readonly lab: LabNet;
  readonly registries: Record<Network, LabRegistry>;
  /** Image references by name (`pause`, `probe`), pinned by digest, as pods name them. */
  readonly images: Readonly<Record<string, string>>;
  /** Node name → its pod CIDR (from the controller manager). */
  readonly podCidrs: Readonly<Record<string, string>>;
}

/** One node per node pool of each cluster; the pool's name is the value of the pool label. */
export function nodeSpecs(model: CityModel): NodeSpec[] {
  const key = model.domesticNodeLabel.key;
  return model.clusters.flatMap((c) =>
    c.nodePools.map((p) => ({ name: `${c.name}-${p.name}`, cluster: c.name, network: c.network, pool: p.name, labels: { [key]: p.name } })),
  );
}

/**
 * Refuses to build the lab over an address this machine already uses: a name server, a host of
 * /etc/hosts (the package registries' proxy among them) or a route other than the default.
 */
export function assertLabFree(ranges: readonly string[]): void {
  const used = new Set<string>();
  for (const f of ['/etc/hosts', '/etc/resolv.conf']) {
    if (fs.existsSync(f)) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\b(\d{1,3}(?:\.\d{1,3}){3})\b/g)) used.add(m[1]);
  }
  for (const r of execFileSync('ip', ['-4', 'route', 'show'], { encoding: 'utf8' }).split('\n')) {
    const dst = r.split(' ')[0];
    if (dst && dst !== 'default') used.add(dst.includes('/') ? dst : `${dst}/32`);
  }
  for (const range of ranges) {
    for (const u of used) {
      const cidr = u.includes('/') ? u : `${u}/32`;
      if (!u.startsWith('127.') && overlaps(range, cidr))
        throw new Error(`the e2e lab range ${range} holds ${u}, which this machine uses: choose another range in test/e2e/harness/netlab.ts`);
    }
  }
}

/** The lab's names for this run, recorded before anything is created (lab-down.sh reads them). */
export function prepareLab(run: string, model: CityModel): LabNet {
  const id = crypto
    .randomBytes(8)
    .toString('hex')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 4);
  const lab = planLab(id, nodeSpecs(model));
  assertLabFree(['10.250.0.0/16', '10.240.0.0/16', INTERNET_CIDR, ...model.clusters.map((c) => (c as { podCidr?: string }).podCidr ?? '10.244.0.0/14')]);
  const dir = path.join(run, 'lab');
  fs.mkdirSync(dir, { recursive: true });
  const before = hostState();
  fs.writeFileSync(path.join(dir, 'before.json'), JSON.stringify({ ...before, hostDirs: HOST_DIRS }, null, 2));
  fs.writeFileSync(path.join(dir, 'lab.json'), JSON.stringify(lab, null, 2));
  labUp(lab);
  return lab;
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Builds the images of the lab (pause, probe, DNS, Squid, Velero and its AWS plugin) in the run folder. */
export function buildImages(run: string, parts: Record<string, string>): BuiltImage[] {
  const dir = path.join(run, 'images');
  fs.mkdirSync(dir, { recursive: true });
  const pause = path.join(dir, 'pause-bin');
  execFileSync('gcc', ['-Os', '-static', '-o', pause, path.join(parts.GOVCLOUD_REPO ?? process.cwd(), 'scripts', 'e2e', 'images', 'pause.c')]);
  return [
    buildImage({
      repository: 'platform/pause',
      tag: '3.10-govcloud',
      rootfs: pauseRootfs(path.join(dir, 'pause'), pause),
      entrypoint: ['/pause'],
      user: '65535',
    }),
    buildImage({
      repository: 'platform/probe',
      tag: `busybox-${sha(fs.readFileSync('/bin/busybox')).slice(0, 12)}`,
      rootfs: busyboxRootfs(path.join(dir, 'probe'), '/bin/busybox', PROBE_APPLETS),
      entrypoint: ['/bin/sh'],
      user: '65534',
    }),
    buildImage({ repository: 'platform/dnsmasq', tag: '2.90-debian12', rootfs: dnsmasqRootfs(path.join(dir, 'dnsmasq')), entrypoint: ['/usr/sbin/dnsmasq'] }),
    buildImage({
      repository: 'platform/squid',
      tag: '5.7-debian12',
      rootfs: squidRootfs(path.join(dir, 'squid')),
      entrypoint: ['/usr/sbin/squid'],
      user: '13',
    }),
    buildImage({
      repository: 'platform/velero/velero',
      tag: partVersion(parts.GOVCLOUD_VELERO, 'GOVCLOUD_VELERO'),
      rootfs: veleroRootfs(path.join(dir, 'velero'), parts.GOVCLOUD_VELERO),
      entrypoint: ['/velero'],
      user: '65532',
    }),
    buildImage({
      repository: 'platform/velero/velero-plugin-for-aws',
      tag: partVersion(parts.GOVCLOUD_VELERO_PLUGIN_FOR_AWS, 'GOVCLOUD_VELERO_PLUGIN_FOR_AWS'),
      rootfs: veleroPluginRootfs(path.join(dir, 'velero-plugin-for-aws'), parts.GOVCLOUD_VELERO_PLUGIN_FOR_AWS, parts.GOVCLOUD_VELERO_CP_PLUGIN),
      entrypoint: ['/bin/cp-plugin', '/plugins/velero-plugin-for-aws', '/target/velero-plugin-for-aws'],
      user: '65532',
    }),
    buildImage({
      repository: 'platform/local-path-provisioner',
      tag: partVersion(parts.GOVCLOUD_LOCAL_PATH, 'GOVCLOUD_LOCAL_PATH'),
      rootfs: localPathRootfs(path.join(dir, 'local-path'), parts.GOVCLOUD_LOCAL_PATH),
      entrypoint: ['/local-path-provisioner'],
    }),
  ];
}

/** The module version of a Go part: the folder parts.sh built it in (…/<part>/<version>/<binary>). */
function partVersion(binary: string | undefined, name: string): string {
  if (!binary || !fs.existsSync(binary)) throw new Error(`${name} (${binary ?? 'unset'}) is missing: run bash scripts/e2e/parts.sh velero`);
  return path.basename(path.dirname(binary));
}

/** Starts registries, pushes the images, raises the firewall and starts every node; waits until all are Ready. */
/**
 * platform.yaml with the digest of every image the lab builds (same repository) set to what was built:
 * the e2e city pins the lab's images exactly as a city pins its mirror's. Other images are left.
 */
export function pinBuiltImages(platformYaml: string, built: readonly BuiltImage[]): string {
  let out = platformYaml;
  for (const img of built) {
    const line = new RegExp(`(repository: ${img.repository.replace(/[/.]/g, '\\$&')}, tag: [^,]+, digest: )"sha256:[0-9a-f]{64}"`, 'g');
    out = out.replace(line, `$1"${img.digest}"`);
  }
  return out;
}

/**
 * platform.yaml with each cluster's `apiServer` set to where its lab API server really listens (the lab address and the
 * cluster's port): what an operator writes for a real cluster, and the only way Velero's NetworkPolicy lets it out.
 */
export function pinApiServers(platformYaml: string, servers: readonly { name: string; port: number }[]): string {
  const port = new Map(servers.map((c) => [c.name, c.port]));
  let cluster: string | undefined;
  const seen = new Set<string>();
  const out = platformYaml.split('\n').map((line) => {
    const name = /^\s*- name: ([a-z0-9-]+)\s*$/.exec(line);
    if (name) cluster = name[1];
    const api = /^(\s*)apiServer: \{ cidr: [^,]+, port: \d+ \}\s*$/.exec(line);
    if (!api || cluster === undefined || !port.has(cluster)) return line;
    seen.add(cluster);
    return `${api[1]}apiServer: { cidr: ${SERVICE_IP}/32, port: ${port.get(cluster)} }`;
  });
  const missing = servers.filter((c) => !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new Error(`platform.yaml has no \`apiServer: { cidr: …, port: … }\` line for cluster(s) ${missing.join(', ')}`);
  return out.join('\n');
}

export async function startDataPlane(
  run: string,
  parts: Record<string, string>,
  model: CityModel,
  lab: LabNet,
  clusters: readonly ClusterInfo[],
  prebuilt?: readonly BuiltImage[],
  stores?: LabStores,
): Promise<DataPlane> {
  const [extPort, intPort] = await freePorts(2);
  const registries: Record<Network, LabRegistry> = {
    extranet: await startRegistry(run, parts.GOVCLOUD_REGISTRY, 'extranet', extPort),
    intranet: await startRegistry(run, parts.GOVCLOUD_REGISTRY, 'intranet', intPort),
  };
  const built = prebuilt ?? buildImages(run, parts);
  for (const r of Object.values(registries)) for (const img of built) await pushImage(r.url, img);
  // every registry name platform.yaml allows resolves, on each node, to its own network's registry
  const registryHost = model.registries[0].replace(/\/.*$/, '');
  const images: Record<string, string> = {};
  for (const img of built) images[img.repository.replace(/^platform\//, '')] = `${registryHost}/${img.repository}@${img.digest}`;

  const ports = new Map<string, (number | HostPort)[]>();
  const clusterOf = new Map(clusters.map((c) => [c.name, c]));
  const storeIps = stores?.stores.map((s) => s.ip) ?? [];
  for (const n of lab.nodes)
    ports.set(n.name, [clusterOf.get(n.cluster)!.port, registries[n.network].port, ...(stores ? storeAccess(model, n.cluster, storeIps) : [])]);
  firewallUp(lab, ports);

  const configs = new Map<string, NodeConfig>();
  const nodeParts = {
    kubelet: parts.GOVCLOUD_KUBELET,
    kubeProxy: parts.GOVCLOUD_KUBE_PROXY,
    kubeRouter: parts.GOVCLOUD_KUBE_ROUTER,
    containerd: '/usr/bin/containerd',
  };
  for (const n of lab.nodes) {
    const c = clusterOf.get(n.cluster)!;
    const mirrors: Record<string, string> = {};
    for (const r of model.registries) mirrors[r.replace(/\/.*$/, '')] = `10.250.0.1:${registries[n.network].port}`;
    const tokenFile = path.join(nodeDir(run, n.name), 'ipam-token');
    fs.mkdirSync(path.dirname(tokenFile), { recursive: true });
    fs.writeFileSync(tokenFile, `${c.token}\n`, { mode: 0o600 });
    const peers = lab.nodes.filter((x) => x.cluster === n.cluster);
    const cfg: NodeConfig = {
      node: n,
      dir: nodeDir(run, n.name),
      caFile: c.caFile,
      kubeletKubeconfig: c.nodeKubeconfigs[n.name],
      adminKubeconfig: c.adminKubeconfig,
      clusterCidr: c.podCidr,
      mirrors,
      pauseImage: images.pause,
      ipam: {
        plugin: path.join(parts.GOVCLOUD_REPO, 'scripts', 'e2e', 'cni', 'govcloud-ipam'),
        server: c.url,
        tokenFile,
        fabricNetns: `/run/netns/${lab.fabricNetns}`,
        slot: peers.indexOf(n),
        slots: peers.length,
      },
    };
    writeNodeConfig(cfg, lab.id);
    configs.set(n.name, cfg);
    const since = Date.now();
    await startNode(run, nodeParts, cfg, lab.id);
    // one kubelet at a time; one that never listens shows in the Ready wait below
    await kubeletListening(cfg.dir, since, 60_000);
  }
  const podCidrs: Record<string, string> = {};
  for (const n of lab.nodes) {
    const kube = kubeFor(clusterOf.get(n.cluster)!);
    await waitFor(
      `node ${n.name} Ready`,
      async () => {
        const r = await kube.get(`/api/v1/nodes/${n.name}`);
        const ready = (r.body?.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');
        if (ready && r.body.spec?.podCIDR) podCidrs[n.name] = r.body.spec.podCIDR;
        return ready && podCidrs[n.name] !== undefined;
      },
      180_000,
      path.join(run, 'logs', `kubelet-${n.name}.log`),
    );
    routePods(n as LabNode, podCidrs[n.name]);
    const engine = startPolicyEngine(run, nodeParts, configs.get(n.name)!);
    await waitFor(`kube-router ${n.name}`, async () => policyEngineHealthy(n), 60_000, engine.log);
  }
  internetServers(run, model, lab);
  const names = internetNames(model, lab.internet.addresses);
  for (const c of clusters) await deployLabDns(kubeFor(c), images.dnsmasq, c.network === 'extranet' ? names : {});
  // each cluster's storage: local volumes, in each node's own folder of the run
  for (const c of clusters) {
    const nodes = lab.nodes.filter((n) => n.cluster === c.name).map((n) => ({ name: n.name, path: path.join(nodeDir(run, n.name), 'local-path') }));
    await deployLocalPath(kubeFor(c), images['local-path-provisioner'], images.probe, nodes);
  }
  const plane: DataPlane = { lab, registries, images, podCidrs };
  fs.writeFileSync(path.join(run, 'data-plane.json'), JSON.stringify(plane, null, 2));
  return plane;
}

/** Ports the fake Internet answers on: 80, 443 and every port an Internet flow of the city names. */
export function internetPorts(model: CityModel): number[] {
  const ports = new Set([80, 443]);
  for (const t of model.tenants) for (const f of t.flows) if (f.kind === 'internet') for (const p of f.ports) ports.add(p);
  return [...ports].sort((a, b) => a - b);
}

/** HTTP servers of the fake Internet (busybox httpd in its namespace) answering `internet`. */
function internetServers(run: string, model: CityModel, lab: LabNet): void {
  const www = path.join(run, 'internet', 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.writeFileSync(path.join(www, 'index.html'), 'internet\n');
  for (const port of internetPorts(model)) {
    startProcess(run, `internet-${port}`, 'nsenter', [
      `--net=/run/netns/${lab.internet.netns}`,
      '--',
      '/bin/busybox',
      'httpd',
      '-f',
      '-p',
      String(port),
      '-h',
      www,
    ]);
  }
}

export function dataPlane(run: string): DataPlane {
  return JSON.parse(fs.readFileSync(path.join(run, 'data-plane.json'), 'utf8')) as DataPlane;
}
