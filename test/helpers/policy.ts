/**
 * Rule fixtures: the base fixture city, changed in one way (model edit, hand-added Terraform
 * resources, or an edit of the synthesized JSON), synthesized in memory, then one rule run for
 * one tenant.
 */
import { validateEnvironment } from '../../config/validate';
import { CityModel, MlpsLevel, Tenant } from '../../config/model';
import { synthInMemory, StackOutput } from '../../stacks/in-memory';
import { buildDeployment, tenantView, Json } from '../../policies/deployment';
import { mergeTerraform } from '../../terraform/merge';
import { RuleResult } from '../../policies/types';
import { ruleById } from '../../policies/registry';
import { platformTenant, platformView } from '../../policies/platform-view';
import { caseEnv } from './env';
import { departmentStackName, platformStackName } from '../../stacks/slices';
import { ClusterFile, clusterFiles } from '../../config/cluster-config';

export interface RuleCase {
  /** What the fixture shows, e.g. "fails when a namespace has no default-deny policy". */
  readonly name: string;
  readonly rule: string;
  /** Tenant of the base fixture city: portal (public-service, L3, backup, exposed), relief (administrative, L2, none),
   * exchange-hub (exchange, L3, hot-standby), case-files (intranet, classified, L4, none, domestic). */
  readonly tenant: string;
  readonly expect: 'pass' | 'fail' | 'not-applicable';
  /** Change the model before synth (return the changed model). */
  readonly model?: (m: CityModel) => CityModel;
  /** Hand-added Terraform per stack name, e.g. { [stackOf('relief')]: { resource: { kubernetes_deployment_v1: { x: {...} } } } }. */
  readonly add?: Readonly<Record<string, Json>>;
  /** Edit the synthesized stacks in place. */
  readonly edit?: (stacks: StackOutput[]) => void;
  /** Judge at this level instead of the tenant's. */
  readonly level?: MlpsLevel;
  /** Judge the platform of this cluster (what belongs to no tenant) instead of `tenant`. */
  readonly platform?: string;
  /** Change the cluster bootstrap files (audit policy, kube-apiserver flags) synth would write. */
  readonly files?: (files: ClusterFile[]) => ClusterFile[];
  /** The check's day (YYYY-MM-DD). Default: 2026-12-01. */
  readonly today?: string;
  /** What the evidence must say (one of its details matches). Default: any detail. */
  readonly detail?: RegExp;
}

let base: CityModel | undefined;

export function baseModel(): CityModel {
  if (!base) {
    const r = validateEnvironment(caseEnv(undefined));
    if (!r.model) throw new Error('base fixture invalid');
    base = r.model;
  }
  return JSON.parse(JSON.stringify(base)) as CityModel;
}

/** Replaces one tenant of the model. */
export function withTenant(m: CityModel, name: string, change: (t: Tenant) => Partial<Tenant>): CityModel {
  return { ...m, tenants: m.tenants.map((t) => (t.name === name ? { ...t, ...change(t) } : t)) };
}

export function runCase(c: RuleCase): RuleResult {
  const rule = ruleById(c.rule);
  if (!rule) throw new Error(`no rule ${c.rule}`);
  const model = c.model ? c.model(baseModel()) : baseModel();
  const stacks = synthInMemory(model);
  for (const [name, doc] of Object.entries(c.add ?? {})) {
    const s = stacks.find((x) => x.name === name);
    if (!s) throw new Error(`no stack ${name} (have: ${stacks.map((x) => x.name).join(', ')})`);
    mergeTerraform(s.json as Json, doc);
  }
  c.edit?.(stacks);
  const deployment = buildDeployment(model, stacks, c.files ? c.files(clusterFiles(model)) : undefined);
  if (c.platform !== undefined) {
    const cluster = model.clusters.find((x) => x.name === c.platform);
    if (!cluster) throw new Error(`no cluster ${c.platform}`);
    const stand = platformTenant(cluster);
    return rule.check({
      model,
      deployment,
      tenant: stand,
      view: platformView(model, deployment, cluster.name),
      level: c.level ?? cluster.mlpsLevel,
      today: c.today ?? '2026-12-01',
    });
  }
  const tenant = model.tenants.find((t) => t.name === c.tenant);
  if (!tenant) throw new Error(`no tenant ${c.tenant}`);
  return rule.check({ model, deployment, tenant, view: tenantView(deployment, tenant), level: c.level ?? tenant.mlpsLevel, today: c.today ?? '2026-12-01' });
}

/** The resources of one type in a synthesized stack (for edits). */
export function resourcesOf(stacks: StackOutput[], stack: string, type: string): Record<string, Json> {
  const s = stacks.find((x) => x.name === stack);
  return ((s?.json.resource as Json | undefined)?.[type] ?? {}) as Record<string, Json>;
}

/** The platform stack of a base fixture tenant's primary cluster: `platform-<cluster>`. */
export function platformOf(tenant: string): string {
  const t = baseModel().tenants.find((x) => x.name === tenant);
  if (!t) throw new Error(`no tenant ${tenant} in the base fixture`);
  return platformStackName(t.cluster);
}

/** The stack that holds a base fixture tenant on a cluster (default: its primary cluster): `dept-<county>-<department>-<cluster>`. */
export function stackOf(tenant: string, cluster?: string): string {
  const t = baseModel().tenants.find((x) => x.name === tenant);
  if (!t) throw new Error(`no tenant ${tenant} in the base fixture`);
  return departmentStackName(t.county, t.department, cluster ?? t.cluster);
}
