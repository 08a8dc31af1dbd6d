/** Cloud-computing extension (云计算安全扩展要求) rules; they are judged inside the level packs. */
export const CLOUD: readonly string[] = [
  'MLPS-NET-004',
  'MLPS-NET-007',
  'MLPS-NET-009',
  'MLPS-HOST-007',
  'MLPS-HOST-008',
  'MLPS-DATA-005',
  'MLPS-PLACE-001',
  'MLPS-PLACE-002',
  'MLPS-PLACE-003',
  'MLPS-PLACE-004',
  'MLPS-PLACE-005',
];
