/**
 * The departments of the bench city: ~50 city-level departments (市直部门) and ~25 in every county
 * (县区部门), with how many systems each runs at full size and what kind of systems they are. A
 * department code is a DNS label (it is part of the stack name `dept-<county>-<department>-<cluster>`);
 * `short` is the prefix of its tenants' names (tenant names are at most 40 characters and unique in the city).
 */

/** Systems at full size: large (public security, health…), medium, small (archives, audit…). */
export type SizeClass = 'L' | 'M' | 'S';

export interface DepartmentKind {
  readonly code: string;
  readonly short: string;
  readonly zh: string;
  readonly size: SizeClass;
  /** Share of its systems on the intranet (classified). Default 0.03. */
  readonly intranet?: number;
  /** Share of its extranet systems in the public-service zone. Default 0.15. */
  readonly publicService?: number;
}

/** Systems of a department at full size, before the per-department spread (×0.5 … ×1.6). */
export const FULL_SIZE: Readonly<Record<SizeClass, { readonly city: number; readonly county: number }>> = {
  L: { city: 28, county: 26 },
  M: { city: 15, county: 12 },
  S: { city: 6, county: 5 },
};

/** No department runs more systems than this: a stack stays under ~1,000 resources. */
export const MAX_SYSTEMS = 44;

const PUBLIC = 0.45;

export const CITY_DEPARTMENTS: readonly DepartmentKind[] = [
  { code: 'general-office', short: 'gov', zh: '市政府办公室', size: 'M', intranet: 0.5 },
  { code: 'organization', short: 'org', zh: '市委组织部', size: 'S', intranet: 0.5 },
  { code: 'propaganda', short: 'prop', zh: '市委宣传部', size: 'S', intranet: 0.2 },
  { code: 'united-front', short: 'unifr', zh: '市委统战部', size: 'S', intranet: 0.3 },
  { code: 'political-legal', short: 'polleg', zh: '市委政法委', size: 'S', intranet: 0.5 },
  { code: 'discipline-inspection', short: 'disc', zh: '市纪委监委', size: 'S', intranet: 0.6 },
  { code: 'confidentiality', short: 'secrecy', zh: '市保密局', size: 'S', intranet: 0.8 },
  { code: 'letters-visits', short: 'visits', zh: '市信访局', size: 'S', publicService: PUBLIC },
  { code: 'development-reform', short: 'ndrc', zh: '市发展和改革委员会', size: 'M' },
  { code: 'education', short: 'edu', zh: '市教育局', size: 'L', publicService: PUBLIC },
  { code: 'science-technology', short: 'sci', zh: '市科学技术局', size: 'M' },
  { code: 'industry-it', short: 'miit', zh: '市工业和信息化局', size: 'M' },
  { code: 'public-security', short: 'police', zh: '市公安局', size: 'L', intranet: 0.35, publicService: 0.25 },
  { code: 'civil-affairs', short: 'civil', zh: '市民政局', size: 'M', publicService: PUBLIC },
  { code: 'justice', short: 'justice', zh: '市司法局', size: 'M', publicService: 0.3 },
  { code: 'finance', short: 'fin', zh: '市财政局', size: 'L' },
  { code: 'human-resources', short: 'hrss', zh: '市人力资源和社会保障局', size: 'L', publicService: PUBLIC },
  { code: 'natural-resources', short: 'land', zh: '市自然资源和规划局', size: 'L' },
  { code: 'ecology-environment', short: 'eco', zh: '市生态环境局', size: 'M' },
  { code: 'housing-construction', short: 'house', zh: '市住房和城乡建设局', size: 'M', publicService: PUBLIC },
  { code: 'transport', short: 'trans', zh: '市交通运输局', size: 'L', publicService: 0.3 },
  { code: 'water-resources', short: 'water', zh: '市水务局', size: 'M' },
  { code: 'agriculture', short: 'agri', zh: '市农业农村局', size: 'M' },
  { code: 'commerce', short: 'comm', zh: '市商务局', size: 'M' },
  { code: 'culture-tourism', short: 'tour', zh: '市文化广电旅游局', size: 'M', publicService: PUBLIC },
  { code: 'health', short: 'health', zh: '市卫生健康委员会', size: 'L', publicService: 0.3 },
  { code: 'veterans-affairs', short: 'vet', zh: '市退役军人事务局', size: 'S' },
  { code: 'emergency-management', short: 'emerg', zh: '市应急管理局', size: 'M' },
  { code: 'audit', short: 'audit', zh: '市审计局', size: 'S' },
  { code: 'state-assets', short: 'sasac', zh: '市国有资产监督管理委员会', size: 'S' },
  { code: 'market-regulation', short: 'samr', zh: '市市场监督管理局', size: 'L', publicService: PUBLIC },
  { code: 'statistics', short: 'stats', zh: '市统计局', size: 'S' },
  { code: 'medical-security', short: 'medins', zh: '市医疗保障局', size: 'L', publicService: PUBLIC },
  { code: 'government-service', short: 'gsc', zh: '市政务服务管理局', size: 'L', publicService: 0.6 },
  { code: 'big-data', short: 'data', zh: '市大数据局', size: 'L' },
  { code: 'forestry', short: 'forest', zh: '市林业局', size: 'S' },
  { code: 'sports', short: 'sport', zh: '市体育局', size: 'S', publicService: PUBLIC },
  { code: 'urban-management', short: 'urban', zh: '市城市管理局', size: 'M', publicService: 0.3 },
  { code: 'housing-fund', short: 'fund', zh: '市住房公积金管理中心', size: 'M', publicService: PUBLIC },
  { code: 'tax', short: 'tax', zh: '市税务局', size: 'M', publicService: 0.3 },
  { code: 'meteorology', short: 'meteo', zh: '市气象局', size: 'S', publicService: PUBLIC },
  { code: 'fire-rescue', short: 'fire', zh: '市消防救援支队', size: 'M' },
  { code: 'court', short: 'court', zh: '市中级人民法院', size: 'M', intranet: 0.3, publicService: 0.3 },
  { code: 'procuratorate', short: 'procur', zh: '市人民检察院', size: 'M', intranet: 0.3 },
  { code: 'people-congress', short: 'npc', zh: '市人大常委会', size: 'S', intranet: 0.2 },
  { code: 'cppcc', short: 'cppcc', zh: '市政协', size: 'S', intranet: 0.2 },
  { code: 'archives', short: 'arch', zh: '市档案馆', size: 'S' },
  { code: 'local-records', short: 'gazette', zh: '市地方志办公室', size: 'S' },
  { code: 'civil-defense', short: 'cdef', zh: '市人民防空办公室', size: 'S', intranet: 0.3 },
  { code: 'ethnic-religious', short: 'ethnic', zh: '市民族宗教事务局', size: 'S' },
];

