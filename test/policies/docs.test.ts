/** docs/rules.md is generated: it must equal renderRuleDocs(), and say what the registry and catalog say. */
import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs, covers, RULE_DOCS_PATH } from '../../policies/docs';
import { RULES } from '../../policies/registry';
import { CONTROL_POINTS } from '../../policies/catalog';
import { Rule } from '../../policies/types';
import { REPO } from '../helpers/env';

const docs = renderRuleDocs();

describe('docs/rules.md', () => {
  it('is up to date with the rule registry and the catalog', () => {
    const file = path.join(REPO, RULE_DOCS_PATH);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== docs) {
      const a = current.split('\n');
      const b = docs.split('\n');
      const i = b.findIndex((l, n) => a[n] !== l);
      const at = i < 0 ? a.length : i;
      throw new Error(
        `${RULE_DOCS_PATH} is out of date: run \`npm run docs\` and commit the result.\n` +
          `first difference at line ${at + 1}:\n  in the file: ${a[at] ?? '(end of file)'}\n  generated:   ${b[at] ?? '(end of file)'}`,
      );
    }
  });
});

describe('renderRuleDocs', () => {
  it('documents every rule with both titles, its clauses per level and both remediations', () => {
    for (const r of RULES) {
      const section = docs.slice(docs.indexOf(`\n### ${r.id}\n`));
      expect(section.length).toBeLessThan(docs.length);
      const own = section.slice(0, section.indexOf('\n### ', 1) > 0 ? section.indexOf('\n### ', 1) : undefined);
      expect(own).toContain(r.title.zh);
      expect(own).toContain(r.title.en);
      expect(own).toContain(r.remediation.zh);
      expect(own).toContain(r.remediation.en);
      for (const l of [1, 2, 3, 4] as const) for (const c of r.clauses[l] ?? []) expect(own).toContain(l <= 2 ? `${c}†` : c);
      expect(own).toContain(r.unwaivable ? `不可豁免 / unwaivable — ${r.unwaivable.zh}` : '可豁免 / waivable');
    }
  });

  it('has a coverage row for each IaC-checkable control point and lists the manual ones', () => {
    const coverage = docs.slice(docs.indexOf('## 条款覆盖'), docs.indexOf('## 需人工证据'));
    const manual = docs.slice(docs.indexOf('## 需人工证据'));
    for (const cp of CONTROL_POINTS) {
      const row = `| ${cp.id} | ${cp.title.zh} | ${cp.title.en} |`;
      expect([cp.id, (cp.iac ? coverage : manual).includes(row)]).toEqual([cp.id, true]);
      expect([cp.id, (cp.iac ? manual : coverage).includes(row)]).toEqual([cp.id, false]);
    }
  });

  it('says which rules cover a control point at which level', () => {
    const rule: Rule = {
      id: 'MLPS-TEST-001',
      family: 'NET',
      title: { en: 'Test rule', zh: '测试规则' },
      clauses: { 3: ['8.1.3.2 a)'], 4: ['9.1.3.2 a)'] },
      cloud: false,
      severity: 'warning',
      remediation: { en: 'fix it', zh: '修复' },
      check: () => ({ outcome: 'pass', evidence: [] }),
    };
    const boundary = CONTROL_POINTS.find((c) => c.id === '8.1.3.2');
    if (!boundary) throw new Error('catalog lost 8.1.3.2');
    expect([1, 2, 3, 4].map((l) => covers(rule, boundary, l as 1 | 2 | 3 | 4))).toEqual([false, false, true, true]);
    const doc = renderRuleDocs([rule]);
    expect(doc).toContain(
      '| 8.1.3.2 | 访问控制（边界） | Boundary access control | 6.1.3.2†: 无规则 / no rule | 7.1.3.2†: 无规则 / no rule | 8.1.3.2: MLPS-TEST-001 | 9.1.3.2: MLPS-TEST-001 |',
    );
    expect(doc).toContain('规则数 / Rules: 1');
  });

  it('notes that level 1-2 numbers are derived and marked verify in the catalog', () => {
    expect(docs).toContain('marked **verify** in the catalog');
    expect(docs).toContain('标为 **verify**');
  });
});

describe('README', () => {
  it('gives the number of rules the registry holds', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain(`${RULES.length} rules (\`policies/rules/\``);
  });

  it('shows per level the split of requirements into automated, partly and by hand', () => {
    const docs = renderRuleDocs();
    for (const l of [1, 2, 3, 4])
      expect(docs).toMatch(new RegExp(`### 第${l}级 / Level ${l}\\n\\n自动 / automated: \\d+ — 部分 / partly: \\d+ — 人工 / by hand: \\d+`));
  });
});
