/**
 * The rule documentation (docs/rules.md), bilingual, generated from the registry and the
 * control-point catalog: every rule with its clauses per level, then which rules cover each
 * IaC-checkable control point at each level, then the control points that need manual evidence.
 * Pure: the content only; policies/docs-cli.ts writes the file.
 */
import { MlpsLevel } from '../config/model';
import { CONTROL_POINTS, ControlPoint, numberAt } from './catalog';
import { controlPoint } from './clause';
import { RULES } from './registry';
import { levelsOf, Rule } from './types';
import { asksAt, How, kindsFor } from './asks';
import { KIND_WORDS } from './runtime';

export const RULE_DOCS_PATH = 'docs/rules.md';

const LEVELS: readonly MlpsLevel[] = [1, 2, 3, 4];
/** Marks a number derived from the level-3 layout (levels 1 and 2): verify against the standard. */
const DERIVED = '†';

const derived = (l: MlpsLevel, n: string) => (l <= 2 ? `${n}${DERIVED}` : n);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const yesNo = (b: boolean) => (b ? '是 / yes' : '否 / no');
const SEVERITY_ZH: Readonly<Record<Rule['severity'], string>> = { error: '错误', warning: '警告', note: '提示' };
const byId = (a: Rule, b: Rule) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function table(head: readonly string[], rows: readonly (readonly string[])[], indent = ''): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].map((l) => indent + l);
}

function levelRange(cp: ControlPoint): string {
  const to = cp.to ?? 4;
  return cp.from === to ? String(to) : `${cp.from}–${to}`;
}

/** Whether a rule, at a level, cites the control point (or an item of it). */
export function covers(rule: Rule, cp: ControlPoint, level: MlpsLevel): boolean {
  const number = numberAt(cp.id, level);
  return (rule.clauses[level] ?? []).some((c) => controlPoint(c) === number || controlPoint(c).startsWith(`${number}.`));
}

function ruleSection(r: Rule): string[] {
  const waivable = r.unwaivable ? `不可豁免 / unwaivable — ${r.unwaivable.zh} / ${r.unwaivable.en}` : '可豁免 / waivable';
  return [
    `### ${r.id}`,
    '',
    `- 标题：${r.title.zh}`,
    `- Title: ${r.title.en}`,
    `- 类别 / Family: ${r.family}`,
    `- 严重程度 / Severity: ${SEVERITY_ZH[r.severity]} / ${r.severity}`,
    `- 适用等级 / Levels: ${levelsOf(r).join(', ')}`,
    `- 云计算安全扩展 / Cloud extension: ${yesNo(r.cloud)}`,
    `- 豁免 / Waivers: ${waivable}`,
    ...(r.platform
      ? [
          `- 平台资源 / Platform resources: ${r.platform === 'only' ? '仅检查不属于任何租户的资源 / judges only what belongs to no tenant' : '同时检查不属于任何租户的资源 / also judges what belongs to no tenant'}`,
        ]
      : []),
    ...(r.hygiene ? [`- 超出标准的良好实践 / Beyond the standard (levels ${r.hygiene.levels.join(', ')}): ${r.hygiene.why.zh} / ${r.hygiene.why.en}`] : []),
    '- 条款 / Clauses:',
    '',
    ...table(
      ['等级 / Level', '条款 / Clauses'],
      levelsOf(r).map((l) => [String(l), (r.clauses[l] ?? []).map((c) => derived(l, c)).join(', ') || '— (良好实践 / good practice)']),
      '  ',
    ),
    '',
    `- 整改建议：${r.remediation.zh}`,
    `- Remediation: ${r.remediation.en}`,
    '',
  ];
}

function coverageRows(rules: readonly Rule[]): string[][] {
  return CONTROL_POINTS.filter((cp) => cp.iac).map((cp) => [
    cp.id,
    cell(cp.title.zh),
    cell(cp.title.en),
    ...LEVELS.map((l) => {
      if (cp.from > l || (cp.to ?? 4) < l) return '—';
      const ids = rules.filter((r) => covers(r, cp, l)).map((r) => r.id);
      return `${derived(l, numberAt(cp.id, l))}: ${ids.length > 0 ? ids.join(', ') : '无规则 / no rule'}`;
    }),
  ]);
}

