/**
 * What must never travel in an evidence package: the credentials of whoever ran synth, plan or
 * apply. The package is built from a list of what it holds (reports, request files, Terraform JSON,
 * charts, cluster configuration), so kubeconfigs, Terraform state, plans and provider folders are
 * never picked up; this is the second guard, on the content of every file about to be written.
 * A plaintext password a rule flagged in a request stays: it is the evidence of that finding.
 */
import { JWT } from '../config/credentials';

/** File names that hold credentials or engine state, wherever they are. */
const FORBIDDEN_NAME = /(^|\/)(\.terraform(\/|$)|[^/]*\.tfstate(\.backup)?$|tfplan$|[^/]*kubeconfig[^/]*$|\.kube\/|[^/]*\.(pem|key)$)/i;

const SHAPES: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'kubeconfig', re: /^\s*kind:\s*["']?Config["']?\s*$[\s\S]*^\s*users:/m },
  { what: 'kubeconfig client key', re: /client-key-data\s*[:=]/ },
  { what: 'private key', re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
  { what: 'bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/-]{20,}/ },
  { what: 'JSON Web Token', re: JWT },
];

/** Why a file may not go into the package, or undefined. `rel`: its path in the package. */
export function secretIn(rel: string, text: string): string | undefined {
  if (FORBIDDEN_NAME.test(rel)) return 'a file of credentials or engine state';
  return SHAPES.find((s) => s.re.test(text))?.what;
}
