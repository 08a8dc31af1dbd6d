/**
 * The deployment view: every synthesized stack's resources with their address, cluster and
 * namespace, and per tenant the namespaces the model says it has — so that rules judge what will
 * be deployed, including resources added by hand.
 */
import { CityModel, namespaceName, Network, replicatedEnvironment, Tenant } from '../config/model';
import { LABEL } from '../config/vocabulary';
import { block, blockPath, get, Json, list, StackJson } from '../terraform/json';
import { decodeManifest } from './manifest-decode';

// the Terraform JSON vocabulary the rules use, from the layer below
import { ClusterFile, clusterFiles as makeClusterFiles } from '../config/cluster-config';
export { block, blockPath, get, list };
export type { Json, StackJson };

export interface TfResource {
  readonly type: string;
  readonly name: string;
  readonly stack: string;
  readonly network: Network;
  readonly cluster: string;
  /** `<stack>:<type>.<name>`. */
  readonly address: string;
  readonly body: Json;
  /** The namespace the resource lives in, resolved from a literal or a reference to a namespace resource. */
  readonly namespace?: string;
}

export interface Deployment {
  readonly stacks: readonly StackJson[];
  /** Cluster bootstrap files (audit policy, kube-apiserver flags) that go with the stacks. */
  readonly clusterFiles: readonly ClusterFile[];
  readonly resources: readonly TfResource[];
  /** Resources by `<cluster>/<namespace>` (namespace objects included, under their own name). */
  readonly byNamespace: ReadonlyMap<string, readonly TfResource[]>;
  /** Resources by Terraform type. */
  readonly byType: ReadonlyMap<string, readonly TfResource[]>;
  /** Namespace objects by their govcloud.gov.cn/tenant label. */
  readonly namespacesByTenant: ReadonlyMap<string, readonly TfResource[]>;
  /** Resources by stack name. */
  readonly byStack: ReadonlyMap<string, readonly TfResource[]>;
}

export interface NamespaceView {
  readonly cluster: string;
  readonly name: string;
  readonly role: 'primary' | 'replica';
  readonly environment: string;
  /** The kubernetes_namespace(_v1) resource, when synthesized. */
  readonly namespace?: TfResource;
  /** Everything in the namespace, the namespace object excluded. */
  readonly resources: readonly TfResource[];
}

export interface TenantView {
  readonly namespaces: readonly NamespaceView[];
  /** Namespaces labelled with this tenant on clusters the model does not place it on. */
  readonly strays: readonly TfResource[];
}

export const NAMESPACE_TYPES = new Set(['kubernetes_namespace_v1', 'kubernetes_namespace']);
const REF = /^\$\{kubernetes_namespace(?:_v1)?\.([^.}]+)\.metadata\[0\]\.name\}$/;

export function labels(r: TfResource | undefined): Record<string, string> {
  return (block(block(r?.body, 'metadata'), 'labels') ?? {}) as Record<string, string>;
}

export function annotations(r: TfResource | undefined): Record<string, string> {
  return (block(block(r?.body, 'metadata'), 'annotations') ?? {}) as Record<string, string>;
}

function clusterOfStack(model: CityModel, json: Json): string {
  const def = get(json, 'variable.kube_context.default');
  const c = model.clusters.find((x) => x.kubeContext === def || x.name === def);
  return c?.name ?? String(def ?? '');
}

/**
 * `clusterFiles`: read from a synth output; absent when the stacks were synthesized in memory from the
 * model, and then made from the same model.
 */
export function buildDeployment(model: CityModel, stacks: readonly StackJson[], clusterFiles?: readonly ClusterFile[]): Deployment {
  const resources: TfResource[] = [];
  for (const s of stacks) {
    const cluster = clusterOfStack(model, s.json);
    const all = (s.json.resource ?? {}) as Record<string, Record<string, Json>>;
    const nsById = new Map<string, string>();
    for (const t of Object.keys(all)) {
      if (!NAMESPACE_TYPES.has(t)) continue;
      for (const [id, body] of Object.entries(all[t])) nsById.set(id, String(get(body, 'metadata.name') ?? ''));
    }
    for (const type of Object.keys(all).sort()) {
      for (const name of Object.keys(all[type]).sort()) {
        const body = all[type][name];
        let namespace: string | undefined;
        if (NAMESPACE_TYPES.has(type)) namespace = String(get(body, 'metadata.name') ?? '');
        else {
          // a kubernetes_manifest object carries its metadata inside the manifest
          const raw = get(block(type === 'kubernetes_manifest' ? block(body, 'manifest') : body, 'metadata'), 'namespace');
          if (typeof raw === 'string') {
            const m = REF.exec(raw);
            namespace = m ? nsById.get(m[1]) : raw;
          }
        }
        const address = `${s.name}:${type}.${name}`;
        // a manifest of a kind the rules know is judged as its typed form, at its own address
        const typed = type === 'kubernetes_manifest' ? decodeManifest(block(body, 'manifest')) : undefined;
        if (typed) resources.push({ type: typed.type, name, stack: s.name, network: s.network, cluster, address, body: typed.body, namespace });
        else resources.push({ type, name, stack: s.name, network: s.network, cluster, address, body, namespace });
      }
    }
  }
  const byNamespace = new Map<string, TfResource[]>();
  const byType = new Map<string, TfResource[]>();
  const namespacesByTenant = new Map<string, TfResource[]>();
  const byStack = new Map<string, TfResource[]>();
  const push = (m: Map<string, TfResource[]>, k: string, r: TfResource) => {
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  };
  for (const r of resources) {
    if (r.namespace !== undefined) push(byNamespace, `${r.cluster}/${r.namespace}`, r);
    push(byType, r.type, r);
    push(byStack, r.stack, r);
    if (NAMESPACE_TYPES.has(r.type)) {
      const t = labels(r)[LABEL.tenant];
      if (t !== undefined) push(namespacesByTenant, t, r);
    }
  }
  return { stacks, clusterFiles: clusterFiles ?? makeClusterFiles(model), resources, byNamespace, byType, namespacesByTenant, byStack };
}