export function renderRuleDocs(rules: readonly Rule[] = RULES): string {
  const sorted = [...rules].sort(byId);
  const manual = CONTROL_POINTS.filter((cp) => !cp.iac);
  const iac = CONTROL_POINTS.filter((cp) => cp.iac);
  const uncovered = iac.filter((cp) => !sorted.some((r) => LEVELS.some((l) => covers(r, cp, l))));
  const out: string[] = [
    '<!-- Generated from policies/registry.ts and policies/catalog.ts by `npm run docs`; do not edit by hand. -->',
    '',
    '# 等保 2.0 规则 / MLPS 2.0 rules',
    '',
    '本文档由规则注册表和控制点目录生成，列出 govcloud 检查的全部等级保护规则、各规则在各等级引用的 GB/T 22239-2019 条款、各控制点的规则覆盖情况，以及需要人工证据的控制点。',
    '',
    'Generated from the rule registry and the control-point catalog: every graded-protection rule govcloud checks, the GB/T 22239-2019 clauses it cites at each level, which rules cover each control point, and the control points that need manual evidence.',
    '',
    `> **待核实 / Verify ${DERIVED}** 第一级、第二级的条款号（第 6、7 章）及部分条目是按第三级（第 8 章）的编排推导的（章号 = 等级 + 5），在目录 \`shared/mlps-catalog.md\` 中标为 **verify**；正式引用前须对照标准原文核实。表中带 ${DERIVED} 的条款号即属此类。`,
    '>',
    `> Clause numbers at levels 1–2 (chapters 6 and 7) and some items are derived from the level-3 layout (chapter = level + 5) and are marked **verify** in the catalog \`shared/mlps-catalog.md\`; check them against the official text before citing them as fact. Numbers marked ${DERIVED} in the tables are such derived numbers.`,
    '',
    '## 规则 / Rules',
    '',
    `规则数 / Rules: ${sorted.length}`,
    '',
    ...table(
      ['规则 / Rule', '标题', 'Title', '严重程度 / Severity', '等级 / Levels', '云扩展 / Cloud', '不可豁免 / Unwaivable'],
      sorted.map((r) => [
        `[${r.id}](#${r.id.toLowerCase()})`,
        cell(r.title.zh),
        cell(r.title.en),
        r.severity,
        levelsOf(r).join(', '),
        yesNo(r.cloud),
        yesNo(r.unwaivable !== undefined),
      ]),
    ),
    '',
    ...sorted.flatMap(ruleSection),
    '## 条款覆盖 / Clause coverage',
    '',
    '可由基础设施即代码检查的每个控制点（按第三级编号）在各等级的条款号及覆盖它的规则；“—”表示该等级没有这个控制点。',
    '',
    'Each control point infrastructure as code can evidence (level-3 number), with its number at each level and the rules that cover it there; "—" means the level does not have it.',
    '',
    ...table(['控制点 / Control point', '名称', 'Name', '第一级 / Level 1', '第二级 / Level 2', '第三级 / Level 3', '第四级 / Level 4'], coverageRows(sorted)),
    '',
    `尚无规则覆盖的控制点 / Control points no rule covers yet: ${uncovered.length > 0 ? uncovered.map((cp) => cp.id).join(', ') : '无 / none'}`,
    '',
    '## 需人工证据的控制点 / Control points that need manual evidence',
    '',
    '以下控制点无法由基础设施即代码证明，报告中标为“需人工证据”（manual）。',
    '',
    'Infrastructure as code cannot evidence these control points; reports list them as needing manual evidence (status `manual`).',
    '',
    ...table(
      ['控制点 / Control point', '名称', 'Name', '等级 / Levels', '云扩展 / Cloud'],
      manual.map((cp) => [cp.id, cell(cp.title.zh), cell(cp.title.en), levelRange(cp), yesNo(cp.cloud)]),
    ),
    '',
    ...splitSection(sorted),
  ];
  return out.join('\n');
}

const HOW: Readonly<Record<How, string>> = { auto: '自动 / automated', partly: '部分 / partly', manual: '人工 / by hand' };

/**
 * Per level, every requirement of every control point and how it is judged: automated (by the named
 * rules of that level's pack), partly (the rules show the configuration, the assessor the rest) or by
 * hand; an automated requirement with no rule in the level's pack is judged by hand there.
 */
