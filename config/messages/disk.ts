/** Bilingual messages: what govcloud keeps on disk, the synth cache and its output (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const diskMessages = {
  'cache.systemFolder': {
    en: 'GOVCLOUD_CACHE is {value}, under {root}, a folder of the kernel, not of a disk: the synth cache must be an ordinary folder; set GOVCLOUD_CACHE to one, or to off',
    zh: 'GOVCLOUD_CACHE 为 {value}，位于内核的 {root} 目录之下，不是磁盘上的目录：生成缓存必须是普通目录；请将 GOVCLOUD_CACHE 设为普通目录，或设为 off',
  },
  'cache.entryRefused': {
    en: 'warning: synth cache entry {value} cannot be verified (not a regular file, or not signed by this user: changed after it was written, or copied from another machine); it is not used and its stacks are built again ({count} such entries this run). If this repeats, delete the cache folder and find what writes to it',
    zh: '警告：生成缓存条目 {value} 无法校验（不是普通文件，或不是由当前用户签名：写入后被改动，或从其他机器复制而来）；该条目不会被使用，相关栈将重新生成（本次共 {count} 个此类条目）。如反复出现，请删除缓存目录并查明是谁在写入',
  },
} satisfies Record<string, Bilingual>;
