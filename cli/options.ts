/**
 * What each command takes: its options only, with their help in both languages. The parser
 * (cli/program.ts) refuses an option its command does not list, and names the commands it belongs to.
 */
import type { Bilingual } from '../config/vocabulary';
import { DIR, FILE, REF, NAME, ENV, TODAY, STACK, WORKERS, REPORT_OUT, NETWORK, ENGINE, AFFECTED_BY } from './option-words';
import { DRILL, LIVE_EVIDENCE, PROBE } from './options-live';

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
  | 'validate'
  | 'synth'
  | 'stacks'
  | 'schema'
  | 'check'
  | 'evidence'
  | 'evidence verify'
  | 'pr'
  | 'plan'
  | 'apply'
  | 'probe'
  | 'drill'
  | 'codeowners'
  | 'pools'
  | 'new tenant';

export interface CommandSpec {
  /** `new tenant` is the subcommand `tenant` of `new`. */
  readonly name: CommandName;
  readonly summary: Words;
  readonly options: readonly OptionSpec[];
}

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
          en: 'report format; junit is JUnit XML for CI test reports; html is for assessors: with --out DIR a folder (an index with the topology, a page per department and per tenant), with --out FILE.html or printed one self-contained page (default: text)',
          zh: '报告格式；junit 为供 CI 测试报告使用的 JUnit XML；html 供测评人员阅读：--out 目录时写入一个目录（含拓扑图的索引页、每个部门和每个租户各一页），--out 文件.html 或打印时为单个自包含网页（默认 text）',
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
      {
        name: 'sign-key',
        arg: FILE,
        help: {
          en: 'sign the manifest with this PEM private key (SM2: SM3 digest; RSA or ECDSA: SHA-256); with --sign-cert',
          zh: '用该 PEM 私钥签名清单（SM2 用 SM3 摘要；RSA 或 ECDSA 用 SHA-256）；与 --sign-cert 同用',
        },
      },
      {
        name: 'sign-cert',
        arg: FILE,
        help: { en: "the signer's PEM certificate (put in the package as signer.pem)", zh: '签名者的 PEM 证书（作为 signer.pem 放入证据包）' },
      },
      { name: 'by', arg: NAME, help: { en: 'who produces the package (default: the user)', zh: '证据包的制作人（默认：当前用户）' } },
      ...LIVE_EVIDENCE,
      ENV,
      TODAY,
    ],
  },
  {
    name: 'evidence verify',
    summary: {
      en: "verify an evidence package: every file against the manifest, and the manifest's signature against the signer certificate you trust",
      zh: '校验证据包：每个文件与清单一致，清单签名与你所信任的签名者证书一致',
    },
    options: [
      { name: 'package', arg: DIR, help: { en: 'the evidence package folder (required)', zh: '证据包目录（必填）' } },
      {
        name: 'cert',
        arg: FILE,
        help: {
          en: "the signer's PEM certificate you trust (required; never the one in the package)",
          zh: '你所信任的签名者 PEM 证书（必填；不用包内的证书）',
        },
      },
    ],
  },
  PROBE,
  DRILL,
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
