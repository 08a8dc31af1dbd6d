import { RuleCase, resourcesOf, stackOf } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

type Pod = { security_context: Json; container: Json[]; init_container?: Json[]; volume: Json[]; [k: string]: unknown };

/** A deployment that meets every HOST rule (restricted security context, requests and limits, probes, an allowed image pinned by digest). */
function compliantPod(): Pod {
  return {
    security_context: { run_as_non_root: true, run_as_user: '10001', seccomp_profile: { type: 'RuntimeDefault' } },
    container: [
      {
        name: 'app',
        image: `registry.test.gov.cn/x/app:1.2.3@sha256:${'0123456789abcdef'.repeat(4)}`,
        port: [{ container_port: 8080 }],
        liveness_probe: { http_get: { path: '/healthz', port: '8080' } },
        readiness_probe: { http_get: { path: '/ready', port: '8080' } },
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
        security_context: { allow_privilege_escalation: false, read_only_root_filesystem: true, run_as_non_root: true, capabilities: { drop: ['ALL'] } },
        volume_mount: [{ name: 'tmp', mount_path: '/tmp' }],
      },
    ],
    volume: [{ name: 'tmp', empty_dir: {} }],
  };
}

/** Hand-added Terraform with one deployment in relief-prod (or another namespace), its pod changed by `change`. */
function app(change: (pod: Pod, c: Json) => void = () => undefined, namespace = 'relief-prod', stack?: string): Readonly<Record<string, Json>> {
  const pod = compliantPod();
  change(pod, pod.container[0]);
  const spec = { replicas: '2', selector: { match_labels: { app: 'app' } }, template: { metadata: { labels: { app: 'app' } }, spec: pod } };
  return {
    [stack ?? stackOf(namespace.replace(/-(prod|test)$/, ''))]: {
      resource: { kubernetes_deployment_v1: { app: { metadata: { name: 'app', namespace }, spec } } },
    },
  };
}

/** The same deployment hand-added to a platform stack, in a namespace no tenant owns (default). */
const platformApp = (change: (pod: Pod, c: Json) => void = () => undefined) => app(change, 'default', 'platform-ext-main');

const sc = (c: Json): Json => c.security_context as Json;

