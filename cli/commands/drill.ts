/**
 * `govcloud drill`: a DR drill of one tenant on the live clusters (drill/run.ts), its record written
 * into the environment (drills/<tenant>/…json) for the reports to rest on. Kubeconfigs as for
 * probe and apply: KUBE_CONFIG_PATH_<NETWORK>, else KUBE_CONFIG_PATH; contexts are the clusters'
 * kubeContext. Exit 0 when the drill passed, 1 when a target was missed or verification failed (the
 * record is written either way), 2 on usage errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { flag, Parsed, UsageError } from '../args';
import { Io } from '../print';
import { kubeconfigFor } from '../kubeconfig';
import { Lang } from '../../config/messages';
import { envOf, validate } from './validate';
import { KubeClient } from '../../probe/kube';
import { planDrill, runDrill } from '../../drill/run';
import { drillRecordJson, writeDrillRecord } from '../../drill/record';

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `30s`, `5m`, `1h`, `2d` in seconds; a usage error for anything else. */
function secondsOf(name: string, text: string | undefined, lang: Lang): number | undefined {
  if (text === undefined) return undefined;
  const m = /^([1-9][0-9]{0,6})([smhd])$/.exec(text);
  if (!m)
    throw new UsageError(
      lang === 'zh'
        ? `--${name} 须为一个正整数加一个单位（s、m、h、d），如 30s、5m；收到 ${JSON.stringify(text)}`
        : `--${name} must be a whole number and one unit (s, m, h, d), e.g. 30s, 5m; got ${JSON.stringify(text)}`,
    );
  return Number(m[1]) * UNIT[m[2]];
}

export async function drill(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const tenant = flag(p, 'tenant');
  if (tenant === undefined) throw new UsageError(lang === 'zh' ? '请用 --tenant 指定要演练的租户' : 'give the tenant to drill with --tenant');
  const stricter = { rpoSeconds: secondsOf('rpo', flag(p, 'rpo'), lang), rtoSeconds: secondsOf('rto', flag(p, 'rto'), lang) };
  const plan = planDrill(model, tenant, flag(p, 'to'));
  if ('error' in plan) throw new UsageError(plan.error);
  const clusterOf = (name: string) => model.clusters.find((c) => c.name === name)!;
  const client = (name: string) => {
    const c = clusterOf(name);
    const file = kubeconfigFor(c.network);
    if (file === undefined)
      throw new UsageError(
        lang === 'zh'
          ? `没有 ${c.network} 的 kubeconfig：请设置 KUBE_CONFIG_PATH_${c.network.toUpperCase()} 或 KUBE_CONFIG_PATH`
          : `no kubeconfig for the ${c.network}: set KUBE_CONFIG_PATH_${c.network.toUpperCase()} or KUBE_CONFIG_PATH`,
      );
    try {
      return KubeClient.fromKubeconfig(file, c.kubeContext);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  };
  const record = await runDrill(plan, {
    source: client(plan.tenant.cluster),
    target: client(plan.replica.cluster),
    backup: flag(p, 'backup'),
    image: flag(p, 'image') ?? model.images.probe,
    by: flag(p, 'by') ?? process.env.USER ?? 'unknown',
    stricter,
    progress: (l) => io.err(`[drill] ${l}`),
  });
  // the environment's drills/<tenant>/ by default, where validate and the reports read it; never over another record
  const chosen = flag(p, 'record');
  let out: string;
  if (chosen === undefined) out = writeDrillRecord(envOf(p), record);
  else {
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    fs.writeFileSync(chosen, drillRecordJson(record), { flag: 'wx' });
    out = chosen;
  }
  const rpo = `RPO ${record.measured.rpoSeconds} s / ${record.targets.rpoSeconds} s`;
  const rto = `RTO ${record.measured.rtoSeconds} s / ${record.targets.rtoSeconds} s`;
  const passed = record.checks.filter((c) => c.ok).length;
  io.out(
    lang === 'zh'
      ? `演练${record.result === 'pass' ? '通过' : '未通过'}：${record.tenant} ${record.from.cluster} → ${record.to.cluster}（${record.to.site}），${rpo}，${rto}，校验 ${passed}/${record.checks.length}；记录：${out}`
      : `drill ${record.result === 'pass' ? 'passed' : 'FAILED'}: ${record.tenant} ${record.from.cluster} → ${record.to.cluster} (${record.to.site}), ${rpo}, ${rto}, checks ${passed}/${record.checks.length}; record: ${out}`,
  );
  for (const f of record.failures) io.out(`  ${f}`);
  return record.result === 'pass' ? 0 : 1;
}
