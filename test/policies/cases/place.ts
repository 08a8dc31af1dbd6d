import { RuleCase, resourcesOf, stackOf, withTenant } from '../../helpers/policy';
import { Json } from '../../../policies/deployment';
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

/** Changes the JSON values of the govcloud-baseline release of a platform stack. */
const setBaseline = (stack: string, change: (v: Record<string, unknown>) => void) => (stacks: Stacks) => {
  for (const r of Object.values(resourcesOf(stacks, stack, 'helm_release'))) {
    const v = JSON.parse((r.values as string[])[0]) as Record<string, unknown>;
    change(v);
    r.values = [JSON.stringify(v)];
  }
};

/** Removes a label from the namespace objects of a stack. */
const dropNamespaceLabel = (stack: string, key: string) => (stacks: Stacks) => {
  for (const ns of Object.values(resourcesOf(stacks, stack, 'kubernetes_namespace_v1'))) delete ((ns.metadata as Json).labels as Json)[key];
};

/** A hand-added Deployment in a namespace, with extra pod spec fields. */
const deployment = (namespace: string, spec: Json): Json => ({
  resource: {
    kubernetes_deployment_v1: {
      probe: {
        metadata: { name: 'probe', namespace },
        spec: {
          selector: { match_labels: { app: 'probe' } },
          template: { metadata: { labels: { app: 'probe' } }, spec: { container: [{ name: 'app', image: 'registry.test.gov.cn/apps/probe:1.0' }], ...spec } },
        },
      },
    },
  },
});

const domesticAffinity = (values: string[]): Json => ({
  affinity: {
    node_affinity: {
      required_during_scheduling_ignored_during_execution: {
        node_selector_term: [{ match_expressions: [{ key: 'govcloud.gov.cn/node-pool', operator: 'In', values }] }],
      },
    },
  },
});

const domesticHub = (m: CityModel): CityModel => withTenant(m, 'exchange-hub', () => ({ domestic: true }));

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

  {
    name: 'passes for a domestic tenant whose namespace the placement policy binds with the platform label',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'pass',
  },
  { name: 'is not applicable to a tenant without domestic placement', rule: 'MLPS-PLACE-005', tenant: 'portal', expect: 'not-applicable' },
  {
    name: 'fails when the namespace lost its placement label (the binding no longer selects it)',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'fail',
    edit: dropNamespaceLabel(stackOf('case-files'), 'govcloud.gov.cn/placement'),
  },
  {
    name: 'fails when the baseline release enforces another node label than platform.yaml names',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'fail',
    edit: setBaseline('platform-int-main', (v) => {
      v.domesticPlacement = {
        nodeLabel: { key: 'govcloud.gov.cn/node-pool', value: 'general' },
        namespaceLabel: { key: 'govcloud.gov.cn/placement', value: 'domestic' },
      };
    }),
  },
  {
    name: 'fails when the baseline release has no domestic placement values',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'fail',
    edit: setBaseline('platform-int-main', (v) => {
      delete v.domesticPlacement;
    }),
  },
  {
    name: 'fails with a hand-added workload in a domestic namespace that does not select the domestic nodes',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'fail',
    add: { [stackOf('case-files')]: deployment('case-files-prod', { node_selector: { 'govcloud.gov.cn/node-pool': 'general' } }) },
  },
  {
    name: 'passes with a hand-added workload that requires the domestic nodes by node affinity',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'pass',
    add: { [stackOf('case-files')]: deployment('case-files-prod', domesticAffinity(['xc'])) },
  },
  {
    name: 'fails with a node affinity that also admits another pool',
    rule: 'MLPS-PLACE-005',
    tenant: 'case-files',
    expect: 'fail',
    add: { [stackOf('case-files')]: deployment('case-files-prod', domesticAffinity(['xc', 'general'])) },
  },
  {
    name: 'passes for a domestic tenant with replicas: replica namespaces labelled for the placement policy',
    rule: 'MLPS-PLACE-005',
    tenant: 'exchange-hub',
    expect: 'pass',
    model: domesticHub,
  },
];
