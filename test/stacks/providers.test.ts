/** One place pins the provider releases: every stack requires them, and the parts script builds them. */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { PROVIDER_PINS } from '../../stacks/providers';
import { ClusterStack } from '../../stacks/cluster-stack';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { caseEnv, REPO } from '../helpers/env';

describe('provider pins', () => {
  it('are the releases the project builds and tests: kubernetes 3.2.1, helm 3.2.0', () => {
    expect(PROVIDER_PINS).toEqual({ kubernetes: { source: 'hashicorp/kubernetes', version: '3.2.1' }, helm: { source: 'hashicorp/helm', version: '3.2.0' } });
  });

  it('are what every stack requires, whatever version the prebuilt bindings were generated for', () => {
    const model = validateEnvironment(caseEnv(undefined)).model as CityModel;
    const stack = new ClusterStack(new App({ skipValidation: true }), 'any', { cluster: model.clusters[0], state: model.state });
    const json = stack.toTerraform() as { terraform: { required_providers: unknown } };
    expect(json.terraform.required_providers).toEqual(PROVIDER_PINS);
  });

  it('are the versions scripts/e2e/parts.sh builds and lays into the mirror', () => {
    const script = fs.readFileSync(path.join(REPO, 'scripts', 'e2e', 'parts.sh'), 'utf8');
    expect(/^K8S_PROVIDER_VERSION=(\S+)$/m.exec(script)?.[1]).toBe(PROVIDER_PINS.kubernetes.version);
    expect(/^HELM_PROVIDER_VERSION=(\S+)$/m.exec(script)?.[1]).toBe(PROVIDER_PINS.helm.version);
    expect(script).not.toMatch(/SUBSTITUTE/i);
  });
});

describe('Velero of the e2e suite', () => {
  const script = () => fs.readFileSync(path.join(REPO, 'scripts', 'e2e', 'parts.sh'), 'utf8');
  const tagOf = (ref: string) => /:(v[\d.]+)(@|$)/.exec(ref)?.[1];

  it.each(['example-city', 'example-city-violations'])(
    'is built at the versions %s pins (server and AWS plugin), so the lab runs the images the city names and its CRDs',
    (city) => {
      const model = validateEnvironment(path.join(REPO, 'environments', city)).model as CityModel;
      expect(tagOf(model.images.velero)).toBeDefined();
      expect(/^VELERO_VERSION=(\S+)$/m.exec(script())?.[1]).toBe(tagOf(model.images.velero));
      expect(/^VELERO_AWS_PLUGIN_VERSION=(\S+)$/m.exec(script())?.[1]).toBe(tagOf(model.images.veleroPluginForAws));
    },
  );
});
