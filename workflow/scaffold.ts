/**
 * `govcloud new tenant`: a commented request file with safe defaults that passes validation, for a
 * department to complete. writeScaffold never overwrites and refuses what validation would refuse.
 */
import { didYouMean } from '../config/vocabulary';
import * as fs from 'fs';
import * as path from 'path';
import { updatePools, writePools } from './pools';
import { todayIso } from '../config/checks/waivers';
import { formatIssue } from '../config/issues';
import { quote } from '../config/messages';
import { displayPath } from '../config/load';
import { checkSchema } from '../config/schema-issues';
import { DNS_LABEL } from '../config/schema/common';
import { platformSchema } from '../config/schema/platform';
import { readYaml } from '../config/source';
import { suggest } from '../config/suggest';
import { Lang, Text, WorkflowError } from './text';

export const MODELINE = '# yaml-language-server: $schema=../../../../schema/tenant-request.schema.json';
/** Placeholder approval reference: passes the schema, and says it must be replaced. */
export const APPROVAL_PLACEHOLDER = 'XM-TODO';
const LABEL_MAX = 40;

export interface ScaffoldOptions {
  readonly county: string;
  readonly name: string;
  /** Department code; default: the tenant name. */
  readonly department?: string;
  /** Which language comes first in comments, and the language of errors. */
  readonly lang: Lang;
  /** approvedOn placeholder (YYYY-MM-DD); default GOVCLOUD_TODAY or today. */
  readonly today?: string;
}

function refuse(lang: Lang, text: Text): never {
  throw new WorkflowError(text, lang);
}

function checkLabel(lang: Lang, what: Text, value: string): void {
  if (DNS_LABEL.test(value) && value.length <= LABEL_MAX) return;
  refuse(lang, {
    en: `${what.en} ${quote(value, 'en')} is not a DNS label: allowed are lower-case letters, digits and '-', starting with a letter and not ending with '-', at most ${LABEL_MAX} characters`,
    zh: `${what.zh} ${quote(value, 'zh')} 不是 DNS 标签：只允许小写字母、数字和“-”，以字母开头、不以“-”结尾，最多 ${LABEL_MAX} 个字符`,
  });
}

