/**
 * What a pull request changes, computed from the city at the base and at the head: tenants added,
 * changed or removed; stacks whose inputs differ; resources added, changed or removed in them;
 * capacity per cluster before and after; and what would destroy data without an approval.
 */
import { CityModel, EnvironmentName, namespaceName, replicatedEnvironment, Resources, Tenant } from '../config/model';
import { planStacks, StackSlice } from '../stacks/slices';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface TenantChange {
  readonly name: string;
  readonly county: string;
  readonly kind: ChangeKind;
  readonly base?: Tenant;
  readonly head?: Tenant;
  /** Request file (relative to the repository root). */
  readonly file: string;
}

export interface ResourceChange {
  readonly stack: string;
  readonly address: string;
  readonly kind: ChangeKind;
  /** Changed attribute paths (changed resources only). */
  readonly attributes: readonly string[];
}

export interface CapacityDelta {
  readonly cluster: string;
  readonly before: Resources;
  readonly after: Resources;
  readonly allowed: Resources;
}

export interface DataAtRisk {
  readonly tenant: string;
  readonly file: string;
  readonly what: 'tenant removed' | 'environment removed' | 'quota lowered' | 'namespaces moved or removed';
  readonly detail: string;
  /** Namespaces (cluster/name) whose data would go. */
  readonly namespaces: readonly string[];
  /** The base revision carries an approved decommission. */
  readonly approved: boolean;
}

/**
 * Slices without what does not reach Terraform (waivers, source positions), for comparison. Both
 * sides are built by the same code in the same order, so plain JSON compares them faithfully.
 */
function strip(t: Tenant): Omit<Tenant, 'waivers' | 'source'> {
  const { waivers, source, ...rest } = t;
  return rest;
}

const tenantKeys = new WeakMap<Tenant, string>();

/** A tenant as it reaches Terraform, as text; once per tenant object (a tenant is in its primary stack and in each replica's). */
function tenantKey(t: Tenant): string {
  let k = tenantKeys.get(t);
  if (k === undefined) {
    k = JSON.stringify(strip(t));
    tenantKeys.set(t, k);
  }
  return k;
}

const replicaKey = (r: { tenant: Tenant; replica: unknown; sourceCluster: string }): string =>
  `${JSON.stringify({ ...r, tenant: undefined })}${tenantKey(r.tenant)}`;

function comparable(s: StackSlice): string {
  if (s.kind === 'platform') return JSON.stringify(s);
  return [JSON.stringify({ ...s, tenants: undefined, replicas: undefined }), ...s.tenants.map(tenantKey), ...s.replicas.map(replicaKey)].join('\n');
}

export interface AffectedSlices {
  readonly names: string[];
  /**
   * The affected stacks' slices at base and head, reduced to the tenants and replicas that differ:
   * a tenant's resources depend only on its own slice entry, so the resource diff of the reduced
   * stacks is the resource diff of the whole stacks, at a fraction of the synthesis.
   */
  readonly base: StackSlice[];
  readonly head: StackSlice[];
}

export function affectedSlices(base: CityModel | undefined, head: CityModel): AffectedSlices {
  const before = new Map((base ? planStacks(base) : []).map((s) => [s.name, s]));
  const after = new Map(planStacks(head).map((s) => [s.name, s]));
  const names = [...new Set([...before.keys(), ...after.keys()])].filter((n) => {
    const a = before.get(n);
    const b = after.get(n);
    return !a || !b || comparable(a) !== comparable(b);
  });
  names.sort();
  const reduce = (s: StackSlice | undefined, other: StackSlice | undefined): StackSlice[] => {
    if (!s) return [];
    if (s.kind === 'platform' || !other || other.kind !== 'department') return [s];
    const otherTenants = new Map(other.tenants.map((t) => [t.name, tenantKey(t)]));
    const otherReplicas = new Map(other.replicas.map((r) => [`${r.tenant.name}/${r.replica.siteRole}`, replicaKey(r)]));
    return [
      {
        ...s,
        tenants: s.tenants.filter((t) => otherTenants.get(t.name) !== tenantKey(t)),
        replicas: s.replicas.filter((r) => otherReplicas.get(`${r.tenant.name}/${r.replica.siteRole}`) !== replicaKey(r)),
      },
    ];
  };
  return {
    names,
    base: names.flatMap((n) => reduce(before.get(n), after.get(n))),
    head: names.flatMap((n) => reduce(after.get(n), before.get(n))),
  };
}

type Json = Record<string, unknown>;

function resourcesOf(stack: Json | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const all = (stack?.resource ?? {}) as Record<string, Json>;
  for (const [type, byName] of Object.entries(all)) for (const [name, body] of Object.entries(byName)) out.set(`${type}.${name}`, body);
  return out;
}

/** Dotted paths where two JSON values differ (cdktf `//` metadata ignored), at most `limit`. */
export function changedPaths(a: unknown, b: unknown, prefix = '', limit = 20, out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a as Json), ...Object.keys(b as Json)])].filter((k) => k !== '//').sort();
    for (const k of keys) changedPaths((a as Json)[k], (b as Json)[k], prefix ? `${prefix}.${k}` : k, limit, out);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(prefix || '(whole value)');
  return out;
}

