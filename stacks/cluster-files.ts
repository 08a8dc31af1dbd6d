/** Writes the cluster bootstrap files (config/cluster-config.ts) into a synth output. */
import * as fs from 'fs';
import * as path from 'path';
import { ClusterFile, clustersDir } from '../config/cluster-config';

/**
 * Writes the files under `<out>/<network>/clusters/`, replacing what an earlier synth wrote there
 * (a cluster removed from platform.yaml leaves no configuration behind).
 */
export function writeClusterFiles(out: string, files: readonly ClusterFile[]): void {
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = clustersDir(out, network);
    const next = `${dir}.next-${process.pid}`;
    fs.rmSync(next, { recursive: true, force: true });
    for (const f of files.filter((x) => x.network === network)) {
      const file = path.join(next, f.cluster, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.text);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    if (fs.existsSync(next)) fs.renameSync(next, dir);
  }
}