/** The request file text for a new tenant. Throws a WorkflowError for a name that is not a DNS label. */
export function scaffoldTenant(opts: ScaffoldOptions): string {
  const { county, name, lang } = opts;
  checkLabel(lang, { en: 'tenant name', zh: '租户名称' }, name);
  checkLabel(lang, { en: 'county', zh: '县区' }, county);
  const department = opts.department ?? name;
  checkLabel(lang, { en: 'department', zh: '部门' }, department);
  const today = opts.today ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    refuse(lang, { en: `date ${JSON.stringify(today)} is not YYYY-MM-DD`, zh: `日期 ${JSON.stringify(today)} 不是 YYYY-MM-DD 格式` });

  const lines: string[] = [MODELINE];
  const note = (indent: string, zh: string, en: string) => {
    const first = lang === 'zh' ? [zh, en] : [en, zh];
    for (const t of first) lines.push(`${indent}# ${t}`);
  };
  const field = (indent: string, zh: string, en: string, yaml: string) => {
    note(indent, zh, en);
    lines.push(`${indent}${yaml}`);
  };
  note(
    '',
    `租户申请：${county}/${name}。请完成所有标有 TODO 的字段，提交前运行 \`npx govcloud validate\`。`,
    `Tenant request ${county}/${name}. Complete every field marked TODO; run \`npx govcloud validate\` before pushing.`,
  );
  lines.push('apiVersion: govcloud/v1', 'kind: TenantRequest', 'metadata:');
  field('  ', '租户名称：DNS 标签，全市唯一，必须与文件名相同', 'Tenant name: DNS label, unique in the city, equal to the file name', `name: ${name}`);
  field(
    '  ',
    '县区代码：必须与所在目录名相同（市本级部门为 city）',
    'County code: equal to the folder name (city for city-level departments)',
    `county: ${county}`,
  );
  field(
    '  ',
    `部门代码${opts.department === undefined ? '（TODO：请确认，默认取租户名称）' : ''}`,
    `Department code${opts.department === undefined ? ' (TODO: check it; defaults to the tenant name)' : ''}`,
    `department: ${department}`,
  );
  field('  ', 'TODO 显示名称：系统的中文名称', "TODO display name: the system's name as people read it", 'displayName: "TODO 系统名称 / system name"');
  field('  ', 'TODO 责任人姓名和电子邮件', "TODO the responsible person's name and e-mail", 'owner: { name: TODO, email: todo@example.invalid }');
  field(
    '  ',
    `TODO 项目联审批复：${APPROVAL_PLACEHOLDER} 只是占位符，合并前必须填写真实的项目联审批复文号（如 XM-2026-0142）和批复日期`,
    `TODO joint project review (项目联审): ${APPROVAL_PLACEHOLDER} is a placeholder; fill in the real reference (e.g. XM-2026-0142) and date before merging`,
    `approval: { ref: ${APPROVAL_PLACEHOLDER}, approvedOn: ${today} }`,
  );
  lines.push('spec:');
  field(
    '  ',
    '密级：unclassified（非涉密）；classified（涉密）只能部署在内网',
    'Classification: unclassified; classified (涉密) work runs on the intranet only',
    'classification: unclassified',
  );
  field(
    '  ',
    '等保 2.0 级别 1..4，以定级备案为准；三级及以上需安全审查',
    'Graded-protection (等保 2.0) level 1..4, as filed; level 3 and above need security review',
    'mlpsLevel: 3',
  );
  field(
    '  ',
    '网络：extranet（电子政务外网）或 intranet（电子政务内网，物理隔离，需保密管理员审批）',
    'Network: extranet (电子政务外网) or intranet (电子政务内网, physically isolated, approved by the classified-systems officer)',
    'network: extranet',
  );
  field(
    '  ',
    '外网区域：public-service（公共服务域）| administrative（行政服务域）| exchange（交换区）；内网租户删除此行',
    'Extranet zone: public-service | administrative | exchange; delete this line for an intranet tenant',
    'zone: administrative',
  );
  field(
    '  ',
    '环境：prod | staging | test | dev，每个环境一个命名空间，如 <名称>-prod',
    'Environments: prod | staging | test | dev, one namespace each, e.g. <name>-prod',
    'environments: [prod, test]',
  );
  field(
    '  ',
    '每个环境命名空间的配额；集群按 配额 × 环境数（及灾备副本）计算',
    'Quota of each environment namespace; the cluster is charged quota × environments (and DR replicas)',
    'quota: { cpu: "4", memory: 16Gi, storage: 100Gi, pods: 50 }',
  );
  field('  ', '部署位置：domestic: true 部署在信创节点池', 'Placement: domestic: true runs on the domestic (信创) node pool', 'placement: { domestic: false }');
  field(
    '  ',
    '灾备级别：none | backup（异地备份）| hot-standby（同城热备）| active-active（双活）',
    'DR tier: none | backup (remote) | hot-standby (same city) | active-active',
    'dr: { tier: hot-standby }',
  );
  field(
    '  ',
    '互联网暴露：仅公共服务域租户可以开放，需安全审查',
    'Internet exposure: public-service tenants only; needs security review',
    'exposure: { internet: false }',
  );
  note('  ', '访问流向：除自身命名空间外允许的访问，例如：', "Flows: traffic allowed besides the tenant's own namespaces, for example:");
  lines.push('  #   - { to: tenant/<county>/<name>, ports: [443] }', '  #   - { to: internet, hosts: [api.example.cn], ports: [443] }   # public-service only');
  lines.push('  flows: []');
  note('  ', '等保规则豁免（需安全审查批准），例如：', 'Waivers of graded-protection rules (approved by security review), for example:');
  lines.push('  # waivers:', '  #   - { rule: MLPS-DATA-003, reason: "…", approvedBy: 安全审查组, expires: 2027-06-30 }');
  field('  ', '命名空间管理员用户组', 'Directory groups bound as namespace administrators', `admins: [grp-${department}-ops]`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes tenants/<county>/<name>.yaml into the environment folder and returns its path. Refuses a
 * name or county that is not a DNS label, a county the platform does not declare, a tenant name
 * already used anywhere in the city, and an existing file: it never overwrites.
 */
export function writeScaffold(envDir: string, opts: ScaffoldOptions): string {
  const { lang } = opts;
  const text = scaffoldTenant(opts);
  const platformFile = path.join(envDir, 'platform.yaml');
  if (!fs.existsSync(platformFile)) {
    refuse(lang, {
      en: `no platform.yaml in ${displayPath(envDir)}: is it an environment folder?`,
      zh: `${displayPath(envDir)} 中没有 platform.yaml：这是环境目录吗？`,
    });
  }
  const read = readYaml(displayPath(platformFile), 'Platform');
  const checked = read.source ? checkSchema(read.source, platformSchema) : { data: undefined, issues: read.issues };
  if (!checked.data) {
    const shown = checked.issues
      .slice(0, 3)
      .map((i) => formatIssue(i, lang))
      .join('\n');
    refuse(lang, { en: `platform.yaml is not valid; fix it first:\n${shown}`, zh: `platform.yaml 无效，请先修正：\n${shown}` });
  }
  const counties = checked.data.spec.counties.map((c) => c.code);
  if (!counties.includes(opts.county)) {
    const s = suggest(opts.county, counties);
    refuse(lang, {
      en: `county ${JSON.stringify(opts.county)} is not declared in platform.yaml (allowed: ${counties.join(', ')})${didYouMean(s, 'en')}`,
      zh: `县区 ${JSON.stringify(opts.county)} 未在 platform.yaml 中声明（允许：${counties.join(', ')}）${didYouMean(s, 'zh')}`,
    });
  }
  const tenantsDir = path.join(envDir, 'tenants');
  const folders = fs.existsSync(tenantsDir) ? fs.readdirSync(tenantsDir).sort() : [];
  for (const folder of [opts.county, ...folders]) {
    for (const ext of ['.yaml', '.yml']) {
      const existing = path.join(tenantsDir, folder, `${opts.name}${ext}`);
      if (fs.existsSync(existing)) {
        refuse(lang, {
          en: `${displayPath(existing)} already exists: tenant names are unique in the city; choose another name (nothing was written)`,
          zh: `${displayPath(existing)} 已存在：租户名称全市唯一，请换一个名称（未写入任何文件）`,
        });
      }
    }
  }
  const file = path.join(tenantsDir, opts.county, `${opts.name}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    refuse(lang, {
      en: `cannot create ${displayPath(file)} (${code}); nothing was overwritten`,
      zh: `无法创建 ${displayPath(file)}（${code}）；未覆盖任何文件`,
    });
  }
  // the new namespaces get their address pools, as `govcloud pools --write` gives them (a city whose
  // platform.yaml or pool file is broken keeps its file; validate says what to fix)
  const pools = updatePools(envDir);
  if (pools.ok && pools.allocation.full.length === 0) writePools(pools);
  return file;
}
