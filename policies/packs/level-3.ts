/** Level 3 (等保第�级) pack: every rule judged at level 3. */
export const LEVEL_3: readonly string[] = ['MLPS-NET-001', 'MLPS-PLACE-002'];
