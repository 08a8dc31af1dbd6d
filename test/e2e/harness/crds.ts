/**
 * Velero's CustomResourceDefinitions on an e2e API server: read from the folder scripts/e2e/parts.sh
 * filled from Velero's own Go module, created through apiextensions.k8s.io/v1, and waited for until
 * Established, so that a stack's kubernetes_manifest of a Velero kind can be planned.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { Kube } from './kube';
import { waitFor } from './procs';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

interface Crd {
  readonly kind: string;
  readonly metadata: { readonly name: string };
}

/** The CRDs of a folder of YAML files (one or more documents each), sorted by file name. */
export function readCrds(dir: string): Crd[] {
  if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: run bash scripts/e2e/parts.sh velero`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const crds = files.flatMap((f) => yaml.loadAll(fs.readFileSync(path.join(dir, f), 'utf8')) as Crd[]).filter((d) => d?.kind === 'CustomResourceDefinition');
  if (crds.length === 0) throw new Error(`${dir} holds no CustomResourceDefinition: run bash scripts/e2e/parts.sh velero`);
  return crds;
}

/** Creates each CRD (an existing one is left as it is) and waits until every one is Established. */
export async function installCrds(kube: Kube, crds: readonly Crd[]): Promise<void> {
  for (const crd of crds) {
    const r = await kube.request('POST', CRDS, crd);
    if (r.status !== 201 && r.status !== 409) {
      throw new Error(`${kube.cluster}: creating CRD ${crd.metadata.name} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
  }
  for (const crd of crds) {
    await waitFor(
      `CRD ${crd.metadata.name} on ${kube.cluster}`,
      async () => {
        const r = await kube.get(`${CRDS}/${crd.metadata.name}`);
        const conditions: { type: string; status: string }[] = r.body?.status?.conditions ?? [];
        return conditions.some((c) => c.type === 'Established' && c.status === 'True');
      },
      60_000,
    );
  }
}
