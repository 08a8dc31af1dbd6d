/** Level 1 (等保第�级) pack: every rule judged at level 1. */
export const LEVEL_1: readonly string[] = ['MLPS-NET-001', 'MLPS-PLACE-002'];
