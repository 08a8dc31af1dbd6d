/** The options and placeholders several commands share (cli/options.ts lists each command's). */
import type { OptionSpec } from './options';

export const DIR = { en: 'dir', zh: '目录' };
export const FILE = { en: 'file', zh: '文件' };
export const REF = { en: 'ref', zh: '分支' };
export const NAME = { en: 'name', zh: '名称' };

export const ENV: OptionSpec = {
  name: 'env',
  arg: DIR,
  help: { en: 'environment folder (default: environments/example-city)', zh: '环境目录（默认 environments/example-city）' },
};
export const TODAY: OptionSpec = {
  name: 'today',
  arg: { en: 'date', zh: '日期' },
  help: {
    en: "the day approvals and waivers are judged on, YYYY-MM-DD (default: today's date in Beijing)",
    zh: '判断审批和豁免所依据的日期，YYYY-MM-DD（默认：北京时间今天）',
  },
};
export const STACK: OptionSpec = {
  name: 'stack',
  arg: NAME,
  repeat: true,
  help: { en: 'only these stacks (default: all; see govcloud stacks)', zh: '只处理这些栈（默认全部；参见 govcloud stacks）' },
};
export const WORKERS: OptionSpec = {
  name: 'workers',
  arg: { en: 'n', zh: '数量' },
  help: {
    en: 'processes that build stacks, this one included, 1 to 64 (default: one per core, at most 4, for 500+ tenants)',
    zh: '构建栈的进程数（含本进程），1 到 64（默认：租户 500 个以上时每核一个，最多 4 个）',
  },
};
export const REPORT_OUT: OptionSpec = {
  name: 'out',
  arg: FILE,
  help: { en: 'write the report to this file instead of printing it', zh: '将报告写入该文件而不是打印' },
};
export const NETWORK: OptionSpec = {
  name: 'network',
  arg: { en: 'network', zh: '网络' },
  choices: ['extranet', 'intranet'],
  help: { en: 'only the stacks of this network', zh: '只处理该网络的栈' },
};
export const ENGINE: OptionSpec = {
  name: 'engine',
  arg: { en: 'engine', zh: '引擎' },
  choices: ['terraform', 'tofu'],
  help: { en: 'the engine to run (default: terraform, else tofu, whichever is on PATH)', zh: '运行的引擎（默认：PATH 中的 terraform，否则 tofu）' },
};
export const AFFECTED_BY: OptionSpec = {
  name: 'affected-by',
  arg: REF,
  help: {
    en: 'only the stacks whose synthesized resources differ from REF; refused while a tenant would lose data without an approved decommission',
    zh: '只处理生成结果与 REF 不同的栈；若有租户未经批准下线而丢失数据则拒绝',
  },
};

/** In the order `govcloud --help` lists them. */
