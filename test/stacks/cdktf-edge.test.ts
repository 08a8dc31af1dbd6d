/**
 * The cdktf internals (stacks/cdktf-edge.ts): each shortcut takes effect when the switch is on and
 * none when it is off, and off needs nothing past cdktf's public API. That the output is the same
 * either way is cdktf-edge-output.test.ts.
 */
import { App, Lazy, TerraformStack, TerraformVariable, Tokenization } from 'cdktf';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import {
  cdktfEdgeCounts,
  cdktfShortcuts,
  cdktfVersion,
  prepareSynth,
  resetCdktfEdgeCounts,
  setCdktfShortcuts,
  SHORTCUTS_ENV,
  shortcutsEnv,
  shortcutsSetting,
  stackToTerraform,
} from '../../stacks/cdktf-edge';
import { ClusterStack } from '../../stacks/cluster-stack';
import { PlatformStack } from '../../stacks/platform-stack';
import { DepartmentStack } from '../../stacks/department-stack';
import { planStacks } from '../../stacks/slices';
import { synthInMemory } from '../../stacks/in-memory';
import { stableStringify } from '../../terraform/stable-json';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { caseEnv } from '../helpers/env';

const model = validateEnvironment(caseEnv(undefined)).model as CityModel;
const newApp = () => new App({ outdir: '/tmp/govcloud-cdktf-edge' });

function tokenTraces(): string[][] {
  const stack = new TerraformStack(newApp(), 'traces');
  const variable = new TerraformVariable(stack, 'v', { type: 'string' });
  return [Lazy.anyValue({ produce: () => 1 }).creationStack, Tokenization.reverseString(variable.stringValue).firstToken?.creationStack ?? ['no token']];
}

afterEach(() => setCdktfShortcuts(true));

describe('the switch', () => {
  it('reads on and off, unset is on, anything else is refused in both languages', () => {
    expect([undefined, '', 'on', 'ON', '1', 'true', 'yes'].map(shortcutsSetting)).toEqual([true, true, true, true, true, true, true]);
    expect(['off', 'Off', ' off ', '0', 'false', 'no'].map(shortcutsSetting)).toEqual([false, false, false, false, false, false]);
    expect(() => shortcutsSetting('of')).toThrow(
      `${SHORTCUTS_ENV}="of" is not a setting (allowed: on, off) / ${SHORTCUTS_ENV}="of" 不是有效取值（可选：on、off）`,
    );
  });

  it('reads GOVCLOUD_CDKTF_SHORTCUTS once, at first use', () => {
    const saved = process.env[SHORTCUTS_ENV];
    try {
      jest.isolateModules(() => {
        process.env[SHORTCUTS_ENV] = 'off';
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const edge = require('../../stacks/cdktf-edge') as typeof import('../../stacks/cdktf-edge');
        expect(edge.cdktfShortcuts()).toBe(false);
        process.env[SHORTCUTS_ENV] = 'on';
        expect(edge.cdktfShortcuts()).toBe(false);
        edge.setCdktfShortcuts(true);
        expect(edge.cdktfShortcuts()).toBe(true);
      });
    } finally {
      if (saved === undefined) delete process.env[SHORTCUTS_ENV];
      else process.env[SHORTCUTS_ENV] = saved;
    }
  });

  it('is passed on to synth workers', () => {
    expect(shortcutsEnv()).toEqual({ [SHORTCUTS_ENV]: 'on' });
    setCdktfShortcuts(false);
    expect(cdktfShortcuts()).toBe(false);
    expect(shortcutsEnv()).toEqual({ [SHORTCUTS_ENV]: 'off' });
  });
});

describe('token stack traces', () => {
  it('are recorded before synth starts, and by every token once the switch is off', () => {
    for (const trace of tokenTraces()) expect(trace.length).toBeGreaterThan(0);
    setCdktfShortcuts(false);
    prepareSynth();
    for (const trace of tokenTraces()) expect(trace.join('\n')).toContain('cdktf-edge.test');
  });

  it('are not recorded once synth starts with the switch on', () => {
    setCdktfShortcuts(true);
    prepareSynth();
    expect(tokenTraces()).toEqual([[], []]);
  });

  it('come back as soon as the switch is turned off', () => {
    prepareSynth();
    setCdktfShortcuts(false);
    for (const trace of tokenTraces()) expect(trace.length).toBeGreaterThan(0);
  });
});

