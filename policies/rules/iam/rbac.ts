/** RBAC helpers shared by the IAM rules: role bindings of a tenant's namespaces and the roles they name. */
import { Deployment, Json, TenantView, TfResource, block, list, ofTypes } from '../../deployment';

export const ROLE_BINDING_TYPES = new Set(['kubernetes_role_binding_v1', 'kubernetes_role_binding']);
export const CLUSTER_ROLE_BINDING_TYPES = new Set(['kubernetes_cluster_role_binding_v1', 'kubernetes_cluster_role_binding']);
const ROLE_TYPES = new Set(['kubernetes_role_v1', 'kubernetes_role']);
export const CLUSTER_ROLE_TYPES = new Set(['kubernetes_cluster_role_v1', 'kubernetes_cluster_role']);

/** Built-in ClusterRoles that give a namespace's admins too much (wildcards, RBAC, policies). */
export const BROAD_BUILTIN = new Set(['cluster-admin', 'admin', 'edit']);

export const nameOf = (r: TfResource): string => String(block(r.body, 'metadata')?.name ?? '');

export interface BoundRole {
  readonly binding: TfResource;
  readonly kind: string;
  readonly name: string;
  /** The Role or ClusterRole resource, when the synthesized output defines it. */
  readonly role?: TfResource;
}

/** Every role binding in the tenant's namespaces with the role it references, resolved on the same cluster. */
export function boundRoles(d: Deployment, view: TenantView): BoundRole[] {
  const out: BoundRole[] = [];
  for (const ns of view.namespaces) {
    for (const b of ns.resources.filter((r) => ROLE_BINDING_TYPES.has(r.type))) {
      const ref = block(b.body, 'role_ref') ?? {};
      const kind = String(ref.kind ?? '');
      const name = String(ref.name ?? '');
      const role =
        kind === 'ClusterRole'
          ? ofTypes(d, CLUSTER_ROLE_TYPES).find((r) => r.cluster === b.cluster && nameOf(r) === name)
          : ns.resources.find((r) => ROLE_TYPES.has(r.type) && nameOf(r) === name);
      out.push({ binding: b, kind, name, role });
    }
  }
  return out;
}

/** Roles defined inside the tenant's namespaces, bound or not. */
export function namespaceRoles(view: TenantView): TfResource[] {
  return view.namespaces.flatMap((ns) => ns.resources.filter((r) => ROLE_TYPES.has(r.type)));
}

export interface PolicyRule {
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

export function rulesOf(role: TfResource): PolicyRule[] {
  return list(role.body, 'rule').map((r: Json) => ({ apiGroups: strings(r.api_groups), resources: strings(r.resources), verbs: strings(r.verbs) }));
}

export const subjectsOf = (binding: TfResource): Json[] => list(binding.body, 'subject');
