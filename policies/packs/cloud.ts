/** Cloud-computing extension (云计算安全扩展要求) rules, judged inside the level packs. */
export const CLOUD: readonly string[] = ['MLPS-PLACE-002'];
