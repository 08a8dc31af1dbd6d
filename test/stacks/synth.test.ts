import * as fs from 'fs';
import * as path from 'path';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthError } from '../../stacks/synth';
import { planStacks } from '../../stacks/slices';
import { caseEnv, EXAMPLE_CITY, readTree, REPO, tmpDir } from '../helpers/env';

function model(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`fixture invalid: ${JSON.stringify(r.issues)}`);
  return r.model;
}

const fixture = model(caseEnv(undefined));
const repoRoot = REPO;

describe('stack plan', () => {
  it('has one platform stack per cluster and one stack per county, department and cluster in use, platforms first', () => {
    expect(planStacks(fixture).map((s) => `${s.name}:${s.network}`)).toEqual([
      'platform-ext-far:extranet',
      'platform-ext-main:extranet',
      'platform-ext-twin:extranet',
      'platform-int-main:intranet',
      'dept-north-civil-affairs-ext-main:extranet',
      'dept-north-service-center-ext-far:extranet',
      'dept-north-service-center-ext-main:extranet',
      'dept-south-big-data-ext-far:extranet',
      'dept-south-big-data-ext-main:extranet',
      'dept-south-big-data-ext-twin:extranet',
      'dept-south-public-security-int-main:intranet',
    ]);
  });
});

