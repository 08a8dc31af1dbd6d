/** What the CLI itself says, in both languages. */
import { Lang } from '../config/messages';

const texts = {
  usage: {
    en: `Usage: govcloud <command> [options]

Commands:
  validate                 check the platform and every tenant request file
  synth [--stack NAME…]    validate, then synthesize stacks (default: all) [--out DIR]
  stacks                   list the stacks in apply order
  schema [--check]         write (or check) the JSON Schemas in schema/
  check                    graded-protection (等保) check per tenant and clause
        [--tenant NAME…] [--level 1-4] [--format text|md|json|sarif] [--out FILE]
        [--from DIR] (judge a synth output instead of synthesizing) [--summary]
  plan [--stack NAME…|--affected-by REF] [--network N] [--engine terraform|tofu] [--destroy]
                           synth, then init + plan each stack in order (saves tfplan;
                           full engine log in govcloud-plan.log next to each stack)
  apply [--stack NAME…|--affected-by REF|--planned] [--network N] [--engine …]
                           apply each stack's saved, reviewed plan, in order
  codeowners [--flavor github|gitlab] [--out FILE]   write CODEOWNERS from the model
  new tenant --county C --name N [--department D]   scaffold a request file
  pr --base REF            pull-request summary: changed tenants, stacks, resources, capacity,
        checks, data at risk, approvers [--format md|json] [--out FILE]

Options:
  --env DIR     environment folder (default: environments/example-city)
  --lang zh|en  language of messages (default: from the locale)
  --out DIR     output folder of synth (default: cdktf.out)
  --workers N   synth worker processes (default: one per core for 500+ tenants)
  --quiet       no progress output`,
    zh: `用法：govcloud <命令> [选项]

命令：
  validate                 校验平台文件和所有租户申请文件
  synth [--stack 名称…]    校验后生成 Terraform 栈（默认全部）[--out 目录]
  stacks                   按部署顺序列出所有栈
  schema [--check]         生成（或检查）schema/ 中的 JSON Schema
  check                    按租户、按条款进行等保合规检查
        [--tenant 名称…] [--level 1-4] [--format text|md|json|sarif] [--out 文件]
        [--from 目录]（检查已生成的输出）[--summary]
  plan [--stack 名称…|--affected-by 分支] [--network 网络] [--engine terraform|tofu] [--destroy]
                           生成后按顺序对每个栈 init + plan（保存 tfplan；
                           完整引擎日志在各栈目录的 govcloud-plan.log）
  apply [--stack 名称…|--affected-by 分支|--planned] [--network 网络] [--engine …]
                           按顺序执行每个栈已审阅的 plan
  codeowners [--flavor github|gitlab] [--out 文件]   按模型生成 CODEOWNERS
  new tenant --county 县区 --name 名称 [--department 部门]   生成租户申请文件模板
  pr --base 分支           合并请求摘要：变更的租户、栈、资源、容量、等保检查、数据风险、审批人
        [--format md|json] [--out 文件]

选项：
  --env 目录    环境目录（默认 environments/example-city）
  --lang zh|en  消息语言（默认取自系统区域设置）
  --out 目录    synth 输出目录（默认 cdktf.out）
  --workers N   synth 并行进程数（默认：租户 500 个以上时每核一个）
  --quiet       不显示进度`,
  },
  summaryOk: { en: '{files} files checked: no errors, {warnings} warnings', zh: '已检查 {files} 个文件：无错误，{warnings} 个警告' },
  summaryFail: { en: '{files} files checked: {errors} errors, {warnings} warnings', zh: '已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告' },
  utilHeader: { en: 'Capacity granted per cluster (of capacity × over-commit):', zh: '各集群已分配容量（占 容量×超分比 的比例）：' },
  synthDone: { en: 'Synthesized {count} stacks ({resources} resources, {size}) into {out} in {seconds} s', zh: '已生成 {count} 个栈（{resources} 个资源，{size}）到 {out}，用时 {seconds} 秒' },
  progress: { en: '[{done}/{total}] {stack}', zh: '[{done}/{total}] {stack}' },
  unknownCommand: { en: 'unknown command {value} (known: validate, synth, stacks, schema, check, pr, plan, apply, codeowners, new)', zh: '未知命令 {value}（可用：validate、synth、stacks、schema、check、pr、plan、apply、codeowners、new）' },
  unknownStack: { en: 'unknown stack {value}{suggestion} (see govcloud stacks)', zh: '未知的栈 {value}{suggestion}（参见 govcloud stacks）' },
  isolation: {
    en: 'physical isolation violated: {stack} ({network}) refers to {what} {marker} of the other network at {path}: {value}',
    zh: '违反物理隔离：{stack}（{network}）在 {path} 引用了另一网络的{what} {marker}：{value}',
  },
  retiredStack: {
    en: 'stack {stack} ({network}) no longer holds anything: synthesized empty, so its plan destroys what it deployed; remove its folder after that apply',
    zh: '栈 {stack}（{network}）已不再包含任何资源：已生成空栈，其 plan 将销毁此前部署的对象；apply 之后可删除其目录',
  },
  planRefused: { en: 'plan refused: {reason}', zh: '拒绝生成计划：{reason}' },
  noSavedPlan: { en: 'no stack has a saved plan in {out}: run govcloud plan first', zh: '{out} 中没有任何栈有已保存的计划：请先运行 govcloud plan' },
  isolationCheck: {
    en: 'check failed: {count} isolation violations, which synth refuses',
    zh: '检查未通过：{count} 处隔离违规，生成时将被拒绝',
  },
  isolationSummary: { en: 'synth refused: {count} isolation violations; nothing was written', zh: '拒绝生成：{count} 处隔离违规；未写入任何文件' },
  schemaStale: { en: '{file} is stale; run: npm run schema', zh: '{file} 已过期；请运行 npm run schema' },
  schemaWritten: { en: 'wrote {file}', zh: '已写入 {file}' },
  schemaCurrent: { en: 'JSON Schemas are current', zh: 'JSON Schema 均为最新' },
  internal: {
    en: 'internal error: {message} (this is a bug in govcloud; please report it with the command you ran)',
    zh: '内部错误：{message}（这是 govcloud 的缺陷，请连同所执行的命令一并报告）',
  },
  usageError: { en: '{message}\nRun govcloud --help for usage.', zh: '{message}\n运行 govcloud --help 查看用法。' },
  outNoFolder: { en: '--out {path}: folder {folder} does not exist; create it first or choose another path', zh: '--out {path}：目录 {folder} 不存在；请先创建该目录或另选路径' },
  outParentIsFile: { en: '--out {path}: {file} is a file, not a folder', zh: '--out {path}：{file} 是文件而不是目录' },
  outIsFolder: { en: '--out {path} is a folder; give the path of the file to write', zh: '--out {path} 是目录；请给出要写入的文件路径' },
  outIsFile: { en: '--out {path} is a file; synth writes a folder of stacks there: choose a folder', zh: '--out {path} 是文件；synth 会在该处写入栈目录：请选择一个目录' },
  fileError: { en: 'cannot use {path}: {reason}', zh: '无法使用 {path}：{reason}' },
} as const;

export type TextKey = keyof typeof texts;

export function t(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return texts[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}
