/** The whole configuration layer in one call: load → schema → cross-file checks → resolved model. */
import { hasErrors, Issue, sortIssues } from './issues';
import * as path from 'path';
import { displayPath, loadEnvironment } from './load';
import { readYaml } from './source';
import { checkSchema } from './schema-issues';
import { addressPoolsSchema, ADDRESS_POOLS_FILE, ADDRESS_POOLS_MAX_BYTES } from './schema/address-pools';
import { PoolsInput } from './checks/address-pools';
import { diskSource, FileSource, SYMLINK } from './files';
import { CityModel } from './model';
import { checkPlatform } from './checks/platform';
import { checkImages } from './checks/images';
import { checkPodCidrs } from './checks/pod-cidr';
import { checkPlaceholders } from './checks/placeholders';
import { checkNames } from './checks/names';
import { checkNetwork } from './checks/network';
import { checkFlows } from './checks/flows';
import { checkDuplicates } from './checks/duplicates';
import { checkStackNames } from './checks/stack-names';
import { checkEgressHosts } from './checks/egress-hosts';
import { checkBackupEndpoints } from './checks/backup-endpoints';
import { checkRecovery } from './checks/recovery';
import { CheckContext } from './checks/context';
import { resolveModel } from './resolve';
import { ChangeScope } from './checks/capacity';
import { checkWaivers, todayIso, WaivableRule } from './checks/waivers';
import { checkMlpsRecords } from './checks/mlps-records';
import { checkApprovalDates, checkApprovalReferences } from './checks/approval';
import { checkApprovalChanges } from './checks/approval-changes';
import { checkCharacters } from './checks/characters';
import { checkCredentials, screenCredentials } from './checks/credentials';
import { checkDrills, readDrillRecords } from './drills';

export interface ValidationResult {
  /** Present only when there is no error. */
  readonly model?: CityModel;
  /**
   * The model resolved from the files that passed their schema, even when there are errors: for
   * describing a change (pull-request summaries), never for synthesis.
   */
  readonly draft?: CityModel;
  readonly issues: readonly Issue[];
  readonly files: number;
}

export interface ValidateOptions {
  /** Rules waivers may name (from policies/registry); without it waivers are not checked. */
  readonly rules?: readonly WaivableRule[];
  /** YYYY-MM-DD for waiver expiry. Default: GOVCLOUD_TODAY or today. */
  readonly today?: string;
  /** Where files are read from. Default: the disk. */
  readonly source?: FileSource;
  /** In a pull request, what changed since the base: a capacity error then points at the changed request. Default: none (the largest shares). */
  readonly change?: ChangeScope;
  /** Record where every value of the request files starts (for a check that places many findings). Default: no. */
  readonly positions?: boolean;
  /**
   * A pull request under review (`govcloud pr`): a change that needs a new 项目联审 reference and keeps
   * the base revision's is refused (with `change`). Default: no — after the merge, `plan --affected-by`
   * deploys what the review approved.
   */
  readonly review?: boolean;
}

/** Whether the source refuses a path as a symbolic link. */
function isLink(source: FileSource, file: string): boolean {
  const size = source.size(file);
  return typeof size !== 'number' && size.error === SYMLINK;
}

export function validateEnvironment(dir: string, opts: ValidateOptions = {}): ValidationResult {
  const source = opts.source ?? diskSource;
  const loaded = loadEnvironment(dir, source, { index: opts.positions === true });
  // a link where a county folder (or tenants/ itself) belongs is refused as a link, not as a misplaced file
  const issues: Issue[] = loaded.issues.map((i) =>
    i.code === 'file.misplaced' && isLink(source, i.file) ? { ...i, code: 'file.unreadable', params: { reason: SYMLINK } } : i,
  );
  let files = loaded.filesRead;
  if (!loaded.platform) return { issues: sortIssues(issues), files };
  const pools = loadPools(dir, source, issues);
  // drill records: evidence of restores, read beside the requests; a record for no tenant of the city is refused
  const drills = readDrillRecords(dir, source);
  issues.push(...drills.issues, ...screenCredentials(drills.parsed));
  files += drills.filesRead;
  const tenantNames = new Set([...loaded.fileRefs].map((r) => r.split('/')[2]));
  const platformSpec = loaded.platform.data.spec;
  issues.push(...checkDrills(drills.drills, { tenantNames, clusters: platformSpec.clusters.map((c) => c.name), sites: platformSpec.sites.map((x) => x.name) }));
  const ctx: CheckContext = { platform: loaded.platform, tenants: loaded.tenants, fileRefs: loaded.fileRefs, pools, drills: drills.drills };
  issues.push(
    ...checkPlatform(loaded.platform),
    ...checkImages(loaded.platform),
    ...checkBackupEndpoints(loaded.platform),
    ...checkRecovery(loaded.platform),
    ...checkPodCidrs(loaded.platform),
    ...checkNames(ctx),
    ...checkPlaceholders(ctx),
    ...checkApprovalReferences(ctx),
    ...checkNetwork(ctx),
    ...checkFlows(ctx),
    ...checkDuplicates(ctx),
    ...checkStackNames(ctx),
    ...checkEgressHosts(ctx),
  );
  const today = opts.today ?? todayIso();
  issues.push(...checkApprovalDates(ctx, today), ...checkMlpsRecords(ctx, today), ...checkCharacters(ctx), ...checkCredentials(ctx));
  if (opts.rules) issues.push(...checkWaivers(ctx, opts.rules, today));
  if (opts.review) issues.push(...checkApprovalChanges(ctx, opts.change));
  const resolved = resolveModel(ctx, opts.change);
  issues.push(...resolved.issues);
  const sorted = sortIssues(withoutPoolEchoes(issues));
  return { model: hasErrors(sorted) ? undefined : resolved.model, draft: resolved.model, issues: sorted, files };
}

/** address-pools.yaml of the environment, read and checked against its schema; its issues go to `issues`. */
export function loadPools(dir: string, source: FileSource, issues: Issue[]): PoolsInput {
  const full = path.join(dir, ADDRESS_POOLS_FILE);
  const file = displayPath(full);
  const input = { file, env: displayPath(dir) };
  if (!source.exists(full)) return { ...input, exists: false };
  const read = readYaml(file, 'AddressPools', source, { maxBytes: ADDRESS_POOLS_MAX_BYTES });
  issues.push(...read.issues);
  if (!read.source) return { ...input, exists: true };
  const checked = checkSchema(read.source, addressPoolsSchema);
  issues.push(...checked.issues);
  return { ...input, exists: true, loaded: checked.data ? { source: read.source, data: checked.data } : undefined };
}

/**
 * The pool issues that only echo another error: a request with an error of its own gets no "no pool"
 * error (its namespaces are known once it is fixed: a name, a county, a placement), and entries are
 * called stale only when nothing else is wrong (a tenant that cannot be placed leaves its entries
 * looking unused); a pool outside its cluster's range is not reported while platform.yaml has an error
 * (a pod range being changed).
 */
function withoutPoolEchoes(issues: readonly Issue[]): Issue[] {
  const others = issues.filter((i) => i.severity === 'error' && !i.code.startsWith('pools.'));
  const files = new Set(others.map((i) => i.file));
  const platformBroken = others.some((i) => i.file.endsWith('platform.yaml'));
  return issues.filter(
    (i) =>
      !(i.code === 'pools.missing' && files.has(i.file)) && !(i.code === 'pools.stale' && others.length > 0) && !(i.code === 'pools.outside' && platformBroken),
  );
}
