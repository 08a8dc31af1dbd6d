/**
 * What each command takes: its options only, with their help in both languages. The parser
 * (cli/program.ts) refuses an option its command does not list, and names the commands it belongs to.
 */
import type { Bilingual } from '../config/vocabulary';

export type Words = Bilingual;

export interface OptionSpec {
  /** Long name without the dashes: `affected-by`. */
  readonly name: string;
  /** The value's placeholder in help; absent for a switch (`--quiet`). */
  readonly arg?: Words;
  /** Takes several values: `--stack a b c`, or the option repeated. */
  readonly repeat?: boolean;
  /** The only values allowed, listed in help and in the error for any other. */
  readonly choices?: readonly string[];
  readonly help: Words;
}

export type CommandName =
  'validate' | 'synth' | 'stacks' | 'schema' | 'check' | 'evidence' | 'pr' | 'plan' | 'apply' | 'probe' | 'drill' | 'codeowners' | 'pools' | 'new tenant';

export interface CommandSpec {
  /** `new tenant` is the subcommand `tenant` of `new`. */
  readonly name: CommandName;
  readonly summary: Words;
  readonly options: readonly OptionSpec[];
}

const DIR = { en: 'dir', zh: '目录' };
const FILE = { en: 'file', zh: '文件' };
const REF = { en: 'ref', zh: '分支' };
const NAME = { en: 'name', zh: '名称' };

const ENV: OptionSpec = {
  name: 'env',
  arg: DIR,
  help: { en: 'environment folder (default: environments/example-city)', zh: '环境目录（默认 environments/example-city）' },
};
const TODAY: OptionSpec = {
  name: 'today',
  arg: { en: 'date', zh: '日期' },
  help: {
    en: "the day approvals and waivers are judged on, YYYY-MM-DD (default: today's date in Beijing)",
    zh: '判断审批和豁免所依据的日期，YYYY-MM-DD（默认：北京时间今天）',
  },
};
const STACK: OptionSpec = {
  name: 'stack',
  arg: NAME,
  repeat: true,
  help: { en: 'only these stacks (default: all; see govcloud stacks)', zh: '只处理这些栈（默认全部；参见 govcloud stacks）' },
};
const WORKERS: OptionSpec = {
  name: 'workers',
  arg: { en: 'n', zh: '数量' },
  help: {
    en: 'processes that build stacks, this one included, 1 to 64 (default: one per core, at most 4, for 500+ tenants)',
    zh: '构建栈的进程数（含本进程），1 到 64（默认：租户 500 个以上时每核一个，最多 4 个）',
  },
};
const REPORT_OUT: OptionSpec = {
  name: 'out',
  arg: FILE,
  help: { en: 'write the report to this file instead of printing it', zh: '将报告写入该文件而不是打印' },
};
const NETWORK: OptionSpec = {
  name: 'network',
  arg: { en: 'network', zh: '网络' },
  choices: ['extranet', 'intranet'],
  help: { en: 'only the stacks of this network', zh: '只处理该网络的栈' },
};
const ENGINE: OptionSpec = {
  name: 'engine',
  arg: { en: 'engine', zh: '引擎' },
  choices: ['terraform', 'tofu'],
  help: { en: 'the engine to run (default: terraform, else tofu, whichever is on PATH)', zh: '运行的引擎（默认：PATH 中的 terraform，否则 tofu）' },
};
const AFFECTED_BY: OptionSpec = {
  name: 'affected-by',
  arg: REF,
  help: {
    en: 'only the stacks whose synthesized resources differ from REF; refused while a tenant would lose data without an approved decommission',
    zh: '只处理生成结果与 REF 不同的栈；若有租户未经批准下线而丢失数据则拒绝',
  },
};

