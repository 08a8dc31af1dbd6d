/** What a credential written in plain text looks like in synthesized Terraform JSON. */
import { CREDENTIAL_VALUE } from '../../../config/credentials';
import { CREDENTIAL_NAME, credentialsInJson, isLiteral } from '../../../config/credential-json';
import { fieldPath } from '../../../config/source';

/** The patterns (config/credentials.ts, shared with validation, the override screen and the evidence package). */
export { CREDENTIAL_VALUE, CREDENTIAL_NAME, isLiteral };

export interface Hit {
  readonly path: string;
  readonly what: string;
}

/** Credential-like strings and literals under a credential's name in a resource body (the cdktf `//` metadata excluded). */
export function credentialHits(body: unknown): Hit[] {
  return credentialsInJson(body).map((h) => ({ path: fieldPath(h.path), what: h.what }));
}
