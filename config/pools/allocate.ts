/**
 * Address pools: every namespace govcloud creates gets a block of its cluster's pod range
 * (platform.yaml podCidr), recorded in environments/<city>/address-pools.yaml, so that its pods can
 * be told apart by address on another cluster. A CNI honours the pool (a Calico IPPool selected per
 * namespace; the lab's IPAM plugin reads the namespace's annotation). Pure: no files, no cdktf.
 *
 * Sizes: a tenant namespace gets the smallest block that holds its pod quota plus a quarter (at
 * least 4 addresses) of headroom for pods being replaced, never smaller than a /28; a platform
 * namespace gets a /27.
 */
import { readCidr } from '../cidr';

/** The smallest pool (/28: 16 addresses) and the pool of every platform namespace (/27: 32). */
export const POOL_BITS = { smallest: 28, platform: 27 } as const;

/** What a namespace is, for sizing and for where validation points. */
export type PoolOwner = { readonly kind: 'platform' } | { readonly kind: 'tenant'; readonly tenant: string; readonly replica: boolean };

/** A namespace that will exist on a cluster, with the pods it may run. */
export interface WantedNamespace {
  readonly namespace: string;
  /** Pod quota; undefined for a platform namespace (a /27). */
  readonly pods?: number;
  readonly owner: PoolOwner;
}

/** Prefix length of the pool a namespace needs: quota + max(4, quota/4) addresses, at least a /28. */
export function poolBits(pods: number | undefined): number {
  if (pods === undefined) return POOL_BITS.platform;
  const need = pods + Math.max(4, Math.ceil(pods / 4));
  const bits = 32 - Math.ceil(Math.log2(need));
  return Math.min(POOL_BITS.smallest, bits);
}

/** Per cluster, namespace → CIDR. */
export type PoolTable = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface Allocation {
  /** The pools of the wanted namespaces: kept entries and new ones. */
  readonly pools: Map<string, Map<string, string>>;
  /** Entries allocated now, as `cluster/namespace`. */
  readonly added: string[];
  /** Entries of namespaces (or clusters) that no longer exist, as `cluster/namespace`. */
  readonly dropped: string[];
  /** Namespaces no free block of their size was left for, as `cluster/namespace`. */
  readonly full: string[];
}

const ip = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/**
 * Keeps every existing entry of a namespace that still exists (a pool never moves while pods hold
 * its addresses), gives each wanted namespace without one the lowest free aligned block of its
 * size inside the cluster's pod range (namespaces taken in name order, so the result is the same on
 * every run), and drops the entries of namespaces that no longer exist.
 */
export function allocatePools(
  clusters: readonly { readonly name: string; readonly podCidr: string }[],
  wanted: ReadonlyMap<string, readonly WantedNamespace[]>,
  existing: PoolTable,
): Allocation {
  const pools = new Map<string, Map<string, string>>();
  const added: string[] = [];
  const dropped: string[] = [];
  const full: string[] = [];
  for (const [cluster, entries] of existing) {
    const here = new Set((wanted.get(cluster) ?? []).map((w) => w.namespace));
    if (!clusters.some((c) => c.name === cluster)) here.clear();
    for (const ns of entries.keys()) if (!here.has(ns)) dropped.push(`${cluster}/${ns}`);
  }
  for (const c of clusters) {
    const range = readCidr(c.podCidr);
    const mine = new Map<string, string>();
    pools.set(c.name, mine);
    if (range === undefined) continue;
    const unit = 2 ** (32 - POOL_BITS.smallest);
    const units = Math.max(1, (range.range.last - range.range.first + 1) / unit);
    const taken = new Uint8Array(units);
    const mark = (first: number, last: number) => {
      const a = Math.max(0, Math.floor((first - range.range.first) / unit));
      const b = Math.min(units - 1, Math.floor((last - range.range.first) / unit));
      for (let u = a; u <= b; u++) taken[u] = 1;
    };
    const old = existing.get(c.name) ?? new Map<string, string>();
    const list = [...(wanted.get(c.name) ?? [])].sort((x, y) => (x.namespace < y.namespace ? -1 : x.namespace > y.namespace ? 1 : 0));
    const missing: WantedNamespace[] = [];
    for (const w of list) {
      const cidr = old.get(w.namespace);
      const r = cidr === undefined ? undefined : readCidr(cidr);
      if (cidr !== undefined && r !== undefined && r.range.first >= range.range.first && r.range.last <= range.range.last) {
        mine.set(w.namespace, cidr);
        mark(r.range.first, r.range.last);
      } else missing.push(w);
    }
    // the lowest place a block of each size may still start: what lies below it is full for good
    const cursor = new Map<number, number>();
    for (const w of missing) {
      const size = 2 ** (POOL_BITS.smallest - Math.max(poolBits(w.pods), 32 - Math.log2(units * unit)));
      const bits = POOL_BITS.smallest - Math.log2(size);
      let at = cursor.get(size) ?? 0;
      let found = -1;
      for (; at + size <= units; at += size) {
        let free = true;
        for (let u = at; u < at + size; u++) {
          if (taken[u] === 1) {
            free = false;
            break;
          }
        }
        if (free) {
          found = at;
          break;
        }
      }
      cursor.set(size, found < 0 ? units : found);
      if (found < 0) {
        full.push(`${c.name}/${w.namespace}`);
        continue;
      }
      for (let u = found; u < found + size; u++) taken[u] = 1;
      mine.set(w.namespace, `${ip(range.range.first + found * unit)}/${bits}`);
      added.push(`${c.name}/${w.namespace}`);
    }
  }
  return { pools, added, dropped, full };
}
