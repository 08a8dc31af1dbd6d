/** `govcloud pools [--write]`: the namespaces' address pools (address-pools.yaml) checked, or brought up to date. */
import { Parsed, flag } from '../args';
import { Io, printIssues } from '../print';
import { Lang } from '../../config/messages';
import { displayPath } from '../../config/load';
import { updatePools, writePools } from '../../workflow/pools';
import { envOf } from './validate';

/** Exit 0 when the file is (or now is) up to date; 1 when it is not and --write was not given, or when it cannot be. */
export function pools(p: Parsed, lang: Lang, io: Io): number {
  const update = updatePools(envOf(p));
  if (!update.ok) {
    printIssues(update.issues, lang, io);
    io.err(lang === 'zh' ? '无法分配地址池：请先修正上述错误' : 'cannot allocate address pools: fix the errors above first');
    return 1;
  }
  const a = update.allocation;
  const shown = displayPath(update.file);
  for (const x of a.added) io.out(`+ ${x} ${poolOf(a, x)}`);
  for (const x of a.dropped) io.out(`- ${x}`);
  if (a.full.length > 0) {
    for (const x of a.full) {
      io.err(
        lang === 'zh'
          ? `${x}：集群 Pod 地址段中已没有足够的空闲地址块；请扩大 platform.yaml 中该集群的 podCidr`
          : `${x}: no free block of its size is left in the cluster's pod range; widen the cluster's podCidr in platform.yaml`,
      );
    }
    return 1;
  }
  if (!update.changed) {
    io.out(lang === 'zh' ? `${shown} 已是最新` : `${shown} is up to date`);
    return 0;
  }
  if (flag(p, 'write') === undefined) {
    io.err(
      lang === 'zh'
        ? `${shown} 需要更新（见上）：请运行 govcloud pools --write --env ${displayPath(envOf(p))} 并提交该文件`
        : `${shown} is out of date (see above): run govcloud pools --write --env ${displayPath(envOf(p))} and commit it`,
    );
    return 1;
  }
  writePools(update);
  io.out(lang === 'zh' ? `已写入 ${shown}` : `wrote ${shown}`);
  return 0;
}

function poolOf(a: { readonly pools: ReadonlyMap<string, ReadonlyMap<string, string>> }, key: string): string {
  const [cluster, ns] = key.split('/');
  return a.pools.get(cluster)?.get(ns) ?? '';
}