const byName = new WeakMap<CityModel, Map<string, Tenant>>();

/** A tenant of the model by name; cached per model. */
export function tenantByName(model: CityModel, name: string): Tenant | undefined {
  let m = byName.get(model);
  if (!m) {
    m = new Map(model.tenants.map((t) => [t.name, t]));
    byName.set(model, m);
  }
  return m.get(name);
}

const nsOwners = new WeakMap<CityModel, Map<string, string>>();

/** The tenant that owns a namespace name (`<tenant>-<environment>`), from the model; cached per model. */
export function tenantOfNamespace(model: CityModel, namespace: string): string | undefined {
  let m = nsOwners.get(model);
  if (!m) {
    m = new Map();
    for (const t of model.tenants) for (const e of t.environments) m.set(namespaceName(t.name, e), t.name);
    nsOwners.set(model, m);
  }
  return m.get(namespace);
}

const platformCache = new WeakMap<Deployment, Map<string, TfResource[]>>();

/** Resources of the platform stacks (`platform-*`) of a cluster; cached per deployment. */
export function platformResources(d: Deployment, cluster: string): TfResource[] {
  let m = platformCache.get(d);
  if (!m) {
    m = new Map();
    platformCache.set(d, m);
  }
  let v = m.get(cluster);
  if (!v) {
    v = d.stacks.filter((s) => s.name.startsWith('platform-')).flatMap((s) => (d.byStack.get(s.name) ?? []).filter((r) => r.cluster === cluster));
    m.set(cluster, v);
  }
  return v;
}

/** Resources of several types. */
export function ofTypes(d: Deployment, types: Iterable<string>): TfResource[] {
  return [...types].flatMap((t) => [...(d.byType.get(t) ?? [])]);
}

export function tenantView(d: Deployment, t: Tenant): TenantView {
  const wanted: { cluster: string; name: string; role: 'primary' | 'replica'; environment: string }[] = [];
  for (const env of t.environments) wanted.push({ cluster: t.cluster, name: namespaceName(t.name, env), role: 'primary', environment: env });
  const replicated = replicatedEnvironment(t);
  for (const r of t.replicas) wanted.push({ cluster: r.cluster, name: namespaceName(t.name, replicated), role: 'replica', environment: replicated });
  const namespaces = wanted.map((w) => {
    const here = d.byNamespace.get(`${w.cluster}/${w.name}`) ?? [];
    return { ...w, namespace: here.find((r) => NAMESPACE_TYPES.has(r.type)), resources: here.filter((r) => !NAMESPACE_TYPES.has(r.type)) };
  });
  const placed = new Set(wanted.map((w) => `${w.cluster}/${w.name}`));
  const strays = (d.namespacesByTenant.get(t.name) ?? []).filter((r) => !placed.has(`${r.cluster}/${r.namespace}`));
  return { namespaces, strays };
}

/** Pod specs of the workload resources in a list, with the path to each. */
export const WORKLOAD_POD_SPEC: Readonly<Record<string, string>> = {
  kubernetes_deployment_v1: 'spec.template.spec',
  kubernetes_deployment: 'spec.template.spec',
  kubernetes_stateful_set_v1: 'spec.template.spec',
  kubernetes_stateful_set: 'spec.template.spec',
  kubernetes_daemon_set_v1: 'spec.template.spec',
  kubernetes_daemonset: 'spec.template.spec',
  kubernetes_job_v1: 'spec.template.spec',
  kubernetes_job: 'spec.template.spec',
  kubernetes_cron_job_v1: 'spec.job_template.spec.template.spec',
  kubernetes_cron_job: 'spec.job_template.spec.template.spec',
  kubernetes_pod_v1: 'spec',
  kubernetes_pod: 'spec',
  kubernetes_replication_controller_v1: 'spec.template.spec',
};

export interface PodSpecOf {
  readonly resource: TfResource;
  readonly spec: Json;
  readonly containers: Json[];
}

export function podSpecs(resources: readonly TfResource[]): PodSpecOf[] {
  const out: PodSpecOf[] = [];
  for (const r of resources) {
    const p = WORKLOAD_POD_SPEC[r.type];
    if (!p) continue;
    const spec = blockPath(r.body, p);
    if (!spec) continue;
    out.push({ resource: r, spec, containers: [...list(spec, 'container'), ...list(spec, 'init_container'), ...list(spec, 'ephemeral_container')] });
  }
  return out;
}
