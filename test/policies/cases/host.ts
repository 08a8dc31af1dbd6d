import { RuleCase, resourcesOf, stackOf } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

type Pod = { security_context: Json; container: Json[]; init_container?: Json[]; volume: Json[]; [k: string]: unknown };

/** A deployment that meets every HOST rule (restricted security context, limits, pinned allowed image). */
function compliantPod(): Pod {
  return {
    security_context: { run_as_non_root: true, run_as_user: '10001', seccomp_profile: { type: 'RuntimeDefault' } },
    container: [
      {
        name: 'app',
        image: 'registry.test.gov.cn/x/app:1.2.3',
        port: [{ container_port: 8080 }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
        security_context: { allow_privilege_escalation: false, read_only_root_filesystem: true, run_as_non_root: true, capabilities: { drop: ['ALL'] } },
        volume_mount: [{ name: 'tmp', mount_path: '/tmp' }],
      },
    ],
    volume: [{ name: 'tmp', empty_dir: {} }],
  };
}

/** Hand-added Terraform with one deployment in relief-prod (or another namespace), its pod changed by `change`. */
function app(change: (pod: Pod, c: Json) => void = () => undefined, namespace = 'relief-prod'): Readonly<Record<string, Json>> {
  const pod = compliantPod();
  change(pod, pod.container[0]);
  const spec = { replicas: '2', selector: { match_labels: { app: 'app' } }, template: { metadata: { labels: { app: 'app' } }, spec: pod } };
  return {
    [stackOf(namespace.replace(/-(prod|test)$/, ''))]: { resource: { kubernetes_deployment_v1: { app: { metadata: { name: 'app', namespace }, spec } } } },
  };
}

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
];
