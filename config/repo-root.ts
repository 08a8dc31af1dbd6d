/** The repository root (where charts/ and schema/ live), from where this code runs. No cdktf here. */
import * as path from 'path';

export function defaultRepoRoot(): string {
  // compiled: dist/config/repo-root.js; under ts-jest: config/repo-root.ts
  const up = path.resolve(__dirname, '..');
  return path.basename(up) === 'dist' ? path.resolve(up, '..') : up;
}
