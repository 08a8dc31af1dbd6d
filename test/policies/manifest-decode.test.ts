/**
 * What reaches a cluster is judged, however it is written (issue 23): the violations city wraps a
 * privileged host-path Deployment, an allow-all NetworkPolicy and a cluster-admin binding for the
 * tenant's group in `kubernetes_manifest` objects, and each fails the rule its typed form fails, with
 * evidence at the manifest's own address. Kinds the rules do not know stay manifests.
 */
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { stacksForCheck } from '../../stacks/stacks-for-check';
import { buildDeployment } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { decodeManifest } from '../../policies/manifest-decode';
import { REPO } from '../helpers/env';

const dir = path.join(REPO, 'environments', 'example-city-violations');
const model = validateEnvironment(dir, { today: '2026-12-02' }).model!;
const report = runChecks(model, buildDeployment(model, stacksForCheck(model, dir).stacks), { today: '2026-12-02' });
const hub = report.tenants.find((t) => t.tenant.name === 'exchange-hub')!;
const at = (id: string) =>
  hub.findings
    .filter((f) => f.rule.id === id && f.status === 'fail')
    .flatMap((f) => f.evidence)
    .filter((e) => e.address?.includes('kubernetes_manifest.wrapped-'));

describe('manifest-wrapped objects', () => {
  it('fail the workload rules like a typed Deployment: privileged, host path, root, mutable image', () => {
    for (const id of ['MLPS-HOST-002', 'MLPS-HOST-010', 'MLPS-HOST-004'])
      expect([id, at(id).map((e) => e.address)]).toEqual([id, ['dept-south-big-data-ext-main:kubernetes_manifest.wrapped-agent']]);
    expect(at('MLPS-HOST-010')[0].detail).toMatch(/deployment_v1 wrapped-agent in ext-main\/exchange-hub-prod: volume host mounts a host path/);
  });

  it('fail the network rules for an allow-all policy and the access rules for cluster-admin to the tenant group', () => {
    const network = hub.findings.filter((f) => f.rule.family === 'NET' && f.status === 'fail').flatMap((f) => f.evidence);
    expect(network.map((e) => e.address)).toContain('dept-south-big-data-ext-main:kubernetes_manifest.wrapped-open');
    const access = hub.findings.filter((f) => f.rule.family === 'IAM' && f.status === 'fail').flatMap((f) => f.evidence);
    expect(access.map((e) => e.address)).toContain('dept-south-big-data-ext-main:kubernetes_manifest.wrapped-admin');
  });

  it("decodes Kubernetes names into the provider's, keeps user maps as written, and leaves unknown kinds alone", () => {
    const d = decodeManifest({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'x' } },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: {
          spec: {
            nodeSelector: { 'node-role.kubernetes.io/worker': '' },
            initContainers: [{ name: 'i', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }],
            ephemeralContainers: [{ name: 'debug' }],
            volumes: [{ name: 'v', hostPath: { path: '/var' } }],
          },
        },
      },
    });
    expect(d).toEqual({
      type: 'kubernetes_daemon_set_v1',
      body: {
        metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'x' } },
        spec: {
          selector: { match_labels: { app: 'x' } },
          template: {
            spec: {
              node_selector: { 'node-role.kubernetes.io/worker': '' },
              init_container: [{ name: 'i', port: [{ container_port: 80 }], resources: { limits: { cpu: '1' } } }],
              ephemeral_container: [{ name: 'debug' }],
              volume: [{ name: 'v', host_path: { path: '/var' } }],
            },
          },
        },
      },
    });
    const policy = decodeManifest({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', spec: { ingress: [{ ports: [{ port: 80 }] }] } });
    expect(policy?.body).toEqual({ spec: { ingress: [{ ports: [{ port: 80 }] }] } });
    expect(decodeManifest({ apiVersion: 'velero.io/v1', kind: 'Schedule', spec: {} })).toBeUndefined();
  });
});
