import { RuleCase, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

const MANIFEST = 'kubernetes_manifest';

/** The Velero Schedules a department stack writes (the tenant's primary cluster), with their manifest spec. */
const schedules = (stacks: Stacks, stack: string) =>
  Object.entries(resourcesOf(stacks, stack, MANIFEST)).filter(([, r]) => (r.manifest as Json).kind === 'Schedule');

/** Changes the spec of a stack's Schedules (those to one site, when given). */
const editSchedules =
  (stack: string, change: (spec: Json) => void, site?: string) =>
  (stacks: Stacks): void => {
    for (const [, r] of schedules(stacks, stack)) {
      const spec = (r.manifest as Json).spec as Json;
      if (site === undefined || (spec.template as Json).storageLocation === site) change(spec);
    }
  };

/** Removes a stack's Schedules (those to one site, when given). */
const dropSchedules =
  (stack: string, site?: string) =>
  (stacks: Stacks): void => {
    const all = resourcesOf(stacks, stack, MANIFEST);
    for (const [k, r] of schedules(stacks, stack))
      if (site === undefined || (((r.manifest as Json).spec as Json).template as Json).storageLocation === site) delete all[k];
  };

/** Changes the spec of the BackupStorageLocations of every platform stack (those of one name, when given). */
const editLocations =
  (change: (spec: Json, stack: string) => void, name?: string) =>
  (stacks: Stacks): void => {
    for (const s of stacks.filter((x) => x.name.startsWith('platform-')))
      for (const r of Object.values(resourcesOf(stacks, s.name, MANIFEST))) {
        const m = r.manifest as Json;
        if (m.kind === 'BackupStorageLocation' && (name === undefined || (m.metadata as Json).name === name)) change(m.spec as Json, s.name);
      }
  };

/** A hand-added BackupStorageLocation in the velero namespace, writing to a bucket of no declared site. */
const OFFSHORE: Json = {
  manifest: {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: 'offshore', namespace: 'velero' },
    spec: { provider: 'aws', objectStorage: { bucket: 'backup.example.com', prefix: 'gov' }, credential: { name: 'cloud-credentials', key: 'cloud' } },
  },
};

/** A service-account-like token: header {"alg":"RS256","kid":"k"}, payload {"sub":"system:serviceaccount:x:y"}, a signature. */
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6eDp5In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

/** A hand-added resource in the north county stack on ext-main. */
/** Hand-added Terraform in the stack of the tenant whose namespace the body names. */
const add = (type: string, body: Json): Readonly<Record<string, Json>> => ({
  [stackOf(String((body.metadata as Json).namespace).replace(/-(prod|test)$/, ''))]: { resource: { [type]: { hand: body } } },
});