/** The county-level counterparts (市直部门 in miniature) every county has. */
export const COUNTY_DEPARTMENTS: readonly DepartmentKind[] = [
  'general-office',
  'development-reform',
  'education',
  'public-security',
  'civil-affairs',
  'justice',
  'finance',
  'human-resources',
  'natural-resources',
  'ecology-environment',
  'housing-construction',
  'transport',
  'water-resources',
  'agriculture',
  'health',
  'market-regulation',
  'emergency-management',
  'government-service',
  'medical-security',
  'culture-tourism',
  'veterans-affairs',
  'audit',
  'statistics',
  'urban-management',
  'big-data',
].map((code) => {
  const d = CITY_DEPARTMENTS.find((x) => x.code === code);
  if (!d) throw new Error(`COUNTY_DEPARTMENTS: ${code} is not a city department`);
  return { ...d, zh: d.zh.replace(/^市/, '') };
});

/** What a department's systems are called: `<short>-<word>-<county>`. */
export const SYSTEM_WORDS: readonly string[] = [
  'portal',
  'approval',
  'registry',
  'archive',
  'analytics',
  'oa',
  'permit',
  'inspect',
  'cases',
  'records',
  'gis',
  'monitor',
  'dispatch',
  'hall',
  'supervise',
  'payroll',
  'report',
  'survey',
  'license',
  'ledger',
];

/** Chinese for each system word, for display names. */
export const SYSTEM_ZH: Readonly<Record<string, string>> = {
  portal: '门户网站',
  approval: '审批系统',
  registry: '登记系统',
  archive: '档案系统',
  analytics: '数据分析平台',
  oa: '协同办公系统',
  permit: '许可证管理系统',
  inspect: '检查执法系统',
  cases: '案件管理系统',
  records: '业务记录系统',
  gis: '地理信息系统',
  monitor: '监测预警系统',
  dispatch: '调度指挥系统',
  hall: '网上办事大厅',
  supervise: '监管平台',
  payroll: '资金发放系统',
  report: '统计报送系统',
  survey: '普查系统',
  license: '证照管理系统',
  ledger: '台账系统',
};

const COUNTY_HEADS: readonly (readonly [string, string])[] = [
  ['qing', '青'],
  ['bai', '白'],
  ['lin', '临'],
  ['heng', '衡'],
  ['long', '龙'],
  ['feng', '丰'],
  ['yun', '云'],
  ['jin', '金'],
  ['dong', '东'],
  ['xi', '西'],
  ['nan', '南'],
  ['bei', '北'],
  ['ping', '平'],
  ['he', '河'],
  ['song', '松'],
  ['tai', '泰'],
];
const COUNTY_TAILS: readonly (readonly [string, string])[] = [
  ['shan', '山'],
  ['shui', '水'],
  ['hai', '海'],
  ['yang', '阳'],
  ['ling', '陵'],
  ['cheng', '城'],
  ['kou', '口'],
  ['tian', '田'],
  ['men', '门'],
  ['zhou', '州'],
  ['ning', '宁'],
  ['gang', '港'],
];

/**
 * The i-th county (i from 0): code and Chinese name, `qingshan` 青山县, `baishan` 白山县, …; once the
 * 192 syllable pairs run out (a province of 80,000 tenants), the same names again with a number.
 */
export function county(i: number): { readonly code: string; readonly zh: string } {
  const heads = COUNTY_HEADS.length;
  const [head, headZh] = COUNTY_HEADS[i % heads];
  // (i + ⌊i/16⌋) mod 12 = (head + 17·⌊i/16⌋) mod 12: the tail changes with every county, and each head meets each tail once (17 and 12 are coprime)
  const [tail, tailZh] = COUNTY_TAILS[(i + Math.floor(i / heads)) % COUNTY_TAILS.length];
  const round = Math.floor(i / (heads * COUNTY_TAILS.length));
  const suffix = round > 0 ? String(round + 1) : '';
  return { code: `${head}${tail}${suffix}`, zh: `${headZh}${tailZh}${suffix}县` };
}
