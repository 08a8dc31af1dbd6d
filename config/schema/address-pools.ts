/**
 * Address pools: environments/<city>/address-pools.yaml, written by `govcloud pools --write` and
 * committed like a lock file. Per cluster, namespace → CIDR inside the cluster's podCidr.
 */
import { z } from 'zod';
import { cidr, dnsLabel } from './common';

export const ADDRESS_POOLS_FILE = 'address-pools.yaml';

/** The largest pool file read: about 50 bytes a namespace, so some 300,000 namespaces. */
export const ADDRESS_POOLS_MAX_BYTES = 16 * 1024 * 1024;

export const addressPoolsSchema = z
  .strictObject({
    apiVersion: z.literal('govcloud/v1'),
    kind: z.literal('AddressPools'),
    spec: z.strictObject({
      clusters: z
        .record(dnsLabel(40), z.record(dnsLabel(63), cidr).describe('Namespace → its pool / 命名空间 → 地址池'))
        .describe('Per cluster, the address pool of each namespace / 各集群各命名空间的地址池'),
    }),
  })
  .describe('Address pools of the namespaces, machine-maintained by govcloud pools --write / 命名空间地址池（由 govcloud pools --write 维护）');

export type AddressPoolsFile = z.infer<typeof addressPoolsSchema>;
