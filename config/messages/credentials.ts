/** Bilingual messages: credentials in hand-written Terraform and the kinds of credential the screens name (see config/messages.ts, config/credentials.ts). */
import type { Bilingual } from '../vocabulary';

export const credentialMessages = {
  'override.credential': {
    en: 'looks like a credential ({what}); a hand-written Terraform file is merged into the synthesized stacks, their Terraform state and the evidence package: remove it (read it at deploy time from a Secret store, e.g. value_from.secret_key_ref, or a variable set in the deploy environment) and rotate it if it was committed',
    zh: '看起来是凭据（{what}）；手写的 Terraform 文件会合并进生成的栈、其 Terraform 状态和证据包：请删除（部署时从密钥存储读取，例如 value_from.secret_key_ref，或由部署环境设置的变量提供）；若已提交，请立即轮换该凭据',
  },
} satisfies Record<string, Bilingual>;

/** The kinds of credential the screens name (`credential:<what>` in message parameters). */
export const credentialWords: Readonly<Record<string, Bilingual>> = {
  'credential:password assignment': { en: 'password assignment', zh: '口令赋值' },
  'credential:passwd': { en: 'passwd', zh: 'passwd 口令' },
  'credential:token': { en: 'token', zh: '令牌' },
  'credential:key assignment': { en: 'key assignment', zh: '密钥赋值' },
  'credential:Chinese password label': { en: 'password after a Chinese label (密码/口令/密钥)', zh: '“密码/口令/密钥”标签后的口令' },
  'credential:authorization header': { en: 'Authorization header', zh: 'Authorization 认证头' },
  'credential:basic authentication': { en: 'basic authentication (user:password in base64)', zh: 'Basic 认证（base64 编码的用户名:口令）' },
  'credential:bearer token': { en: 'bearer token', zh: 'Bearer 令牌' },
  'credential:private key': { en: 'private key', zh: '私钥' },
  'credential:URL with user and password': { en: 'URL with user and password', zh: '带用户名和口令的 URL' },
  'credential:JSON Web Token': { en: 'JSON Web Token', zh: 'JWT 令牌' },
  'credential:Kubernetes bootstrap token': { en: 'Kubernetes bootstrap token', zh: 'Kubernetes 引导令牌' },
  'credential:OpenShift token': { en: 'OpenShift token', zh: 'OpenShift 令牌' },
  'credential:access token': { en: 'access token', zh: '访问令牌' },
  'credential:access key': { en: 'access key', zh: '访问密钥' },
  'credential:Alibaba Cloud access key': { en: 'Alibaba Cloud access key', zh: '阿里云访问密钥' },
  'credential:Tencent Cloud access key': { en: 'Tencent Cloud access key', zh: '腾讯云访问密钥' },
  'credential:Volcano Engine access key': { en: 'Volcano Engine access key', zh: '火山引擎访问密钥' },
  'credential:API key': { en: 'API key', zh: 'API 密钥' },
  'credential:password': { en: 'password', zh: '口令' },
  'credential:hexadecimal key': { en: 'hexadecimal key', zh: '十六进制密钥' },
  'credential:random token': { en: 'random token', zh: '随机令牌' },
  'credential:kubeconfig': { en: 'kubeconfig', zh: 'kubeconfig 凭据文件' },
  'credential:kubeconfig client key': { en: 'kubeconfig client key', zh: 'kubeconfig 客户端私钥' },
  'credential:file of credentials or engine state': { en: 'a file of credentials or engine state by its name', zh: '按文件名为凭据或引擎状态文件' },
  'credential:literal value': { en: 'literal value under a credential name', zh: '凭据名称下的明文值' },
};

/** The word of a kind of credential: a literal under a credential's name is one kind, whatever the name. */
export const credentialWord = (what: string): string => (what.startsWith('literal ') ? 'credential:literal value' : `credential:${what}`);
