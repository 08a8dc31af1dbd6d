/**
 * `govcloud pr --base REF`: what a pull request to the environment changes. Validates the whole city
 * at the head (and reads it at the base), finds the request files changed since REF, synthesizes
 * only the stacks whose inputs differ at both revisions and diffs them resource by resource, gives
 * the capacity before and after, runs the policy checks of the affected tenants, refuses data loss
 * without a decommission approval, and lists the approvers. Exit 1 when anything blocks the merge.
 */
import * as path from 'path';
import { validateEnvironment } from '../config/validate';
import { CityModel } from '../config/model';
import { Issue } from '../config/issues';
import { RULES } from '../policies/registry';
import { buildDeployment } from '../policies/deployment';
import { blocking, CheckReport, runChecks } from '../policies/engine';
import { todayIso } from '../config/checks/waivers';
import { synthSlices } from '../stacks/in-memory';
import { stacksForCheck } from '../stacks/stacks-for-check';
import { departmentStackName, planStacks, platformStackName } from '../stacks/slices';
import { scanStacks } from '../stacks/isolation';
import { changedFiles, filesAt, forkPoint, repoRoot } from './git';
import { memorySource } from '../config/files';
import { affectedSlices, capacityDeltas, CapacityDelta, dataAtRisk, DataAtRisk, diffStack, ResourceChange, TenantChange } from './pr-diff';
import { Approval, approversForAll } from './approvers';
import { DEFAULT_APPROVERS, loadApprovers, withJointReview } from './approvers-config';
import { codeownersDrift } from './codeowners-drift';

export interface PrResult {
  readonly base: string;
  readonly baseValid: boolean;
  readonly platformChanged: boolean;
  readonly headIssues: readonly Issue[];
  readonly tenants: readonly TenantChange[];
  readonly stacks: readonly string[];
  readonly resources: readonly ResourceChange[];
  readonly capacity: readonly CapacityDelta[];
  readonly risks: readonly DataAtRisk[];
  readonly policy?: CheckReport;
  readonly approvers: readonly Approval[];
  /** What blocks the merge, for people (English identifiers). */
  readonly blockers: readonly string[];
}

/** Stacks a tenant lives in: its department stacks on its primary and replica clusters, and their platform stacks. */
function stacksOfTenants(model: CityModel, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of model.tenants.filter((x) => names.includes(x.name))) {
    for (const c of [t.cluster, ...t.replicas.map((r) => r.cluster)]) {
      out.add(departmentStackName(t.county, t.department, c));
      out.add(platformStackName(c));
    }
  }
  return out;
}

export interface PrOptions {
  /**
   * The pull request is under review (the `pr` command): the review's own paperwork is checked too,
   * a change that needs a new 项目联审 reference, and a stale committed CODEOWNERS. Default: no —
   * `plan` / `stacks --affected-by` run after the merge, on what the review approved, and keep only
   * the gates of data and validity.
   */
  readonly review?: boolean;
}