/** Resource-by-resource diff of one stack. */
export function diffStack(name: string, base: Json | undefined, head: Json | undefined): ResourceChange[] {
  const a = resourcesOf(base);
  const b = resourcesOf(head);
  const out: ResourceChange[] = [];
  for (const [addr, body] of b) {
    if (!a.has(addr)) out.push({ stack: name, address: addr, kind: 'added', attributes: [] });
    else {
      const paths = changedPaths(a.get(addr), body);
      if (paths.length > 0) out.push({ stack: name, address: addr, kind: 'changed', attributes: paths });
    }
  }
  for (const addr of a.keys()) if (!b.has(addr)) out.push({ stack: name, address: addr, kind: 'removed', attributes: [] });
  return out.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

export function capacityDeltas(base: CityModel | undefined, head: CityModel): CapacityDelta[] {
  const zero: Resources = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, pods: 0 };
  return head.utilisation.map((u) => ({
    cluster: u.cluster,
    before: base?.utilisation.find((x) => x.cluster === u.cluster)?.granted ?? zero,
    after: u.granted,
    allowed: u.allowed,
  }));
}

function namespacesOf(t: Tenant, envs: readonly EnvironmentName[]): string[] {
  const replicated = replicatedEnvironment(t);
  return [
    ...envs.map((e) => `${t.cluster}/${namespaceName(t.name, e)}`),
    ...(envs.includes(replicated) ? t.replicas.map((r) => `${r.cluster}/${namespaceName(t.name, replicated)} (${r.siteRole} ${r.mode})`) : []),
  ];
}

/** Where a tenant's namespaces are: `cluster/namespace`, primary and replicas alike. */
function placements(t: Tenant): string[] {
  const replicated = replicatedEnvironment(t);
  return [
    ...t.environments.map((e) => `${t.cluster}/${namespaceName(t.name, e)}`),
    ...t.replicas.map((r) => `${r.cluster}/${namespaceName(t.name, replicated)}`),
  ];
}

/** Deletions, removed environments and lowered quotas, each allowed only with an approved decommission at the base. */
export function dataAtRisk(changes: readonly TenantChange[]): DataAtRisk[] {
  const out: DataAtRisk[] = [];
  for (const c of changes) {
    const b = c.base;
    if (!b) continue;
    const approved = b.decommission !== undefined;
    if (c.kind === 'removed') {
      out.push({
        tenant: c.name,
        file: c.file,
        what: 'tenant removed',
        detail: `${b.environments.length} environment(s), storage quota ${b.quotaText.storage} each, DR tier ${b.dr}`,
        namespaces: namespacesOf(b, b.environments),
        approved,
      });
      continue;
    }
    // a request file with errors is not a removal: what it keeps is known once it is valid (its errors block meanwhile)
    const h = c.head;
    if (!h) continue;
    const gone = b.environments.filter((e) => !h.environments.includes(e));
    if (gone.length > 0)
      out.push({
        tenant: c.name,
        file: c.file,
        what: 'environment removed',
        detail: `environments ${gone.join(', ')} removed`,
        namespaces: namespacesOf(b, gone),
        approved,
      });
    // a namespace that leaves its cluster for any other reason (DR tier lowered, network or cluster
    // changed) is destroyed there just the same: its data is at risk too
    const kept = new Set(placements(h));
    const goneEnvs = new Set(gone.map((e) => namespaceName(b.name, e)));
    const moved = placements(b).filter((p) => !kept.has(p) && !goneEnvs.has(p.slice(p.indexOf('/') + 1)));
    if (moved.length > 0) {
      const detail = [b.cluster !== h.cluster ? `cluster ${b.cluster} → ${h.cluster}` : '', b.dr !== h.dr ? `DR tier ${b.dr} → ${h.dr}` : '']
        .filter((x) => x !== '')
        .join(', ');
      out.push({
        tenant: c.name,
        file: c.file,
        what: 'namespaces moved or removed',
        detail: detail || 'namespaces leave their clusters',
        namespaces: moved,
        approved,
      });
    }
    const lowered = (['cpuMillis', 'memoryBytes', 'storageBytes', 'pods'] as const).filter((k) => h.quota[k] < b.quota[k]);
    if (lowered.length > 0) {
      const key = { cpuMillis: 'cpu', memoryBytes: 'memory', storageBytes: 'storage', pods: 'pods' } as const;
      const detail = lowered.map((k) => `${key[k]} ${String(b.quotaText[key[k]])} → ${String(h.quotaText[key[k]])}`).join(', ');
      out.push({
        tenant: c.name,
        file: c.file,
        what: 'quota lowered',
        detail: `quota lowered below what is granted: ${detail}`,
        namespaces: namespacesOf(b, h.environments),
        approved,
      });
    }
  }
  return out;
}