function splitSection(rules: readonly Rule[]): string[] {
  const out = [
    '## 自动、部分、人工 / Automated, partly, by hand',
    '',
    '各等级每个控制点的要求项（据公开资料概括，措辞与编号须对照标准原文核实）及其检查方式。只有一个控制点的全部要求项均为“自动”、相关规则全部通过且已验证（见下）时，报告才判其“通过”；否则为“部分自动”（附自动检查部分的证据和需人工提供的清单）或“需人工证据”。',
    '',
    "Each control point's requirements per level (summarised from public material: check wording and lettering against the official text) and how each is judged. A control point passes in a report only when every requirement at the level is automated, its rules pass and it is verified (below); otherwise it is partly automated (with the automated part's evidence and the list the assessor must still see) or manual.",
    '',
    '### 已配置与已验证 / Configured and verified',
    '',
    '规则检查的是所评判的栈：规则通过，要求项只是“已配置”。只有“验证依据”一列所列的每种运行时证据都已采集且一致，要求项才“已验证”，控制点才可能判为通过。运行时证据由 `govcloud evidence --live` 在运行中的集群上采集（恢复演练记录除外，由 `govcloud drill` 写出并提交）：',
    '',
    'The rules judge the stacks: a requirement whose rules pass is *configured*. It is *verified* — and only then can its control point pass — when every kind of runtime evidence in the "Verified by" column was taken and agrees. `govcloud evidence --live` takes it on the running clusters (except the restore drill records, which `govcloud drill` writes and the repository keeps):',
    '',
    ...table(
      ['证据 / Evidence', '说明 / What it shows'],
      [
        [
          'applied',
          `${KIND_WORDS.applied.zh}：逐个读取集群上的对象与所评判的栈比对，租户命名空间中未经评判的网络策略、角色和角色绑定也列出 / ${KIND_WORDS.applied.en}: each object read back from the API server and compared; NetworkPolicies, Roles and RoleBindings in tenant namespaces that no judged stack declares are listed`,
        ],
        [
          'traffic',
          `${KIND_WORDS.traffic.zh}：govcloud probe 的结果，声明的流向连通、其余拒绝 / ${KIND_WORDS.traffic.en}: govcloud probe's result, declared flows connect and everything else is refused`,
        ],
        ['drill', `${KIND_WORDS.drill.zh}：在有效期内 / ${KIND_WORDS.drill.en}, within spec.drills.validFor`],
        [
          'flags',
          `${KIND_WORDS.flags.zh}：镜像 Pod 的命令行或节点上 /proc/<pid>/cmdline 的副本，与合成的 kube-apiserver.flags 比对 / ${KIND_WORDS.flags.en}: the mirror pod's command or a copy of /proc/<pid>/cmdline, against the synthesized kube-apiserver.flags`,
        ],
        [
          'audit-log',
          `${KIND_WORDS['audit-log'].zh}：从控制平面节点复制，事件可读、一天内有记录、Secret 无正文 / ${KIND_WORDS['audit-log'].en}: copied from the control-plane node; events readable, recent within a day, no Secret body`,
        ],
      ],
    ),
    '',
    '运行时证据显示的任何差异都使相关要求项不通过，并使检查失败。 / Any difference the runtime evidence shows fails the requirements that need it, and the check.',
    '',
  ];
  for (const l of LEVELS) {
    const pack = new Set(rules.filter((r) => levelsOf(r).includes(l)).map((r) => r.id));
    const rows: string[][] = [];
    const counts: Record<How, number> = { auto: 0, partly: 0, manual: 0 };
    for (const cp of CONTROL_POINTS.filter((c) => c.from <= l && (c.to ?? 4) >= l)) {
      for (const a of asksAt(cp.id, l)) {
        const inPack = a.rules.filter((id) => pack.has(id));
        const how: How = a.how !== 'manual' && inPack.length === 0 ? 'manual' : a.how;
        counts[how]++;
        rows.push([
          derived(l, numberAt(cp.id, l)),
          cell(cp.title.zh),
          cell(`${a.text.zh} / ${a.text.en}`),
          a.autoWhen !== undefined && pack.has(a.autoWhen) && how === 'partly'
            ? `${HOW[how]}；${a.autoWhen} 通过时自动 / automated when ${a.autoWhen} passes`
            : HOW[how],
          inPack.length > 0 ? inPack.join(', ') : '—',
          how === 'manual' ? '—' : kindsFor(a).join(', ') || '—',
        ]);
      }
    }
    out.push(
      `### 第${l}级 / Level ${l}`,
      '',
      `自动 / automated: ${counts.auto} — 部分 / partly: ${counts.partly} — 人工 / by hand: ${counts.manual}`,
      '',
      ...table(['条款 / Clause', '控制点', '要求项 / Requirement', '方式 / How', '规则 / Rules', '验证依据 / Verified by'], rows),
      '',
    );
  }
  return out;
}
