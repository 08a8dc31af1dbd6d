/**
 * `check --from OUT --tenant T` reads only the stacks T's rules look at (its own, its flow peers',
 * the platform stacks and any folder with a hand-written file), and judges T exactly as a check of
 * the whole output does: for every tenant of both example cities, the tenant's JSON report is the
 * same byte for byte, with fewer stacks read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { synthInMemory } from '../../stacks/in-memory';
import { writeClusterFiles } from '../../stacks/cluster-files';
import { clusterFiles } from '../../config/cluster-config';
import { CityModel } from '../../config/model';
import { judge, stacksReadFor } from '../../workflow/check';
import { handWrittenFiles } from '../../policies/synth-output';
import { renderReport } from '../../policies/report';
import { RULES } from '../../policies/registry';
import { CheckReport } from '../../policies/engine';
import { EXAMPLE_CITY, REPO, tmpDir } from '../helpers/env';
import { departmentStackName } from '../../stacks/slices';

const TODAY = '2026-11-23';
const VIOLATIONS = path.join(REPO, 'environments', 'example-city-violations');

/** A synth output as synth writes it, hand-written files included, without synth's refusal of the violations city's isolation breaches. */
function writeOutput(model: CityModel, env: string, out: string): void {
  for (const s of synthInMemory(model)) {
    const dir = path.join(out, s.network, 'stacks', s.name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(s.json));
    const hand = path.join(env, 'overrides', s.name);
    if (fs.existsSync(hand)) for (const f of fs.readdirSync(hand)) fs.copyFileSync(path.join(hand, f), path.join(dir, f));
  }
  writeClusterFiles(out, clusterFiles(model));
}

const tenantJson = (r: CheckReport, name: string) =>
  renderReport({ ...r, tenants: r.tenants.filter((t) => t.tenant.name === name), platform: [] }, 'json', 'en');

// the violations city's hand-written files name most of its tenants' namespaces, so a check of one may read every stack
describe.each([
  ['example city', EXAMPLE_CITY, true],
  ['violations city', VIOLATIONS, false],
])('check of some tenants of the %s', (_, env, fewer) => {
  const result = validateEnvironment(env, { rules: RULES, today: TODAY });
  if (!result.model) throw new Error(`${env} is invalid`);
  const model = result.model;
  const out = path.join(tmpDir('check-tenants'), 'out');
  writeOutput(model, env, out);
  const full = judge({ model, env, from: out, today: TODAY });

  it.each(model.tenants.map((t) => [t.name]))('%s: the same report as the whole check, from the stacks it needs', (name) => {
    const some = judge({ model, env, from: out, tenants: [name], today: TODAY });
    if (!full.report || !some.report) throw new Error('no report');
    expect(tenantJson(some.report, name)).toBe(tenantJson(full.report, name));
    expect(some.report.tenants.map((t) => t.tenant.name)).toEqual([name]);
    if (fewer) expect(some.stacks?.length).toBeLessThan(full.stacks?.length ?? 0);
    else expect(some.stacks?.length).toBeLessThanOrEqual(full.stacks?.length ?? 0);
    // every stack the tenant's rules asked for was read (all of them exist in a fresh synth)
    const read = new Set(some.stacks?.map((s) => s.name));
    for (const s of stacksReadFor(model, [name], handWrittenFiles(out))) expect(read.has(s)).toBe(true);
  });

  it('reads a stack with a hand-written file even when no chosen tenant lives in it', () => {
    const overrides = path.join(env, 'overrides');
    const handWritten = fs.existsSync(overrides) ? fs.readdirSync(overrides).filter((d) => fs.statSync(path.join(overrides, d)).isDirectory()) : [];
    const name = model.tenants[0].name;
    const some = judge({ model, env, from: out, tenants: [name], today: TODAY });
    const read = new Set(some.stacks?.map((s) => s.name));
    for (const d of handWritten) expect(read.has(d)).toBe(true);
  });
});

describe('a hand-written file naming another tenant', () => {
  it("reads the named tenant's stacks, so the verdict on a policy admitting that tenant's namespace is the whole check's", () => {
    const result = validateEnvironment(EXAMPLE_CITY, { rules: RULES, today: TODAY });
    if (!result.model) throw new Error('example city invalid');
    const model = result.model;
    // a tenant, and one on the same cluster of another department and zone it has no flow with
    const pairs = model.tenants.flatMap((a) =>
      model.tenants
        .filter(
          (b) =>
            b.cluster === a.cluster &&
            b.department !== a.department &&
            b.zone !== a.zone &&
            !a.flows.some((f) => f.kind === 'tenant' && f.tenant === b.name) &&
            !a.inbound.some((f) => f.tenant === b.name),
        )
        .map((b) => [a, b] as const),
    );
    expect(pairs.length).toBeGreaterThan(0);
    const [a, b] = pairs[0];
    const out = path.join(tmpDir('check-tenants-named'), 'out');
    writeOutput(model, EXAMPLE_CITY, out);
    const stack = departmentStackName(a.county, a.department, a.cluster);
    const ns = `${a.name}-${a.environments[0]}`;
    const from = `${b.name}-${b.environments[0]}`;
    const policy = {
      resource: {
        kubernetes_network_policy_v1: {
          hand_admit: {
            metadata: [{ name: 'admit-by-name', namespace: ns }],
            spec: [
              {
                pod_selector: [{}],
                policy_types: ['Ingress'],
                ingress: [{ from: [{ namespace_selector: [{ match_labels: { 'kubernetes.io/metadata.name': from } }] }] }],
              },
            ],
          },
        },
      },
    };
    fs.writeFileSync(path.join(out, a.network, 'stacks', stack, 'hand-admit.tf.json'), JSON.stringify(policy));
    const full = judge({ model, env: EXAMPLE_CITY, from: out, today: TODAY });
    const some = judge({ model, env: EXAMPLE_CITY, from: out, tenants: [a.name], today: TODAY });
    if (!full.report || !some.report) throw new Error('no report');
    expect(new Set(some.stacks?.map((s) => s.name))).toContain(departmentStackName(b.county, b.department, b.cluster));
    expect(tenantJson(some.report, a.name)).toBe(tenantJson(full.report, a.name));
    // the admitted namespace's zone is what the verdict turns on
    expect(tenantJson(full.report, a.name)).toContain(from);
  });
});
