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
import { backupRetentionDays, isServing, replicatedEnvironment } from '../../config/model';
import { BACKUP, DOMESTIC_PLACEMENT_POLICY, EGRESS_GATEWAY } from '../../config/vocabulary';
import { allowedByLines, forwardedPairs, parseSquidConf } from '../../policies/rules/net/squid';
import { NON_INTERNET } from '../../constructs/network/egress-gateway';
import { clusterEndpoint, objectStore } from '../../config/backup-storage';
import { readOnlyLocations } from '../../config/backup-locations';

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

  describe('the unified Internet egress', () => {
    const m = model();
    const ns = m.egress.namespace;
    // what the example city declares: host:port pairs of the public-service tenants, per cluster that serves them
    // (the primary, and the clusters of their active-active and hot-standby replicas)
    const declaredPairs = new Map<string, Set<string>>();
    const declaring = m.tenants.filter((t) => t.zone === 'public-service' && t.flows.some((f) => f.kind === 'internet'));
    const servingClusters = (t: (typeof declaring)[number]) => [t.cluster, ...t.replicas.filter(isServing).map((r) => r.cluster)];
    for (const t of declaring) {
      for (const cluster of servingClusters(t)) {
        const pairs = declaredPairs.get(cluster) ?? new Set<string>();
        for (const f of t.flows) if (f.kind === 'internet') for (const h of f.hosts) for (const p of f.ports) pairs.add(`${h}:${p}`);
        declaredPairs.set(cluster, pairs);
      }
    }
    const gatewayPath = (plural: string, group = '/api/v1') => `${group}/namespaces/${ns}/${plural}/${EGRESS_GATEWAY.name}`;

    it('runs the gateway with the platform image and two pods on the clusters whose tenants declare Internet flows, and on no other', async () => {
      expect(declaring.length).toBeGreaterThan(0);
      for (const c of clustersOf('extranet', top)) {
        const d = await kube.get(c.name)!.get(gatewayPath('deployments', '/apis/apps/v1'));
        if (!declaredPairs.has(c.name)) {
          expect([c.name, d.status]).toEqual([c.name, 404]);
          continue;
        }
        expect([c.name, d.status]).toEqual([c.name, 200]);
        expect(d.body.spec.replicas).toBe(2);
        const container = d.body.spec.template.spec.containers[0];
        expect(container.image).toBe(m.images.egressGateway);
        expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, runAsNonRoot: true });
        expect(container.readinessProbe.tcpSocket.port).toBe(EGRESS_GATEWAY.proxyPort);
        const svc = await kube.get(c.name)!.get(gatewayPath('services'));
        expect([svc.body.spec.type, svc.body.spec.selector, svc.body.spec.ports[0].port]).toEqual([
          'ClusterIP',
          EGRESS_GATEWAY.podLabels,
          EGRESS_GATEWAY.proxyPort,
        ]);
      }
    });

    it("forwards exactly the example city's declared hosts and ports, and nothing else", async () => {
      for (const [cluster, pairs] of declaredPairs) {
        const cm = await kube.get(cluster)!.get(gatewayPath('configmaps'));
        expect([cluster, cm.status]).toEqual([cluster, 200]);
        const conf = parseSquidConf(cm.body.data[EGRESS_GATEWAY.configKey] as string);
        expect([cluster, [...new Set(allowedByLines(conf).flatMap(forwardedPairs))].sort()]).toEqual([cluster, [...pairs].sort()]);
      }
      // the example city's own flows, written out: hotline-12345 and gov-service-center, both hot-standby on ext-samecity
      expect([...(declaredPairs.get('ext-primary') ?? [])].sort()).toEqual(['api.example.cn:443', 'sms.example.cn:443']);
      expect([...(declaredPairs.get('ext-samecity') ?? [])].sort()).toEqual(['api.example.cn:443', 'sms.example.cn:443']);
    });

    it('admits only the declaring tenants on the proxy port, and lets the gateway out only to the Internet on their ports and to DNS', async () => {
      for (const [cluster, pairs] of declaredPairs) {
        const p = await kube.get(cluster)!.get(gatewayPath('networkpolicies', '/apis/networking.k8s.io/v1'));
        expect([cluster, p.status]).toEqual([cluster, 200]);
        expect(p.body.spec.podSelector.matchLabels).toEqual(EGRESS_GATEWAY.podLabels);
        const from = p.body.spec.ingress[0].from.map((x: { namespaceSelector: { matchLabels: Record<string, string> } }) => x.namespaceSelector.matchLabels);
        const here = declaring.filter((t) => servingClusters(t).includes(cluster)).map((t) => t.name);
        expect(from).toEqual([...here].sort().map((t) => ({ 'govcloud.gov.cn/tenant': t, 'govcloud.gov.cn/zone': 'public-service' })));
        expect(p.body.spec.ingress[0].ports).toEqual([{ port: EGRESS_GATEWAY.proxyPort, protocol: 'TCP' }]);
        const [internet, dns] = p.body.spec.egress;
        expect(internet.to).toEqual([{ ipBlock: { cidr: '0.0.0.0/0', except: expect.arrayContaining(NON_INTERNET) } }]);
        const ports = [...new Set([...pairs].map((x) => Number(x.split(':')[1])))].sort((a, b) => a - b);
        expect(internet.ports).toEqual(ports.map((port) => ({ port, protocol: 'TCP' })));
        expect(dns.to[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'kube-system' });
        expect(p.body.spec.egress).toHaveLength(2);
      }
    });

    it('lets each declaring tenant out to the gateway pods on the proxy port, and to no address outside the platform', async () => {
      for (const t of declaring) {
        for (const env of t.environments) {
          const policies = await kube.get(t.cluster)!.list(`/apis/networking.k8s.io/v1/namespaces/${t.name}-${env}/networkpolicies`);
          const egress = policies.flatMap(
            (p) => (p.spec.egress ?? []) as { to: Record<string, { matchLabels: Record<string, string> }>[]; ports: unknown[] }[],
          );
          const toGateway = egress.filter((r) => r.to.some((x) => x.namespaceSelector?.matchLabels['kubernetes.io/metadata.name'] === ns));
          expect([t.name, env, toGateway.map((r) => [r.to, r.ports])]).toEqual([
            t.name,
            env,
            [
              [
                [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } }, podSelector: { matchLabels: EGRESS_GATEWAY.podLabels } }],
                [{ port: EGRESS_GATEWAY.proxyPort, protocol: 'TCP' }],
              ],
            ],
          ]);
          expect([t.name, env, JSON.stringify(egress).includes('0.0.0.0/0')]).toEqual([t.name, env, false]);
        }
      }
    });

    it("admits the gateway's pod under the restricted Pod Security of the egress namespace (server-side dry run)", async () => {
      for (const cluster of declaredPairs.keys()) {
        const d = await kube.get(cluster)!.get(gatewayPath('deployments', '/apis/apps/v1'));
        const pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'e2e-gateway-probe', labels: d.body.spec.template.metadata.labels },
          spec: d.body.spec.template.spec,
        };
        const r = await kube.get(cluster)!.dryRunCreate(`/api/v1/namespaces/${ns}/pods`, pod);
        expect([cluster, r.status, r.body.message]).toEqual([cluster, 201, undefined]);
      }
    });
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

  it("runs Velero on every cluster with one BackupStorageLocation per backup site of its network writing the cluster's own prefix, a ReadOnly one per primary it restores from, no credentials written", async () => {
    const m = model();
    for (const c of m.clusters) {
      const k = kube.get(c.name)!;
      const sites = new Set(m.clusters.filter((x) => x.network === c.network).map((x) => x.site));
      const want = m.sites.filter((s) => sites.has(s.name));
      // the same model functions BackupServer is built from (config/backup-locations.ts)
      const reads = readOnlyLocations(m.tenants, c.name);
      const locations = await k.list(`/apis/velero.io/v1/namespaces/${BACKUP.namespace}/backupstoragelocations`);
      expect([c.name, locations.map((l) => l.metadata.name).sort()]).toEqual([c.name, [...want.map((s) => s.name), ...reads.map((r) => r.name)].sort()]);
      // the site's CA (platform.yaml backupStorage.caCert: the lab's stores have one) rides along, base64
      const storage = (endpoint: string, site: string) => {
        const store = objectStore(endpoint);
        if ('error' in store) throw new Error(store.error);
        const pem = m.sites.find((x) => x.name === site)?.backupCaCert;
        const ca = pem ? { caCert: Buffer.from(pem.trim() + '\n').toString('base64') } : {};
        return { objectStorage: { bucket: store.bucket, ...(store.prefix ? { prefix: store.prefix } : {}), ...ca }, s3Url: store.s3Url };
      };
      for (const s of want) {
        const l = locations.find((x) => x.metadata.name === s.name);
        const { objectStorage, s3Url } = storage(clusterEndpoint(s.backupEndpoint, c.name), s.name);
        expect([c.name, s.name, l.spec.provider, l.spec.accessMode, l.spec.objectStorage, l.spec.config?.s3Url, l.spec.default === true]).toEqual([
          c.name,
          s.name,
          'aws',
          'ReadWrite',
          objectStorage,
          s3Url,
          s.name === c.site,
        ]);
        expect(l.spec.credential).toEqual({ name: 'cloud-credentials', key: 'cloud' });
      }
      for (const r of reads) {
        const l = locations.find((x) => x.metadata.name === r.name);
        const { objectStorage, s3Url } = storage(r.endpoint, r.site);
        expect([c.name, r.name, l.spec.accessMode, l.spec.objectStorage, l.spec.config?.s3Url, l.spec.default === true]).toEqual([
          c.name,
          r.name,
          'ReadOnly',
          objectStorage,
          s3Url,
          false,
        ]);
        expect(l.spec.credential).toEqual({ name: 'cloud-credentials', key: 'cloud' });
      }
    }
    // a DR cluster of the example city reads a primary's prefix: the expectation above is not vacuous
    expect(m.clusters.some((c) => readOnlyLocations(m.tenants, c.name).length > 0)).toBe(true);
    for (const c of m.clusters) {
      const k = kube.get(c.name)!;
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
      '/apis/apps/v1/deployments',
      '/api/v1/services',
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
      // a fixed tag: only the registry is wrong, so only that policy refuses it
      const r = await create(pod('docker.io/library/nginx:1.27'));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.body.message).toContain('govcloud-allowed-registries');
      expect(r.body.message).toContain('image not from an allowed registry');
    });

    it('rejects a look-alike registry host that only starts with an allowed registry (host + "/" boundary)', async () => {
      // the example city lists one registry with a trailing '/' and one without: both must stop at the host
      for (const host of m.registries.map((r) => r.replace(/\/$/, ''))) {
        for (const image of [`${host}.evil.io/apps/portal:1.0`, `${host}:5000/apps/portal:1.0`]) {
          const r = await create(pod(image));
          expect([image, r.status >= 400, r.body.message]).toEqual([image, true, expect.stringContaining('govcloud-allowed-registries')]);
          expect(r.body.message).toContain(`image not from an allowed registry: ${image}`);
        }
        const ok = await create(pod(`${host}/apps/portal:1.0`));
        expect([host, ok.status, ok.body.message]).toEqual([host, 201, undefined]);
      }
    });

    it('rejects an image with no tag or a floating tag in a level-3 namespace (pinned by version or digest)', async () => {
      for (const image of [`${registry}/apps/portal:latest`, `${registry}/apps/portal`]) {
        const r = await create(pod(image));
        expect([image, r.status >= 400, r.body.message]).toEqual([image, true, expect.stringContaining('govcloud-level3-containers')]);
        expect(r.body.message).toContain('every image is pinned by a version tag or a digest');
      }
    });

    it('rejects a privileged pod in a level-3 namespace', async () => {
      const r = await create(pod(`${registry}/apps/portal:1.0`, { securityContext: { privileged: true, readOnlyRootFilesystem: true } }));
      // the API servers allow privileged containers (as real clusters do): Pod Security refuses it here
      expect([r.status, r.body.message]).toEqual([403, expect.stringMatching(/violates PodSecurity "restricted:latest": privileged/)]);
    });

    it('rejects an init container with a writable root file system in a level-3 namespace (init containers are containers too)', async () => {
      const body = pod(`${registry}/apps/portal:1.0`) as { spec: Record<string, unknown> };
      body.spec.initContainers = [
        { name: 'init', image: `${registry}/apps/portal:1.0`, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } },
      ];
      const r = await create(body);
      expect([r.status >= 400, r.body.message]).toEqual([true, expect.stringContaining('govcloud-level3-containers')]);
      expect(r.body.message).toContain('init containers included, needs readOnlyRootFilesystem: true');
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

    describe('domestic (信创) placement', () => {
      const label = m.domesticNodeLabel;
      // every namespace of a domestic tenant, on its primary cluster and on its DR clusters
      const domestic = m.tenants
        .filter((x) => x.domestic)
        .flatMap((x) => [
          ...x.environments.map((env) => ({ cluster: x.cluster, ns: `${x.name}-${env}` })),
          ...x.replicas.map((r) => ({ cluster: r.cluster, ns: `${x.name}-${replicatedEnvironment(x)}` })),
        ]);
      const createIn = (where: { cluster: string; ns: string }, spec: Record<string, unknown>) => {
        // pinned by digest: level-4 namespaces refuse anything less, so only the placement decides here
        const body = pod(`${registry}/apps/portal:1.0@sha256:${'5b2e8f1a'.repeat(8)}`);
        return kube.get(where.cluster)!.dryRunCreate(`/api/v1/namespaces/${where.ns}/pods`, { ...body, spec: { ...body.spec, ...spec } });
      };
      const refused = `pods of domestic (信创) tenants run only on the domestic nodes: set nodeSelector ${label.key}=${label.value}`;

      it('covers namespaces on the extranet primary, both DR sites and the intranet', () => {
        expect(new Set(domestic.map((d) => d.cluster))).toEqual(new Set(top.clusters.map((c) => c.name)));
      });

      it('rejects a pod that does not select the domestic nodes in every domestic namespace, with the policy message', async () => {
        for (const d of domestic) {
          const r = await createIn(d, {});
          expect([d.cluster, d.ns, r.status >= 400, r.body.message]).toEqual([
            d.cluster,
            d.ns,
            true,
            expect.stringContaining(`ValidatingAdmissionPolicy '${DOMESTIC_PLACEMENT_POLICY}'`),
          ]);
          expect(r.body.message).toContain(refused);
          expect(r.body.message).toContain('信创租户的 Pod 只能运行在信创节点上');
        }
      });

      it('rejects a pod that selects another node pool, or a node affinity that also admits one', async () => {
        const d = domestic[0];
        const other = await createIn(d, { nodeSelector: { [label.key]: 'general' } });
        expect([other.status >= 400, other.body.message]).toEqual([true, expect.stringContaining(refused)]);
        const term = (values: string[]) => ({ matchExpressions: [{ key: label.key, operator: 'In', values }] });
        const either = await createIn(d, {
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term([label.value]), term(['general'])] } } },
        });
        expect([either.status >= 400, either.body.message]).toEqual([true, expect.stringContaining(refused)]);
      });

      it('admits a compliant pod that selects the domestic nodes, by node selector or by required node affinity', async () => {
        for (const d of domestic) {
          const r = await createIn(d, { nodeSelector: { [label.key]: label.value } });
          expect([d.cluster, d.ns, r.status, r.body.message]).toEqual([d.cluster, d.ns, 201, undefined]);
        }
        const affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: label.key, operator: 'In', values: [label.value] }] }],
            },
          },
        };
        const r = await createIn(domestic[0], { affinity });
        expect([r.status, r.body.message]).toEqual([201, undefined]);
      });

      it('leaves pods in namespaces without domestic placement alone', async () => {
        const r = await create(pod(`${registry}/apps/portal:1.0`));
        expect([t!.domestic, r.status]).toEqual([false, 201]);
      });
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
