import { App, TerraformStack } from 'cdktf';
import { validateEnvironment } from '../../config/validate';
import { planStacks } from '../../stacks/slices';
import { PlatformStack } from '../../stacks/platform-stack';
import { DepartmentStack } from '../../stacks/department-stack';
import { stableStringify } from '../../terraform/stable-json';
import { EXAMPLE_CITY } from '../helpers/env';

describe('ClusterStack.toTerraform (resolve once, only where a token can be)', () => {
  const model = validateEnvironment(EXAMPLE_CITY).model;
  if (!model) throw new Error('example city must be valid');

  it.each(planStacks(model).map((s) => [s.name, s] as const))("gives exactly what cdktf gives for %s, which passes cdktf's validations", (_name, slice) => {
    const app = new App({ outdir: '/tmp/govcloud-equivalence' });
    const stack = slice.kind === 'platform' ? new PlatformStack(app, slice) : new DepartmentStack(app, slice);
    expect(() => stack.runAllValidations()).not.toThrow();
    const ours = stableStringify(stack.toTerraform());
    const cdktf = stableStringify(TerraformStack.prototype.toTerraform.call(stack));
    expect(ours).toEqual(cdktf);
  });
});
