/**
 * In a pull request, a change that the joint project review (项目联审) must approve anew carries a
 * new approval reference: a request whose quota grows (per namespace, or by a new environment), whose
 * graded-protection (等保) level changes, or which gains an Internet flow (a host or a port it could not
 * reach at the base) or Internet exposure, and whose metadata.approval.ref is still the base revision's,
 * is refused at that line. Only `govcloud pr` knows the base (ValidateOptions.change) and asks for
 * this (ValidateOptions.review); a new request has no base reference to repeat.
 */
import { Issue } from '../issues';
import { Tenant } from '../model';
import { LoadedTenant } from '../load';
import { bytes, cpuMillis } from '../quantity';
import { at, CheckContext } from './context';
import type { ChangeScope } from './capacity';

export interface Reason {
  readonly en: string;
  readonly zh: string;
}

/** What the joint project review approves of a request: resources, level, Internet reach. */
export interface ApprovedScope {
  /** Per namespace, in the model's units. */
  readonly quota: Readonly<Record<'cpuMillis' | 'memoryBytes' | 'storageBytes' | 'pods', number>>;
  readonly environments: readonly string[];
  readonly mlpsLevel: number;
  /** Each Internet host × port the request may reach, as `host:port`. */
  readonly internet: ReadonlySet<string>;
  readonly exposedToInternet: boolean;
}

const reach = (flows: readonly { readonly hosts: readonly string[]; readonly ports: readonly number[] }[]) =>
  new Set(flows.flatMap((f) => f.hosts.flatMap((h) => f.ports.map((p) => `${h}:${p}`))));

/** The scope of a resolved tenant (the base revision's, or either side in `govcloud pr`). */
export function scopeOfTenant(t: Tenant): ApprovedScope {
  return {
    quota: t.quota,
    environments: t.environments,
    mlpsLevel: t.mlpsLevel,
    internet: reach(t.flows.flatMap((f) => (f.kind === 'internet' ? [f] : []))),
    exposedToInternet: t.exposedToInternet,
  };
}

/** The scope of a request file that passed its schema. */
export function scopeOfRequest(t: LoadedTenant): ApprovedScope {
  const { quota: q, environments, mlpsLevel, flows, exposure } = t.data.spec;
  return {
    quota: { cpuMillis: cpuMillis(q.cpu), memoryBytes: bytes(q.memory), storageBytes: bytes(q.storage), pods: q.pods },
    environments,
    mlpsLevel,
    internet: reach(flows.flatMap((f) => (f.to === 'internet' ? [{ hosts: f.hosts ?? [], ports: f.ports }] : []))),
    exposedToInternet: exposure.internet,
  };
}

/** A quota that grows per namespace, or by a new environment (each takes the full quota). */
export function quotaGrowth(base: ApprovedScope, head: ApprovedScope): Reason[] {
  const names = { cpuMillis: 'cpu', memoryBytes: 'memory', storageBytes: 'storage', pods: 'pods' } as const;
  const grown = (Object.keys(names) as (keyof typeof names)[]).filter((k) => head.quota[k] > base.quota[k]).map((k) => names[k]);
  const out: Reason[] = [];
  if (grown.length > 0) out.push({ en: `the quota grows (${grown.join(', ')})`, zh: `配额增加（${grown.join('、')}）` });
  const added = head.environments.filter((e) => !base.environments.includes(e));
  if (added.length > 0)
    out.push({ en: `an environment is added (${added.join(', ')}), each with the full quota`, zh: `新增环境（${added.join('、')}），各占一份配额` });
  return out;
}

function internetGrowth(base: ApprovedScope, head: ApprovedScope): Reason[] {
  const out: Reason[] = [];
  const added = [...head.internet].filter((x) => !base.internet.has(x)).sort();
  if (added.length > 0) {
    const shown = added.length > 3 ? `${added.slice(0, 3).join(', ')} …` : added.join(', ');
    out.push({ en: `a new Internet flow (${shown})`, zh: `新增互联网访问（${shown}）` });
  }
  if (head.exposedToInternet && !base.exposedToInternet) out.push({ en: 'the system is newly exposed to the Internet', zh: '系统新开放互联网访问' });
  return out;
}

/** Why the change needs a new approval; empty when it does not. */
export function reasonsForNewApproval(base: ApprovedScope, head: ApprovedScope): Reason[] {
  const levelChange: Reason[] =
    head.mlpsLevel !== base.mlpsLevel
      ? [
          {
            en: `the graded-protection level changes from ${base.mlpsLevel} to ${head.mlpsLevel}`,
            zh: `等保级别由 ${base.mlpsLevel} 级变为 ${head.mlpsLevel} 级`,
          },
        ]
      : [];
  return [...quotaGrowth(base, head), ...levelChange, ...internetGrowth(base, head)];
}

export function checkApprovalChanges(ctx: CheckContext, change: ChangeScope | undefined): Issue[] {
  if (!change?.base) return [];
  const base = new Map(change.base.map((t) => [`${t.county}/${t.name}`, t]));
  const out: Issue[] = [];
  for (const t of ctx.tenants) {
    const key = `${t.folder}/${t.basename}`;
    const before = base.get(key);
    if (!change.tenants.has(key) || !before || t.data.metadata.approval.ref.trim() !== before.approvalRef.trim()) continue;
    const reasons = reasonsForNewApproval(scopeOfTenant(before), scopeOfRequest(t));
    if (reasons.length === 0) continue;
    out.push(
      at(t, ['metadata', 'approval', 'ref'], 'approval.unchanged', {
        value: JSON.stringify(t.data.metadata.approval.ref),
        what_en: reasons.map((r) => r.en).join('; '),
        what_zh: reasons.map((r) => r.zh).join('；'),
      }),
    );
  }
  return out;
}
