/**
 * What one TenantRequest may declare (docs/limits.md). A real request needs a handful of each; the
 * bounds keep validation, synthesis and the policy check of one file small whatever it holds. A
 * request that needs more asks the platform team, which raises the limit here for everyone.
 */

/** spec.flows: flows out of one tenant. */
export const MAX_FLOWS = 200;
/** spec.flows[].ports: ports of one flow. */
export const MAX_PORTS_PER_FLOW = 32;
/** spec.flows[].hosts: Internet host names of one flow. */
export const MAX_HOSTS_PER_FLOW = 50;
/** spec.admins: administrator groups. */
export const MAX_ADMINS = 20;
/** spec.waivers: waived rules. */
export const MAX_WAIVERS = 50;
/** spec.environments: one per environment name (prod, staging, test, dev). */
export const MAX_ENVIRONMENTS = 4;
