/** The repository root, for the stacks layer (config/repo-root.ts holds it, so that validation can read charts/ too). */
export { defaultRepoRoot } from '../config/repo-root';
