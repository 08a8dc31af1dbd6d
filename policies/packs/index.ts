/** The packs: explicit lists of rule ids per level and for the cloud extension. */
import { MlpsLevel } from '../../config/model';
import { RULES } from '../registry';
import { Rule } from '../types';
import { LEVEL_1 } from './level-1';
import { LEVEL_2 } from './level-2';
import { LEVEL_3 } from './level-3';
import { LEVEL_4 } from './level-4';
import { CLOUD } from './cloud';

export const PACKS: Readonly<Record<MlpsLevel, readonly string[]>> = { 1: LEVEL_1, 2: LEVEL_2, 3: LEVEL_3, 4: LEVEL_4 };
export const CLOUD_PACK: readonly string[] = CLOUD;

/** The rules of a level's pack, in pack order; a tenant on the cloud is judged on its level's pack (cloud rules included). */
export function packFor(level: MlpsLevel): Rule[] {
  return PACKS[level].map((id) => {
    const r = RULES.find((x) => x.id === id);
    if (!r) throw new Error(`pack of level ${level} names unknown rule ${id}`);
    return r;
  });
}
