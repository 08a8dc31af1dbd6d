/**
 * The volume half of a drill: before the backup, a file with the drill's token is written into every
 * PersistentVolumeClaim of the namespace that a running pod mounts (Velero's file-system backup reads a
 * volume through the pod that mounts it); after the restore, the same file is read back on the DR
 * cluster and its SHA-256 compared. The writer and the reader are short pods on the node of the pod
 * that mounts the claim, with the tool image (busybox: sh, sha256sum), the restricted settings the
 * namespace's admission asks for, and the mounting pod's own user and groups, so they may write
 * where the application writes. A claim no running pod mounts cannot be backed up by the node agent:
 * it fails the check rather than pass unseen.
 */
import * as crypto from 'crypto';
import { KubeClient } from '../probe/kube';
import { DrillCheck } from './record';

export const DRILL_FILE = '.govcloud-drill';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Pod = {
  metadata: { name: string };
  spec: {
    nodeName?: string;
    nodeSelector?: Record<string, string>;
    affinity?: { nodeAffinity?: unknown };
    securityContext?: Record<string, unknown>;
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
  };
  status?: { phase?: string; containerStatuses?: { ready?: boolean }[] };
};

export interface MountedClaim {
  readonly claim: string;
  /** The running pod that mounts it, and its node (absent: nobody mounts it). */
  readonly pod?: Pod;
}

/** Every claim of the namespace and the running pod that mounts it. */
export async function mountedClaims(k: KubeClient, ns: string): Promise<MountedClaim[]> {
  const claims = await k.request('GET', `/api/v1/namespaces/${ns}/persistentvolumeclaims`);
  const pods = await k.request('GET', `/api/v1/namespaces/${ns}/pods`);
  if (claims.status !== 200 || pods.status !== 200) throw new Error(`listing claims and pods of ${ns} on ${k.context}: ${claims.status}/${pods.status}`);
  const running = ((pods.body as { items?: Pod[] }).items ?? []).filter((p) => p.status?.phase === 'Running' && p.spec.nodeName && !isDrillPod(p));
  return ((claims.body as { items?: { metadata: { name: string } }[] }).items ?? [])
    .map((c) => c.metadata.name)
    .sort()
    .map((claim) => ({ claim, pod: running.find((p) => (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim)) }));
}

function isDrillPod(p: Pod): boolean {
  return p.metadata.name.startsWith('govcloud-drill-');
}

/** A pod that runs `script` with the claim at /data, on the node and as the user of the pod that mounts it. */
function toolPod(name: string, ns: string, image: string, owner: Pod, claim: string, script: string): Record<string, unknown> {
  const own = owner.spec.securityContext ?? {};
  const user = Number(own.runAsUser ?? 65534) || 65534;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { 'app.kubernetes.io/managed-by': 'govcloud-drill' } },
    spec: {
      nodeName: owner.spec.nodeName,
      // the owner's placement too: admission may ask for it (domestic tenants select the domestic nodes)
      ...(owner.spec.nodeSelector ? { nodeSelector: owner.spec.nodeSelector } : {}),
      ...(owner.spec.affinity?.nodeAffinity ? { affinity: { nodeAffinity: owner.spec.affinity.nodeAffinity } } : {}),
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 1,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: user,
        runAsGroup: Number(own.runAsGroup ?? user) || user,
        ...(own.fsGroup !== undefined ? { fsGroup: own.fsGroup } : {}),
        ...(Array.isArray(own.supplementalGroups) ? { supplementalGroups: own.supplementalGroups } : {}),
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: 'drill',
          image,
          command: ['/bin/sh', '-c', script],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '200m', memory: '32Mi' } },
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }],
    },
  };
}

