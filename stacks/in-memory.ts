/** Synthesizes stacks into memory (no files): for policy checks right after validation, and tests. */
import { App } from 'cdktf';
import { CityModel, Network } from '../config/model';
import { planStacks, StackSlice } from './slices';
import { newStack } from './new-stack';
import { ClusterStack } from './cluster-stack';
import { prepareSynth, releaseTokens, tokenMark } from './cdktf-edge';

export interface StackOutput {
  readonly name: string;
  readonly network: Network;
  readonly json: Record<string, unknown>;
}

/** `only`: stack names to synthesize (default all). */
export function synthInMemory(model: CityModel, customize?: (stack: ClusterStack) => void, only?: ReadonlySet<string>): StackOutput[] {
  prepareSynth();
  const app = new App({ outdir: '/nonexistent-govcloud-in-memory' });
  return planStacks(model)
    .filter((slice) => !only || only.has(slice.name))
    .map((slice) => {
      const mark = tokenMark();
      const stack = newStack(app, slice);
      customize?.(stack);
      const json = stack.toTerraform() as Record<string, unknown>;
      app.node.tryRemoveChild(slice.name);
      releaseTokens(mark);
      return { name: slice.name, network: slice.network, json };
    });
}

/** Synthesizes the given slices (e.g. reduced to the tenants a change touches). */
export function synthSlices(slices: readonly StackSlice[]): StackOutput[] {
  prepareSynth();
  const app = new App({ outdir: '/nonexistent-govcloud-in-memory' });
  return slices.map((slice) => {
    const mark = tokenMark();
    const stack = newStack(app, slice);
    const json = stack.toTerraform() as Record<string, unknown>;
    app.node.tryRemoveChild(slice.name);
    releaseTokens(mark);
    return { name: slice.name, network: slice.network, json };
  });
}
