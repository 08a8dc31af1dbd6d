/**
 * The provider releases every synthesized stack requires: the ones the project builds from their
 * Go modules and tests on real API servers (scripts/e2e/parts.sh builds exactly these). The
 * prebuilt bindings (@cdktf/provider-kubernetes 12.1.1, @cdktf/provider-helm 12.1.2) stay the typed
 * builders; the e2e schema test keeps what they write valid for these releases.
 */
import { TerraformStack } from 'cdktf';

export const PROVIDER_PINS = {
  kubernetes: { source: 'hashicorp/kubernetes', version: '3.2.1' },
  helm: { source: 'hashicorp/helm', version: '3.2.0' },
} as const;

/** Sets `terraform.required_providers` of a stack to the pinned releases (a stack-level override, the cdktf API for it). */
export function pinProviders(stack: TerraformStack): void {
  for (const [name, pin] of Object.entries(PROVIDER_PINS)) {
    stack.addOverride(`terraform.required_providers.${name}`, { source: pin.source, version: pin.version });
  }
}
