/** Label and annotation keys every govcloud object carries, and the Pod Security level per MLPS level. */

// the keys are shared with the policies that read them back: defined once, in config/vocabulary.ts
export { ANNOTATION, DOMESTIC, DOMESTIC_PLACEMENT_POLICY, LABEL, MANAGED_BY } from '../../config/vocabulary';
export type { NodeLabel } from '../../config/vocabulary';
import type { MlpsLevel } from '../../config/vocabulary';

export type ZoneLabel = 'public-service' | 'administrative' | 'exchange' | 'intranet';
export type Level = MlpsLevel;
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/**
 * Pod Security admission per MLPS level: level 1 enforces baseline; level 2 enforces baseline and
 * warns/audits restricted; levels 3 and 4 enforce restricted.
 */
export function podSecurityLabels(level: Level): Record<string, string> {
  const enforce: PodSecurityLevel = level >= 3 ? 'restricted' : 'baseline';
  const warn: PodSecurityLevel = level >= 2 ? 'restricted' : 'baseline';
  return {
    'pod-security.kubernetes.io/enforce': enforce,
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': warn,
    'pod-security.kubernetes.io/audit': warn,
  };
}
