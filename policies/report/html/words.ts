/** The words of the HTML report and its topology picture, in both languages. */
import type { Lang } from '../../../config/messages';

const WORDS = {
  topology: { en: 'Topology of the city', zh: '城市政务云拓扑' },
  topologyNote: {
    en: 'Drawn from platform.yaml, the request files and the judged stacks: a flow is what the NetworkPolicies of the judged Terraform open, hand-written files included. Tenants are coloured by their result; click one for its section.',
    zh: '根据 platform.yaml、各申请文件和被检查的栈绘制：访问关系取自被检查的 Terraform 中网络策略实际放行的路径（含手写文件）。租户按检查结果着色；点击租户可跳到其章节。',
  },
  topologyAggregated: {
    en: 'Drawn from platform.yaml, the request files and the judged stacks, one box per department per zone ({tenants} tenants in {groups} boxes): the count of its tenants and how many fail; a line is every flow the judged NetworkPolicies open between two boxes, with their count (red when the zoning does not allow one of them). Click a box for the department.',
    zh: '根据 platform.yaml、各申请文件和被检查的栈绘制，每个部门在每个分区一个方框（{tenants} 个租户，{groups} 个方框）：方框内为租户数及不通过数；连线为被检查的网络策略在两个方框之间放行的全部访问关系及其数量（其中有分区不允许的即为红色）。点击方框可查看该部门。',
  },
  tenantTopology: { en: 'Where it is and what reaches it', zh: '所在位置与访问关系' },
  tenantTopologyNote: {
    en: 'Its zone, and every flow in and out that the NetworkPolicies of the judged stacks open (hand-written files included); red: the zoning does not allow it.',
    zh: '其所在分区，以及被检查的栈中网络策略放行的全部出入访问关系（含手写文件）；红色：分区不允许。',
  },
  flowsIn: { en: 'in', zh: '入' },
  flowsOut: { en: 'out', zh: '出' },
  noFlows: { en: 'no flow to or from another tenant, zone or the Internet', zh: '与其他租户、分区或互联网之间没有访问关系' },
  anywhere: { en: 'anywhere ({what})', zh: '任意来源或目标（{what}）' },
  zoneEnd: { en: 'zone {zone}', zh: '分区 {zone}' },
  undeclared: { en: 'not declared in the request files', zh: '申请文件中未声明' },
  groupLine: { en: '{tenants} tenants · {fail} fail', zh: '租户 {tenants} 个 · 不通过 {fail} 个' },
  flowCount: { en: '{n} flows', zh: '{n} 条访问关系' },
  flowCountRed: { en: '{n} flows, {red} not allowed by the zoning', zh: '{n} 条访问关系，其中 {red} 条分区不允许' },
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
  legendUndeclared: { en: 'flow the judged stacks open that no request declares (hand-written)', zh: '被检查的栈放行、但申请文件未声明的访问关系（手写）' },
  legendGroupOk: { en: 'department in a zone: no tenant with unwaived failures', zh: '部门（按分区）：没有租户有未豁免的不通过项' },
  legendGroupWaived: { en: 'department in a zone: waived findings only', zh: '部门（按分区）：仅有已豁免项' },
  legendGroupFail: { en: 'department in a zone: a tenant with unwaived failures', zh: '部门（按分区）：有租户存在未豁免的不通过项' },
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
