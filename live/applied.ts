/**
 * "What was judged is what was applied": each object of a cluster's judged stacks read back from its
 * API server and compared with the judged body (live/compare.ts), and the objects that widen access
 * (NetworkPolicies, Roles, RoleBindings) listed in every tenant namespace to find those no judged stack
 * declares (a `kubectl apply` beside the pipeline). Secrets are never read; Helm releases are compared
 * by their own objects only where the stacks declare them, so a release counts as not compared.
 */
import type { Bilingual } from '../config/vocabulary';
import { Json, TfResource, block } from '../policies/deployment';
import { decodeObject } from '../policies/manifest-decode';
import { KubeClient } from '../probe/kube';
import { differences, ValueDifference } from './compare';

/** Typed resource → API path parts; `strict`: the fields where more than judged widens access. */
interface Kind {
  readonly group: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly strict?: readonly string[];
}

const core = (plural: string, kind: string, namespaced = true): Kind => ({ group: '/api/v1', plural, namespaced, kind });
const api = (group: string, plural: string, kind: string, namespaced = true, strict?: string[]): Kind => ({
  group: `/apis/${group}`,
  plural,
  namespaced,
  kind,
  strict,
});

const KINDS: Readonly<Record<string, Kind>> = {
  kubernetes_namespace_v1: core('namespaces', 'Namespace', false),
  kubernetes_service_v1: core('services', 'Service'),
  kubernetes_service_account_v1: core('serviceaccounts', 'ServiceAccount'),
  kubernetes_default_service_account_v1: core('serviceaccounts', 'ServiceAccount'),
  kubernetes_config_map_v1: core('configmaps', 'ConfigMap'),
  kubernetes_resource_quota_v1: core('resourcequotas', 'ResourceQuota'),
  kubernetes_limit_range_v1: core('limitranges', 'LimitRange'),
  kubernetes_network_policy_v1: api('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', true, ['spec']),
  kubernetes_role_v1: api('rbac.authorization.k8s.io/v1', 'roles', 'Role', true, ['rule']),
  kubernetes_cluster_role_v1: api('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false, ['rule']),
  kubernetes_role_binding_v1: api('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', true, ['subject', 'role_ref']),
  kubernetes_cluster_role_binding_v1: api('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', false, ['subject', 'role_ref']),
  kubernetes_deployment_v1: api('apps/v1', 'deployments', 'Deployment'),
  kubernetes_daemon_set_v1: api('apps/v1', 'daemonsets', 'DaemonSet'),
  kubernetes_stateful_set_v1: api('apps/v1', 'statefulsets', 'StatefulSet'),
  kubernetes_pod_disruption_budget_v1: api('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget'),
};

/** Listed in every tenant namespace: an object of these kinds that no judged stack declares widens access unjudged. */
const LISTED = ['kubernetes_network_policy_v1', 'kubernetes_role_v1', 'kubernetes_role_binding_v1'] as const;

export type AppliedDifference =
  | { readonly what: 'missing'; readonly address: string; readonly object: string; readonly namespace?: string }
  | { readonly what: 'differs'; readonly address: string; readonly object: string; readonly namespace?: string; readonly fields: readonly ValueDifference[] }
  | { readonly what: 'unjudged'; readonly object: string; readonly namespace: string }
  | { readonly what: 'unreadable'; readonly address: string; readonly object: string; readonly namespace?: string; readonly status: number };

export interface AppliedReport {
  readonly compared: number;
  /** Resources not compared, by type (Helm releases, Secrets, kinds without a known API path). */
  readonly notCompared: Readonly<Record<string, number>>;
  readonly differences: readonly AppliedDifference[];
}

const plural = (kind: string) => (kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`).toLowerCase();

/** Where a resource lives on the API server, and how to read the live object for the comparison. */
function locate(r: TfResource): { path: string; object: string; kind: Kind | undefined; body: Json } | undefined {
  if (r.type === 'kubernetes_manifest') {
    const m = block(r.body, 'manifest') as Json | undefined;
    const meta = block(m, 'metadata');
    const name = meta?.name;
    if (!m || typeof m.apiVersion !== 'string' || typeof m.kind !== 'string' || typeof name !== 'string' || name.includes('${')) return undefined;
    const ns = typeof meta?.namespace === 'string' && !meta.namespace.includes('${') ? meta.namespace : r.namespace;
    const group = m.apiVersion.includes('/') ? `/apis/${m.apiVersion}` : `/api/${m.apiVersion}`;
    const p = `${group}${ns ? `/namespaces/${ns}` : ''}/${plural(m.kind)}/${name}`;
    const { apiVersion: _a, kind: _k, ...rest } = m;
    return { path: p, object: `${m.kind} ${ns ? `${ns}/` : ''}${name}`, kind: undefined, body: rest };
  }
  const kind = KINDS[r.type];
  // the provider's default service account is always `default`: its body names only the namespace
  const name = r.type === 'kubernetes_default_service_account_v1' ? 'default' : block(r.body, 'metadata')?.name;
  if (!kind || typeof name !== 'string' || name.includes('${')) return undefined;
  if (kind.namespaced && !r.namespace) return undefined;
  const p = `${kind.group}${kind.namespaced ? `/namespaces/${r.namespace}` : ''}/${kind.plural}/${name}`;
  const {
    depends_on: _d,
    lifecycle: _l,
    provider: _p,
    count: _c,
    for_each: _f,
    timeouts: _t,
    wait_for_rollout: _w,
    wait_for_default_secret: _s,
    ...body
  } = r.body;
  return { path: p, object: `${kind.kind} ${kind.namespaced ? `${r.namespace}/` : ''}${name}`, kind, body };
}

/** The live object in the judged resource's spelling: typed resources decoded into the provider's names (LimitRange's `limits` → `limit`). */
function liveAs(r: TfResource, live: Json): Json {
  if (r.type === 'kubernetes_manifest') return live;
  const d = decodeObject(live);
  if (r.type === 'kubernetes_limit_range_v1') {
    const spec = d.spec as Json | undefined;
    const limits = (spec?.limits ?? []) as Json[];
    return { ...d, spec: { limit: limits.map((l) => decodeObject(l)) } };
  }
  return d;
}

/** What the provider sends that the judged body leaves out: a binding subject's namespace is `default` unless written. */
function withProviderDefaults(r: TfResource, want: Json): Json {
  if (r.type !== 'kubernetes_role_binding_v1' && r.type !== 'kubernetes_cluster_role_binding_v1') return want;
  const subjects = Array.isArray(want.subject) ? (want.subject as Json[]) : want.subject ? [want.subject as Json] : [];
  return { ...want, subject: subjects.map((x) => ('namespace' in x ? x : { ...x, namespace: 'default' })) };
}

function compareOne(r: TfResource, judged: Json, live: Json, kind: Kind | undefined): ValueDifference[] {
  const want = withProviderDefaults(r, judged);
  const got = liveAs(r, live);
  const strict = new Set(kind?.strict ?? []);
  const out: ValueDifference[] = [];
  for (const [k, v] of Object.entries(want)) {
    if (k === '//') continue;
    out.push(...differences(v, got[k], k, k, strict.has(k)));
  }
  return out;
}

/** Compares a cluster's judged resources with its API server; `tenantNamespaces`: where unjudged objects are looked for. */
export async function compareApplied(
  k: Pick<KubeClient, 'request'>,
  resources: readonly TfResource[],
  tenantNamespaces: readonly string[],
): Promise<AppliedReport> {
  const notCompared: Record<string, number> = {};
  const found: AppliedDifference[] = [];
  let compared = 0;
  const judged = new Set<string>();
  for (const r of resources) {
    const at = locate(r);
    if (!at) {
      notCompared[r.type] = (notCompared[r.type] ?? 0) + 1;
      continue;
    }
    judged.add(at.path);
    compared++;
    const res = await k.request('GET', at.path);
    if (res.status === 404) found.push({ what: 'missing', address: r.address, object: at.object, namespace: r.namespace });
    else if (res.status !== 200) found.push({ what: 'unreadable', address: r.address, object: at.object, namespace: r.namespace, status: res.status });
    else {
      const fields = compareOne(r, at.body, res.body as Json, at.kind);
      if (fields.length > 0) found.push({ what: 'differs', address: r.address, object: at.object, namespace: r.namespace, fields });
    }
  }
  for (const ns of tenantNamespaces) {
    for (const type of LISTED) {
      const kind = KINDS[type];
      const list = await k.request('GET', `${kind.group}/namespaces/${ns}/${kind.plural}`);
      if (list.status !== 200) continue;
      for (const item of ((list.body as { items?: Json[] })?.items ?? []) as { metadata?: { name?: string } }[]) {
        const name = item.metadata?.name ?? '';
        if (!judged.has(`${kind.group}/namespaces/${ns}/${kind.plural}/${name}`))
          found.push({ what: 'unjudged', object: `${kind.kind} ${ns}/${name}`, namespace: ns });
      }
    }
  }
  return { compared, notCompared, differences: found };
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A difference in the reader's words. */
export function appliedDetail(d: AppliedDifference): Bilingual {
  switch (d.what) {
    case 'missing':
      return { en: `${d.object} (${d.address}) is judged but not on the cluster`, zh: `${d.object}（${d.address}）已评判但集群上不存在` };
    case 'unreadable':
      return { en: `${d.object} (${d.address}) could not be read: HTTP ${d.status}`, zh: `无法读取 ${d.object}（${d.address}）：HTTP ${d.status}` };
    case 'unjudged':
      return { en: `${d.object} is on the cluster but in no judged stack`, zh: `${d.object} 存在于集群上，但不在任何已评判的栈中` };
    case 'differs': {
      const f = d.fields
        .slice(0, 3)
        .map((x) => `${x.path}: ${show(x.want)} → ${show(x.got)}`)
        .join('; ');
      const more = d.fields.length > 3 ? ` (+${d.fields.length - 3})` : '';
      return { en: `${d.object} (${d.address}) differs from the judged one: ${f}${more}`, zh: `${d.object}（${d.address}）与评判的不一致：${f}${more}` };
    }
  }
}