export function runPr(baseRef: string, envDir: string, cwd: string = process.cwd(), opts: PrOptions = {}): PrResult {
  const root = repoRoot(cwd);
  const base = forkPoint(baseRef, cwd);
  const env = path.resolve(cwd, envDir);
  const files = changedFiles(base, env, root);
  {
    const baseFiles = filesAt(base, env, root);
    const baseModel = baseFiles.size > 0 ? validateEnvironment(env, { source: memorySource(baseFiles) }).model : undefined;
    const relEnv = path.relative(root, env);
    const tenantFiles = files.filter((f) => /\/tenants\/[^/]+\/[^/]+\.ya?ml$/.test(f.path));
    const platformChanged = files.some((f) => f.path === path.posix.join(relEnv.split(path.sep).join('/'), 'platform.yaml'));
    // a cluster over capacity is reported at the changed request(s) that overflow it
    const change = {
      tenants: new Set(tenantFiles.map((f) => `${path.basename(path.dirname(f.path))}/${path.basename(f.path).replace(/\.ya?ml$/, '')}`)),
      base: baseModel?.tenants,
      platform: platformChanged,
    };
    const head = validateEnvironment(env, { rules: RULES, today: todayIso(), change, review: opts.review === true });
    const headErrors = head.issues.filter((i) => i.severity === 'error');
    const tenants: TenantChange[] = tenantFiles.map((f) => {
      const name = path.basename(f.path).replace(/\.ya?ml$/, '');
      const county = path.basename(path.dirname(f.path));
      const b = baseModel?.tenants.find((t) => t.name === name);
      const h = (head.model ?? head.draft)?.tenants.find((t) => t.name === name);
      const kind = f.status === 'deleted' ? 'removed' : b ? 'changed' : 'added';
      return { name, county, kind, base: b, head: h, file: f.path };
    });
    const risks = dataAtRisk(tenants);
    const blockers: string[] = [];
    if (headErrors.length > 0) blockers.push(`${headErrors.length} validation error(s) in the request files`);
    for (const r of risks.filter((x) => !x.approved)) {
      blockers.push(
        `${r.what} for ${r.tenant} without an approved decommission at the base (spec.decommission): ${r.detail}; data at risk in ${r.namespaces.join(', ')}`,
      );
    }
    const approval = loadApprovers(env, { counties: head.model?.counties.map((c) => c.code) });
    if (approval.issues.length > 0) blockers.push(`${approval.issues.length} error(s) in ${approval.file ?? 'approvers.yaml'}`);
    // the joint-review roles are platform.yaml's (spec.approvals.jointReview)
    const routing = withJointReview(approval.config ?? DEFAULT_APPROVERS, (head.model ?? head.draft)?.approvals.jointReview);
    const approvers = approversForAll(
      // a request file with errors is known by its path only: name and county folder
      tenants.map((t) => ({ kind: t.kind, base: t.base, head: t.head, name: t.name, county: t.county })),
      routing,
    );
    if (!head.model) {
      return {
        base,
        baseValid: baseModel !== undefined,
        platformChanged,
        headIssues: [...head.issues, ...approval.issues],
        tenants,
        stacks: [],
        resources: [],
        capacity: [],
        risks,
        approvers,
        blockers,
      };
    }
    const model = head.model;
    // CODEOWNERS routes the next change: a stale one is named with the command that rewrites it
    const drift = approval.config && opts.review === true ? codeownersDrift(root, relEnv, model, routing) : [];
    for (const d of drift) blockers.push(`${d.file} is not what govcloud codeowners writes for this change: run ${d.command} and commit it`);
    const affected = affectedSlices(baseModel, model);
    const stacks = affected.names;
    const before = new Map(synthSlices(affected.base).map((s) => [s.name, s.json]));
    const headStacks = synthSlices(affected.head);
    const after = new Map(headStacks.map((s) => [s.name, s.json]));
    const resources = stacks.flatMap((s) => diffStack(s, before.get(s), after.get(s)));
    const capacity = capacityDeltas(baseModel, model).filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
    const checked = tenants.filter((t) => t.head).map((t) => t.name);
    let policy: CheckReport | undefined;
    const handIssues: Issue[] = [];
    let violations = checked.length > 0 ? [] : scanStacks(model, planStacks(model), headStacks);
    if (checked.length > 0) {
      // the reduced head stacks hold exactly the changed tenants; the platform stacks of their clusters come whole
      const needed = stacksOfTenants(model, checked);
      const reused = headStacks.filter((s) => needed.has(s.name));
      const read = stacksForCheck(model, env, needed, reused);
      handIssues.push(...read.issues);
      violations = [...read.violations];
      if (read.issues.length > 0) blockers.push(`${read.issues.length} error(s) in the hand-written Terraform files (overrides/)`);
      else {
        policy = runChecks(model, buildDeployment(model, read.stacks), { tenants: checked, today: todayIso() });
        const failing = blocking(policy);
        if (failing > 0) blockers.push(`${failing} unwaived graded-protection failure(s) in the changed tenants`);
      }
    }
    // what synth would refuse on the target branch: named here, not discovered after the merge
    for (const v of violations)
      blockers.push(
        `physical isolation: ${v.stack} (${v.network}) would refer to ${v.marker.what} ${v.marker.value} of the other network at ${v.path}; synth refuses it`,
      );
    return {
      base,
      baseValid: baseModel !== undefined,
      platformChanged,
      headIssues: [...head.issues, ...approval.issues, ...drift.map((d) => d.issue), ...handIssues],
      tenants,
      stacks,
      resources,
      capacity,
      risks,
      policy,
      approvers,
      blockers,
    };
  }
}
