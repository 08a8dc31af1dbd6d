/**
 * Velero runs on every cluster of the deployed city: from the images the lab built from Velero's Go
 * modules (pinned by digest in platform.yaml), reaching its API server through the `kubernetes`
 * Service under its namespace's NetworkPolicy, with the AWS/S3 plugin copied in by its init
 * container and loaded. The object stores themselves are not part of this lab: the locations are
 * judged by the running server (and found unreachable), which is what proves it runs.
 */
import * as crypto from 'crypto';
import { kubes, model } from './harness/suite';
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
    // the operators' part (govcloud never writes it): the object-store credential Secret; lab values, made up per run
    for (const c of city.clusters) {
      const cloud = `[default]\naws_access_key_id=LAB${crypto.randomBytes(8).toString('hex').toUpperCase()}\naws_secret_access_key=${crypto.randomBytes(20).toString('hex')}\n`;
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

  it('judges every BackupStorageLocation with the AWS plugin it loaded, through the API server its NetworkPolicy lets it reach', async () => {
    for (const c of city.clusters) {
      const k = kube.get(c.name)!;
      let locations: { metadata: { name: string }; status?: { phase?: string; message?: string; lastValidationTime?: string } }[] = [];
      await waitFor(
        `Velero's verdict on the locations of ${c.name}`,
        async () => {
          locations = await k.list(`/apis/velero.io/v1/namespaces/${BACKUP.namespace}/backupstoragelocations`);
          return locations.length > 0 && locations.every((l) => l.status?.phase !== undefined && l.status.lastValidationTime !== undefined);
        },
        240_000,
      );
      for (const l of locations) {
        // the server wrote a verdict (so it reached its API server); a missing plugin would say it found none for `aws`
        expect([c.name, l.metadata.name, ['Available', 'Unavailable'].includes(l.status!.phase!)]).toEqual([c.name, l.metadata.name, true]);
        expect([c.name, l.metadata.name, l.status!.message ?? '']).not.toEqual([
          c.name,
          l.metadata.name,
          expect.stringMatching(/unable to locate|plugin.*not found|no plugin/i),
        ]);
        // and an unavailable one says what the plugin's S3 client met (this lab runs no object store yet)
        if (l.status!.phase === 'Unavailable') {
          expect([c.name, l.metadata.name, l.status!.message]).toEqual([c.name, l.metadata.name, expect.stringMatching(/S3|bucket/)]);
        }
      }
    }
  }, 1_000_000);
});
