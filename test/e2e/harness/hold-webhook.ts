/**
 * A validating admission webhook served by the test process that lets the first update of a resource
 * kind through and holds every later one until released. With it a test can stop an engine after
 * exactly one object was changed, however fast the API server is: polling a log for "one done" and
 * then killing raced the next updates on a quick machine.
 *
 * It serves with the cluster's own 127.0.0.1 certificate (signed by the cluster CA, which the API
 * server is given as the webhook's caBundle).
 */
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';
import { ClusterInfo } from './topology';
import { Kube } from './kube';

export interface HeldWebhook {
  /** Updates let through so far. */
  readonly passed: () => number;
  /** Updates being held now. */
  readonly held: () => number;
  /** Denies every held and later update, removes the webhook configuration and stops the server. */
  readonly release: () => Promise<void>;
}

interface Pending {
  readonly uid: string;
  readonly res: import('http').ServerResponse;
}

function review(uid: string, allowed: boolean): string {
  const response = allowed ? { uid, allowed } : { uid, allowed, status: { code: 409, message: 'held by the e2e test, then refused' } };
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response });
}

/**
 * Registers the webhook for UPDATE of `resource` (core group) in `namespaces` of one cluster, and
 * returns once the API server calls it: `probe` names an existing object of that kind, updated with
 * dryRun until the webhook sees it (dry runs are let through and not counted).
 */
export async function holdAfterFirst(cluster: ClusterInfo, kube: Kube, resource: string, namespaces: readonly string[], probe: string): Promise<HeldWebhook> {
  const dir = path.dirname(cluster.caFile);
  let passed = 0;
  let probes = 0;
  let closing = false;
  const pending: Pending[] = [];
  const server = https.createServer({ cert: fs.readFileSync(path.join(dir, 'server.crt')), key: fs.readFileSync(path.join(dir, 'server.key')) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8'))?.request ?? {};
      const uid = String(request.uid ?? '');
      res.setHeader('content-type', 'application/json');
      if (request.dryRun === true) {
        // the probe that shows the API server has loaded the configuration
        probes++;
        res.end(review(uid, true));
      } else if (!closing && passed === 0) {
        passed++;
        res.end(review(uid, true));
      } else if (closing) res.end(review(uid, false));
      else pending.push({ uid, res });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const name = `govcloud-e2e-hold-${resource}`;
  const created = await kube.request('POST', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name },
    webhooks: [
      {
        name: 'hold.e2e.govcloud.local',
        clientConfig: { url: `https://127.0.0.1:${port}/hold`, caBundle: fs.readFileSync(cluster.caFile).toString('base64') },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['UPDATE'], resources: [resource], scope: 'Namespaced' }],
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...namespaces] }] },
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
        failurePolicy: 'Fail',
        timeoutSeconds: 30,
      },
    ],
  });
  if (created.status !== 201) {
    server.close();
    throw new Error(`${cluster.name}: creating ${name} → ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
  }
  const current = await kube.get(probe);
  if (current.status !== 200) throw new Error(`${cluster.name}: GET ${probe} → ${current.status}`);
  for (let i = 0; probes === 0; i++) {
    if (i === 100) throw new Error(`${cluster.name}: the API server never called ${name} in 20 s`);
    await kube.request('PUT', `${probe}?dryRun=All`, current.body);
    if (probes === 0) await new Promise((r) => setTimeout(r, 200));
  }
  return {
    passed: () => passed,
    held: () => pending.length,
    release: async () => {
      closing = true;
      for (const p of pending.splice(0)) p.res.end(review(p.uid, false));
      await kube.request('DELETE', `/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/${name}`);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
