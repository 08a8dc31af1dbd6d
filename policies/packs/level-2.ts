/** Level 2 (等保第�级) pack: every rule judged at level 2. */
export const LEVEL_2: readonly string[] = ['MLPS-NET-001', 'MLPS-PLACE-002'];
