/**
 * A stack the model no longer plans, after Terraform has worked in its folder, is not deleted with its
 * state: it is synthesized empty (providers and backend, no resources), so the next plan destroys
 * what it deployed. Folders nobody initialized go, as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { leftoverStacks, synthesize, synthesizeRetired } from '../../stacks/synth';
import { PROVIDER_PINS } from '../../stacks/providers';
import { caseEnv, REPO, tmpDir } from '../helpers/env';

const fixture = validateEnvironment(caseEnv(undefined)).model as CityModel;
const kept = new Set(fixture.tenants.filter((t) => t.county !== 'north').map((t) => t.name));
const withoutNorth: CityModel = {
  ...fixture,
  tenants: fixture.tenants
    .filter((t) => kept.has(t.name))
    .map((t) => ({ ...t, flows: t.flows.filter((f) => f.kind !== 'tenant' || kept.has(f.tenant)), inbound: t.inbound.filter((i) => kept.has(i.tenant)) })),
};

describe('retired stacks', () => {
  const out = path.join(tmpDir('retired'), 'out');
  synthesize(fixture, { outDir: out, repoRoot: REPO });
  const dir = (stack: string) => path.join(out, 'extranet', 'stacks', stack);
  // terraform ran in one of north's stacks (it has state to destroy), not in the other
  fs.mkdirSync(path.join(dir('dept-north-civil-affairs-ext-main'), '.terraform'));
  fs.writeFileSync(path.join(dir('dept-north-civil-affairs-ext-main'), 'hand-added.tf.json'), '{"resource":{}}');

  it('finds the initialized folders the model no longer plans', () => {
    expect(fs.existsSync(dir('dept-north-service-center-ext-far'))).toBe(true);
    expect(leftoverStacks(withoutNorth, out)).toEqual(['dept-north-civil-affairs-ext-main']);
  });

  it('keeps them through a full synth and writes them empty, with providers and backend', () => {
    synthesize(withoutNorth, { outDir: out, repoRoot: REPO });
    expect(fs.existsSync(dir('dept-north-service-center-ext-far'))).toBe(false);
    expect(fs.existsSync(path.join(dir('dept-north-civil-affairs-ext-main'), '.terraform'))).toBe(true);
    const { retired, unknown } = synthesizeRetired(withoutNorth, ['dept-north-civil-affairs-ext-main', 'dept-nowhere-civil-affairs-ext-main'], { outDir: out });
    expect(retired.map((r) => [r.name, r.network, r.cluster.name])).toEqual([['dept-north-civil-affairs-ext-main', 'extranet', 'ext-main']]);
    expect(unknown).toEqual(['dept-nowhere-civil-affairs-ext-main']);
    const json = JSON.parse(fs.readFileSync(path.join(dir('dept-north-civil-affairs-ext-main'), 'cdk.tf.json'), 'utf8'));
    expect(json.resource).toBeUndefined();
    expect(json.terraform.required_providers).toEqual(PROVIDER_PINS);
    expect(Object.keys(json.terraform.backend)).toEqual(['local']);
    expect(json.variable.kube_context.default).toBe('ext-main');
    // nothing of the old synth is loaded with it: hand-added Terraform would keep resources alive
    expect(fs.readdirSync(dir('dept-north-civil-affairs-ext-main')).filter((f) => f.endsWith('.tf.json'))).toEqual(['cdk.tf.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'extranet', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks)).toContain('dept-north-civil-affairs-ext-main');
  });

  it('is not a stack the model still plans', () => {
    expect(synthesizeRetired(fixture, ['dept-north-civil-affairs-ext-main'], { outDir: out }).retired).toEqual([]);
  });
});
