/** The words of the HTML report and its topology picture, in both languages. */
import type { Lang } from '../../../config/messages';

const WORDS = {
  topology: { en: 'Topology of the city', zh: '城市政务云拓扑' },
  topologyNote: {
    en: 'Drawn from platform.yaml and the request files. Tenants are coloured by their result; click one for its section.',
    zh: '根据 platform.yaml 和各申请文件绘制。租户按检查结果着色；点击租户可跳到其章节。',
  },
  internet: { en: 'Internet', zh: '互联网' },
  egress: { en: 'Unified Internet egress', zh: '互联网统一出口' },
  extranet: { en: 'E-government extranet', zh: '电子政务外网' },
  intranet: { en: 'E-government intranet (classified)', zh: '电子政务内网（涉密）' },
  isolation: { en: 'Physical isolation: nothing crosses this line', zh: '物理隔离：任何连接不得跨越此线' },
  'public-service': { en: 'Public-service zone', zh: '公共服务域' },
  administrative: { en: 'Administrative zone', zh: '行政服务域' },
  exchange: { en: 'Exchange zone', zh: '共享交换域' },
  intranetTenants: { en: 'Intranet tenants', zh: '内网租户' },
  primary: { en: 'primary center', zh: '主中心' },
  'same-city': { en: 'same-city DR', zh: '同城灾备' },
  remote: { en: 'remote DR', zh: '异地灾备' },
  clusterLine: { en: '{tenants} tenants · {replicas} replicas', zh: '租户 {tenants} 个 · 副本 {replicas} 个' },
  replicasTo: { en: '{n} replicas', zh: '副本 {n} 个' },
  noTenants: { en: 'no tenants', zh: '无租户' },
  levelShort: { en: 'L{n}', zh: '{n}级' },
  legend: { en: 'Legend', zh: '图例' },
  legendFlow: { en: 'declared flow', zh: '申报的访问关系' },
  legendSuspect: {
    en: 'flow the zoning does not allow (not through the exchange zone, Internet from outside the public-service zone, or across the isolation)',
    zh: '分区不允许的访问关系（未经共享交换域、非公共服务域访问互联网、或跨越物理隔离）',
  },
  legendReplica: { en: 'disaster-recovery replicas', zh: '灾备副本' },
  legendOk: { en: 'tenant: no unwaived failure', zh: '租户：无未豁免的不通过项' },
  legendWaived: { en: 'tenant: waived findings only', zh: '租户：仅有已豁免项' },
  legendFail: { en: 'tenant: unwaived failures', zh: '租户：有未豁免的不通过项' },
  contents: { en: 'Contents', zh: '目录' },
  verdictFail: { en: '{n} unwaived error findings: the check fails.', zh: '有 {n} 项未豁免的错误级不通过项：检查不通过。' },
  verdictPass: { en: 'No unwaived error finding: the check passes.', zh: '没有未豁免的错误级不通过项：检查通过。' },
  verdictOpen: {
    en: 'No unwaived error finding, and the assessment is not complete: {manual} control points need manual evidence and {partly} are only partly automated (counted per tenant at its level); the assessor judges those.',
    zh: '没有未豁免的错误级不通过项，但测评尚未完成：{manual} 个控制点需人工证据，{partly} 个仅部分自动化（按各租户等级逐一计数），须由测评人员判定。',
  },
  tenantOpen: { en: 'no failure · {partly} partly · {manual} manual', zh: '无不通过项 · 部分 {partly} · 人工 {manual}' },
  generatedBy: {
    en: 'Written by govcloud check from the request files and the synthesized Terraform; the same input gives the same file.',
    zh: '由 govcloud check 根据申请文件和生成的 Terraform 编写；相同输入得到相同文件。',
  },
  displayName: { en: 'name', zh: '名称' },
  department: { en: 'department', zh: '部门' },
  county: { en: 'county', zh: '县区' },
  placement: { en: 'network / zone / cluster', zh: '网络 / 分区 / 集群' },
  dr: { en: 'disaster recovery', zh: '灾备' },
  approval: { en: 'approval', zh: '立项审批' },
  findings: { en: 'Findings', zh: '检查结果' },
  noWaivers: { en: 'No waivers.', zh: '无豁免。' },
  replicaOn: { en: '{cluster} ({mode})', zh: '{cluster}（{mode}）' },
  none: { en: 'none', zh: '无' },
} as const;

export type HtmlWord = keyof typeof WORDS;

export function hw(word: HtmlWord, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return WORDS[word][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
