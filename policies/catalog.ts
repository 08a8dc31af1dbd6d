/**
 * The control points of GB/T 22239-2019 a government-cloud tenant is assessed on, from
 * ../shared/mlps-catalog.md: which levels have them, and whether infrastructure-as-code can
 * evidence them. Those that cannot are listed in reports as "manual evidence required".
 */
import { MlpsLevel } from '../config/model';
import { Text } from './types';

export interface ControlPoint {
  /** Level-3 number (`8.1.3.2`); other levels substitute the chapter. */
  readonly id: string;
  readonly title: Text;
  /** First level that has it. */
  readonly from: MlpsLevel;
  /** Last level that has it (default 4). */
  readonly to?: MlpsLevel;
  readonly iac: boolean;
  readonly cloud: boolean;
}

const cp = (id: string, zh: string, en: string, from: MlpsLevel, iac: boolean, cloud = false, to?: MlpsLevel): ControlPoint => ({
  id,
  title: { zh, en },
  from,
  to,
  iac,
  cloud,
});

export const CONTROL_POINTS: readonly ControlPoint[] = [
  cp('8.1.1', '安全物理环境', 'Physical environment', 1, false),
  cp('8.1.2.1', '网络架构', 'Network architecture', 1, true),
  cp('8.1.2.2', '通信传输', 'Communication transmission', 1, false),
  cp('8.1.3.1', '边界防护', 'Boundary protection', 1, true),
  cp('8.1.3.2', '访问控制（边界）', 'Boundary access control', 1, true),
  cp('8.1.3.3', '入侵防范（边界）', 'Boundary intrusion prevention', 2, false),
  cp('8.1.3.4', '恶意代码和垃圾邮件防范', 'Malware and spam at the boundary', 2, false),
  cp('8.1.3.5', '安全审计（边界）', 'Boundary audit', 2, false),
  cp('8.1.4.1', '身份鉴别', 'Identification and authentication', 1, true),
  cp('8.1.4.2', '访问控制（主机）', 'Host and object access control', 1, true),
  cp('8.1.4.3', '安全审计（主机）', 'Host audit', 2, true), // none at level 1 (catalog)
  cp('8.1.4.4', '入侵防范（主机）', 'Host intrusion prevention', 1, true),
  cp('8.1.4.5', '恶意代码防范（主机）', 'Host malware prevention', 1, true),
  cp('8.1.4.6', '可信验证', 'Trusted verification', 1, false),
  cp('8.1.4.7', '数据完整性', 'Data integrity', 1, false),
  cp('8.1.4.8', '数据保密性', 'Data confidentiality', 3, true),
  cp('8.1.4.9', '数据备份恢复', 'Backup and recovery', 1, true),
  cp('8.1.4.10', '剩余信息保护', 'Residual information protection', 2, false),
  cp('8.1.4.11', '个人信息保护', 'Personal information protection', 2, false),
  cp('8.1.5.1', '系统管理', 'System administration', 2, true),
  cp('8.1.5.4', '集中管控', 'Centralised control', 3, true),
  cp('8.1.6', '安全管理制度', 'Security management policies', 1, false),
  cp('8.1.7', '安全管理机构', 'Security management organisation', 1, false),
  cp('8.1.8', '安全管理人员', 'Security management personnel', 1, false),
  cp('8.1.9', '安全建设管理', 'Security construction management', 1, false),
  cp('8.1.10', '安全运维管理', 'Security operations management', 1, false),
  cp('8.2.1.1', '基础设施位置', 'Infrastructure location', 1, true, true),
  cp('8.2.2.1', '网络架构（云）', 'Cloud network architecture', 1, true, true),
  cp('8.2.3.1', '访问控制（云边界）', 'Virtual boundary access control', 1, true, true),
  cp('8.2.3.2', '入侵防范（云边界）', 'Virtual boundary intrusion prevention', 2, false, true),
  cp('8.2.4.4', '镜像和快照保护', 'Image and snapshot protection', 2, true, true),
  cp('8.2.4.5', '数据完整性和保密性（云）', 'Cloud data integrity and confidentiality', 1, true, true),
  cp('8.2.4.6', '数据备份恢复（云）', 'Cloud backup and recovery', 2, false, true),
  cp('8.2.5.1', '集中管控（云）', 'Cloud centralised control', 3, false, true),
  cp('8.2.6', '云服务商选择和供应链管理', 'Cloud provider choice and supply chain', 1, false, true),
];

export function controlPointsAt(level: MlpsLevel): ControlPoint[] {
  return CONTROL_POINTS.filter((c) => c.from <= level && (c.to ?? 4) >= level);
}

export { numberAt } from './clause';
