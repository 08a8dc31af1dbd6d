/** The construct tests' synth (test/helpers/synth.ts) runs cdktf's own validations, which are off by default. */
import { TerraformResource } from 'cdktf';
import { synthOf } from '../helpers/synth';

describe("cdktf's validations in the construct tests", () => {
  it('refuse a resource whose provider is not in the stack', () => {
    const orphan = () =>
      synthOf((scope) => new TerraformResource(scope, 'r', { terraformResourceType: 'random_id', terraformGeneratorMetadata: { providerName: 'random' } }));
    expect(orphan).toThrow(/Found resources without a matching provider construct.*random/);
  });

  it('pass for the project providers', () => {
    expect(() => synthOf(() => undefined)).not.toThrow();
  });
});
