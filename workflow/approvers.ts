/**
 * Approval routing: which groups must approve a change to one tenant request, and why. Pure: the
 * caller compares the request at the base and the head of a pull request (see describeChange).
 */
import { Flow, Tenant, Waiver } from '../config/model';
import { ApproversConfig, countyGroup, DEFAULT_APPROVERS, jointReviewOf } from './approvers-config';
import { reasonsForNewApproval, scopeOfTenant } from '../config/checks/approval-changes';
import { Text } from './text';

/**
 * One tenant request at the base and/or the head of a change. A flag left undefined is derived from
 * base and head (a missing side counts as no waivers, no exposure, no flows), so the TenantChange of
 * workflow/pr-diff.ts can be passed as it is.
 */
export interface ApprovalChange {
  readonly kind: 'added' | 'changed' | 'removed';
  readonly base?: Tenant;
  readonly head?: Tenant;
  /** A waiver is added or changed (removing one is not flagged). */
  readonly waiversChanged?: boolean;
  /** Internet exposure, or the flows to the Internet (hosts, ports), differ. */
  readonly exposureOrInternetFlowsChanged?: boolean;
  /** The graded-protection level at the head is lower than at the base. */
  readonly levelLowered?: boolean;
  /**
   * The tenant name and county folder of the request file: all that is known of a request that
   * could not be read (a file with errors is neither a base nor a head tenant).
   */
  readonly name?: string;
  readonly county?: string;
}

export type ApproverRole = 'platform' | 'county' | 'joint-review' | 'security' | 'classified';

export interface Approval {
  readonly role: ApproverRole;
  readonly group: string;
  /** Why this group must approve; at least one. */
  readonly reasons: readonly Text[];
}

const ROLE_ORDER: readonly ApproverRole[] = ['platform', 'county', 'joint-review', 'security', 'classified'];

const waiverKey = (w: Waiver) => JSON.stringify([w.rule, w.reason, w.approvedBy, w.expires]);
const internetFlows = (t: Tenant | undefined) =>
  JSON.stringify(
    (t?.flows ?? [])
      .filter((f): f is Extract<Flow, { kind: 'internet' }> => f.kind === 'internet')
      .map((f) => [[...f.hosts].sort(), [...f.ports].sort((a, b) => a - b)])
      .map((x) => JSON.stringify(x))
      .sort(),
  );

export function waiversAddedOrChanged(base: Tenant | undefined, head: Tenant | undefined): boolean {
  const before = new Set((base?.waivers ?? []).map(waiverKey));
  return (head?.waivers ?? []).some((w) => !before.has(waiverKey(w)));
}

export function exposureOrInternetFlowsDiffer(base: Tenant | undefined, head: Tenant | undefined): boolean {
  return (base?.exposedToInternet ?? false) !== (head?.exposedToInternet ?? false) || internetFlows(base) !== internetFlows(head);
}

/** The change from one version of a tenant request to another, with every flag derived. */
export function describeChange(base: Tenant | undefined, head: Tenant | undefined): ApprovalChange {
  if (!base && !head) throw new Error('describeChange: a change needs a tenant at the base or at the head');
  return {
    kind: !base ? 'added' : !head ? 'removed' : 'changed',
    base,
    head,
    waiversChanged: waiversAddedOrChanged(base, head),
    exposureOrInternetFlowsChanged: exposureOrInternetFlowsDiffer(base, head),
    levelLowered: base !== undefined && head !== undefined && head.mlpsLevel < base.mlpsLevel,
  };
}

const PLATFORM_REASON: Text = { en: 'the platform team approves every change', zh: '平台团队审批所有变更' };

/** A side of the change whose request file has errors: nothing is known of it but its path. */
function unreadable(change: ApprovalChange): boolean {
  return change.kind === 'removed' ? change.base === undefined : change.head === undefined || (change.kind === 'changed' && change.base === undefined);
}

/**
 * The groups that must approve one tenant change, in the order platform, county, joint review,
 * security, classified. The joint-review (项目联审) roles approve a new tenant, and a change that
 * needs a new 项目联审 reference (a quota increase, a level change, a new Internet flow).
 * A request file with errors gives what its path tells (the platform team and its county) and
 * what its readable side tells; the rest is decided once the file is valid.
 */
