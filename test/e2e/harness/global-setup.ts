/**
 * Global setup of the e2e suite: the fixture repository (a git copy of the example city whose state
 * is in PostgreSQL) and the topology (etcd ×2, kube-apiserver + kube-controller-manager ×4,
 * PostgreSQL). Connection facts go to `<run>/topology.json` (mode 600, inside the run folder).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readParts, startTopology } from './topology';
import { stopAll } from './procs';
import { validateEnvironment } from '../../../config/validate';
import { clusterFiles, clustersDir } from '../../../config/cluster-config';
import { writeClusterFiles } from '../../../stacks/cluster-files';
import { CityModel } from '../../../config/model';
import { buildImages, pinApiServers, pinBuiltImages, prepareLab, startDataPlane } from './data-plane';
import { labDown } from './lab-down';
import { pinBackupStorage, startObjectStores } from './object-store';

/** The cluster's pod range: platform.yaml's podCidr where the model has one, else the lab's own plan. */
function podCidrOf(model: CityModel, cluster: string): string {
  const c = model.clusters.find((x) => x.name === cluster) as { podCidr?: string; network: string } | undefined;
  if (c?.podCidr) return c.podCidr;
  const i = model.clusters.filter((x) => x.network === 'extranet').findIndex((x) => x.name === cluster);
  return c?.network === 'intranet' ? '172.16.128.0/17' : `10.${244 + i}.0.0/16`;
}

const REPO = path.resolve(__dirname, '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  let run = process.env.GOVCLOUD_E2E_RUN;
  if (!run) {
    run = fs.mkdtempSync(path.join(os.tmpdir(), 'govcloud-e2e-'));
    process.env.GOVCLOUD_E2E_RUN = run;
  }
  // PostgreSQL runs as its own user and must reach its data folder below this one
  fs.chmodSync(run, 0o755);
  const cache = process.env.GOVCLOUD_CACHE ?? path.join(os.homedir(), '.cache', 'govcloud');
  const parts = readParts(cache);

  const repo = path.join(run, 'repo');
  const env = path.join(repo, 'environments', 'example-city');
  fs.cpSync(path.join(REPO, 'environments', 'example-city'), env, { recursive: true });
  const platform = path.join(env, 'platform.yaml');
  const text = fs.readFileSync(platform, 'utf8');
  const pg = text.replace(/state: \{ backend: local, schemaPrefix: (\w+) \}/, 'state: { backend: pg, schemaPrefix: $1 }');
  if (pg === text) throw new Error('the example city has no `state: { backend: local, … }` line to switch to pg');
  // the images the lab builds, pinned by the digests they really have
  const built = buildImages(run, { ...parts, GOVCLOUD_REPO: REPO });
  fs.writeFileSync(platform, pinBuiltImages(pg, built));
  fs.writeFileSync(path.join(repo, '.gitignore'), 'cdktf.out/\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'e2e@example-city.gov.cn');
  git('config', 'user.name', 'govcloud e2e');
  git('add', '-A');
  git('commit', '-qm', 'example city, state in PostgreSQL');

  const model = validateEnvironment(env).model;
  if (!model) throw new Error('the example city does not validate');
  // the API servers start with the audit policy and flags synth writes for their cluster, written by the same code
  const config = path.join(run, 'cluster-config');
  writeClusterFiles(config, clusterFiles(model));
  const started = Date.now();
  try {
    // the lab network first: the API servers listen on its host address
    const lab = prepareLab(run, model);
    // each site's object store (SeaweedFS), with its buckets locked, before anything could back up
    const stores = await startObjectStores(run, parts.GOVCLOUD_WEED, model, lab);
    const top = await startTopology(
      run,
      parts,
      model.clusters.map((c) => ({
        name: c.name,
        network: c.network,
        context: c.kubeContext,
        auditDir: path.join(clustersDir(config, c.network), c.name, 'audit'),
        podCidr: podCidrOf(model, c.name),
        nodeCidr: `10.240.${16 * model.clusters.indexOf(c)}.0/20`,
        nodes: lab.nodes.filter((n) => n.cluster === c.name).map((n) => n.name),
      })),
    );
    fs.writeFileSync(path.join(run, 'topology.json'), JSON.stringify(top, null, 2), { mode: 0o600 });
    // each cluster's API server endpoint, as its operators would write it, now that the servers listen
    // and each site's backup storage: its store's address, bucket and the lab's CA
    fs.writeFileSync(platform, pinBackupStorage(pinApiServers(fs.readFileSync(platform, 'utf8'), top.clusters), stores));
    git('commit', '-qam', "example city, state in PostgreSQL, the lab's images, API server endpoints and backup stores", '--amend');
    const up = Date.now();
    const plane = await startDataPlane(run, { ...parts, GOVCLOUD_REPO: REPO }, model, lab, top.clusters, built, stores);
    process.stderr.write(
      `\n[e2e] data plane: ${plane.lab.nodes.length} nodes Ready in ${((Date.now() - up) / 1000).toFixed(1)} s (${Object.entries(plane.podCidrs)
        .map(([n, c]) => `${n} ${c}`)
        .join(', ')})\n`,
    );
  } catch (e) {
    await stopAll(run);
    labDown(run);
    throw e;
  }
  process.stderr.write(`\n[e2e] topology up in ${((Date.now() - started) / 1000).toFixed(1)} s under ${run}\n`);
}
