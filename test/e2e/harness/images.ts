/**
 * Images the e2e city runs, built by the project from parts it can get and pushed to the lab's
 * registries (CNCF distribution, Debian's docker-registry) over the registry API, so that nodes
 * pull them by digest exactly as a city pulls from its Harbor. One uncompressed layer per image,
 * written with a fixed order, owner and time: the same parts give the same digest.
 *
 * - pause: scripts/e2e/images/pause.c, built static (the pod sandbox).
 * - probe: Debian's busybox-static with applet links (servers: httpd; clients: nc), user 65534.
 * - dnsmasq, squid: Debian's binaries with the libraries they load.
 * - velero, velero-plugin-for-aws: static builds of their Go modules (scripts/e2e/parts.sh velero).
 * - local-path-provisioner: a static build of its Go module (scripts/e2e/parts.sh local-path).
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface BuiltImage {
  /** Repository path under the registry, e.g. `platform/pause`. */
  readonly repository: string;
  readonly tag: string;
  readonly layer: Buffer;
  readonly config: Buffer;
  readonly manifest: Buffer;
  /** sha256:… of the manifest: the digest platform.yaml pins. */
  readonly digest: string;
}

const sha = (b: Buffer) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`;

/** A deterministic tar of a folder (GNU tar: sorted names, owner 0, time 0). */
function tarOf(rootfs: string): Buffer {
  return execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '--format=gnu', '-C', rootfs, '-cf', '-', '.'], {
    maxBuffer: 512 * 1024 * 1024,
  });
}

export interface ImageSpec {
  readonly repository: string;
  readonly tag: string;
  readonly rootfs: string;
  readonly entrypoint: readonly string[];
  readonly user?: string;
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const layer = tarOf(spec.rootfs);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {
        Entrypoint: spec.entrypoint,
        User: spec.user ?? '',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        WorkingDir: '/',
      },
      rootfs: { type: 'layers', diff_ids: [sha(layer)] },
      history: [{ created_by: 'govcloud e2e (test/e2e/harness/images.ts)' }],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }],
    }),
  );
  return { repository: spec.repository, tag: spec.tag, layer, config, manifest, digest: sha(manifest) };
}

/** A folder with busybox and a link per applet in /bin, /etc/passwd with nobody, /tmp writable. */
export function busyboxRootfs(dir: string, busybox: string, applets: readonly string[]): string {
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true, mode: 0o1777 });
  fs.chmodSync(path.join(dir, 'tmp'), 0o1777);
  fs.copyFileSync(busybox, path.join(dir, 'bin', 'busybox'));
  fs.chmodSync(path.join(dir, 'bin', 'busybox'), 0o755);
  for (const a of applets) fs.symlinkSync('busybox', path.join(dir, 'bin', a));
  fs.writeFileSync(path.join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/tmp:/bin/sh\n');
  fs.writeFileSync(path.join(dir, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
  return dir;
}

/** A folder holding one static binary as /pause. */
export function pauseRootfs(dir: string, pause: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(pause, path.join(dir, 'pause'));
  fs.chmodSync(path.join(dir, 'pause'), 0o755);
  return dir;
}

/** Pushes an image to a registry (http://host:port) with the registry API; returns the digest it answered. */
export async function pushImage(registry: string, image: BuiltImage): Promise<string> {
  for (const blob of [image.layer, image.config]) {
    const digest = sha(blob);
    const head = await fetch(`${registry}/v2/${image.repository}/blobs/${digest}`, { method: 'HEAD' });
    if (head.status === 200) continue;
    const start = await fetch(`${registry}/v2/${image.repository}/blobs/uploads/`, { method: 'POST' });
    if (start.status !== 202) throw new Error(`push ${image.repository}: upload start → ${start.status}`);
    const location = new URL(start.headers.get('location') ?? '', registry);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, { method: 'PUT', body: blob, headers: { 'content-type': 'application/octet-stream' } });
    if (put.status !== 201) throw new Error(`push ${image.repository}: blob ${digest} → ${put.status} ${await put.text()}`);
  }
  const put = await fetch(`${registry}/v2/${image.repository}/manifests/${image.tag}`, {
    method: 'PUT',
    body: image.manifest,
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (put.status !== 201) throw new Error(`push ${image.repository}:${image.tag} manifest → ${put.status} ${await put.text()}`);
  const answered = put.headers.get('docker-content-digest');
  if (answered !== image.digest) throw new Error(`push ${image.repository}: registry says ${answered}, built ${image.digest}`);
  return answered;
}

/** The shared libraries a dynamic binary loads, as `ldd` resolves them (the loader included). */
function librariesOf(binary: string): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const libs: string[] = [];
  for (const line of out.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m) libs.push(m[1]);
  }
  return libs;
}

function copyInto(root: string, file: string): void {
  const dest = path.join(root, file);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(fs.realpathSync(file), dest);
  fs.chmodSync(dest, 0o755);
}

/** Dynamic binaries with every library they load, at the same paths. */
function binariesInto(dir: string, bins: readonly string[]): void {
  for (const bin of bins) {
    copyInto(dir, bin);
    for (const lib of librariesOf(bin)) copyInto(dir, lib);
  }
}

/** Debian's dnsmasq as an image (the lab's DNS): the binary, its libraries, root and nobody. */
export function dnsmasqRootfs(dir: string): string {
  binariesInto(dir, ['/usr/sbin/dnsmasq']);
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'var/run'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'etc/passwd'), 'root:x:0:0:root:/:/bin/false\nnobody:x:65534:65534:nobody:/:/bin/false\n');
  fs.writeFileSync(path.join(dir, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
  return dir;
}

/**
 * Debian's Squid as an image: the binary and its own helpers, the libraries they load, its error pages (English only) and
 * MIME table, users root, proxy (13) and squid (10001, the uid the gateways run as), and the folders it writes (mounted over by the pod).
 */
export function squidRootfs(dir: string): string {
  // the binary and the helpers it starts by itself (unlinkd always; the log daemon for daemon: logs)
  binariesInto(dir, ['/usr/sbin/squid', '/usr/lib/squid/unlinkd', '/usr/lib/squid/log_file_daemon']);
  fs.mkdirSync(path.join(dir, 'usr/share/squid/errors'), { recursive: true });
  fs.cpSync('/usr/share/squid/errors/templates', path.join(dir, 'usr/share/squid/errors/templates'), { recursive: true, dereference: true });
  fs.cpSync('/usr/share/squid/errors/templates', path.join(dir, 'usr/share/squid/errors/en'), { recursive: true, dereference: true });
  fs.copyFileSync('/usr/share/squid/mime.conf', path.join(dir, 'usr/share/squid/mime.conf'));
  fs.cpSync('/usr/share/squid/icons', path.join(dir, 'usr/share/squid/icons'), { recursive: true, dereference: true });
  fs.mkdirSync(path.join(dir, 'etc/squid'), { recursive: true });
  for (const d of ['var/run/squid', 'var/log/squid', 'var/spool/squid', 'tmp']) fs.mkdirSync(path.join(dir, d), { recursive: true, mode: 0o1777 });
  fs.writeFileSync(
    path.join(dir, 'etc/passwd'),
    'root:x:0:0:root:/:/bin/false\nproxy:x:13:13:proxy:/var/spool/squid:/bin/false\nsquid:x:10001:10001:squid:/var/spool/squid:/bin/false\nnobody:x:65534:65534:nobody:/:/bin/false\n',
  );
  fs.writeFileSync(path.join(dir, 'etc/group'), 'root:x:0:\nproxy:x:13:\nsquid:x:10001:\nnogroup:x:65534:\n');
  fs.writeFileSync(path.join(dir, 'etc/nsswitch.conf'), 'passwd: files\ngroup: files\nhosts: files dns\n');
  fs.writeFileSync(path.join(dir, 'etc/hosts'), '127.0.0.1 localhost\n');
  return dir;
}

/** A static binary at `at` in the image, mode 755. */
function binaryAt(dir: string, file: string, at: string): void {
  const dest = path.join(dir, at);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(file, dest);
  fs.chmodSync(dest, 0o755);
}

/** The CA bundle Debian trusts, so that Go programs in the image can verify an HTTPS object store. */
function caBundle(dir: string): void {
  const bundle = '/etc/ssl/certs/ca-certificates.crt';
  if (!fs.existsSync(bundle)) return;
  fs.mkdirSync(path.join(dir, 'etc/ssl/certs'), { recursive: true });
  fs.copyFileSync(bundle, path.join(dir, 'etc/ssl/certs/ca-certificates.crt'));
}

/**
 * Velero's image as its release lays it out: /velero (the server), /velero-helper and /velero-restore-helper beside it
 * (the same build), the CA bundle, user 65532 (the Deployment runs as it); /tmp, /scratch and /plugins are the pod's volumes.
 */
export function veleroRootfs(dir: string, velero: string): string {
  for (const b of ['velero', 'velero-helper', 'velero-restore-helper']) binaryAt(dir, path.join(path.dirname(velero), b), b);
  caBundle(dir);
  fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'etc/passwd'), 'root:x:0:0:root:/:/bin/false\nvelero:x:65532:65532:velero:/scratch:/bin/false\n');
  fs.writeFileSync(path.join(dir, 'etc/group'), 'root:x:0:\nvelero:x:65532:\n');
  for (const d of ['tmp', 'scratch', 'plugins', 'credentials']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  return dir;
}

/** The AWS plugin's image: the plugin under /plugins and cp-plugin, which copies it into the server's plugin folder (/target). */
export function veleroPluginRootfs(dir: string, plugin: string, cpPlugin: string): string {
  binaryAt(dir, plugin, 'plugins/velero-plugin-for-aws');
  binaryAt(dir, cpPlugin, 'bin/cp-plugin');
  fs.mkdirSync(path.join(dir, 'target'), { recursive: true });
  return dir;
}

/** The local-path provisioner's image: the one static binary. */
export function localPathRootfs(dir: string, provisioner: string): string {
  binaryAt(dir, provisioner, 'local-path-provisioner');
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true, mode: 0o1777 });
  return dir;
}
