/**
 * Names of the department stacks, here in the config layer so that validate refuses two departments
 * whose names would collide with the very function the stacks are named by (stacks/slices.ts).
 */

/**
 * One stack per county, department and cluster: `dept-<county>-<department>-<cluster>`. A tenant's
 * stack depends on its own county, department and cluster only, so adding or removing a tenant never
 * moves another one (a move would be a destroy and a create in Terraform). The name is the key of the
 * stack's Terraform state, so it never changes for a department already deployed: codes whose joined
 * names would be equal are refused at validate instead (config/checks/stack-names.ts).
 */
export function departmentStackName(county: string, department: string, cluster: string): string {
  return `dept-${county}-${department}-${cluster}`;
}