describe('toTerraform', () => {
  const slices = planStacks(model);
  const build = (i: number): ClusterStack => {
    const slice = slices[i];
    return slice.kind === 'platform' ? new PlatformStack(newApp(), slice) : new DepartmentStack(newApp(), slice);
  };
  const county = slices.findIndex((s) => s.kind === 'department');

  it('with the switch on, goes through the one-pass shortcut, which hands cdktf resolve only what may hold a token', () => {
    resetCdktfEdgeCounts();
    const ours = stableStringify(build(county).toTerraform());
    const counts = cdktfEdgeCounts();
    expect(counts.shortcutStacks).toBe(1);
    expect(counts.resolvedValues).toBeGreaterThan(0);
    // most values are plain: that is what fast resolve saves
    expect(counts.plainValues).toBeGreaterThan(5 * counts.resolvedValues);
    const stack = build(county);
    expect(ours).toBe(stableStringify(TerraformStack.prototype.toTerraform.call(stack)));
  });

  it('with the switch off, is the plain TerraformStack.toTerraform and no shortcut runs', () => {
    setCdktfShortcuts(false);
    resetCdktfEdgeCounts();
    const stack = build(0);
    const plain = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    try {
      stack.toTerraform();
      expect(plain).toHaveBeenCalledTimes(1);
    } finally {
      plain.mockRestore();
    }
    expect(cdktfEdgeCounts()).toEqual({ releasedTokens: 0, shortcutStacks: 0, plainValues: 0, resolvedValues: 0 });
  });

  it('resolves tokens in stack-level overrides, and removes what an override sets to undefined, as cdktf does', () => {
    const custom = () => {
      const stack = build(county);
      stack.addOverride('output.edge_check', { value: Lazy.stringValue({ produce: () => `cluster ${stack.clusterName}` }) });
      stack.addOverride('terraform.required_providers.helm', undefined);
      return stack;
    };
    const ours = custom().toTerraform() as { output: Record<string, { value: string }>; terraform: { required_providers: Record<string, unknown> } };
    expect(ours.output.edge_check.value).toBe(`cluster ${slices[county].cluster.name}`);
    expect(Object.keys(ours.terraform.required_providers)).toEqual(['kubernetes']);
    expect(stableStringify(ours)).toBe(stableStringify(TerraformStack.prototype.toTerraform.call(custom())));
  });

  it("runs cdktf's own validations with the switch off only (on, they are the tests' job)", () => {
    const orphan = () => {
      const stack = new TerraformStack(newApp(), 'orphan');
      new NamespaceV1(stack, 'ns', { metadata: { name: 'no-provider' } });
      return stack;
    };
    expect(() => stackToTerraform(orphan(), () => ({}))).not.toThrow();
    setCdktfShortcuts(false);
    expect(() => stackToTerraform(orphan(), () => ({}))).toThrow(/without a matching provider construct.*kubernetes/);
  });
});

describe('cdktf internals that have moved', () => {
  const real = jest.requireActual<{ captureStackTrace: () => string[] }>('cdktf/lib/tokens/private/stack-trace');
  /** Loads cdktf and the edge module afresh, with cdktf's stack-trace module replaced (cdktf itself uses it too). */
  const withStackTraceModule = (stand: object, run: (edge: typeof import('../../stacks/cdktf-edge')) => void) =>
    jest.isolateModules(() => {
      jest.doMock('cdktf/lib/tokens/private/stack-trace', () => stand);
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        run(require('../../stacks/cdktf-edge') as typeof import('../../stacks/cdktf-edge'));
      } finally {
        jest.dontMock('cdktf/lib/tokens/private/stack-trace');
      }
    });

  it('fail loudly when on, in both languages, naming the switch that runs without them', () => {
    // exports that cannot be written (ES modules, frozen objects)
    withStackTraceModule(Object.freeze({ captureStackTrace: real.captureStackTrace }), (edge) => {
      edge.setCdktfShortcuts(true);
      expect(() => edge.prepareSynth()).toThrow(
        /cdktf internals changed: tokens\/private\/stack-trace.captureStackTrace is read-only; set GOVCLOUD_CDKTF_SHORTCUTS=off/,
      );
    });
    // a write that is accepted but not seen by cdktf's tokens (a copy bound at load time)
    const ignoresWrites = new Proxy({ captureStackTrace: real.captureStackTrace }, { set: () => true });
    withStackTraceModule(ignoresWrites, (edge) => {
      expect(() => edge.prepareSynth()).toThrow(/tokens still record a stack trace after captureStackTrace was replaced.*cdktf 内部实现已变/);
    });
  });

  it('are left alone when off', () => {
    const writes: string[] = [];
    const watched = new Proxy({ captureStackTrace: real.captureStackTrace }, { set: (_t, key) => (writes.push(String(key)), true) });
    withStackTraceModule(watched, (edge) => {
      edge.setCdktfShortcuts(false);
      edge.prepareSynth();
      expect(writes).toEqual([]);
      edge.setCdktfShortcuts(true);
      expect(() => edge.prepareSynth()).toThrow(/still record a stack trace/);
      expect(writes).toEqual(['captureStackTrace', 'captureStackTrace']);
    });
  });
});

describe('cdktfVersion', () => {
  it('is the version cdktf writes into every stack', () => {
    const json = new ClusterStack(newApp(), 'v', { cluster: model.clusters[0], state: model.state }).toTerraform() as {
      '//': { metadata: { version: string } };
    };
    expect(cdktfVersion()).toBe(json['//'].metadata.version);
    expect(cdktfVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('token release', () => {
  /** Entries in cdktf's process-wide token map. */
  const mapSize = (): number => {
    const m = (globalThis as unknown as { __cdktfTokenMap?: { stringTokenMap: Map<unknown, unknown>; numberTokenMap: Map<unknown, unknown> } }).__cdktfTokenMap;
    return (m?.stringTokenMap.size ?? 0) + (m?.numberTokenMap.size ?? 0);
  };

  it('with the switch on, leaves the token map as it was before the stacks were built, and the output the same', () => {
    setCdktfShortcuts(true);
    synthInMemory(model); // the first stacks may register what lives on (none does today)
    resetCdktfEdgeCounts();
    const before = mapSize();
    const on = synthInMemory(model);
    expect(mapSize()).toBe(before);
    expect(cdktfEdgeCounts().releasedTokens).toBeGreaterThan(50);
    setCdktfShortcuts(false);
    try {
      const grown = mapSize();
      const off = synthInMemory(model);
      // without the shortcut every stack's tokens stay, holding on to its constructs
      expect(mapSize()).toBeGreaterThan(grown + 50);
      expect(on.map((s) => stableStringify(s.json))).toEqual(off.map((s) => stableStringify(s.json)));
    } finally {
      setCdktfShortcuts(true);
    }
  });
});