describe('synth', () => {
  const out = path.join(tmpDir('synth'), 'out');
  const results = synthesize(fixture, { outDir: out, repoRoot });
  const read = (network: string, stack: string) => JSON.parse(fs.readFileSync(path.join(out, network, 'stacks', stack, 'cdk.tf.json'), 'utf8'));

  it('writes one folder per stack, the intranet apart with its own manifest', () => {
    expect(fs.readdirSync(path.join(out, 'intranet', 'stacks')).sort()).toEqual(['dept-south-public-security-int-main', 'platform-int-main']);
    expect(fs.readdirSync(path.join(out, 'extranet', 'stacks'))).not.toContain('dept-south-public-security-int-main');
    const intranetManifest = JSON.parse(fs.readFileSync(path.join(out, 'intranet', 'manifest.json'), 'utf8'));
    expect(Object.keys(intranetManifest.stacks)).toEqual(['dept-south-public-security-int-main', 'platform-int-main']);
    expect(results).toHaveLength(11);
  });

  it('keeps state per stack folder, so the intranet state is never next to the extranet state', () => {
    expect(read('intranet', 'platform-int-main').terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });

  it('puts intranet tenants only in intranet stacks', () => {
    const intranet = JSON.stringify(read('intranet', 'dept-south-public-security-int-main'));
    expect(intranet).toContain('"case-files-prod"');
    for (const r of results.filter((x) => x.network === 'extranet')) {
      expect(fs.readFileSync(r.file, 'utf8')).not.toContain('case-files');
    }
  });

  it('places DR replicas on the DR clusters the tier implies', () => {
    const twin = read('extranet', 'dept-south-big-data-ext-twin');
    const far = read('extranet', 'dept-south-big-data-ext-far');
    const nsNames = (j: { resource: Record<string, Record<string, { metadata: { name: string; labels: Record<string, string> } }>> }) =>
      Object.values(j.resource.kubernetes_namespace_v1).map((n) => `${n.metadata.name}:${n.metadata.labels['govcloud.gov.cn/dr-role']}`);
    expect(nsNames(twin)).toEqual(['exchange-hub-prod:standby']);
    expect(nsNames(far)).toEqual(['exchange-hub-prod:backup']);
    expect(JSON.stringify(read('extranet', 'dept-south-big-data-ext-main'))).not.toContain('dr-sync');
  });

  it('backs the tenant up from its primary cluster: one Velero Schedule per DR site, none on the DR clusters', () => {
    type Manifests = {
      resource: {
        kubernetes_manifest?: Record<string, { manifest: { kind: string; metadata: { name: string }; spec: { template: Record<string, unknown> } } }>;
      };
    };
    const schedules = (j: Manifests) =>
      Object.values(j.resource.kubernetes_manifest ?? {})
        .filter((m) => m.manifest.kind === 'Schedule')
        .map((m) => `${m.manifest.metadata.name}>${String(m.manifest.spec.template.storageLocation)}:${String(m.manifest.spec.template.ttl)}`)
        .sort();
    expect(schedules(read('extranet', 'dept-south-big-data-ext-main') as Manifests)).toEqual([
      'exchange-hub-remote>far:720h0m0s',
      'exchange-hub-same-city>twin:168h0m0s',
    ]);
    for (const dr of ['dept-south-big-data-ext-twin', 'dept-south-big-data-ext-far']) expect(schedules(read('extranet', dr) as Manifests)).toEqual([]);
  });

  it("gives each cluster locations on its own prefix, named as the Schedules name them, and the DR clusters a ReadOnly one on the primary's", () => {
    type Locations = {
      resource: {
        kubernetes_manifest?: Record<
          string,
          {
            manifest: {
              kind: string;
              metadata: { name: string };
              spec: { accessMode: string; default: boolean; objectStorage: { bucket: string; prefix?: string } };
            };
          }
        >;
      };
    };
    const locations = (stack: string) =>
      Object.values((read('extranet', stack) as Locations).resource.kubernetes_manifest ?? {})
        .filter((m) => m.manifest.kind === 'BackupStorageLocation')
        .map((m) => {
          const { name } = m.manifest.metadata;
          const { accessMode, default: isDefault, objectStorage } = m.manifest.spec;
          return `${name}:${accessMode}${isDefault ? ':default' : ''}>${objectStorage.bucket}/${objectStorage.prefix ?? ''}`;
        })
        .sort();
    // the base fixture's sites write s3://backup.<site>.test.gov.cn/b; exchange-hub (ext-main) has replicas on ext-twin and ext-far
    expect(locations('platform-ext-main')).toEqual([
      'far:ReadWrite>backup.far.test.gov.cn/b/ext-main',
      'main:ReadWrite:default>backup.main.test.gov.cn/b/ext-main',
      'twin:ReadWrite>backup.twin.test.gov.cn/b/ext-main',
    ]);
    expect(locations('platform-ext-twin')).toEqual([
      'far:ReadWrite>backup.far.test.gov.cn/b/ext-twin',
      'main:ReadWrite>backup.main.test.gov.cn/b/ext-twin',
      'twin-from-ext-main:ReadOnly>backup.twin.test.gov.cn/b/ext-main',
      'twin:ReadWrite:default>backup.twin.test.gov.cn/b/ext-twin',
    ]);
    expect(locations('platform-ext-far')).toContain('far-from-ext-main:ReadOnly>backup.far.test.gov.cn/b/ext-main');
  });

  it('copies the baseline chart next to each platform stack', () => {
    for (const s of ['platform-ext-main', 'platform-int-main']) {
      const network = s.includes('int') ? 'intranet' : 'extranet';
      expect(fs.existsSync(path.join(out, network, 'stacks', s, 'charts', 'govcloud-baseline', 'Chart.yaml'))).toBe(true);
    }
  });

  it('synthesizes only the selected stacks and leaves the others in place', () => {
    const before = fs.statSync(path.join(out, 'extranet', 'stacks', 'platform-ext-far', 'cdk.tf.json')).mtimeMs;
    const only = synthesize(fixture, { outDir: out, repoRoot, only: ['dept-north-civil-affairs-ext-main'] });
    expect(only.map((r) => r.name)).toEqual(['dept-north-civil-affairs-ext-main']);
    expect(fs.statSync(path.join(out, 'extranet', 'stacks', 'platform-ext-far', 'cdk.tf.json')).mtimeMs).toBe(before);
  });

  it('refuses an unknown stack name with a suggestion', () => {
    try {
      synthesize(fixture, { outDir: out, repoRoot, only: ['dept-north-civil-affairs-ext-mian'] });
      throw new Error('expected a SynthError');
    } catch (e) {
      expect(e).toBeInstanceOf(SynthError);
      expect((e as SynthError).details.suggestion).toBe('dept-north-civil-affairs-ext-main');
    }
  });
});

describe('physical isolation', () => {
  it('fails the synth when an extranet stack references an intranet namespace, and writes nothing', () => {
    const out = path.join(tmpDir('iso'), 'out');
    let caught: unknown;
    try {
      synthesize(fixture, {
        outDir: out,
        repoRoot,
        customize: (stack) => {
          if (stack.node.id !== 'dept-north-civil-affairs-ext-main') return;
          new ConfigMapV1(stack, 'leak', { metadata: { name: 'peek', namespace: 'case-files-prod' }, data: { a: 'b' } });
        },
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SynthError);
    const v = (caught as SynthError).details.violations ?? [];
    expect(v.map((x) => `${x.stack} ${x.network} ${x.marker.what} ${x.value} ${x.path}`)).toEqual([
      'dept-north-civil-affairs-ext-main extranet namespace case-files-prod resource.kubernetes_config_map_v1.leak.metadata.namespace',
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('fails when an intranet stack reads extranet state', () => {
    let caught: unknown;
    try {
      synthesize(fixture, {
        outDir: path.join(tmpDir('iso2'), 'out'),
        repoRoot,
        customize: (stack) => {
          if (stack.node.id !== 'platform-int-main') return;
          stack.addOverride('data.terraform_remote_state.peek', {
            backend: 'local',
            config: { path: '../../../extranet/stacks/platform-ext-main/terraform.tfstate' },
          });
        },
      });
    } catch (e) {
      caught = e;
    }
    const v = (caught as SynthError).details.violations ?? [];
    expect(v[0]).toMatchObject({ stack: 'platform-int-main', network: 'intranet', path: 'data.terraform_remote_state.peek.config.path' });
    expect(v[0].marker).toEqual({ value: 'platform-ext-main', what: 'stack', match: 'token' });
  });
});

describe('determinism and secrets', () => {
  it('gives byte-identical output for two synths of the example city', () => {
    const m = model(EXAMPLE_CITY);
    const a = path.join(tmpDir('det'), 'a');
    const b = path.join(tmpDir('det'), 'b');
    synthesize(m, { outDir: a, repoRoot });
    synthesize(model(EXAMPLE_CITY), { outDir: b, repoRoot });
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...tb.keys()].sort()).toEqual([...ta.keys()].sort());
    for (const [k, v] of ta) expect(tb.get(k)?.equals(v)).toBe(true);
  });

  it('never writes a kubeconfig, token or database password into the output', () => {
    const dir = tmpDir('secret');
    const token = 'sk-govcloud-9f8e7d6c5b4a39281706';
    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters: [{name: ext-main, cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: Q0FDRVJU}}]\nusers: [{name: admin, user: {token: ${token}}}]\ncontexts: [{name: ext-main, context: {cluster: ext-main, user: admin}}]\ncurrent-context: ext-main\n`,
    );
    const saved = { KUBE_CONFIG_PATH: process.env.KUBE_CONFIG_PATH, PG_CONN_STR: process.env.PG_CONN_STR };
    process.env.KUBE_CONFIG_PATH = kubeconfig;
    process.env.PG_CONN_STR = 'postgres://govcloud:hunter2-secret@127.0.0.1/state';
    try {
      const pg = { ...fixture, state: { backend: 'pg' as const, schemaPrefix: 'govcloud' } };
      const out = path.join(dir, 'out');
      synthesize(pg, { outDir: out, repoRoot });
      const all = [...readTree(out).values()].map((b) => b.toString('utf8')).join('\n');
      for (const secret of [token, 'Q0FDRVJU', 'hunter2-secret', kubeconfig, '127.0.0.1:6443']) expect(all).not.toContain(secret);
      const platform = JSON.parse(fs.readFileSync(path.join(out, 'extranet', 'stacks', 'platform-ext-main', 'cdk.tf.json'), 'utf8'));
      expect(platform.terraform.backend).toEqual({ pg: { schema_name: 'govcloud_platform_ext_main' } });
      expect(platform.provider.kubernetes).toEqual([{ config_context: '${var.kube_context}' }]);
      expect(platform.variable.kube_context.default).toBe('ext-main');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
