/**
 * The volume half of a drill, against a fake API server whose "pods" run the drill's scripts on a
 * map of claim → file content: the writer puts the token into every mounted claim, the reader's
 * SHA-256 is compared, and the checks fail for changed bytes, a missing file, a claim nobody mounts
 * and a restored claim nobody mounts. The tool pods run where and as the owner pod runs, restricted.
 */
import * as crypto from 'crypto';
import { KubeClient } from '../../probe/kube';
import { checkVolumeMarks, DRILL_FILE, mountedClaims, writeVolumeMarks } from '../../drill/volumes';

type Json = Record<string, unknown>;

interface FakeCluster {
  readonly claims: string[];
  readonly pods: Json[];
  /** What each claim's drill file holds (absent: no file). */
  readonly files: Map<string, string>;
  /** Every tool pod the drill created. */
  readonly made: Json[];
}

const sum = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function appPod(name: string, claim: string, extra: Json = {}): Json {
  return {
    metadata: { name },
    spec: {
      nodeName: 'node-a',
      securityContext: { runAsUser: 1000, runAsGroup: 2000, fsGroup: 3000 },
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
      ...extra,
    },
    status: { phase: 'Running' },
  };
}

function fake(c: FakeCluster): KubeClient {
  const logs = new Map<string, string>();
  const respond = (status: number, body: unknown) => ({ status, body, text: typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    context: 'fake',
    request: async (method: string, p: string, body?: unknown) => {
      if (method === 'GET' && p.endsWith('/persistentvolumeclaims')) return respond(200, { items: c.claims.map((n) => ({ metadata: { name: n } })) });
      if (method === 'GET' && p.endsWith('/pods')) return respond(200, { items: c.pods });
      if (method === 'POST' && p.endsWith('/pods')) {
        const pod = body as Json;
        c.made.push(pod);
        const spec = pod.spec as { containers: { command: string[] }[]; volumes: { persistentVolumeClaim: { claimName: string } }[] };
        const claim = spec.volumes[0].persistentVolumeClaim.claimName;
        const script = spec.containers[0].command[2];
        const written = /^printf %s "([0-9a-f]+)" > \/data\//.exec(script);
        if (written) c.files.set(claim, written[1]);
        const content = c.files.get(claim);
        logs.set((pod.metadata as { name: string }).name, content === undefined ? 'missing\n' : `${sum(content)}  /data/${DRILL_FILE}\n`);
        return respond(201, pod);
      }
      const name = /\/pods\/([^/?]+)/.exec(p)?.[1] ?? '';
      if (method === 'GET' && p.endsWith('/log')) return respond(200, logs.get(name) ?? '');
      if (method === 'GET' && p.includes('/pods/')) return logs.has(name) ? respond(200, { status: { phase: 'Succeeded' } }) : respond(404, {});
      if (method === 'DELETE') {
        logs.delete(name);
        return respond(200, {});
      }
      return respond(404, {});
    },
  } as unknown as KubeClient;
}

const cluster = (claims: string[], pods: Json[]): FakeCluster => ({ claims, pods, files: new Map(), made: [] });
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('drill volume checks', () => {
  it('writes the token into every mounted claim, as the owner pod runs, and finds it back on the restored claim', async () => {
    const primary = cluster(['data', 'logs'], [appPod('db-0', 'data', { nodeSelector: { pool: 'xinchuang' } }), appPod('web-1', 'logs')]);
    const src = fake(primary);
    const sums = await writeVolumeMarks(src, 'x-prod', 'reg/probe@sha256:1', TOKEN, 5000);
    expect([...sums]).toEqual([
      ['data', sum(TOKEN)],
      ['logs', sum(TOKEN)],
    ]);
    const writer = primary.made[0] as { spec: Json & { containers: Json[] } };
    expect(writer.spec).toMatchObject({
      nodeName: 'node-a',
      nodeSelector: { pool: 'xinchuang' },
      securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 2000, fsGroup: 3000, seccompProfile: { type: 'RuntimeDefault' } },
    });
    expect(writer.spec.containers[0]).toMatchObject({
      image: 'reg/probe@sha256:1',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
      resources: { limits: { cpu: expect.any(String), memory: expect.any(String) } },
    });

    // the restore brought the bytes back on the DR cluster
    const dr = cluster(['data', 'logs'], [appPod('db-0', 'data'), appPod('web-1', 'logs')]);
    dr.files.set('data', TOKEN);
    dr.files.set('logs', TOKEN);
    const checks = await checkVolumeMarks(await mountedClaims(src, 'x-prod'), sums, fake(dr), 'x-prod', 'reg/probe@sha256:1', 5000);
    expect(checks.map((c) => [c.what, c.ok, c.before === c.after])).toEqual([
      [`file ${DRILL_FILE} in PersistentVolumeClaim/data`, true, true],
      [`file ${DRILL_FILE} in PersistentVolumeClaim/logs`, true, true],
    ]);
  });

  it('fails a changed file, a missing file, a claim nobody mounts on the primary and a restored claim nobody mounts', async () => {
    const primary = cluster(['changed', 'gone', 'idle', 'unstarted'], [appPod('a', 'changed'), appPod('b', 'gone'), appPod('d', 'unstarted')]);
    const src = fake(primary);
    const sums = await writeVolumeMarks(src, 'x-prod', 'img', TOKEN, 5000);
    expect([...sums.keys()]).toEqual(['changed', 'gone', 'unstarted']);
    const dr = cluster(['changed', 'gone', 'idle', 'unstarted'], [appPod('a', 'changed'), appPod('b', 'gone')]);
    dr.files.set('changed', 'something else');
    const checks = await checkVolumeMarks(await mountedClaims(src, 'x-prod'), sums, fake(dr), 'x-prod', 'img', 1);
    expect(checks.map((c) => [c.what.replace(/.*\//, ''), c.ok, c.after])).toEqual([
      ['changed', false, `sha256:${sum('something else').slice(0, 16)}`],
      ['gone', false, 'missing'],
      ['idle', false, '(not checked)'],
      ['unstarted', false, 'no running pod mounts the restored claim'],
    ]);
    expect(checks.find((c) => c.what.endsWith('/idle'))?.before).toMatch(/no running pod mounts it/);
  });

  it('leaves the drill pods out of the mounted claims and deletes every pod it ran', async () => {
    const primary = cluster(['data'], [appPod('govcloud-drill-write-data', 'data'), appPod('db-0', 'data')]);
    const src = fake(primary);
    expect((await mountedClaims(src, 'x-prod')).map((m) => [m.claim, (m.pod?.metadata as { name: string }).name])).toEqual([['data', 'db-0']]);
    await writeVolumeMarks(src, 'x-prod', 'img', TOKEN, 5000);
    // the fake forgets a pod's log when it is deleted: nothing the drill made is left
    expect((await src.request('GET', '/api/v1/namespaces/x-prod/pods/govcloud-drill-write-data')).status).toBe(404);
  });
});