/** Runs a tool pod to its end and gives its log; the pod is deleted in any case. */
async function runToolPod(k: KubeClient, pod: Record<string, unknown>, timeoutMs: number): Promise<string> {
  const meta = pod.metadata as { name: string; namespace: string };
  const at = `/api/v1/namespaces/${meta.namespace}/pods/${meta.name}`;
  await k.request('DELETE', `${at}?gracePeriodSeconds=0`).catch(() => undefined);
  for (let i = 0; i < 30 && (await k.request('GET', at)).status === 200; i++) await sleep(1000);
  const made = await k.request('POST', `/api/v1/namespaces/${meta.namespace}/pods`, pod);
  if (made.status !== 201) throw new Error(`pod ${meta.name} in ${meta.namespace} on ${k.context}: ${made.status} ${made.text.slice(0, 300)}`);
  try {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const r = await k.request('GET', at);
      const phase = (r.body as Pod).status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') break;
      if (Date.now() > end) throw new Error(`pod ${meta.name} in ${meta.namespace} on ${k.context} did not finish in ${Math.round(timeoutMs / 1000)} s`);
      await sleep(1000);
    }
    return (await k.request('GET', `${at}/log`)).text;
  } finally {
    await k.request('DELETE', `${at}?gracePeriodSeconds=0`).catch(() => undefined);
  }
}

const digestOf = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const SUM = /^([0-9a-f]{64})\s+\/data\//m;

/** Writes the token into each mounted claim; gives the SHA-256 each file must have after the restore (by claim). */
export async function writeVolumeMarks(k: KubeClient, ns: string, image: string, token: string, timeoutMs: number): Promise<Map<string, string>> {
  const want = new Map<string, string>();
  for (const m of await mountedClaims(k, ns)) {
    if (!m.pod) continue;
    const log = await runToolPod(
      k,
      toolPod(
        `govcloud-drill-write-${m.claim}`.slice(0, 63),
        ns,
        image,
        m.pod,
        m.claim,
        `printf %s "${token}" > /data/${DRILL_FILE} && sha256sum /data/${DRILL_FILE}`,
      ),
      timeoutMs,
    );
    const sum = SUM.exec(log)?.[1];
    if (sum !== digestOf(token))
      throw new Error(`writing ${DRILL_FILE} into claim ${m.claim} of ${ns} on ${k.context} failed: ${log.trim().slice(0, 200) || '(no output)'}`);
    want.set(m.claim, sum);
  }
  return want;
}

/** One check per claim of the source: the file's SHA-256 on the restored claim, or why it could not be read. */
export async function checkVolumeMarks(
  source: MountedClaim[],
  want: ReadonlyMap<string, string>,
  k: KubeClient,
  ns: string,
  image: string,
  timeoutMs: number,
): Promise<DrillCheck[]> {
  // the restored pods start once their volume data is back (Velero's restore helper holds them until then)
  const wanted = source.filter((s) => s.pod && want.has(s.claim)).map((s) => s.claim);
  const end = Date.now() + timeoutMs;
  let restored = new Map<string, MountedClaim>();
  for (;;) {
    restored = new Map((await mountedClaims(k, ns)).map((m) => [m.claim, m]));
    if (wanted.every((c) => restored.get(c)?.pod) || Date.now() > end) break;
    await sleep(2000);
  }
  const checks: DrillCheck[] = [];
  for (const s of source) {
    const what = `file ${DRILL_FILE} in PersistentVolumeClaim/${s.claim}`;
    const sum = want.get(s.claim);
    if (!s.pod || !sum) {
      checks.push({ what, before: 'no running pod mounts it: its data is not backed up', after: '(not checked)', ok: false });
      continue;
    }
    const there = restored.get(s.claim)?.pod;
    if (!there) {
      checks.push({ what, before: `sha256:${sum.slice(0, 16)}`, after: 'no running pod mounts the restored claim', ok: false });
      continue;
    }
    const log = await runToolPod(
      k,
      toolPod(`govcloud-drill-read-${s.claim}`.slice(0, 63), ns, image, there, s.claim, `sha256sum /data/${DRILL_FILE} || echo missing`),
      timeoutMs,
    );
    const got = SUM.exec(log)?.[1];
    checks.push({ what, before: `sha256:${sum.slice(0, 16)}`, after: got ? `sha256:${got.slice(0, 16)}` : 'missing', ok: got === sum });
  }
  return checks;
}
