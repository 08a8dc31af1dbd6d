/**
 * The one place a stack is made from its slice of the model. Every string of the slice (display
 * names, approval references, a site's city inside Helm values, …) is made a Terraform literal
 * first (terraform/literal.ts), so no text from a request or platform.yaml is ever evaluated by
 * Terraform or OpenTofu, whatever construct it reaches.
 */
import { App } from 'cdktf';
import { StackSlice } from './slices';
import { PlatformStack } from './platform-stack';
import { DepartmentStack } from './department-stack';
import { ClusterStack } from './cluster-stack';
import { literalDeep } from '../terraform/literal';

export function newStack(app: App, slice: StackSlice): ClusterStack {
  const literal = literalDeep(slice);
  return literal.kind === 'platform' ? new PlatformStack(app, literal) : new DepartmentStack(app, literal);
}
