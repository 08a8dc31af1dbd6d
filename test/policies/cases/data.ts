import { RuleCase, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];
const CRON = 'kubernetes_cron_job_v1';

/** Changes the dr-sync CronJobs of a county stack (spec and container args). */
const editSync = (stack: string, change: (spec: Json, args: string[]) => void) => (stacks: Stacks) => {
  for (const job of Object.values(resourcesOf(stacks, stack, CRON))) {
    const spec = job.spec as Json;
    const pod = ((spec.job_template as Json).spec as Json).template as Json;
    const container = ((pod.spec as Json).container as Json[])[0];
    change(spec, container.args as string[]);
  }
};

const dropSync = (stack: string) => (stacks: Stacks) => {
  const jobs = resourcesOf(stacks, stack, CRON);
  for (const k of Object.keys(jobs)) delete jobs[k];
};

/** A service-account-like token: header {"alg":"RS256","kid":"k"}, payload {"sub":"system:serviceaccount:x:y"}, a signature. */
const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6eDp5In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';

/** A hand-added resource in the north county stack on ext-main. */
/** Hand-added Terraform in the stack of the tenant whose namespace the body names. */
const add = (type: string, body: Json): Readonly<Record<string, Json>> => ({
  [stackOf(String((body.metadata as Json).namespace).replace(/-(prod|test)$/, ''))]: { resource: { [type]: { hand: body } } },
});

export const CASES: RuleCase[] = [
  { name: 'passes with the remote backup replica of tier backup', rule: 'MLPS-DATA-001', tenant: 'portal', expect: 'pass' },
  { name: 'fails for dr tier none', rule: 'MLPS-DATA-001', tenant: 'relief', expect: 'fail' },
  { name: 'fails when the replica has no dr-sync job', rule: 'MLPS-DATA-001', tenant: 'portal', expect: 'fail', edit: dropSync(stackOf('portal', 'ext-far')) },
  {
    name: 'fails when the dr-sync job is suspended',
    rule: 'MLPS-DATA-001',
    tenant: 'portal',
    expect: 'fail',
    edit: editSync(stackOf('portal', 'ext-far'), (spec) => {
      spec.suspend = true;
    }),
  },

  { name: 'passes with a dr-sync job on the remote cluster', rule: 'MLPS-DATA-002', tenant: 'portal', expect: 'pass' },
  { name: 'fails for dr tier none', rule: 'MLPS-DATA-002', tenant: 'relief', expect: 'fail' },
  {
    name: 'fails with only the same-city replica left',
    rule: 'MLPS-DATA-002',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: dropSync(stackOf('exchange-hub', 'ext-far')),
  },

  { name: 'passes with the same-city standby synced every 15 minutes', rule: 'MLPS-DATA-003', tenant: 'exchange-hub', expect: 'pass' },
  { name: 'fails for tier backup (remote daily copy only)', rule: 'MLPS-DATA-003', tenant: 'portal', expect: 'fail' },
  {
    name: 'fails when the same-city standby syncs hourly',
    rule: 'MLPS-DATA-003',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: editSync(stackOf('exchange-hub', 'ext-twin'), (spec) => {
      spec.schedule = '0 * * * *';
    }),
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

  { name: 'passes when every dr-sync target is a declared site', rule: 'MLPS-DATA-005', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when a dr-sync job writes to undeclared storage',
    rule: 'MLPS-DATA-005',
    tenant: 'exchange-hub',
    expect: 'fail',
    edit: editSync(stackOf('exchange-hub', 'ext-far'), (_spec, args) => {
      const i = args.findIndex((a) => a.startsWith('--target='));
      args[i] = '--target=s3://backup.example.com/gov';
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
];