export function approversFor(change: ApprovalChange, config: ApproversConfig = DEFAULT_APPROVERS): Approval[] {
  const { base, head } = change;
  const name = head?.name ?? base?.name ?? change.name;
  const who = name !== undefined ? { en: `tenant ${name}`, zh: `租户 ${name}` } : { en: 'a request', zh: '某申请' };
  const partial = unreadable(change);
  const platform: Text[] = [PLATFORM_REASON];
  if (partial) {
    platform.push({
      en: `${who.en}: the request file has errors; security and classified review are decided once it is valid`,
      zh: `${who.zh}：申请文件有错误；是否需要安全审查和涉密审查待文件通过校验后确定`,
    });
  }
  const out: Approval[] = [{ role: 'platform', group: config.platform, reasons: platform }];
  // flags that compare the two sides mean nothing when one side could not be read
  const derived = partial ? { waiversChanged: false, exposureOrInternetFlowsChanged: false, levelLowered: false } : describeChange(base, head);

  const counties = [...new Set([base?.county, head?.county, change.county].filter((c): c is string => c !== undefined))].sort();
  for (const county of counties) {
    out.push({
      role: 'county',
      group: countyGroup(config, county),
      reasons: [{ en: `the request is in county ${county}'s folder tenants/${county}/`, zh: `申请位于县区 ${county} 的目录 tenants/${county}/` }],
    });
  }

  const joint = jointReasons(change, who, partial);
  for (const group of joint.length > 0 ? jointReviewOf(config) : []) out.push({ role: 'joint-review', group, reasons: joint });

  const security: Text[] = [];
  const level = Math.max(base?.mlpsLevel ?? 0, head?.mlpsLevel ?? 0);
  if (level >= 3) {
    security.push({ en: `${who.en} is at graded-protection level ${level} (3 or higher)`, zh: `${who.zh} 等保级别为 ${level} 级（三级及以上）` });
  }
  if (change.waiversChanged ?? derived.waiversChanged) {
    security.push({ en: `${who.en}: a waiver is added or changed`, zh: `${who.zh}：新增或修改了等保规则豁免` });
  }
  if (change.exposureOrInternetFlowsChanged ?? derived.exposureOrInternetFlowsChanged) {
    security.push({ en: `${who.en}: Internet exposure or Internet flows change`, zh: `${who.zh}：互联网暴露或互联网访问发生变化` });
  }
  if (change.levelLowered ?? derived.levelLowered) {
    const from = base ? ` from ${base.mlpsLevel}` : '';
    const to = head ? ` to ${head.mlpsLevel}` : '';
    const zhFrom = base ? `从 ${base.mlpsLevel} 级` : '';
    const zhTo = head ? `降为 ${head.mlpsLevel} 级` : '降低';
    security.push({ en: `${who.en}: the graded-protection level is lowered${from}${to}`, zh: `${who.zh}：等保级别${zhFrom}${zhTo}` });
  }
  if (security.length > 0) out.push({ role: 'security', group: config.security, reasons: security });

  const classified: Text[] = [];
  if (base?.network === 'intranet' || head?.network === 'intranet') {
    classified.push({ en: `${who.en} is on the intranet (电子政务内网)`, zh: `${who.zh} 位于电子政务内网` });
  }
  if (base?.classification === 'classified' || head?.classification === 'classified') {
    classified.push({ en: `${who.en} is classified (涉密)`, zh: `${who.zh} 为涉密系统` });
  }
  if (classified.length > 0) out.push({ role: 'classified', group: config.classified, reasons: classified });
  return out;
}

/** Why the joint-review roles approve the change; empty when they do not. */
function jointReasons(change: ApprovalChange, who: Text, partial: boolean): Text[] {
  if (change.kind === 'added') return [{ en: `${who.en} is a new system on the government cloud`, zh: `${who.zh} 为新上云系统` }];
  if (partial || change.kind !== 'changed' || !change.base || !change.head) return [];
  return reasonsForNewApproval(scopeOfTenant(change.base), scopeOfTenant(change.head)).map((r) => ({ en: `${who.en}: ${r.en}`, zh: `${who.zh}：${r.zh}` }));
}

/**
 * The groups that must approve a whole pull request: the union over its tenant changes, one entry
 * per group (reasons in order, without repeats), ordered by role then group.
 */
export function approversForAll(changes: readonly ApprovalChange[], config: ApproversConfig = DEFAULT_APPROVERS): Approval[] {
  const byGroup = new Map<string, { role: ApproverRole; reasons: Text[] }>();
  for (const change of changes) {
    for (const a of approversFor(change, config)) {
      const entry = byGroup.get(a.group) ?? { role: a.role, reasons: [] };
      if (ROLE_ORDER.indexOf(a.role) < ROLE_ORDER.indexOf(entry.role)) entry.role = a.role;
      for (const r of a.reasons) if (!entry.reasons.some((x) => x.en === r.en)) entry.reasons.push(r);
      byGroup.set(a.group, entry);
    }
  }
  return [...byGroup.entries()]
    .map(([group, e]) => ({ role: e.role, group, reasons: e.reasons }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
