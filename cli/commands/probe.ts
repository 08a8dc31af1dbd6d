/**
 * `govcloud probe`: the connectivity truth table of the model, run on the live clusters with
 * short-lived probe pods (probe/). Kubeconfigs as for apply: KUBE_CONFIG_PATH_EXTRANET /
 * KUBE_CONFIG_PATH_INTRANET, else KUBE_CONFIG_PATH; a network without one is not probed. Exit 0
 * when every probe is as expected, 1 on any mismatch or invalid input.
 */
import { isIP } from 'net';
import { flag, Parsed, UsageError } from '../args';
import { Io } from '../print';
import { kubeconfigFor } from '../kubeconfig';
import { Lang } from '../../config/messages';
import { envOf, validate } from './validate';
import { checkFileOut, writeReport } from '../out-path';
import { Network } from '../../config/model';
import { fromRegistry } from '../../config/checks/images';
import { Probe, truthTable } from '../../probe/table';
import { runTruthTable } from '../../probe/run';
import { probeJson, probeReport, probeText } from '../../probe/report';

export async function probe(p: Parsed, lang: Lang, io: Io): Promise<number> {
  const out = flag(p, 'out');
  checkFileOut(out, lang, { inputs: { env: envOf(p) } });
  const model = validate(p, lang, io, false);
  if (!model) return 1;
  const image = flag(p, 'image') ?? model.images.probe;
  if (image === undefined)
    throw new UsageError(
      lang === 'zh'
        ? '请用 --image 给出探测镜像，或在 platform.yaml 的 images 中声明 probe'
        : 'give the probe image with --image, or declare images.probe in platform.yaml',
    );
  if (!/@sha256:[0-9a-f]{64}$/.test(image))
    throw new UsageError(
      lang === 'zh'
        ? `探测镜像须以摘要固定（…@sha256:…），收到 ${JSON.stringify(image)}`
        : `the probe image must be pinned by digest (…@sha256:…), got ${JSON.stringify(image)}`,
    );
  // the admission policy of every tenant namespace refuses other registries: say so before any pod is made
  if (!model.registries.some((r) => fromRegistry(image, r)))
    throw new UsageError(
      lang === 'zh'
        ? `探测镜像 ${JSON.stringify(image)} 不来自允许的镜像仓库（${model.registries.join(', ')}，按 主机/路径 + "/" 边界匹配）`
        : `the probe image ${JSON.stringify(image)} is not from an allowed registry (${model.registries.join(', ')}, matched as host/path + "/")`,
    );
  const only = flag(p, 'network') as Network | undefined;
  const networks = (['extranet', 'intranet'] as const).filter((n) => (only === undefined || only === n) && kubeconfigFor(n) !== undefined);
  if (networks.length === 0)
    throw new UsageError(
      lang === 'zh'
        ? '没有 kubeconfig：请设置 KUBE_CONFIG_PATH_EXTRANET / KUBE_CONFIG_PATH_INTRANET 或 KUBE_CONFIG_PATH'
        : 'no kubeconfig: set KUBE_CONFIG_PATH_EXTRANET / KUBE_CONFIG_PATH_INTRANET or KUBE_CONFIG_PATH',
    );
  const internet = p.flags.get('internet') ?? [];
  const undeclaredHost = flag(p, 'undeclared-host');
  const tenants = new Set(p.flags.get('tenant') ?? []);
  for (const t of tenants) {
    if (!model.tenants.some((x) => x.name === t))
      throw new UsageError(lang === 'zh' ? `没有租户 ${JSON.stringify(t)}` : `there is no tenant ${JSON.stringify(t)}`);
  }
  const concerns = (x: Probe) =>
    tenants.size === 0 || tenants.has(x.from.tenant) || ((x.to.kind === 'namespace' || x.to.kind === 'ingress') && tenants.has(x.to.endpoint.tenant));
  const internetSource = flag(p, 'internet-source');
  if (internetSource !== undefined && !isIP(internetSource))
    throw new UsageError(
      lang === 'zh'
        ? `--internet-source 须为本机的一个 IP 地址，收到 ${JSON.stringify(internetSource)}`
        : `--internet-source must be an IP address of this machine, got ${JSON.stringify(internetSource)}`,
    );
  const fromInternet = p.flags.has('from-internet') || internetSource !== undefined ? { source: internetSource ?? 'this-host' } : undefined;
  // a network probes only its own clusters: the other's pods and addresses are never named from it
  const probes = truthTable(model, { internet, undeclaredHost, fromInternet }).filter(
    (x) => concerns(x) && networks.includes(x.from.network) && (x.to.kind !== 'namespace' || networks.includes(x.to.endpoint.network)),
  );
  const kubeconfig: Partial<Record<Network, string>> = {};
  for (const n of networks) kubeconfig[n] = kubeconfigFor(n);
  const takenAt = new Date().toISOString();
  const results = await runTruthTable(model, probes, { kubeconfig, image, internetSource, onProgress: (l) => io.err(`[probe] ${l}`) });
  const report = probeReport(model.name, takenAt, results);
  writeReport(flag(p, 'format') === 'json' ? probeJson(report) : probeText(report, lang), out, io.out);
  return report.mismatches === 0 ? 0 : 1;
}
