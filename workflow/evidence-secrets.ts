/**
 * What must never travel in an evidence package: a credential, whoever wrote it. The package is
 * built from a list of what it holds (reports, request files, hand-written and synthesized Terraform
 * JSON, charts, cluster configuration), so kubeconfigs, Terraform state, plans and provider folders
 * are never picked up; this is the second guard, on the content of every file about to be written:
 * the shapes of config/credentials.ts on every line, a kubeconfig, and in a JSON file every string
 * and every literal under a credential's name (`"password": "…"`). A hand-written file that a rule
 * flags for a plaintext password is refused too: the finding is in the reports, the password is not.
 */
import { CREDENTIAL_HINT, credentialInText } from '../config/credentials';
import { credentialsInJson, offsetOf } from '../config/credential-json';

/** File names that hold credentials or engine state, wherever they are. */
const FORBIDDEN_NAME = /(^|\/)(\.terraform(\/|$)|[^/]*\.tfstate(\.backup)?$|tfplan$|[^/]*kubeconfig[^/]*$|\.kube\/|[^/]*\.(pem|key)$)/i;

const KUBECONFIG: readonly { readonly what: string; readonly re: RegExp }[] = [
  { what: 'kubeconfig', re: /^\s*kind:\s*["']?Config["']?\s*$[\s\S]*^\s*users:/m },
  { what: 'kubeconfig client key', re: /client-key-data\s*[:=]/ },
];

export interface SecretFound {
  /** What it looks like: a kind of config/credentials.ts, `literal <key>`, a kubeconfig, or a forbidden file. */
  readonly what: string;
  /** Line in the file (1-based); 1 for a file refused by its name. */
  readonly line: number;
}

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** Why a file may not go into the package, with the line, or undefined. `rel`: its path in the package. */
export function secretIn(rel: string, text: string): SecretFound | undefined {
  if (FORBIDDEN_NAME.test(rel)) return { what: 'file of credentials or engine state', line: 1 };
  for (const k of KUBECONFIG) {
    const m = k.re.exec(text);
    if (m) return { what: k.what, line: lineAt(text, m.index) };
  }
  if (CREDENTIAL_HINT.test(text)) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const what = credentialInText(lines[i]);
      if (what !== undefined) return { what, line: i + 1 };
    }
  }
  if (rel.endsWith('.json')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      return undefined;
    }
    const hit = credentialsInJson(doc)[0];
    if (hit) return { what: hit.what, line: lineAt(text, offsetOf(text, hit)) };
  }
  return undefined;
}