/** In the order `govcloud --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'validate', summary: { en: 'check the platform and every tenant request file', zh: '校验平台文件和所有租户申请文件' }, options: [ENV, TODAY] },
  {
    name: 'synth',
    summary: { en: 'validate, then synthesize the Terraform stacks', zh: '校验后生成 Terraform 栈' },
    options: [
      STACK,
      { name: 'out', arg: DIR, help: { en: 'output folder (default: cdktf.out)', zh: '输出目录（默认 cdktf.out）' } },
      WORKERS,
      { name: 'quiet', help: { en: 'no progress output', zh: '不显示进度' } },
      ENV,
      TODAY,
    ],
  },
  {
    name: 'stacks',
    summary: { en: 'list the stacks in apply order', zh: '按部署顺序列出所有栈' },
    options: [
      AFFECTED_BY,
      {
        name: 'format',
        arg: { en: 'format', zh: '格式' },
        choices: ['text', 'json', 'gitlab-child'],
        help: {
          en: 'text; json, with a matrix per phase for the CI system to fan out over; or gitlab-child, a GitLab child pipeline with one plan and one apply job per stack (default: text)',
          zh: 'text；json（每个阶段一个矩阵，供 CI 系统并行展开）；或 gitlab-child（GitLab 子流水线，每个栈一个 plan 作业和一个 apply 作业）（默认 text）',
        },
      },
      NETWORK,
      { name: 'out', arg: FILE, help: { en: 'write the list to this file instead of printing it', zh: '将列表写入该文件而不是打印' } },
      ENV,
      TODAY,
    ],
  },
  {
    name: 'schema',
    summary: { en: 'write the JSON Schemas in schema/', zh: '生成 schema/ 中的 JSON Schema' },
    options: [{ name: 'check', help: { en: 'only check that they are current (exit 1 if not)', zh: '只检查是否为最新（否则退出码 1）' } }],
  },
  {
    name: 'check',
    summary: { en: 'graded-protection (等保) check per tenant and clause', zh: '按租户、按条款进行等保合规检查' },
    options: [
      { name: 'tenant', arg: NAME, repeat: true, help: { en: 'only these tenants (default: all)', zh: '只检查这些租户（默认全部）' } },
      {
        name: 'level',
        arg: { en: 'level', zh: '等级' },
        choices: ['1', '2', '3', '4'],
        help: { en: 'judge every tenant at this level instead of its own', zh: '按该等级而不是租户自身等级检查' },
      },
      {
        name: 'format',
        arg: { en: 'format', zh: '格式' },
        choices: ['text', 'md', 'json', 'sarif', 'junit', 'html'],
        help: {
          en: 'report format; junit is JUnit XML for CI test reports; html is one self-contained page with the topology, for assessors and printing (default: text)',
          zh: '报告格式；junit 为供 CI 测试报告使用的 JUnit XML；html 为含拓扑图的单个自包含网页，供测评人员阅读和打印（默认 text）',
        },
      },
      REPORT_OUT,
      { name: 'from', arg: DIR, help: { en: 'judge this synth output instead of synthesizing', zh: '检查该目录中已生成的输出，而不是重新生成' } },
      { name: 'summary', help: { en: 'print the one-screen summary only (text format)', zh: '只打印一屏摘要（text 格式）' } },
      ENV,
      TODAY,
    ],
  },
  {
    name: 'evidence',
    summary: {
      en: 'write the evidence package for the assessor: HTML, JSON and SARIF reports, the judged stacks, cluster configuration and request files, with SHA-256 sums',
      zh: '为测评机构写出证据包：HTML、JSON、SARIF 报告，所检查的栈、集群配置和申请文件，以及 SHA-256 校验和',
    },
    options: [
      { name: 'out', arg: DIR, help: { en: 'a new or empty folder for the package (required)', zh: '写入证据包的新目录或空目录（必填）' } },
      {
        name: 'from',
        arg: DIR,
        help: { en: 'judge and package this synth output instead of synthesizing', zh: '检查并打包该目录中已生成的输出，而不是重新生成' },
      },
      ENV,
      TODAY,
    ],
  },
  {
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
  },
  {
    name: 'drill',
    summary: {
      en: 'a DR drill on the live clusters: back up a tenant on its primary, restore it into its replica at a DR site, verify what came back, measure RPO and RTO, and write the drill record',
      zh: '在运行中的集群上做灾备演练：在主集群备份租户，恢复到灾备站点的副本，校验恢复内容，实测 RPO 与 RTO，并写出演练记录',
    },
    options: [
      { name: 'tenant', arg: NAME, help: { en: 'the tenant to drill (required)', zh: '要演练的租户（必填）' } },
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
  },
  {
    name: 'pr',
    summary: {
      en: 'pull-request summary: changed tenants, stacks, resources, capacity, checks, data at risk, approvers',
      zh: '合并请求摘要：变更的租户、栈、资源、容量、等保检查、数据风险、审批人',
    },
    options: [
      { name: 'base', arg: REF, help: { en: 'the target branch, e.g. origin/main (required)', zh: '目标分支，例如 origin/main（必填）' } },
      { name: 'format', arg: { en: 'format', zh: '格式' }, choices: ['md', 'json'], help: { en: 'summary format (default: md)', zh: '摘要格式（默认 md）' } },
      REPORT_OUT,
      ENV,
      {
        name: 'forge',
        arg: { en: 'forge', zh: '平台' },
        choices: ['github', 'gitlab'],
        help: {
          en: 'where the summary is posted, for its comment limit: github 65,536 characters, gitlab 1,000,000 (default: github)',
          zh: '摘要发布到的平台，决定评论长度上限：github 65,536 个字符，gitlab 1,000,000 个字符（默认 github）',
        },
      },
      {
        name: 'comment-limit',
        arg: { en: 'n', zh: '字符数' },
        help: {
          en: 'cut a longer Markdown summary at a line, with a note, and write it whole to --full-out (default: the forge limit)',
          zh: '超过此长度的 Markdown 摘要在整行处截断并附说明，完整摘要写入 --full-out（默认：平台上限）',
        },
      },
      {
        name: 'full-out',
        arg: FILE,
        help: {
          en: 'where the whole summary goes when it is cut (default: beside --out, NAME.full.md; without --out, pr-summary.full.md)',
          zh: '摘要被截断时完整摘要的写入位置（默认：--out 旁的 NAME.full.md；无 --out 时为 pr-summary.full.md）',
        },
      },
    ],
  },
  {
    name: 'plan',
    summary: {
      en: 'synth, then init + plan each stack in order (saves tfplan; the engine log is govcloud-plan.log next to each stack)',
      zh: '生成后按顺序对每个栈 init + plan（保存 tfplan；引擎日志在各栈目录的 govcloud-plan.log）',
    },
    options: [
      STACK,
      AFFECTED_BY,
      NETWORK,
      ENGINE,
      { name: 'destroy', help: { en: 'plan to destroy the chosen stacks; review, then apply --planned', zh: '计划销毁所选的栈；审阅后执行 apply --planned' } },
      { name: 'out', arg: DIR, help: { en: 'synth output folder (default: cdktf.out)', zh: 'synth 输出目录（默认 cdktf.out）' } },
      WORKERS,
      ENV,
      TODAY,
    ],
  },
  {
    name: 'apply',
    summary: { en: "apply each stack's saved, reviewed plan, in order", zh: '按顺序执行每个栈已保存并审阅的 plan' },
    options: [
      STACK,
      AFFECTED_BY,
      {
        name: 'planned',
        help: { en: 'apply every saved plan (not with --stack or --affected-by)', zh: '执行所有已保存的 plan（不可与 --stack 或 --affected-by 同用）' },
      },
      NETWORK,
      ENGINE,
      {
        name: 'out',
        arg: DIR,
        help: { en: 'synth output folder holding the plans (default: cdktf.out)', zh: '存放 plan 的 synth 输出目录（默认 cdktf.out）' },
      },
      ENV,
    ],
  },
  {
    name: 'codeowners',
    summary: { en: 'write CODEOWNERS from the model', zh: '按模型生成 CODEOWNERS' },
    options: [
      {
        name: 'flavor',
        arg: { en: 'flavor', zh: '平台' },
        choices: ['github', 'gitlab'],
        help: { en: 'code host (default: github)', zh: '代码托管平台（默认 github）' },
      },
      {
        name: 'out',
        arg: FILE,
        help: {
          en: 'file to write, - to print (default: CODEOWNERS, or .gitlab/CODEOWNERS for gitlab)',
          zh: '写入的文件，- 表示打印（默认 CODEOWNERS；gitlab 为 .gitlab/CODEOWNERS）',
        },
      },
      ENV,
      TODAY,
    ],
  },
  {
    name: 'pools',
    summary: {
      en: 'check the address pools of the namespaces (address-pools.yaml), or bring them up to date',
      zh: '检查各命名空间的地址池（address-pools.yaml），或将其更新',
    },
    options: [
      {
        name: 'write',
        help: {
          en: 'write the file: keep every pool, allocate the new namespaces, drop the removed ones (default: only say what would change)',
          zh: '写入文件：保留已有地址池，为新命名空间分配，删除已移除命名空间的地址池（默认：只显示将要发生的变化）',
        },
      },
      ENV,
    ],
  },
  {
    name: 'new tenant',
    summary: { en: 'scaffold a tenant request file', zh: '生成租户申请文件模板' },
    options: [
      { name: 'county', arg: { en: 'county', zh: '县区' }, help: { en: 'county folder under tenants/ (required)', zh: 'tenants/ 下的县区目录（必填）' } },
      { name: 'name', arg: NAME, help: { en: 'tenant name (required)', zh: '租户名称（必填）' } },
      {
        name: 'department',
        arg: { en: 'department', zh: '部门' },
        help: { en: 'department code (default: the tenant name, marked TODO)', zh: '部门代码（默认取租户名称，并标为 TODO）' },
      },
      ENV,
    ],
  },
];

/** The option every command takes, given anywhere on the line. */
export const LANG_OPTION: OptionSpec = {
  name: 'lang',
  arg: { en: 'lang', zh: '语言' },
  choices: ['zh', 'en'],
  help: { en: 'language of messages (default: from the locale)', zh: '消息语言（默认取自系统区域设置）' },
};

/** The group commands (`new`), whose subcommands are the commands named `<group> <sub>`. */
export const GROUPS: Readonly<Record<string, Words>> = {
  new: { en: 'create a file from a template: new tenant', zh: '按模板创建文件：new tenant' },
};
