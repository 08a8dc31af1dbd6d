/**
 * Bilingual message catalog. Identifiers stay in English; what people read comes in Chinese or
 * English. Templates use `{name}` placeholders filled from the issue's params.
 */
import { Bilingual, didYouMean, Lang } from './vocabulary';
import { formatWords } from './formats';
import { unsafeToEcho } from './credentials';
import { fileMessages } from './messages/files';
import { schemaMessages } from './messages/schema';
import { networkMessages } from './messages/network';
import { capacityMessages } from './messages/capacity';
import { diskMessages } from './messages/disk';
import { allowlistMessages } from './messages/allowlists';
import { credentialMessages, credentialWords } from './messages/credentials';
import { boundsMessages } from './messages/bounds';
import { recoveryMessages } from './messages/recovery';
import { drillMessages } from './messages/drills';
import { placeholderMessages } from './messages/placeholders';
import { mlpsRecordMessages } from './messages/mlps-records';
import { approvalMessages } from './messages/approvals';

export type { Lang };
export type MessageParams = Readonly<Record<string, string | number>>;

type Template = Bilingual;

const catalog = {
  ...fileMessages,
  ...schemaMessages,
  ...networkMessages,
  ...capacityMessages,
  ...diskMessages,
  ...allowlistMessages,
  ...credentialMessages,
  ...boundsMessages,
  ...recoveryMessages,
  ...drillMessages,
  ...placeholderMessages,
  ...mlpsRecordMessages,
  ...approvalMessages,
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof catalog;

const words: Readonly<Record<string, Template>> = {
  extranet: { en: 'extranet', zh: '外网' },
  intranet: { en: 'intranet', zh: '内网' },
  items: { en: 'items', zh: '条目' },
  characters: { en: 'characters', zh: '字符' },
  list: { en: 'a list', zh: '列表' },
  mapping: { en: 'a mapping', zh: '映射' },
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  int: { en: 'a whole number', zh: '整数' },
  'string|number': { en: 'a string or a number', zh: '字符串或数字' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  null: { en: 'nothing (null)', zh: '空值 (null)' },
  county: { en: 'county', zh: '县区' },
  site: { en: 'site', zh: '站点' },
  cluster: { en: 'cluster', zh: '集群' },
  'node pool': { en: 'node pool', zh: '节点池' },
  // reasons of file.unreadable given by config/files.ts
  ESYMLINK: {
    en: 'it is a symbolic link, and links are refused: request and platform files must be regular files in the repository, so that a link cannot make govcloud read a file outside it and echo its values in errors and pull-request summaries; commit the file itself',
    zh: '该路径是符号链接，符号链接一律拒绝：申请文件和平台文件必须是仓库中的普通文件，以免通过链接读取仓库以外的文件并在错误信息和合并请求摘要中泄露其内容；请直接提交文件本身',
  },
  ENOTREG: {
    en: 'it is not a regular file (a folder, device, pipe or socket); request and platform files must be regular files',
    zh: '该路径不是普通文件（目录、设备、管道或套接字）；申请文件和平台文件必须是普通文件',
  },
  // kinds of credential (config/credentials.ts)
  ...credentialWords,
  'json:value': { en: 'a value', zh: '一个值' },
  'json:name': { en: 'a property name in double quotes', zh: '双引号括起的属性名' },
  'json:commaOrBrace': { en: '"," or "}"', zh: '"," 或 "}"' },
  'json:commaOrBracket': { en: '"," or "]"', zh: '"," 或 "]"' },
  'json:closingQuote': { en: 'the closing quote of the string', zh: '字符串的结束引号' },
  'json:escape': { en: 'an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', zh: '转义序列（\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）' },
  'json:eof': { en: 'the end of the file', zh: '文件结尾' },
  'json:newline': { en: 'a line break', zh: '换行' },
  'json:control': { en: 'a control character', zh: '控制字符' },
  ...formatWords(),
};

/** Non-ASCII characters listed in a quoted value at most; the rest is `…`. */
const MAX_CODE_POINTS = 3;

/**
 * A value in double quotes and, when it holds characters outside ASCII, their code points and
 * positions: `"civil-аffairs" (U+0430 at 7)`. A Cyrillic а, a full-width letter or a no-break
 * space looks like what the pattern wants and is not; the code point shows which one.
 */
export function quote(value: string, lang: Lang): string {
  const chars = Array.from(value);
  const odd = chars.flatMap((c, i) => ((c.codePointAt(0) ?? 0) > 0x7e || (c.codePointAt(0) ?? 0) < 0x20 ? [{ c, at: i + 1 }] : []));
  if (odd.length === 0) return JSON.stringify(value);
  const cp = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const more = odd.length > MAX_CODE_POINTS ? (lang === 'zh' ? '等' : ', …') : '';
  const listed = odd.slice(0, MAX_CODE_POINTS);
  return lang === 'zh'
    ? `${JSON.stringify(value)}（${listed.map((x) => `第 ${x.at} 个字符为 ${cp(x.c)}`).join('，')}${more}）`
    : `${JSON.stringify(value)} (${listed.map((x) => `${cp(x.c)} at ${x.at}`).join(', ')}${more})`;
}

/** A message parameter rendered by {@link quote} in the reader's language. */
export function quoted(value: string): string {
  return `quoted:${value}`;
}

/** Translates a known vocabulary word (network names, units) and leaves anything else as is. */
export function word(value: string, lang: Lang): string {
  if (value.startsWith('quoted:')) return quote(value.slice('quoted:'.length), lang);
  if (value.startsWith('suggest:')) {
    const name = value.slice('suggest:'.length);
    if (name === '') return '';
    return didYouMean(name, lang);
  }
  const w = words[value];
  return w === undefined ? value : w[lang];
}

/** What is printed instead of a value that looks like a credential. */
function withheld(what: string, lang: Lang): string {
  return lang === 'zh'
    ? `（值未显示：看起来是${word(`credential:${what}`, lang)}）`
    : `(value not shown: it looks like a credential, ${word(`credential:${what}`, lang)})`;
}

export function renderMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  const template: Template = catalog[code];
  return template[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (typeof v === 'number') return String(v);
    // a rejected value is printed back, unless it could be a credential: errors reach CI logs and pull-request comments
    const secret = v.startsWith('suggest:') ? undefined : unsafeToEcho(v.startsWith('quoted:') ? v.slice('quoted:'.length) : v);
    return secret === undefined ? word(v, lang) : withheld(secret, lang);
  });
}

export function knownCodes(): MessageCode[] {
  return Object.keys(catalog) as MessageCode[];
}

/** Chooses the language: an explicit flag wins, then LC_ALL / LC_MESSAGES / LANG starting with zh. */
export function langFromEnv(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
