/** What the cloud computing extension's control points ask (8.2). */
import { ControlAsks } from '../asks';
import { ask, collect, verifiedBy, OPERATOR, DEPARTMENT, SECURITY } from './make';

export const CLOUD_ASKS: Readonly<Record<string, ControlAsks>> = {
  '8.2.1.1': {
    asks: [ask(1, 'partly', '云计算基础设施位于中国境内', 'Cloud infrastructure located in mainland China', ['PLACE-003', 'DATA-005'])],
    collect: collect(['document'], '机房地址证明', 'Proof of the data-centre addresses', ...OPERATOR),
  },
  '8.2.2.1': {
    asks: [
      ask(1, 'auto', '云计算平台不承载高于其安全保护等级的业务应用系统', 'The platform hosts no system above its own level', ['PLACE-001', 'PLACE-002']),
      verifiedBy(ask(1, 'auto', '实现不同云服务客户虚拟网络之间的隔离', 'Virtual networks of different tenants isolated', ['NET-007', 'NET-009']), 'traffic'),
      ask(
        2,
        'partly',
        '具有根据云服务客户业务需求提供通信传输、边界防护、入侵防范等安全机制的能力',
        'Transmission, boundary and intrusion-prevention mechanisms offered per tenant',
      ),
      ask(
        3,
        'partly',
        '云服务客户自主设置安全策略；提供开放接口接入第三方安全产品',
        'Tenants set their own security policies; open interfaces for third-party security products',
      ),
      ask(4, 'auto', '为第四级业务应用系统划分独立的资源池', 'A separate resource pool for level-4 systems', ['PLACE-004']),
    ],
    collect: collect(
      ['document'],
      '平台安全能力清单与对外接口说明、租户自助策略变更记录（合并请求）',
      'The platform security service catalogue and its interfaces, tenant policy change records (merge requests)',
      ...OPERATOR,
    ),
  },
  '8.2.3.1': {
    asks: [
      verifiedBy(ask(1, 'auto', '在虚拟化网络边界部署访问控制机制并设置访问控制规则', 'Access control at virtual network boundaries', ['NET-001']), 'traffic'),
      verifiedBy(ask(2, 'auto', '在不同等级的网络区域边界部署访问控制机制', 'Access control between zones of different levels', ['NET-004']), 'traffic'),
    ],
    collect: collect(['config'], '网络策略导出', 'Network policy export', ...OPERATOR),
  },
  '8.2.3.2': {
    asks: [
      ask(
        2,
        'manual',
        '检测云服务客户发起的攻击、对虚拟网络节点的攻击和异常流量，第三级起告警',
        'Detect attacks by and on tenants and abnormal virtual traffic; alarm from level 3',
      ),
    ],
    collect: collect(
      ['log', 'config'],
      '东西向流量监测与告警配置、近期告警记录',
      'East-west traffic monitoring and alarm configuration, recent alarms',
      ...SECURITY,
    ),
  },
  '8.2.4.4': {
    asks: [
      ask(2, 'partly', '提供经过安全加固的操作系统镜像或容器镜像', 'Hardened operating-system or container images', ['HOST-007']),
      ask(2, 'partly', '对镜像和快照进行完整性校验', 'Integrity checks of images and snapshots', ['HOST-008']),
      ask(3, 'manual', '采取密码技术等措施防止镜像和快照中可能存在的敏感资源被非法访问', 'Sensitive data in images and snapshots protected by cryptography'),
    ],
    collect: collect(
      ['document', 'config'],
      '基础镜像加固基线与扫描报告、镜像签名与快照加密配置',
      'Base-image hardening baseline and scan reports, image signing and snapshot encryption configuration',
      ...SECURITY,
    ),
  },
  '8.2.4.5': {
    asks: [
      ask(1, 'partly', '云服务客户数据、用户个人信息等存储于中国境内', 'Customer and personal data stored in China', ['DATA-005', 'PLACE-003']),
      ask(
        2,
        'manual',
        '只有在云服务客户授权下，云服务商或第三方才具有云服务客户数据的管理权限',
        'Provider access to customer data only with the customer’s authorisation',
      ),
      ask(2, 'manual', '虚拟机迁移过程中重要数据的完整性，检测到破坏时恢复', 'Integrity of important data during migration, with recovery'),
      ask(3, 'manual', '支持云服务客户部署密钥管理解决方案', 'Customers may deploy their own key management'),
    ],
    collect: collect(
      ['document'],
      '数据存储位置清单、运维访问授权与审批记录、密钥管理方案',
      'Data location list, operator-access authorisations, key management design',
      ...OPERATOR,
    ),
  },
  '8.2.4.6': {
    asks: [
      ask(
        2,
        'manual',
        '云服务客户在本地保存业务数据备份；提供查询数据及备份存储位置的能力；第三级起多副本一致并支持迁移',
        'Customers keep a local copy; data and backup locations can be queried; from level 3 consistent replicas and migration support',
      ),
    ],
    collect: collect(
      ['document'],
      '数据与备份位置报告、存储副本策略、数据导出方案',
      'Data and backup location report, storage replica policy, data export plan',
      ...OPERATOR,
    ),
  },
  '8.2.5.1': {
    asks: [
      ask(
        3,
        'manual',
        '统一调度物理与虚拟资源；管理流量与业务流量分离；按职责集中审计与监测',
        'Unified scheduling; management traffic separated from tenant traffic; central audit and monitoring by duty',
      ),
    ],
    collect: collect(
      ['document', 'screenshot'],
      '管理网络与业务网络划分说明、集中监控平台截图',
      'Separation of management and tenant networks, central monitoring screenshots',
      ...OPERATOR,
    ),
  },
  '8.2.6': {
    asks: [
      ask(
        1,
        'manual',
        '云服务商选择、服务水平协议、供应链安全（信创部署由 MLPS-PLACE-005 检查，可证明其被破坏，不能证明其完成）',
        'Provider selection, service-level agreement, supply-chain security (MLPS-PLACE-005 checks domestic placement: it can show this broken, never done)',
        ['PLACE-005'],
      ),
    ],
    collect: collect(
      ['document'],
      '云服务合同与服务水平协议、平台等保测评结论',
      'Cloud service contract and SLA, the platform’s own MLPS assessment result',
      ...DEPARTMENT,
    ),
  },
};
