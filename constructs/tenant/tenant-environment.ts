/**
 * A department's tenant: one TenantNamespace per environment, plus the NetworkPolicy that opens the
 * declared flows (out) and the flows other tenants declared towards it (in). Everything else stays
 * denied: environments of the same tenant do not reach each other.
 */
import { Construct } from 'constructs';
import { ANNOTATION } from '../common/labels';
import { allowPeers } from '../common/network-policy';
import { Peer, PeerRule } from '../common/peer';
import { NamespaceQuota, TenantIdentity, TenantNamespace } from './tenant-namespace';

/** Where a flow goes or comes from, already translated by the stack into peers per environment. */
export interface FlowEndpoint {
  /**
   * The peers of one environment (flows connect like environments: prod to prod): the tenant's
   * namespace on this cluster by its labels, its namespaces on other clusters by their pools. None:
   * the other tenant has no such environment, and the flow opens nothing.
   */
  readonly peers: (environment: string) => readonly Peer[];
  readonly ports: readonly number[];
  /** Only in these environments. Default: every environment of the tenant. */
  readonly environments?: readonly string[];
}

/** The rules of some flows for one environment: one per peer, with the flow's ports. */
export function flowRules(flows: readonly FlowEndpoint[], environment: string): PeerRule[] {
  return flows.flatMap((f) => f.peers(environment).map((peer) => ({ peer, ports: f.ports })));
}

export interface TenantEnvironmentProps extends TenantIdentity {
  /** Environment names; one namespace `<tenant>-<environment>` each. */
  readonly environments: readonly string[];
  /** Address pool of each environment's namespace on this cluster, environment → CIDR (see TenantNamespaceProps.addressPool). */
  readonly pools: Readonly<Record<string, string>>;
  /** ResourceQuota of each environment namespace. */
  readonly quota: NamespaceQuota;
  readonly adminGroups: readonly string[];
  /** Default: false. */
  readonly domestic?: boolean;
  /** Flows out of the tenant. Default: none. */
  readonly egress?: readonly FlowEndpoint[];
  /** Flows into the tenant. Default: none. */
  readonly ingress?: readonly FlowEndpoint[];
  /** Protect the namespaces from destroy (see TenantNamespaceProps.protect). Default: false. */
  readonly protect?: boolean;
  /** Internet host names allowed through the unified egress, recorded on the namespace. Default: none. */
  readonly internetHosts?: readonly string[];
}

export class TenantEnvironment extends Construct {
  readonly namespaces: TenantNamespace[] = [];

  constructor(scope: Construct, id: string, props: TenantEnvironmentProps) {
    super(scope, id);
    if (props.environments.length === 0) {
      throw new Error(`TenantEnvironment ${props.tenant}: environments is empty; give at least one (allowed: prod, staging, test, dev)`);
    }
    if (props.zone === 'intranet' && (props.internetHosts ?? []).length > 0) {
      throw new Error(`TenantEnvironment ${props.tenant}: internetHosts given for an intranet tenant; the intranet is physically isolated from the Internet`);
    }
    const hosts = [...new Set(props.internetHosts ?? [])].sort();
    for (const env of props.environments) {
      const name = `${props.tenant}-${env}`;
      const pool = props.pools[env];
      if (pool === undefined)
        throw new Error(`TenantEnvironment ${props.tenant}: no address pool for environment ${env} in pools; give one per environment (address-pools.yaml)`);
      const ns = new TenantNamespace(this, env, {
        name,
        tenant: props.tenant,
        county: props.county,
        department: props.department,
        environment: env,
        addressPool: pool,
        zone: props.zone,
        mlpsLevel: props.mlpsLevel,
        displayName: props.displayName,
        approvalRef: props.approvalRef,
        quota: props.quota,
        adminGroups: props.adminGroups,
        domestic: props.domestic ?? false,
        protect: props.protect ?? false,
        extraAnnotations: hosts.length > 0 ? { [ANNOTATION.egressHosts]: hosts.join(',') } : {},
      });
      const here = (f: FlowEndpoint): boolean => f.environments === undefined || f.environments.includes(env);
      allowPeers(ns, 'flows', {
        name: 'allow-declared-flows',
        namespace: ns.namespace.metadata.name,
        ingress: flowRules((props.ingress ?? []).filter(here), env),
        egress: flowRules((props.egress ?? []).filter(here), env),
      });
      this.namespaces.push(ns);
    }
  }
}