export const CASES: RuleCase[] = [
  { name: 'passes with the Schedule to the remote site covering every namespace', rule: 'MLPS-DATA-001', tenant: 'portal', expect: 'pass' },
  { name: 'fails for dr tier none', rule: 'MLPS-DATA-001', tenant: 'relief', expect: 'fail' },
  { name: 'fails when the tenant has no Velero Schedule', rule: 'MLPS-DATA-001', tenant: 'portal', expect: 'fail', edit: dropSchedules(stackOf('portal')) },
  {
    name: 'fails when the Schedule is paused',
    rule: 'MLPS-DATA-001',
    tenant: 'portal',
    expect: 'fail',
    edit: editSchedules(stackOf('portal'), (spec) => {
      spec.paused = true;
    }),
  },
  {
    name: 'fails when a namespace of the tenant is left out of the Schedule',
    rule: 'MLPS-DATA-001',
    tenant: 'portal',
    expect: 'fail',
    edit: editSchedules(stackOf('portal'), (spec) => {
      (spec.template as Json).includedNamespaces = ['portal-prod'];
    }),
  },
  {
    name: "passes with a hand-written Schedule of all namespaces (Velero's empty includedNamespaces)",
    rule: 'MLPS-DATA-001',
    tenant: 'portal',
    expect: 'pass',
    edit: editSchedules(stackOf('portal'), (spec) => {
      delete (spec.template as Json).includedNamespaces;
    }),
  },

  { name: 'passes with a Schedule to the remote site', rule: 'MLPS-DATA-002', tenant: 'portal', expect: 'pass' },
  { name: 'fails for dr tier none', rule: 'MLPS-DATA-002', tenant: 'relief', expect: 'fail' },
  {
    name: 'fails with only the Schedule to the same-city site left',
    rule: 'MLPS-DATA-002',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: dropSchedules(stackOf('exchange-hub'), 'far'),
  },

  { name: 'passes with the same-city standby backed up every 15 minutes', rule: 'MLPS-DATA-003', tenant: 'exchange-hub', expect: 'pass' },
  { name: 'fails for tier backup (remote daily copy only)', rule: 'MLPS-DATA-003', tenant: 'portal', expect: 'fail' },
  {
    name: 'fails when the same-city Schedule runs hourly',
    rule: 'MLPS-DATA-003',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: editSchedules(
      stackOf('exchange-hub'),
      (spec) => {
        spec.schedule = '0 * * * *';
      },
      'twin',
    ),
  },
  { name: 'is not applicable below level 3', rule: 'MLPS-DATA-003', tenant: 'relief', expect: 'not-applicable' },

  {
    name: 'passes for tier active-active judged at level 4',
    rule: 'MLPS-DATA-004',
    tenant: 'exchange-hub',
    expect: 'pass',
    level: 4,
    model: (m) =>
      withTenant(m, 'exchange-hub', (t) => ({
        dr: 'active-active',
        replicas: t.replicas.map((r) => (r.siteRole === 'same-city' ? { ...r, mode: 'active', schedule: '*/5 * * * *' } : { ...r, schedule: '7 * * * *' })),
      })),
  },
  { name: 'fails for a level-4 tenant with dr tier none', rule: 'MLPS-DATA-004', tenant: 'case-files', expect: 'fail' },
  { name: 'fails for tier hot-standby judged at level 4', rule: 'MLPS-DATA-004', tenant: 'exchange-hub', expect: 'fail', level: 4 },
  { name: 'is not applicable below level 4', rule: 'MLPS-DATA-004', tenant: 'exchange-hub', expect: 'not-applicable' },

  { name: "passes when every Schedule writes to a declared site's location", rule: 'MLPS-DATA-005', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when a Schedule writes through a hand-added location to undeclared storage',
    rule: 'MLPS-DATA-005',
    tenant: 'exchange-hub',
    expect: 'fail',
    add: { [stackOf('exchange-hub')]: { resource: { [MANIFEST]: { offshore: OFFSHORE } } } },
    edit: editSchedules(
      stackOf('exchange-hub'),
      (spec) => {
        (spec.template as Json).storageLocation = 'offshore';
      },
      'far',
    ),
  },
  {
    name: 'fails when a Schedule names a location its cluster does not have',
    rule: 'MLPS-DATA-005',
    tenant: 'portal',
    expect: 'fail',
    edit: editSchedules(stackOf('portal'), (spec) => {
      (spec.template as Json).storageLocation = 'elsewhere';
    }),
  },
  {
    name: 'fails when the model sends a replica to storage outside the declared sites',
    rule: 'MLPS-DATA-005',
    tenant: 'portal',
    expect: 'fail',
    model: (m) => withTenant(m, 'portal', (t) => ({ replicas: t.replicas.map((r) => ({ ...r, backupEndpoint: 's3://oss-ap-southeast-1.example.com/gov' })) })),
  },
  { name: 'is not applicable without backups', rule: 'MLPS-DATA-005', tenant: 'relief', expect: 'not-applicable' },

  { name: 'passes with TTLs of 7 days same-city and 30 days remote', rule: 'MLPS-DATA-007', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when the remote TTL is shortened to a day',
    rule: 'MLPS-DATA-007',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: editSchedules(
      stackOf('exchange-hub'),
      (spec) => {
        (spec.template as Json).ttl = '24h0m0s';
      },
      'far',
    ),
  },
  {
    name: 'passes for a decommissioned tenant whose Schedules keep backups retainBackupDays',
    rule: 'MLPS-DATA-007',
    tenant: 'portal',
    expect: 'pass',
    model: (m) => withTenant(m, 'portal', () => ({ decommission: { approvedBy: '安全处', ref: 'XM-9', retainBackupDays: 365 } })),
  },
  {
    name: 'fails for a decommissioned tenant whose Schedule keeps the tier TTL below retainBackupDays',
    rule: 'MLPS-DATA-007',
    tenant: 'portal',
    expect: 'fail',
    model: (m) => withTenant(m, 'portal', () => ({ decommission: { approvedBy: '安全处', ref: 'XM-9', retainBackupDays: 365 } })),
    edit: editSchedules(stackOf('portal'), (spec) => {
      (spec.template as Json).ttl = '720h0m0s';
    }),
  },
  {
    name: 'fails when the tenant has no Schedule to its DR site',
    rule: 'MLPS-DATA-007',
    tenant: 'portal',
    expect: 'fail',
    edit: dropSchedules(stackOf('portal')),
  },
  { name: 'is not applicable without a DR site', rule: 'MLPS-DATA-007', tenant: 'relief', expect: 'not-applicable' },

  { name: 'passes with no credentials in the output', rule: 'MLPS-DATA-006', tenant: 'portal', expect: 'pass' },
  {
    name: 'passes with a Secret that references a variable and a ConfigMap without credentials',
    rule: 'MLPS-DATA-006',
    tenant: 'portal',
    expect: 'pass',
    add: {
      [stackOf('portal')]: {
        resource: {
          kubernetes_secret_v1: { db: { metadata: { name: 'db', namespace: 'portal-prod' }, data: { password: '${var.db_password}' } } },
          kubernetes_config_map_v1: {
            app: { metadata: { name: 'app', namespace: 'portal-prod' }, data: { 'db.url': 'postgres://db.portal-prod:5432/app', 'token-ttl': '300' } },
          },
        },
      },
    },
  },
  {
    name: 'fails with a Secret holding a literal password',
    rule: 'MLPS-DATA-006',
    tenant: 'relief',
    expect: 'fail',
    add: add('kubernetes_secret_v1', { metadata: { name: 'db', namespace: 'relief-prod' }, data: { password: 'hunter2' } }),
  },
  {
    name: 'fails with a database URL carrying user and password in a ConfigMap',
    rule: 'MLPS-DATA-006',
    tenant: 'portal',
    expect: 'fail',
    add: add('kubernetes_config_map_v1', { metadata: { name: 'app', namespace: 'portal-test' }, data: { 'db.url': 'postgres://app:s3cret@db:5432/app' } }),
  },
  {
    name: 'fails with password= in a JDBC URL',
    rule: 'MLPS-DATA-006',
    tenant: 'relief',
    expect: 'fail',
    add: add('kubernetes_config_map_v1', {
      metadata: { name: 'jdbc', namespace: 'relief-prod' },
      data: { url: 'jdbc:mysql://db/app?user=app&password=hunter2' },
    }),
  },
  {
    name: 'fails with a private key in an annotation',
    rule: 'MLPS-DATA-006',
    tenant: 'relief',
    expect: 'fail',
    add: add('kubernetes_config_map_v1', {
      metadata: { name: 'tls', namespace: 'relief-test', annotations: { key: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...' } },
      data: {},
    }),
  },
  {
    name: 'fails with a literal DB_PASSWORD environment variable',
    rule: 'MLPS-DATA-006',
    tenant: 'relief',
    expect: 'fail',
    add: add('kubernetes_deployment_v1', {
      metadata: { name: 'app', namespace: 'relief-prod' },
      spec: { template: { spec: { container: [{ name: 'app', image: 'registry.test.gov.cn/app:1.0', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] } } },
    }),
  },
  {
    name: 'fails with a bare JWT as the display name (it lands in the namespace annotations)',
    rule: 'MLPS-DATA-006',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ displayName: JWT })),
  },
  {
    name: 'fails with a bare JWT in a ConfigMap',
    rule: 'MLPS-DATA-006',
    tenant: 'portal',
    expect: 'fail',
    add: add('kubernetes_config_map_v1', { metadata: { name: 'api', namespace: 'portal-prod' }, data: { upstream: `Bearer ${JWT}` } }),
  },
  {
    name: 'passes with dotted names and versions that are not tokens',
    rule: 'MLPS-DATA-006',
    tenant: 'portal',
    expect: 'pass',
    add: add('kubernetes_config_map_v1', {
      metadata: { name: 'app', namespace: 'portal-prod' },
      data: { chart: 'eyJ-dashboard.v1.2', host: 'api.example.cn' },
    }),
  },

  { name: "passes when each cluster writes its own prefix of the DR sites' storage", rule: 'MLPS-DATA-008', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when every cluster writes the same prefix of a site (the layout before issue 22)',
    rule: 'MLPS-DATA-008',
    tenant: 'exchange-hub',
    expect: 'fail',
    detail: /overwrite or garbage-collect/,
    edit: editLocations((spec) => {
      if (spec.accessMode === 'ReadWrite') (spec.objectStorage as Json).prefix = 'b';
    }),
  },
  {
    name: "fails when another cluster's writable location sits at the bucket's root, above the tenant's prefix",
    rule: 'MLPS-DATA-008',
    tenant: 'portal',
    expect: 'fail',
    edit: editLocations((spec, stack) => {
      if (stack === 'platform-ext-far') delete (spec.objectStorage as Json).prefix;
    }, 'far'),
  },
  { name: 'is not applicable without backups', rule: 'MLPS-DATA-008', tenant: 'relief', expect: 'not-applicable' },

  {
    name: "passes when the DR clusters read the primary's prefix through ReadOnly locations",
    rule: 'MLPS-DATA-009',
    tenant: 'exchange-hub',
    expect: 'pass',
    detail: /twin-from-ext-main on ext-twin .*ReadOnly/,
  },
  {
    name: "fails when a DR cluster's location on the primary's prefix is ReadWrite",
    rule: 'MLPS-DATA-009',
    tenant: 'exchange-hub',
    expect: 'fail',
    detail: /twin-from-ext-main on ext-twin .* without accessMode: ReadOnly/,
    edit: editLocations((spec) => {
      spec.accessMode = 'ReadWrite';
    }, 'twin-from-ext-main'),
  },
  {
    name: 'fails when a DR location leaves accessMode out (Velero then reads and writes)',
    rule: 'MLPS-DATA-009',
    tenant: 'portal',
    expect: 'fail',
    edit: editLocations((spec) => {
      delete spec.accessMode;
    }, 'far-from-ext-main'),
  },
  { name: 'is not applicable without backups', rule: 'MLPS-DATA-009', tenant: 'relief', expect: 'not-applicable' },
];
