/** The commands that work on the live clusters: probe (traffic) and drill (restores). */
import type { CommandSpec } from './options';
import { FILE, NAME, ENV, REPORT_OUT, NETWORK } from './option-words';

export const PROBE: CommandSpec = {
  name: 'probe',
  summary: {
    en: 'send traffic on the live clusters: the connectivity truth table of the model (declared flows connect, everything else is refused), expected against observed',
    zh: '在运行中的集群上发送流量：按模型计算连通性真值表（声明的流向必须连通，其余一律拒绝），对比预期与实测',
  },
  options: [
    {
      name: 'image',
      arg: { en: 'ref', zh: '镜像' },
      help: {
        en: 'the probe image, pinned by digest (default: images.probe of platform.yaml)',
        zh: '探测镜像，以摘要固定（默认：platform.yaml 的 images.probe）',
      },
    },
    {
      name: 'tenant',
      arg: { en: 'name', zh: '租户' },
      repeat: true,
      help: {
        en: 'only the probes from or to this tenant (repeatable; default: the whole table)',
        zh: '只探测来自或去往该租户的流量（可重复；默认：整张表）',
      },
    },
    {
      name: 'internet',
      arg: { en: 'address', zh: '地址' },
      repeat: true,
      help: { en: 'an Internet address every namespace tries directly (must be refused)', zh: '每个命名空间直接尝试的互联网地址（必须被拒绝）' },
    },
    {
      name: 'from-internet',
      help: {
        en: 'also probe from the Internet side, from this machine: each exposed tenant through every ingress gateway that serves it (must connect), every namespace directly (must be refused)',
        zh: '同时从互联网一侧（本机）探测：经每个提供服务的互联网接入网关访问各开放租户（必须连通），直接访问每个命名空间（必须被拒绝）',
      },
    },
    {
      name: 'internet-source',
      arg: { en: 'address', zh: '地址' },
      help: {
        en: 'the address of this machine the Internet-side probes are sent from (implies --from-internet; default: the one the route chooses)',
        zh: '互联网一侧探测所用的本机源地址（隐含 --from-internet；默认由路由选择）',
      },
    },
    {
      name: 'undeclared-host',
      arg: { en: 'host', zh: '主机' },
      help: {
        en: "an Internet host no flow declares: also probe each namespace through its egress gateway (own hosts connect; another tenant's and this one are refused)",
        zh: '一个未声明的互联网主机：同时经统一出口网关探测（本租户声明的主机连通，其他租户的主机与该主机被拒绝）',
      },
    },
    {
      name: 'format',
      arg: { en: 'format', zh: '格式' },
      choices: ['text', 'json'],
      help: { en: 'report format (default: text)', zh: '报告格式（默认 text）' },
    },
    {
      ...NETWORK,
      help: { en: 'only the clusters of this network (each network probes from its own runner)', zh: '只探测该网络的集群（每个网络在自己的执行机上探测）' },
    },
    REPORT_OUT,
    ENV,
  ],
};
export const DRILL: CommandSpec = {
  name: 'drill',
  summary: {
    en: 'a DR drill on the live clusters: back up a tenant on its primary, restore it into its replica at a DR site, verify what came back, measure RPO and RTO, and write the drill record',
    zh: '在运行中的集群上做灾备演练：在主集群备份租户，恢复到灾备站点的副本，校验恢复内容，实测 RPO 与 RTO，并写出演练记录',
  },
  options: [
    { name: 'tenant', arg: NAME, help: { en: 'the tenant to drill (required)', zh: '要演练的租户（必填）' } },
    {
      name: 'image',
      arg: { en: 'ref', zh: '镜像' },
      help: {
        en: "the tool image that writes and reads the drill's file in each volume (sh, sha256sum), pinned by digest (default: images.probe of platform.yaml)",
        zh: '在每个卷中写入并读取演练文件的工具镜像（含 sh、sha256sum），以摘要固定（默认：platform.yaml 的 images.probe）',
      },
    },
    {
      name: 'to',
      arg: { en: 'cluster', zh: '集群' },
      help: {
        en: 'the DR cluster to restore on (default: the same-city replica, else the first)',
        zh: '恢复所在的灾备集群（默认：同城副本，否则第一个副本）',
      },
    },
    {
      name: 'backup',
      arg: NAME,
      help: {
        en: 'restore this completed backup instead of taking one (e.g. the last scheduled one)',
        zh: '使用该已完成的备份，而不是新做一次（例如最近一次定时备份）',
      },
    },
    { name: 'by', arg: NAME, help: { en: 'who runs the drill, for the record (default: $USER)', zh: '演练执行人，写入记录（默认 $USER）' } },
    {
      name: 'rpo',
      arg: { en: 'duration', zh: '时长' },
      help: {
        en: "a stricter RPO than the tier's to rehearse, e.g. 30s, 5m (never a looser one)",
        zh: '比等级目标更严的 RPO（演练用），如 30s、5m（不可放宽）',
      },
    },
    {
      name: 'rto',
      arg: { en: 'duration', zh: '时长' },
      help: {
        en: "a stricter RTO than the tier's to rehearse, e.g. 1s, 10m (never a looser one)",
        zh: '比等级目标更严的 RTO（演练用），如 1s、10m（不可放宽）',
      },
    },
    {
      name: 'record',
      arg: FILE,
      help: {
        en: 'where the drill record goes (default: drills/<tenant>/<time>-<cluster>.json in the environment)',
        zh: '演练记录写到哪里（默认：环境目录下 drills/<租户>/<时间>-<集群>.json）',
      },
    },
    ENV,
  ],
};

/** `govcloud evidence --live`: what the package adds from the running clusters. */
export const LIVE_EVIDENCE: CommandSpec['options'] = [
  {
    name: 'live',
    help: {
      en: "add runtime evidence from the running clusters (kubeconfigs as for probe): each API server's running flags against the synthesized ones, an audit-log sample, and its objects against the judged stacks",
      zh: '加入运行中集群的运行时证据（kubeconfig 同 probe）：各 API 服务器的运行参数与合成参数对比、审计日志样本、集群对象与所评判的栈对比',
    },
  },
  {
    name: 'apiserver-cmdline',
    arg: { en: 'cluster=file', zh: '集群=文件' },
    repeat: true,
    help: {
      en: "a copy of a cluster's kube-apiserver /proc/<pid>/cmdline from its control-plane node (default: its mirror pod in kube-system)",
      zh: '从控制平面节点复制的 kube-apiserver /proc/<pid>/cmdline（默认读取 kube-system 中的镜像 Pod）',
    },
  },
  {
    name: 'audit-log',
    arg: { en: 'cluster=file', zh: '集群=文件' },
    repeat: true,
    help: {
      en: "a copy of a cluster's audit log from its control-plane node (/var/log/kubernetes/audit/audit.log)",
      zh: '从控制平面节点复制的集群审计日志（/var/log/kubernetes/audit/audit.log）',
    },
  },
  {
    name: 'probe-result',
    arg: FILE,
    help: {
      en: 'the truth table `govcloud probe --format json --out FILE` wrote, with the time it was taken',
      zh: '由 govcloud probe --format json --out 写出的连通性真值表（含采集时间）',
    },
  },
];
