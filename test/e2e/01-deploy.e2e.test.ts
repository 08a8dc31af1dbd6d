/**
 * The example city deployed through the product's own path — `govcloud plan`, then `govcloud apply`
 * of the saved plans, platform stacks first — on four real API servers, state in PostgreSQL; then
 * what the model declares is checked against the clusters, admission is tried server-side, and a
 * second plan must be empty with terraform and with OpenTofu.
 */
import * as fs from 'fs';
import * as path from 'path';
import { apiPath, declared } from './harness/synthesized';
import { clustersOf, explain, govcloud, kubes, model, outDir, rows, topology } from './harness/suite';
import { planStacks } from '../../stacks/slices';
import { backupRetentionDays } from '../../config/model';
import { BACKUP } from '../../config/vocabulary';
import { objectStore } from '../../config/backup-storage';

const ENGINES = ['terraform', 'tofu'] as const;

describe('deploying the example city', () => {
  const top = topology();
  const kube = kubes(top);
  const contextToCluster = new Map(top.clusters.map((c) => [c.context, c.name]));
  // one platform stack per cluster and one stack per county, department and cluster
  const stacks = planStacks(model()).length;

  it('plans every stack with terraform, platform stacks first, and saves each plan with its engine log', () => {
    const r = govcloud(['plan', '--engine', 'terraform', '--out', outDir()]);
    expect(r.code).toBe(0);
    const runs = rows(r.out);
    expect(runs.length).toBe(stacks);
    expect(runs.every((x) => x.status === 'changes')).toBe(true);
    // extranet platform stacks, extranet department stacks, then the intranet the same way
    const order = runs.map((x) => `${x.network}:${x.stack.startsWith('platform-') ? 0 : 1}`);
    expect(order).toEqual([...order].sort());
    for (const x of runs) {
      const dir = path.join(outDir(), x.network, 'stacks', x.stack);
      expect(fs.existsSync(path.join(dir, 'tfplan'))).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'govcloud-plan.log'), 'utf8')).toMatch(/Terraform will perform the following actions/);
    }
  });

  it('applies exactly the saved plans', () => {
    const r = govcloud(['apply', '--planned', '--engine', 'terraform', '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    const runs = rows(r.out);
    expect(runs.length).toBe(stacks);
    expect(runs.filter((x) => x.status !== 'applied')).toEqual([]);
  });

  it('creates every declared object on the cluster of its stack, and only there', async () => {
    const objects = declared(outDir());
    let checked = 0;
    for (const d of objects) {
      const p = apiPath(d.type, d.name, d.namespace, d.manifest);
      if (!p) continue;
      const here = kube.get(contextToCluster.get(d.context) ?? '');
      expect([d.address, here !== undefined]).toEqual([d.address, true]);
      const r = await here!.get(p);
      expect([d.stack, d.address, r.status]).toEqual([d.stack, d.address, 200]);
      if (d.type === 'helm_release') expect([d.address, r.body.items.length]).toEqual([d.address, 1]);
      if (d.type === 'kubernetes_resource_quota_v1') {
        const spec = d.body.spec as { hard: Record<string, string> };
        expect([d.address, r.body.spec.hard]).toEqual([d.address, spec.hard]);
      }
      if (d.type === 'kubernetes_namespace_v1') {
        const labels = (d.body.metadata as { labels: Record<string, string> }).labels;
        for (const [k, v] of Object.entries(labels)) expect([d.address, k, r.body.metadata.labels[k]]).toEqual([d.address, k, v]);
        // a tenant namespace lives on its own stack's cluster only
        for (const [name, other] of kube) {
          if (name === contextToCluster.get(d.context)) continue;
          const elsewhere = objects.some((o) => o.type === 'kubernetes_namespace_v1' && o.name === d.name && contextToCluster.get(o.context) === name);
          if (!elsewhere) expect([d.name, name, (await other.get(`/api/v1/namespaces/${d.name}`)).status]).toEqual([d.name, name, 404]);
        }
      }
      checked++;
    }
    expect(checked).toBe(objects.length);
  });

  it('places every tenant environment on its primary cluster and every DR replica on its DR cluster', async () => {
    const m = model();
    for (const t of m.tenants) {
      for (const env of t.environments)
        expect([t.name, env, (await kube.get(t.cluster)!.get(`/api/v1/namespaces/${t.name}-${env}`)).status]).toEqual([t.name, env, 200]);
      for (const r of t.replicas) {
        const ns = await kube.get(r.cluster)!.list(`/api/v1/namespaces?labelSelector=${encodeURIComponent(`govcloud.gov.cn/tenant=${t.name}`)}`);
        const roles = ns.map((n) => [n.metadata.labels['govcloud.gov.cn/dr-site-role'], n.metadata.labels['govcloud.gov.cn/dr-role']]);
        expect([t.name, r.cluster, roles]).toEqual([t.name, r.cluster, [[r.siteRole, r.mode]]]);
      }
    }
    expect(m.tenants.some((t) => t.replicas.some((r) => r.siteRole === 'same-city'))).toBe(true);
    expect(m.tenants.some((t) => t.replicas.some((r) => r.siteRole === 'remote'))).toBe(true);
  });

  it('runs Velero on every cluster with one BackupStorageLocation per backup site of its network, no credentials written', async () => {
    const m = model();
    for (const c of m.clusters) {
      const k = kube.get(c.name)!;
      const sites = new Set(m.clusters.filter((x) => x.network === c.network).map((x) => x.site));
      const want = m.sites.filter((s) => sites.has(s.name));
      const locations = await k.list(`/apis/velero.io/v1/namespaces/${BACKUP.namespace}/backupstoragelocations`);
      expect([c.name, locations.map((l) => l.metadata.name).sort()]).toEqual([c.name, want.map((s) => s.name).sort()]);
      for (const s of want) {
        const l = locations.find((x) => x.metadata.name === s.name);
        const store = objectStore(s.backupEndpoint);
        if ('error' in store) throw new Error(store.error);
        expect([c.name, s.name, l.spec.provider, l.spec.objectStorage, l.spec.config?.s3Url, l.spec.default === true]).toEqual([
          c.name,
          s.name,
          'aws',
          store.prefix ? { bucket: store.bucket, prefix: store.prefix } : { bucket: store.bucket },
          store.s3Url,
          s.name === c.site,
        ]);
        expect(l.spec.credential).toEqual({ name: 'cloud-credentials', key: 'cloud' });
      }
      const server = (await k.get(`/apis/apps/v1/namespaces/${BACKUP.namespace}/deployments/velero`)).body;
      expect([c.name, server.spec.template.spec.containers.map((x: { image: string }) => x.image)]).toEqual([c.name, [m.images.velero]]);
      expect([c.name, server.spec.template.spec.initContainers.map((x: { image: string }) => x.image)]).toEqual([c.name, [m.images.veleroPluginForAws]]);
      // the credential Secret is the operators' to create: govcloud never writes one
      expect([c.name, (await k.get(`/api/v1/namespaces/${BACKUP.namespace}/secrets/cloud-credentials`)).status]).toEqual([c.name, 404]);
    }
  });

  it("backs every tenant up with a Velero Schedule per DR site: the tier's frequency and TTL, its namespaces, the site's location", async () => {
    const m = model();
    let schedules = 0;
    for (const c of m.clusters) {
      const here = await kube.get(c.name)!.list(`/apis/velero.io/v1/namespaces/${BACKUP.namespace}/schedules`);
      const want = m.tenants.filter((t) => t.cluster === c.name).flatMap((t) => t.replicas.map((r) => ({ t, r })));
      expect([c.name, here.map((s) => s.metadata.name).sort()]).toEqual([c.name, want.map(({ t, r }) => `${t.name}-${r.siteRole}`).sort()]);
      for (const { t, r } of want) {
        const s = here.find((x) => x.metadata.name === `${t.name}-${r.siteRole}`);
        expect([
          s.metadata.name,
          s.spec.schedule,
          s.spec.template.ttl,
          [...s.spec.template.includedNamespaces].sort(),
          s.spec.template.storageLocation,
        ]).toEqual([
          `${t.name}-${r.siteRole}`,
          r.schedule,
          `${backupRetentionDays(t, r) * 24}h0m0s`,
          t.environments.map((e) => `${t.name}-${e}`).sort(),
          r.site,
        ]);
        schedules++;
      }
    }
    // every tier that backs up is there: daily remote, 15-minute and 5-minute same-city
    expect(new Set(m.tenants.map((t) => t.dr))).toEqual(new Set(['none', 'backup', 'hot-standby', 'active-active']));
    expect(schedules).toBe(m.tenants.reduce((n, t) => n + t.replicas.length, 0));
    expect(schedules).toBeGreaterThan(0);
  });

  it('keeps intranet tenants on the intranet cluster; no extranet object names them', async () => {
    const m = model();
    const secret = m.tenants.filter((t) => t.network === 'intranet');
    expect(secret.length).toBeGreaterThan(0);
    const lists = [
      '/api/v1/namespaces',
      '/api/v1/configmaps',
      '/api/v1/resourcequotas',
      '/api/v1/limitranges',
      '/api/v1/serviceaccounts',
      '/apis/networking.k8s.io/v1/networkpolicies',
      '/apis/rbac.authorization.k8s.io/v1/rolebindings',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles',
      '/apis/batch/v1/cronjobs',
      '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies',
    ];
    for (const c of clustersOf('extranet', top)) {
      const text = JSON.stringify(await Promise.all(lists.map((l) => kube.get(c.name)!.list(l))));
      for (const t of secret) expect([c.name, t.name, text.includes(t.name)]).toEqual([c.name, t.name, false]);
      expect(text).not.toContain(m.intranetCidr);
    }
    const intranet = clustersOf('intranet', top)[0];
    const names = (await kube.get(intranet.name)!.list('/api/v1/namespaces')).map((n) => n.metadata.name as string);
    for (const t of secret) for (const env of t.environments) expect(names).toContain(`${t.name}-${env}`);
  });

  describe('admission on the API server (server-side dry run)', () => {
    const m = model();
    const t = m.tenants.find((x) => x.network === 'extranet' && x.mlpsLevel === 3 && x.environments.includes('prod'));
    const ns = `${t?.name}-prod`;
    const registry = m.registries[0].replace(/\/$/, '');
    const pod = (image: string, container: Record<string, unknown> = {}, extra: Record<string, unknown>[] = []) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'e2e-probe' },
      spec: {
        automountServiceAccountToken: false,
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [
          {
            name: 'app',
            image,
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            ...container,
          },
          ...extra,
        ],
      },
    });
    const create = (body: unknown) => kube.get(t!.cluster)!.dryRunCreate(`/api/v1/namespaces/${ns}/pods`, body);

    it('admits a compliant pod and injects the LimitRange defaults', async () => {
      const r = await create(pod(`${registry}/apps/portal:1.0`));
      expect([r.status, r.body.message]).toEqual([201, undefined]);
      expect(r.body.spec.containers[0].resources.limits).toEqual({ cpu: '500m', memory: '512Mi' });
      expect(r.body.spec.containers[0].resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    });

    it('rejects an image from a registry not on the allowed list', async () => {
      const r = await create(pod('docker.io/library/nginx:latest'));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.body.message).toContain('govcloud-allowed-registries');
      expect(r.body.message).toContain('image not from an allowed registry');
    });

    it('rejects a privileged pod in a level-3 namespace', async () => {
      const r = await create(pod(`${registry}/apps/portal:1.0`, { securityContext: { privileged: true, readOnlyRootFilesystem: true } }));
      // the API servers allow privileged containers (as real clusters do): Pod Security refuses it here
      expect([r.status, r.body.message]).toEqual([403, expect.stringMatching(/violates PodSecurity "restricted:latest": privileged/)]);
    });

    it('rejects a pod over the namespace quota', async () => {
      const cpu = t!.quotaText.cpu;
      const over = { resources: { limits: { cpu, memory: '1Gi' }, requests: { cpu: '100m', memory: '128Mi' } } };
      const second = {
        name: 'second',
        image: `${registry}/apps/portal:1.0`,
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        ...over,
      };
      const r = await create(pod(`${registry}/apps/portal:1.0`, over, [second]));
      expect(r.status).toBe(403);
      expect(r.body.message).toMatch(/exceeded quota: quota/);
    });
  });

  it.each(ENGINES)('plans no change on any stack afterwards with %s', (engine) => {
    const r = govcloud(['plan', '--engine', engine, '--out', outDir()]);
    expect(explain(r)).toMatch(/^exit 0/);
    const runs = rows(r.out);
    expect(runs.length).toBe(stacks);
    expect(runs.filter((x) => x.status !== 'no changes')).toEqual([]);
  });
});