export const CASES: RuleCase[] = [
  { name: 'passes for a level-3 tenant whose namespaces enforce restricted', rule: 'MLPS-HOST-001', tenant: 'portal', expect: 'pass' },
  { name: 'passes for a level-2 tenant whose namespaces enforce baseline', rule: 'MLPS-HOST-001', tenant: 'relief', expect: 'pass' },
  { name: 'fails for a baseline namespace judged at level 3', rule: 'MLPS-HOST-001', tenant: 'relief', expect: 'fail', level: 3 },
  {
    name: 'fails when the enforce label of a level-3 namespace is lowered to baseline',
    rule: 'MLPS-HOST-001',
    tenant: 'portal',
    expect: 'fail',
    edit: (stacks) => {
      for (const body of Object.values(resourcesOf(stacks, stackOf('portal'), 'kubernetes_namespace_v1'))) {
        const meta = body.metadata as { name: string; labels: Record<string, string> };
        if (meta.name === 'portal-test') meta.labels['pod-security.kubernetes.io/enforce'] = 'baseline';
      }
    },
  },

  { name: 'passes without workloads (Pod Security enforces it)', rule: 'MLPS-HOST-002', tenant: 'relief', expect: 'pass' },
  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-002', tenant: 'relief', expect: 'pass', add: app() },
  { name: 'fails for a privileged container', rule: 'MLPS-HOST-002', tenant: 'relief', expect: 'fail', add: app((_p, c) => (sc(c).privileged = true)) },

  { name: 'passes for the DR sync job of the portal replica', rule: 'MLPS-HOST-003', tenant: 'portal', expect: 'pass' },
  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-003', tenant: 'relief', expect: 'pass', add: app() },
  { name: 'fails for host_network', rule: 'MLPS-HOST-003', tenant: 'relief', expect: 'fail', add: app((p) => (p.host_network = true)) },
  { name: 'fails for host_pid', rule: 'MLPS-HOST-003', tenant: 'portal', expect: 'fail', add: app((p) => (p.host_pid = true), 'portal-prod') },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-004', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'passes when only the pod sets run_as_non_root',
    rule: 'MLPS-HOST-004',
    tenant: 'relief',
    expect: 'pass',
    add: app((_p, c) => delete sc(c).run_as_non_root),
  },
  {
    name: 'fails when neither pod nor container sets run_as_non_root',
    rule: 'MLPS-HOST-004',
    tenant: 'relief',
    expect: 'fail',
    add: app((p, c) => {
      delete p.security_context.run_as_non_root;
      delete sc(c).run_as_non_root;
    }),
  },
  {
    name: 'fails for a container that runs as user 0',
    rule: 'MLPS-HOST-004',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => (sc(c).run_as_user = '0')),
  },

  { name: 'passes for the DR sync jobs of the exchange tenant', rule: 'MLPS-HOST-005', tenant: 'exchange-hub', expect: 'pass' },
  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-005', tenant: 'portal', expect: 'pass', add: app(undefined, 'portal-prod') },
  {
    name: 'fails for a writable root filesystem',
    rule: 'MLPS-HOST-005',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (sc(c).read_only_root_filesystem = false), 'portal-prod'),
  },

  { name: 'passes without workloads (the level-3 admission policy enforces it)', rule: 'MLPS-HOST-006', tenant: 'case-files', expect: 'pass' },
  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-006', tenant: 'portal', expect: 'pass', add: app(undefined, 'portal-prod') },
  {
    name: 'fails for a container without a memory limit',
    rule: 'MLPS-HOST-006',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => delete (c.resources as { limits: Json }).limits.memory, 'portal-prod'),
  },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-007', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'fails for an image from Docker Hub',
    rule: 'MLPS-HOST-007',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => (c.image = 'docker.io/library/nginx:1.25.3')),
  },
  {
    name: 'fails for a registry name that only starts like the allowed one',
    rule: 'MLPS-HOST-007',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => (c.image = 'registry.test.gov.cn.example.com/x/app:1.2.3')),
  },
  {
    name: 'fails for an init container from an unknown registry',
    rule: 'MLPS-HOST-007',
    tenant: 'relief',
    expect: 'fail',
    add: app((p) => (p.init_container = [{ ...(p.container[0] as Json), name: 'init', image: 'quay.io/x/init:2.0.1' }])),
  },

  { name: 'passes for a fixed version tag', rule: 'MLPS-HOST-008', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'passes for a digest',
    rule: 'MLPS-HOST-008',
    tenant: 'relief',
    expect: 'pass',
    add: app((_p, c) => (c.image = `registry.test.gov.cn/x/app@sha256:${'a'.repeat(64)}`)),
  },
  { name: 'fails for :latest', rule: 'MLPS-HOST-008', tenant: 'relief', expect: 'fail', add: app((_p, c) => (c.image = 'registry.test.gov.cn/x/app:latest')) },
  {
    name: 'fails for an image without a tag',
    rule: 'MLPS-HOST-008',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => (c.image = 'registry.test.gov.cn:5000/x/app')),
  },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-009', tenant: 'portal', expect: 'pass', add: app(undefined, 'portal-prod') },
  {
    name: 'fails without allow_privilege_escalation false',
    rule: 'MLPS-HOST-009',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => delete sc(c).allow_privilege_escalation, 'portal-prod'),
  },
  {
    name: 'fails when a capability is added back',
    rule: 'MLPS-HOST-009',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (sc(c).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }), 'portal-prod'),
  },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-010', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'fails for a host_path volume',
    rule: 'MLPS-HOST-010',
    tenant: 'relief',
    expect: 'fail',
    add: app((p) => p.volume.push({ name: 'docker', host_path: { path: '/var/run/docker.sock' } })),
  },

  { name: 'passes for the pod-level RuntimeDefault profile', rule: 'MLPS-HOST-011', tenant: 'portal', expect: 'pass', add: app(undefined, 'portal-prod') },
  {
    name: 'fails for a container that sets Unconfined',
    rule: 'MLPS-HOST-011',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (sc(c).seccomp_profile = { type: 'Unconfined' }), 'portal-prod'),
  },
  {
    name: 'fails when no seccomp profile is set',
    rule: 'MLPS-HOST-011',
    tenant: 'portal',
    expect: 'fail',
    add: app((p) => delete p.security_context.seccomp_profile, 'portal-prod'),
  },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-012', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'fails for a deployment without a readiness probe',
    rule: 'MLPS-HOST-012',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => delete c.readiness_probe),
  },
  {
    name: 'fails for a platform deployment in default without probes',
    rule: 'MLPS-HOST-012',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: platformApp((_p, c) => (delete c.liveness_probe, delete c.readiness_probe)),
  },
  { name: 'passes for a platform without workloads', rule: 'MLPS-HOST-012', tenant: '', platform: 'ext-main', expect: 'pass' },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-013', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'fails for a container without a memory request',
    rule: 'MLPS-HOST-013',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => delete ((c.resources as Json).requests as Json).memory),
  },

  { name: 'passes for an image by digest', rule: 'MLPS-HOST-014', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'passes for an image by tag pulled Always',
    rule: 'MLPS-HOST-014',
    tenant: 'relief',
    expect: 'pass',
    add: app((_p, c) => ((c.image = 'registry.test.gov.cn/x/app:1.2.3'), (c.image_pull_policy = 'Always'))),
  },
  {
    name: 'fails for an image by tag with the default pull policy',
    rule: 'MLPS-HOST-014',
    tenant: 'relief',
    expect: 'fail',
    add: app((_p, c) => (c.image = 'registry.test.gov.cn/x/app:1.2.3')),
  },

  { name: 'passes for a compliant deployment', rule: 'MLPS-HOST-015', tenant: 'portal', expect: 'pass', add: app(undefined, 'portal-prod') },
  {
    name: 'fails for a secret passed as an environment variable',
    rule: 'MLPS-HOST-015',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (c.env = [{ name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: 'db', key: 'password' } } }]), 'portal-prod'),
  },
  {
    name: 'fails for env_from a secret',
    rule: 'MLPS-HOST-015',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (c.env_from = [{ secret_ref: { name: 'db' } }]), 'portal-prod'),
  },

  { name: 'passes for an image by digest', rule: 'MLPS-HOST-016', tenant: 'relief', expect: 'pass', add: app() },
  {
    name: 'fails for an image by version tag only',
    rule: 'MLPS-HOST-016',
    tenant: 'portal',
    expect: 'fail',
    add: app((_p, c) => (c.image = 'registry.test.gov.cn/x/app:1.2.3'), 'portal-prod'),
  },
  {
    name: 'fails for a privileged nginx:latest in default on the platform (HOST-002)',
    rule: 'MLPS-HOST-002',
    tenant: '',
    platform: 'ext-main',
    expect: 'fail',
    add: platformApp((p, c) => ((c.image = 'docker.io/library/nginx:latest'), (sc(c).privileged = true), (p.host_network = true))),
  },
];
