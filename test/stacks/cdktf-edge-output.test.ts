/**
 * The cdktf shortcuts change synth time, never output: every file synth writes is byte for byte the
 * same with the switch on and off, through the real synth path, for the example city, the
 * violations city, a city with PostgreSQL state and a city with hand-written overrides (plus
 * stack-level overrides with a token and a deletion, the shortcut's most delicate part).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Lazy } from 'cdktf';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { synthesize, SynthError, SynthOptions } from '../../stacks/synth';
import { setCdktfShortcuts } from '../../stacks/cdktf-edge';
import { ClusterStack } from '../../stacks/cluster-stack';
import { EXAMPLE_CITY, readTree, REPO, tmpDir } from '../helpers/env';

const VIOLATIONS_CITY = path.join(REPO, 'environments', 'example-city-violations');

function modelOf(dir: string): CityModel {
  const r = validateEnvironment(dir);
  if (!r.model) throw new Error(`${dir} must validate: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.model;
}

/** Synthesizes with the switch on, then off, into fresh folders; gives both trees. */
function bothWays(model: CityModel, opts: Omit<SynthOptions, 'outDir'>): { on: Map<string, Buffer>; off: Map<string, Buffer> } {
  const trees = [true, false].map((on) => {
    setCdktfShortcuts(on);
    const out = path.join(tmpDir(`edge-${on ? 'on' : 'off'}`), 'out');
    synthesize(model, { ...opts, outDir: out, repoRoot: REPO });
    return readTree(out);
  });
  return { on: trees[0], off: trees[1] };
}

function expectSameBytes(trees: { on: Map<string, Buffer>; off: Map<string, Buffer> }): void {
  expect([...trees.off.keys()].sort()).toEqual([...trees.on.keys()].sort());
  const differing = [...trees.on].filter(([file, bytes]) => !bytes.equals(trees.off.get(file) ?? Buffer.alloc(0))).map(([file]) => file);
  expect(differing).toEqual([]);
}

/** A copy of a city, changed by `edit` (paths relative to the copy). */
function cityCopy(from: string, edit: (dir: string) => void): string {
  const dir = path.join(tmpDir('edge-city'), path.basename(from));
  fs.cpSync(from, dir, { recursive: true });
  edit(dir);
  return dir;
}

afterAll(() => setCdktfShortcuts(true));

describe('synth output with the cdktf shortcuts on and off', () => {
  it('is the same for the example city', () => {
    const trees = bothWays(modelOf(EXAMPLE_CITY), { handAdded: path.join(EXAMPLE_CITY, 'overrides') });
    expect(trees.on.size).toBeGreaterThan(20);
    expectSameBytes(trees);
  });

  it('is the same for the violations city, and its isolation refusal too', () => {
    const model = modelOf(VIOLATIONS_CITY);
    expectSameBytes(bothWays(model, {}));
    const refusals = [true, false].map((on) => {
      setCdktfShortcuts(on);
      try {
        synthesize(model, { outDir: path.join(tmpDir('edge-refused'), 'out'), repoRoot: REPO, handAdded: path.join(VIOLATIONS_CITY, 'overrides') });
      } catch (e) {
        if (e instanceof SynthError) return e.details.violations;
        throw e;
      }
      return 'not refused';
    });
    expect(refusals[0]).toHaveLength(1);
    expect(refusals[1]).toEqual(refusals[0]);
  });

  it('is the same for a city with PostgreSQL state', () => {
    const dir = cityCopy(EXAMPLE_CITY, (d) => {
      const file = path.join(d, 'platform.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const pg = text.replace(/state: \{ backend: local, /, 'state: { backend: pg, ');
      if (pg === text) throw new Error('example city: state line not found');
      fs.writeFileSync(file, pg);
    });
    const trees = bothWays(modelOf(dir), {});
    const platform = [...trees.on.keys()].find((f) => f.endsWith(path.join('platform-ext-primary', 'cdk.tf.json'))) ?? 'none';
    expect(JSON.parse(trees.on.get(platform)?.toString('utf8') ?? '{}').terraform.backend).toEqual({ pg: { schema_name: 'govcloud_platform_ext_primary' } });
    expectSameBytes(trees);
  });

  it('is the same for a city with hand-written overrides and stack-level overrides', () => {
    // the violations city's overrides, less the one that crosses the isolation
    const dir = cityCopy(VIOLATIONS_CITY, (d) => fs.rmSync(path.join(d, 'overrides', 'dept-south-public-security-int-main', 'to-internet.tf.json')));
    const customize = (stack: ClusterStack) => {
      stack.addOverride('locals.edge_cluster', Lazy.stringValue({ produce: () => `cluster ${stack.clusterName}` }));
      stack.addOverride('terraform.required_providers.helm', undefined);
    };
    const trees = bothWays(modelOf(dir), { handAdded: path.join(dir, 'overrides'), customize });
    const handWritten = [...trees.on.keys()].filter((f) => f.endsWith('.tf.json') && path.basename(f) !== 'cdk.tf.json');
    expect(handWritten).toHaveLength(19);
    const county = [...trees.on.keys()].find((f) => f.endsWith(path.join('dept-north-civil-affairs-ext-main', 'cdk.tf.json'))) ?? 'none';
    const json = JSON.parse(trees.on.get(county)?.toString('utf8') ?? '{}') as {
      locals: Record<string, string>;
      terraform: { required_providers: Record<string, unknown> };
    };
    expect(json.locals.edge_cluster).toBe('cluster ext-main');
    expect(Object.keys(json.terraform.required_providers)).toEqual(['kubernetes']);
    expectSameBytes(trees);
  });
});
