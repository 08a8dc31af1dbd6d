/** address-pools.yaml written out: the same table gives the same bytes (clusters and namespaces sorted). */
import { ADDRESS_POOLS_FILE } from '../schema/address-pools';
import { readCidr } from '../cidr';

const HEADER = [
  '# yaml-language-server: $schema=../../schema/address-pools.schema.json',
  `# ${ADDRESS_POOLS_FILE}: the address pool of every namespace govcloud creates, per cluster (inside the`,
  "# cluster's podCidr). Written by `govcloud pools --write`; commit it with the change that adds or removes",
  '# a namespace. An entry never moves while its namespace exists: pods hold its addresses, and other',
  "# clusters' NetworkPolicies name them. The CNI reads each namespace's govcloud.gov.cn/address-pool annotation.",
  '# 各命名空间的地址池（由 govcloud pools --write 维护，请随变更一并提交；已分配的地址池不会移动）。',
];

/** Sorts namespaces by their pool's first address, so that the file reads like the address plan it is. */
function byAddress(a: [string, string], b: [string, string]): number {
  const x = readCidr(a[1])?.range.first ?? 0;
  const y = readCidr(b[1])?.range.first ?? 0;
  return x - y || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export function renderPools(pools: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const lines = [...HEADER, 'apiVersion: govcloud/v1', 'kind: AddressPools', 'spec:'];
  const clusters = [...pools].filter(([, e]) => e.size > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (clusters.length === 0) lines.push('  clusters: {}');
  else lines.push('  clusters:');
  for (const [cluster, entries] of clusters) {
    lines.push(`    ${cluster}:`);
    for (const [ns, cidr] of [...entries].sort(byAddress)) lines.push(`      ${ns}: ${cidr}`);
  }
  return `${lines.join('\n')}\n`;
}
