/**
 * Velero runs on every cluster of the deployed city: from the images the lab built from Velero's Go
 * modules (pinned by digest in platform.yaml), reaching its API server through the `kubernetes`
 * Service under its namespace's NetworkPolicy, with the AWS/S3 plugin copied in by its init
 * container and loaded. Every BackupStorageLocation — each cluster's own prefix at every site of
 * its network, and the DR clusters' read-only views of their primaries' prefixes — is Available:
 * the server reached each site's object store (SeaweedFS, harness/object-store.ts) over TLS with
 * the CA platform.yaml gives, as the identity the store knows for that cluster.
 */
import { kubes, model, runDir } from './harness/suite';
import { readObjectStores } from './harness/object-store';
import { waitFor } from './harness/procs';
import { BACKUP } from '../../config/vocabulary';

interface Status {
  readonly name: string;
  readonly ready?: boolean;
  readonly imageID?: string;
  readonly state?: { terminated?: { exitCode: number; reason?: string } };
}

const digestOf = (ref: string) => /@(sha256:[0-9a-f]{64})$/.exec(ref)?.[1];

describe('the backup server runs', () => {
  const kube = kubes();
  const city = model();

  beforeAll(async () => {
    // the operators' part (govcloud never writes it): the object-store credential Secret, the cluster's own identity at the stores
    const stores = readObjectStores(runDir());
    for (const c of city.clusters) {
      const key = stores.clusters[c.name];
      const cloud = `[default]\naws_access_key_id=${key.accessKey}\naws_secret_access_key=${key.secretKey}\n`;
      const r = await kube.get(c.name)!.request('POST', `/api/v1/namespaces/${BACKUP.namespace}/secrets`, {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'cloud-credentials' },
        stringData: { cloud },
      });
      expect([c.name, r.status]).toEqual([c.name, 201]);
    }
  });

  it('runs Velero Ready on every cluster, from the lab-built images at the digests platform.yaml pins, its plugin copied in', async () => {
    for (const c of city.clusters) {
      const k = kube.get(c.name)!;
      const selector = encodeURIComponent('app.kubernetes.io/name=velero');
      let pod: { status: { containerStatuses?: Status[]; initContainerStatuses?: Status[] } } | undefined;
      await waitFor(
        `Velero Ready on ${c.name}`,
        async () => {
          const pods = await k.list(`/api/v1/namespaces/${BACKUP.namespace}/pods?labelSelector=${selector}`);
          pod = pods.find((p) => (p.status?.containerStatuses ?? []).some((s: Status) => s.name === 'velero' && s.ready));
          return pod !== undefined;
        },
        300_000,
      );
      const server = pod!.status.containerStatuses!.find((s) => s.name === 'velero')!;
      const plugin = pod!.status.initContainerStatuses!.find((s) => s.name === 'velero-plugin-for-aws')!;
      expect([c.name, server.imageID?.endsWith(`@${digestOf(city.images.velero)}`)]).toEqual([c.name, true]);
      expect([c.name, plugin.imageID?.endsWith(`@${digestOf(city.images.veleroPluginForAws)}`)]).toEqual([c.name, true]);
      expect([c.name, plugin.state?.terminated?.exitCode]).toEqual([c.name, 0]);
    }
  }, 1_500_000);

  it("finds every BackupStorageLocation Available: its site's object store reached over TLS, through the NetworkPolicy, as the cluster's own identity", async () => {
    for (const c of city.clusters) {
      const k = kube.get(c.name)!;
      let locations: { metadata: { name: string }; status?: { phase?: string; message?: string; lastValidationTime?: string } }[] = [];
      await waitFor(
        `Velero's verdict on the locations of ${c.name}`,
        async () => {
          locations = await k.list(`/apis/velero.io/v1/namespaces/${BACKUP.namespace}/backupstoragelocations`);
          return locations.length > 0 && locations.every((l) => l.status?.phase === 'Available');
        },
        240_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message}: ${JSON.stringify(locations.map((l) => [l.metadata.name, l.status?.phase, l.status?.message]))}`);
      });
      // one per site of its network, plus a read-only one per primary whose tenants it holds replicas of
      expect([c.name, locations.length >= (c.network === 'extranet' ? 3 : 1)]).toEqual([c.name, true]);
    }
  }, 1_000_000);
});
