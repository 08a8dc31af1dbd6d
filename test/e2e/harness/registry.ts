/**
 * The lab's registries: one CNCF distribution (Debian's docker-registry) per network, standing in
 * for that network's Harbor, listening on the host's lab address only. Nodes reach theirs through
 * containerd's hosts.toml mirror for every registry name platform.yaml allows.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startProcess, waitFor } from './procs';
import { SERVICE_IP } from './netlab';

export interface LabRegistry {
  readonly network: 'extranet' | 'intranet';
  readonly port: number;
  /** http://SERVICE_IP:port, for pushing from the host. */
  readonly url: string;
}

export async function startRegistry(run: string, bin: string, network: 'extranet' | 'intranet', port: number): Promise<LabRegistry> {
  const dir = path.join(run, 'registry', network);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const config = path.join(dir, 'config.yml');
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: warn, accesslog: { disabled: false } }',
      `storage: { filesystem: { rootdirectory: ${path.join(dir, 'data')} }, delete: { enabled: false } }`,
      `http: { addr: "${SERVICE_IP}:${port}", secret: lab-${network} }`,
      '',
    ].join('\n'),
  );
  const p = startProcess(run, `registry-${network}`, bin, ['serve', config]);
  const url = `http://${SERVICE_IP}:${port}`;
  await waitFor(`registry ${network}`, async () => (await fetch(`${url}/v2/`)).status === 200, 30_000, p.log);
  return { network, port, url };
}
