/** Bilingual messages: allow-lists with boundaries and stack names that cannot collide (see config/messages.ts). */
import type { Bilingual } from '../vocabulary';

export const allowlistMessages = {
  'stack.collision': {
    en: 'county {county} and department {department} make the stack name {value} on cluster {cluster}, and so do county {otherCounty} and department {otherDepartment} of {other}: a stack name joins county, department and cluster with "-", so both departments would share one Terraform state; change one department code (or county code) so that the joined names differ',
    zh: '县区 {county} 与部门 {department} 在集群 {cluster} 上的栈名为 {value}，与 {other} 中县区 {otherCounty}、部门 {otherDepartment} 的栈名相同：栈名以 "-" 连接县区、部门和集群，两个部门将共用同一份 Terraform 状态；请修改其中一个部门代码（或县区代码），使连接后的名称不同',
  },
  'egress.hostWildcard': {
    en: 'Internet host {value} is a wildcard: the egress allow-list takes exact DNS names such as api.example.cn; a wildcard is allowed only when platform.yaml lists it for this tenant under spec.egress.wildcards ({ tenant: {tenant}, host: {value} })',
    zh: '互联网主机 {value} 是通配符：出口白名单只接受精确的域名，如 api.example.cn；通配符须由 platform.yaml 在 spec.egress.wildcards 中为本租户列出（{ tenant: {tenant}, host: {value} }）方可使用',
  },
  'egress.hostInternal': {
    en: 'Internet host {value} is not a name of the public Internet ({part} names a cluster-internal, private or special-use name): the egress gateway reaches the public Internet only; give the exact public DNS name, and reach other tenants with a flow to tenant/<county>/<name>',
    zh: '互联网主机 {value} 不是公网域名（{part} 属于集群内部、私有或特殊用途名称）：统一出口只通往公网；请填写精确的公网域名，访问其他租户请使用到 tenant/<县区>/<名称> 的流向',
  },
  'egress.hostMetadata': {
    en: 'Internet host {value} is a cloud metadata endpoint or a link-local address ({part}): it hands out the credentials of the node and is never allowed through the egress gateway',
    zh: '互联网主机 {value} 是云元数据端点或链路本地地址（{part}）：该端点发放节点凭据，任何情况下都不允许经统一出口访问',
  },
  'egress.hostAddress': {
    en: 'Internet host {value} is an IP address: the egress allow-list takes exact DNS names of the public Internet such as api.example.cn',
    zh: '互联网主机 {value} 是 IP 地址：出口白名单只接受精确的公网域名，如 api.example.cn',
  },
  'egress.hostEncoded': {
    en: 'Internet host {value} resolves to an address spelt in its name ({part}): such names reach any address, inside the city too; give the exact DNS name of the service itself',
    zh: '互联网主机 {value} 解析到其名称中写出的地址（{part}）：此类名称可指向任意地址（包括城市内部地址）；请填写服务本身的精确域名',
  },
  'egress.wildcardUnknownTenant': {
    en: 'wildcard allowance for unknown tenant {value} (known: {known}){suggestion}',
    zh: '通配符许可指向未知租户 {value}（已知：{known}）{suggestion}',
  },
  'egress.wildcardNotWildcard': {
    en: 'host {value} is not a wildcard: list only *.suffix patterns here (an exact name needs no allowance), e.g. *.api.example.cn',
    zh: '主机 {value} 不是通配符：此处只列 *.后缀 形式（精确域名无需许可），如 *.api.example.cn',
  },
  'egress.wildcardTooBroad': {
    en: 'wildcard {value} covers a top-level domain or a suffix shared by many owners (such as *.com.cn, *.gov.cn): allow a suffix the service owns, such as *.api.example.cn',
    zh: '通配符 {value} 覆盖顶级域名或多方共用的后缀（如 *.com.cn、*.gov.cn）：请只许可服务方自有的后缀，如 *.api.example.cn',
  },
  'backup.endpointQuery': {
    en: 'backup endpoint {value} carries a query string or a fragment (not shown here): a credential could ride in it, and Velero reads none; write s3://bucket[/prefix] or https://host/bucket[/prefix], and keep credentials in the backup secret',
    zh: '备份存储地址 {value} 带有查询串或片段（此处不显示）：其中可能夹带凭据，且 Velero 不读取；请写为 s3://存储桶[/前缀] 或 https://主机/存储桶[/前缀]，凭据放在备份密钥中',
  },
  'backup.endpointMetadata': {
    en: 'backup endpoint host {value} is a cloud metadata endpoint or a link-local address: backups go to the storage of the site, in its backup storage range {cidr}',
    zh: '备份存储主机 {value} 是云元数据端点或链路本地地址：备份应写入本站点的备份存储，位于其备份存储地址段 {cidr} 内',
  },
  'backup.endpointOutsideCidr': {
    en: "backup endpoint address {value} lies outside the site's backup storage range {cidr} (backupStorage.cidr), the only range Velero may reach: give the storage's address inside it, or correct the range",
    zh: '备份存储地址 {value} 不在本站点的备份存储地址段 {cidr}（backupStorage.cidr）内，而 Velero 只能访问该地址段：请填写该地址段内的存储地址，或更正地址段',
  },
  'backup.endpointInternal': {
    en: "backup endpoint host {value} is not a name of the site's storage ({part} names a cluster-internal, private or special-use name): give the storage's DNS name, whose addresses lie in {cidr}, or its address",
    zh: '备份存储主机 {value} 不是站点存储的名称（{part} 属于集群内部、私有或特殊用途名称）：请填写存储的域名（其地址位于 {cidr} 内）或其地址',
  },
  'backup.endpointEncoded': {
    en: "backup endpoint host {value} resolves to an address spelt in its name ({part}): give the storage's own DNS name, or its address inside {cidr}",
    zh: '备份存储主机 {value} 解析到其名称中写出的地址（{part}）：请填写存储本身的域名，或其位于 {cidr} 内的地址',
  },
} satisfies Record<string, Bilingual>;
