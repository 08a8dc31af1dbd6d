/** Bilingual messages: files (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const fileMessages = {
  // files
  'file.notFound': { en: 'file not found: expected {expected}', zh: '找不到文件：应为 {expected}' },
  'file.unreadable': { en: 'cannot read file ({reason})', zh: '无法读取文件（{reason}）' },
  'file.empty': { en: 'file is empty: expected one {kind} document', zh: '文件为空：应包含一个 {kind} 文档' },
  'file.binary': {
    en: 'file is not UTF-8 text (binary content near byte {offset})',
    zh: '文件不是 UTF-8 文本（第 {offset} 字节附近为二进制内容）',
  },
  'file.notUtf8': {
    en: 'the file is not UTF-8: byte {byte} here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8',
    zh: '文件不是 UTF-8 编码：此处的字节 {byte} 不是有效的 UTF-8（是否以 GBK 或 Latin-1 保存？）；请将文件另存为 UTF-8',
  },
  'file.tooLarge': {
    en: 'file is {size} bytes, more than the limit of {limit} bytes',
    zh: '文件大小 {size} 字节，超过上限 {limit} 字节',
  },
  'file.misplaced': {
    en: 'request files belong in tenants/<county>/<name>.yaml, got {value}',
    zh: '申请文件应位于 tenants/<县区>/<名称>.yaml，实际为 {value}',
  },
  'env.notFound': { en: 'environment folder {value} does not exist', zh: '环境目录 {value} 不存在' },
  'output.notFound': {
    en: 'synth output folder {value} does not exist: run govcloud synth --out {value} first',
    zh: '生成输出目录 {value} 不存在：请先运行 govcloud synth --out {value}',
  },
  'output.empty': {
    en: 'folder {value} holds no synthesized stack (extranet/stacks/<name>/cdk.tf.json or intranet/…): run govcloud synth --out {value} first',
    zh: '目录 {value} 中没有已生成的栈（extranet/stacks/<名称>/cdk.tf.json 或 intranet/…）：请先运行 govcloud synth --out {value}',
  },
  'yaml.syntax': { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误：{detail}' },
  'yaml.unknownTag': {
    en: 'unknown YAML tag {tag}: request files are plain YAML, nothing resolves tags such as !Ref here; write the value itself',
    zh: '未知的 YAML 标签 {tag}：申请文件为普通 YAML，此处不解析 !Ref 等标签；请直接填写取值',
  },
  'yaml.duplicateKey': { en: 'duplicate key {key}', zh: '重复的键 {key}' },
  'yaml.aliasBomb': {
    en: 'YAML aliases expand too much (more than {limit} expansions); write the values out',
    zh: 'YAML 别名展开过多（超过 {limit} 次）；请直接写出取值',
  },
  'yaml.aliasCycle': {
    en: 'this alias refers to a value that contains it, which nests without end; write the value out',
    zh: '此处的别名引用了包含它自身的取值，会无限嵌套；请直接写出取值',
  },
  'yaml.tooDeep': {
    en: 'YAML is nested more than {limit} levels deep; a request needs a handful: flatten it',
    zh: 'YAML 嵌套超过 {limit} 层；申请文件只需几层：请减少嵌套',
  },
  'override.notAFolder': {
    en: '{name} is not read: overrides/ holds one folder per stack (overrides/<stack>/*.tf.json)',
    zh: '{name} 不会被读取：overrides/ 下应为每个栈一个目录（overrides/<栈>/*.tf.json）',
  },
  'override.unknownStack': {
    en: 'no stack {name}: its overrides would never be applied{suggestion} (see govcloud stacks)',
    zh: '没有名为 {name} 的栈：其中的覆盖文件永远不会生效{suggestion}（参见 govcloud stacks）',
  },
  'override.hcl': {
    en: '{name} is HCL, which is not read: write hand-added Terraform in JSON syntax as *.tf.json',
    zh: '{name} 为 HCL 格式，不会被读取：手写的 Terraform 请以 JSON 语法写为 *.tf.json',
  },
  'override.ignored': {
    en: '{name} is not read: only *.tf.json files of a stack folder are applied with the stack',
    zh: '{name} 不会被读取：栈目录中只有 *.tf.json 文件会随栈一起部署',
  },
  'json.syntax': { en: 'JSON syntax error: expected {expected}, found {found}', zh: 'JSON 语法错误：应为 {expected}，实际为 {found}' },
  'json.tooDeep': {
    en: 'JSON is nested more than {limit} levels deep; Terraform needs far fewer: flatten it',
    zh: 'JSON 嵌套超过 {limit} 层；Terraform 配置远不需要这么深：请减少嵌套',
  },
  'json.notObject': {
    en: 'a Terraform JSON file holds one object (resource, data, variable, …), got {received}',
    zh: 'Terraform JSON 文件应为一个对象（resource、data、variable 等），实际为 {received}',
  },
  'yaml.multiDoc': {
    en: 'file holds {count} YAML documents; put exactly one per file',
    zh: '文件包含 {count} 个 YAML 文档；每个文件只能有一个',
  },
  'yaml.notMapping': {
    en: 'top level must be a mapping with apiVersion, kind, metadata and spec, got {received}',
    zh: '顶层必须是包含 apiVersion、kind、metadata 和 spec 的映射，实际为 {received}',
  },
} satisfies Record<string, Bilingual>;
