import { appliedDetail, compareApplied } from '../../live/applied';
import type { TfResource } from '../../policies/deployment';

const NP = 'kubernetes_network_policy_v1';
const res = (type: string, name: string, body: Record<string, unknown>, namespace?: string): TfResource => ({
  type,
  name,
  stack: 's',
  network: 'extranet',
  cluster: 'c1',
  address: `s:${type}.${name}`,
  body,
  namespace,
});

const judgedPolicy = res(
  NP,
  'deny',
  {
    metadata: { name: 'default-deny', namespace: '${kubernetes_namespace_v1.ns.metadata[0].name}', labels: { 'app.kubernetes.io/managed-by': 'govcloud' } },
    spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'], ingress: [{ from: [{ namespace_selector: { match_labels: { a: 'b' } } }], ports: [] }] },
  },
  't-prod',
);
const livePolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 't-prod', uid: 'u', labels: { 'app.kubernetes.io/managed-by': 'govcloud' } },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { a: 'b' } } }] }] },
};
const schedule = res('kubernetes_manifest', 'sched', {
  manifest: { apiVersion: 'velero.io/v1', kind: 'Schedule', metadata: { name: 't-daily', namespace: 'velero' }, spec: { schedule: '0 */6 * * *' } },
});

/** An API server of these objects, by path; lists by their collection path. */
function api(objects: Record<string, unknown>) {
  return {
    request: async (_m: string, p: string) => {
      if (p in objects) return { status: 200, body: objects[p], text: '' };
      const items = Object.entries(objects).filter(([k]) => k.startsWith(`${p}/`) && !k.slice(p.length + 1).includes('/'));
      if (p.endsWith('networkpolicies') || p.endsWith('roles') || p.endsWith('rolebindings'))
        return { status: 200, body: { items: items.map(([, v]) => v) }, text: '' };
      return { status: 404, body: {}, text: '' };
    },
  };
}

const NP_PATH = '/apis/networking.k8s.io/v1/namespaces/t-prod/networkpolicies';
const SCHED_PATH = '/apis/velero.io/v1/namespaces/velero/schedules/t-daily';

describe('what was judged against what was applied', () => {
  it('finds nothing when the cluster holds the judged objects (decoded to the provider names), counting what it does not compare', async () => {
    const r = await compareApplied(
      api({ [`${NP_PATH}/default-deny`]: livePolicy, [SCHED_PATH]: { ...(schedule.body.manifest as object), status: { phase: 'Enabled' } } }),
      [judgedPolicy, schedule, res('helm_release', 'chart', { name: 'x' })],
      ['t-prod'],
    );
    expect(r).toEqual({ compared: 2, notCompared: { helm_release: 1 }, differences: [] });
  });

  it('names an object missing, one widened by hand, and one no judged stack declares', async () => {
    const widened = { ...livePolicy, spec: { ...livePolicy.spec, egress: [{}] } };
    const stray = { metadata: { name: 'allow-all', namespace: 't-prod' } };
    const r = await compareApplied(api({ [`${NP_PATH}/default-deny`]: widened, [`${NP_PATH}/allow-all`]: stray }), [judgedPolicy, schedule], ['t-prod']);
    expect(r.differences.map((d) => d.what)).toEqual(['differs', 'missing', 'unjudged']);
    expect(r.differences.map((d) => appliedDetail(d).en)).toEqual([
      'NetworkPolicy t-prod/default-deny (s:kubernetes_network_policy_v1.deny) differs from the judged one: spec.egress: null → [{}]',
      'Schedule velero/t-daily (s:kubernetes_manifest.sched) is judged but not on the cluster',
      'NetworkPolicy t-prod/allow-all is on the cluster but in no judged stack',
    ]);
    expect(r.differences[0].namespace).toBe('t-prod');
  });

  it("accepts the namespace the provider gives a binding's subject when the judged body leaves it out", async () => {
    const binding = res(
      'kubernetes_role_binding_v1',
      'admins',
      {
        metadata: { name: 'admins', namespace: 't-prod' },
        role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
        subject: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
      },
      't-prod',
    );
    const live = (namespace: string) => ({
      metadata: { name: 'admins', namespace: 't-prod' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops', namespace }],
    });
    const at = '/apis/rbac.authorization.k8s.io/v1/namespaces/t-prod/rolebindings/admins';
    expect((await compareApplied(api({ [at]: live('default') }), [binding], [])).differences).toEqual([]);
    expect((await compareApplied(api({ [at]: live('other') }), [binding], [])).differences.map((d) => d.what)).toEqual(['differs']);
  });
});
