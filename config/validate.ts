/** The whole configuration layer in one call: load → schema → cross-file checks → resolved model. */
import { hasErrors, Issue, sortIssues } from './issues';
import { loadEnvironment } from './load';
import { CityModel } from './model';
import { checkPlatform } from './checks/platform';
import { checkNames } from './checks/names';
import { checkNetwork } from './checks/network';
import { checkFlows } from './checks/flows';
import { CheckContext } from './checks/context';
import { resolveModel } from './resolve';

export interface ValidationResult {
  /** Present only when there is no error. */
  readonly model?: CityModel;
  readonly issues: readonly Issue[];
  readonly files: number;
}

export function validateEnvironment(dir: string): ValidationResult {
  const loaded = loadEnvironment(dir);
  const issues: Issue[] = [...loaded.issues];
  const files = loaded.filesRead;
  if (!loaded.platform) return { issues: sortIssues(issues), files };
  const ctx: CheckContext = { platform: loaded.platform, tenants: loaded.tenants, fileRefs: loaded.fileRefs };
  issues.push(...checkPlatform(loaded.platform), ...checkNames(ctx), ...checkNetwork(ctx), ...checkFlows(ctx));
  const resolved = resolveModel(ctx);
  issues.push(...resolved.issues);
  const sorted = sortIssues(issues);
  return { model: hasErrors(sorted) ? undefined : resolved.model, issues: sorted, files };
}
