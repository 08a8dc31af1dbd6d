/** What the general management control points ask (8.1.5 to 8.1.10: management centre, policies, organisation, staff, construction, operation). */
import { ControlAsks } from '../asks';
import { ask, collect, OPERATOR, DEPARTMENT, SECURITY } from './make';

export const MANAGEMENT_ASKS: Readonly<Record<string, ControlAsks>> = {
  '8.1.5.1': {
    asks: [
      ask(
        2,
        'partly',
        '系统管理员身份鉴别，只允许通过特定命令或界面操作，并审计',
        'System administrators authenticated, working only through specific commands or interfaces, audited',
        ['IAM-005'],
      ),
      ask(2, 'auto', '通过系统管理员对资源和运行进行配置、控制和管理', 'Resources and operations configured only by system administrators', ['IAM-005']),
    ],
    collect: collect(
      ['document', 'log'],
      '系统管理员名单与职责、操作审计日志样本',
      'List and duties of system administrators, samples of their audited operations',
      ...SECURITY,
    ),
  },
  '8.1.5.4': {
    asks: [
      ask(
        3,
        'manual',
        '划分特定的管理区域，对分布在网络中的安全设备或组件进行管控',
        'A dedicated management zone controlling the security devices and components',
      ),
      ask(3, 'manual', '建立安全的信息传输路径进行管理', 'A secure path for management traffic'),
      ask(3, 'manual', '对网络链路、安全设备、网络设备和服务器运行状况进行集中监测', 'Central monitoring of links, security and network devices, and servers'),
      ask(
        3,
        'partly',
        '对分散在各设备上的审计数据进行收集汇总和集中分析，留存时间符合法律法规要求',
        'Audit data collected and analysed centrally, kept as long as the law requires',
        ['AUDIT-001'],
      ),
      ask(3, 'partly', '对安全策略、恶意代码、补丁升级等安全相关事项进行集中管理', 'Security policies, malware and patches managed centrally', [
        'AUDIT-002',
        'AUDIT-003',
      ]),
      ask(3, 'manual', '对网络中发生的各类安全事件进行识别、报警和分析', 'Security events identified, alarmed and analysed'),
    ],
    collect: collect(
      ['screenshot', 'document'],
      '管理网络与监控平台截图、告警规则清单与近期安全事件分析记录',
      'Screenshots of the management network and monitoring platform, alarm rules and recent security-event analyses',
      ...OPERATOR,
    ),
  },
  '8.1.6': {
    asks: [ask(1, 'manual', '安全策略、管理制度、操作规程与记录表单', 'Security policy, management rules, procedures and record forms')],
    collect: collect(['document'], '网络安全管理制度汇编及发布、评审记录', 'The security management rule book with its issue and review records', ...SECURITY),
  },
  '8.1.7': {
    asks: [ask(1, 'manual', '岗位设置、人员配备、授权和审批、沟通和合作、审核和检查', 'Roles, staffing, authorisation, cooperation and reviews')],
    collect: collect(
      ['document'],
      '安全管理机构与岗位职责文件、授权审批记录、安全检查报告',
      'Security organisation and role descriptions, authorisation records, security inspection reports',
      ...SECURITY,
    ),
  },
  '8.1.8': {
    asks: [ask(1, 'manual', '人员录用、离岗、安全意识教育和培训、外部人员访问管理', 'Hiring, leaving, awareness training and visitor management')],
    collect: collect(
      ['document'],
      '保密协议、离岗交接记录、培训记录、外部人员访问登记',
      'Confidentiality agreements, leaving handovers, training records, visitor logs',
      ...DEPARTMENT,
    ),
  },
  '8.1.9': {
    asks: [
      ask(
        1,
        'manual',
        '定级备案、安全方案设计、产品采购、软件开发、工程实施、测试验收、服务供应商选择',
        'Grading and filing, security design, procurement, development, implementation, acceptance, supplier selection',
      ),
      ask(
        2,
        'partly',
        '定级结果报公安机关备案（申请中填写的备案证明编号、日期与受理机关）',
        'Filed with the public security bureau (the filing certificate number, date and authority the request states)',
        ['MGMT-001'],
      ),
      ask(
        3,
        'partly',
        '定期进行等级测评（第三级每年、第四级每半年至少一次），发现不符合的及时整改',
        'Graded-protection assessment at least yearly (level 3) or half-yearly (level 4), non-conformities rectified',
        ['MGMT-002'],
      ),
    ],
    collect: collect(
      ['document'],
      '定级报告与备案证明、安全设计方案、验收报告、供应商合同与资质',
      'Grading report and filing certificate, security design, acceptance report, supplier contracts and qualifications',
      ...DEPARTMENT,
    ),
  },
  '8.1.10': {
    asks: [
      ask(
        1,
        'manual',
        '环境、资产、介质、设备维护、漏洞和风险、网络和系统安全、变更、备份与恢复、安全事件处置、应急预案、外包运维管理',
        'Environment, assets, media, maintenance, vulnerabilities, change, backup, incidents, contingency plans and outsourced operations',
      ),
      ask(3, 'partly', '定期开展风险评估并形成报告（每年至少一次）', 'Risk assessment with a report at least yearly', ['MGMT-003']),
    ],
    collect: collect(
      ['document', 'log'],
      '资产清单、变更记录（合并请求与审批）、应急预案与演练记录、安全事件处置记录',
      'Asset inventory, change records (merge requests and approvals), contingency plans and drills, incident records',
      ...OPERATOR,
    ),
  },
};
