/**
 * Clause numbers of GB/T 22239-2019 per level. The chapter is the level + 5 (6 = level 1 … 9 =
 * level 4) and the rest of the number follows the level-3 layout; the catalog notes where levels
 * 1–2 shift (backup and recovery), and those are given explicitly. Numbers derived by substitution
 * are marked as such in the rule documentation: verify them against the official text.
 */
import { MlpsLevel } from '../config/model';

export type ClauseMap = Readonly<Partial<Record<MlpsLevel, readonly string[]>>>;

/**
 * Level 1 has no host audit (安全审计) in the computing environment, so the control points after it
 * move up by one (catalog: level-1 backup and recovery is 6.1.4.7). Other levels follow the
 * level-3 layout (level 2 backup numbering is marked "verify" in the catalog).
 */
const LEVEL1_SHIFT: Readonly<Record<string, string>> = {
  '8.1.4.4': '6.1.4.3',
  '8.1.4.5': '6.1.4.4',
  '8.1.4.6': '6.1.4.5',
  '8.1.4.7': '6.1.4.6',
  '8.1.4.9': '6.1.4.7',
};

/** The number of a level-3 control point at another level: `8.1.3.2` at level 2 → `7.1.3.2`. */
export function numberAt(level3ControlPoint: string, level: MlpsLevel): string {
  if (level === 1 && LEVEL1_SHIFT[level3ControlPoint]) return LEVEL1_SHIFT[level3ControlPoint];
  return `${level + 5}${level3ControlPoint.slice(1)}`;
}

/** `at([2, 3, 4], '8.1.3.2 a)')` → { 2: ['7.1.3.2 a)'], 3: ['8.1.3.2 a)'], 4: ['9.1.3.2 a)'] }. */
export function at(levels: readonly MlpsLevel[], ...level3Clauses: string[]): ClauseMap {
  const out: Partial<Record<MlpsLevel, string[]>> = {};
  for (const l of levels) {
    out[l] = level3Clauses.map((c) => {
      const [point, ...item] = c.split(' ');
      return [numberAt(point, l), ...item].join(' ');
    });
  }
  return out;
}

/** Merges clause maps (a rule citing several control points). */
export function merge(...maps: ClauseMap[]): ClauseMap {
  const out: Partial<Record<MlpsLevel, string[]>> = {};
  for (const m of maps) {
    for (const l of [1, 2, 3, 4] as const) {
      const v = m[l];
      if (v) out[l] = [...(out[l] ?? []), ...v];
    }
  }
  return out;
}

/** The control point of a cited item: `8.1.3.2 a)` → `8.1.3.2`. */
export function controlPoint(clause: string): string {
  return clause.split(' ')[0];
}
