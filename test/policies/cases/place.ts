import { RuleCase, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { CityModel, MlpsLevel } from '../../../config/model';

type Stacks = Parameters<NonNullable<RuleCase['edit']>>[0];

const clusterLevel =
  (name: string, mlpsLevel: MlpsLevel) =>
  (m: CityModel): CityModel => ({
    ...m,
    clusters: m.clusters.map((c) => (c.name === name ? { ...c, mlpsLevel } : c)),
  });

/** Sets a data key of the cluster-info ConfigMap of a platform stack. */
const setInfo = (stack: string, key: string, value: string) => (stacks: Stacks) => {
  for (const cm of Object.values(resourcesOf(stacks, stack, 'kubernetes_config_map_v1'))) {
    if ((cm.metadata as { name: string }).name === 'cluster-info') (cm.data as Record<string, string>)[key] = value;
  }
};

export const CASES: RuleCase[] = [
  { name: 'passes on level-3 clusters for a level-3 tenant', rule: 'MLPS-PLACE-001', tenant: 'exchange-hub', expect: 'pass' },
  {
    name: 'fails when the DR cluster of the tenant is a level-2 platform',
    rule: 'MLPS-PLACE-001',
    tenant: 'portal',
    expect: 'fail',
    model: clusterLevel('ext-far', 2),
  },
  {
    name: 'fails when cluster-info records a level below the tenant',
    rule: 'MLPS-PLACE-001',
    tenant: 'case-files',
    expect: 'fail',
    edit: setInfo('platform-int-main', 'mlpsLevel', '3'),
  },
  { name: 'fails when a tenant is judged at level 4 on level-3 clusters', rule: 'MLPS-PLACE-001', tenant: 'exchange-hub', expect: 'fail', level: 4 },

  { name: 'passes for a classified tenant on the intranet', rule: 'MLPS-PLACE-002', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails for a classified tenant placed on the extranet',
    rule: 'MLPS-PLACE-002',
    tenant: 'relief',
    expect: 'fail',
    model: (m) => withTenant(m, 'relief', () => ({ classification: 'classified' })),
  },

  { name: 'passes when every cluster of the tenant is at a declared site', rule: 'MLPS-PLACE-003', tenant: 'portal', expect: 'pass' },
  {
    name: 'fails with a namespace labelled for the tenant on a cluster the model does not place it on',
    rule: 'MLPS-PLACE-003',
    tenant: 'portal',
    expect: 'fail',
    add: {
      [stackOf('exchange-hub', 'ext-twin')]: {
        resource: { kubernetes_namespace_v1: { stray: { metadata: { name: 'portal-copy', labels: { 'govcloud.gov.cn/tenant': 'portal' } } } } },
      },
    },
  },
  {
    name: 'fails when a replica is placed on a cluster the platform does not declare',
    rule: 'MLPS-PLACE-003',
    tenant: 'portal',
    expect: 'fail',
    model: (m) => withTenant(m, 'portal', (t) => ({ replicas: t.replicas.map((r) => ({ ...r, cluster: 'ext-abroad' })) })),
  },
  {
    name: 'fails when cluster-info records another site than the model',
    rule: 'MLPS-PLACE-003',
    tenant: 'portal',
    expect: 'fail',
    edit: setInfo('platform-ext-far', 'site', 'overseas'),
  },

  { name: 'passes for a level-4 tenant on the level-4 intranet cluster', rule: 'MLPS-PLACE-004', tenant: 'case-files', expect: 'pass' },
  {
    name: 'fails when the cluster of the level-4 tenant is a level-3 pool',
    rule: 'MLPS-PLACE-004',
    tenant: 'case-files',
    expect: 'fail',
    model: clusterLevel('int-main', 3),
  },
  { name: 'fails when a tenant judged at level 4 runs on level-3 clusters', rule: 'MLPS-PLACE-004', tenant: 'exchange-hub', expect: 'fail', level: 4 },
  { name: 'is not applicable below level 4', rule: 'MLPS-PLACE-004', tenant: 'portal', expect: 'not-applicable' },
];
