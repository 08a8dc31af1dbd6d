/** What the CLI itself says, in both languages. */
import { Lang } from '../config/messages';

const texts = {
  summaryOk: { en: '{files} files checked: no errors, {warnings} warnings', zh: '已检查 {files} 个文件：无错误，{warnings} 个警告' },
  summaryFail: { en: '{files} files checked: {errors} errors, {warnings} warnings', zh: '已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告' },
  utilHeader: { en: 'Capacity granted per cluster (of capacity × over-commit):', zh: '各集群已分配容量（占 容量×超分比 的比例）：' },
  synthDone: {
    en: 'Synthesized {count} stacks ({resources} resources, {size}; {cached} unchanged, from the cache) into {out} in {seconds} s',
    zh: '已生成 {count} 个栈（{resources} 个资源，{size}；{cached} 个未变，取自缓存）到 {out}，用时 {seconds} 秒',
  },
  progress: { en: '[{done}/{total}] {stack}', zh: '[{done}/{total}] {stack}' },
  unknownCommand: { en: 'unknown command {value} (known: {known})', zh: '未知命令 {value}（可用：{known}）' },
  unknownOption: { en: 'unknown option {option}{suggestion} (known for {command}: {known})', zh: '未知选项 {option}{suggestion}（{command} 可用：{known}）' },
  optionElsewhere: {
    en: '{option} belongs to {owners}, not {command} (known for {command}: {known})',
    zh: '{option} 属于 {owners}，不属于 {command}（{command} 可用：{known}）',
  },
  optionAfterCommand: { en: '{option} goes after a command that takes it: {owners}', zh: '{option} 应写在使用它的命令之后：{owners}' },
  optionNeedsValue: { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  optionTakesNoValue: { en: 'option {option} takes no value, got {value}', zh: '选项 {option} 不接受取值，收到 {value}' },
  optionTwice: { en: 'option {option} given twice', zh: '选项 {option} 重复给出' },
  badChoice: { en: '{option} must be {allowed}, got {value}', zh: '{option} 只能是 {allowed}，收到 {value}' },
  unexpectedArgument: { en: 'unexpected argument {value}', zh: '多余的参数 {value}' },
  helpOption: { en: 'show help for the command', zh: '显示命令帮助' },
  helpCommand: { en: 'show help for a command', zh: '显示某个命令的帮助' },
  choices: { en: '(choices: {values})', zh: '（可选：{values}）' },
  unknownStack: { en: 'unknown stack {value}{suggestion} (see govcloud stacks)', zh: '未知的栈 {value}{suggestion}（参见 govcloud stacks）' },
  isolation: {
    en: 'physical isolation violated: {stack} ({network}) refers to {what} {marker} of the other network at {path}: {value}',
    zh: '违反物理隔离：{stack}（{network}）在 {path} 引用了另一网络的{what} {marker}：{value}',
  },
  retiredStack: {
    en: 'stack {stack} ({network}) no longer holds anything: synthesized empty, so its plan destroys what it deployed; remove its folder after that apply',
    zh: '栈 {stack}（{network}）已不再包含任何资源：已生成空栈，其 plan 将销毁此前部署的对象；apply 之后可删除其目录',
  },
  stacksRefused: { en: 'refused: {reason}', zh: '拒绝：{reason}' },
  planRefused: { en: 'plan refused: {reason}', zh: '拒绝生成计划：{reason}' },
  noSavedPlan: { en: 'no stack has a saved plan in {out}: run govcloud plan first', zh: '{out} 中没有任何栈有已保存的计划：请先运行 govcloud plan' },
  badShortcuts: { en: '{name}={value} is not a setting (allowed: on, off)', zh: '{name}={value} 不是有效取值（可选：on、off）' },
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
  outNoFolder: {
    en: '--out {path}: folder {folder} does not exist; create it first or choose another path',
    zh: '--out {path}：目录 {folder} 不存在；请先创建该目录或另选路径',
  },
  outParentIsFile: { en: '--out {path}: {file} is a file, not a folder', zh: '--out {path}：{file} 是文件而不是目录' },
  outIsFolder: { en: '--out {path} is a folder; give the path of the file to write', zh: '--out {path} 是目录；请给出要写入的文件路径' },
  outIsFile: {
    en: '--out {path} is a file; synth writes a folder of stacks there: choose a folder',
    zh: '--out {path} 是文件；synth 会在该处写入栈目录：请选择一个目录',
  },
  reportOutNotEmpty: {
    en: '--out {path} is a folder that holds something other than an HTML report; choose a new or empty folder, or a previous report folder (it is replaced whole), or a path ending in .html for one page',
    zh: '--out {path} 是含有 HTML 报告以外内容的目录；请选择新目录、空目录或以前的报告目录（整体替换），或以 .html 结尾的路径以写单个网页',
  },
  fileError: { en: 'cannot use {path}: {reason}', zh: '无法使用 {path}：{reason}' },
  evidenceOutRequired: { en: 'evidence needs --out DIR: the folder to write the package into', zh: 'evidence 需要 --out 目录：写入证据包的目录' },
  evidenceOutNotEmpty: {
    en: '--out {path} is not empty; choose a new or empty folder (a package is never mixed with other files)',
    zh: '--out {path} 不是空目录；请选择新目录或空目录（证据包不与其他文件混放）',
  },
  evidenceSecret: {
    en: 'refused: {file}:{line} holds a credential ({what}); credentials never go into an evidence package, nothing was written: remove it from the file (and rotate it) or leave the file out',
    zh: '拒绝：{file}:{line} 含有凭据（{what}）；凭据不得进入证据包，未写入任何文件：请从该文件中删除（并轮换该凭据），或不再提供该文件',
  },
  evidenceSignBoth: { en: 'give --sign-key and --sign-cert together', zh: '--sign-key 与 --sign-cert 须同时给出' },
  evidenceSigned: { en: 'Signed manifest.json ({algorithm}) as {signer}', zh: '已签名 manifest.json（{algorithm}），签名者：{signer}' },
  evidenceVerifyArgs: { en: 'evidence verify needs --package DIR and --cert FILE', zh: 'evidence verify 需要 --package 目录 与 --cert 文件' },
  evidenceVerified: {
    en: 'Verified {dir}: every file as listed, signed by {signer}; made by govcloud {version} ({commit}), {rules} rules, by {producer} on {day}',
    zh: '校验通过 {dir}：所有文件与清单一致，签名者 {signer}；由 govcloud {version}（{commit}）、{rules} 条规则制作，制作人 {producer}，日期 {day}',
  },
  evidenceNotVerified: { en: 'NOT verified {dir}: {count} problem(s)', zh: '校验失败 {dir}：{count} 个问题' },
  evidenceLiveOnly: {
    en: '--apiserver-cmdline, --audit-log and --probe-result are runtime evidence: give them with --live',
    zh: '--apiserver-cmdline、--audit-log 与 --probe-result 属于运行时证据：请与 --live 同用',
  },
  evidenceLiveMissing: { en: '{cluster}: no {kind} evidence: {why}', zh: '{cluster}：缺少 {kind} 证据：{why}' },
  evidenceLiveDone: {
    en: 'Runtime evidence: {taken} piece(s) taken, {problems} difference(s) from what was judged',
    zh: '运行时证据：采集 {taken} 项，与所评判内容不一致 {problems} 项',
  },
  evidenceDone: {
    en: 'Wrote the evidence package {out}: {files} files, {blocking} unwaived error findings and runtime differences; verify with: cd {out} && sha256sum -c SHA256SUMS',
    zh: '已写入证据包 {out}：{files} 个文件，{blocking} 项未豁免的错误级不通过项与运行时差异；校验方法：cd {out} && sha256sum -c SHA256SUMS',
  },
} as const;

export type TextKey = keyof typeof texts;

export function t(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return texts[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}
