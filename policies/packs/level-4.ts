/** Level 4 (等保第�级) pack: every rule judged at level 4. */
export const LEVEL_4: readonly string[] = ['MLPS-NET-001', 'MLPS-PLACE-002'];
