/**
 * The Markdown report shows text from requests and platform.yaml literally (issue 21): a display name,
 * a waiver's reason or approver holding HTML or Markdown was passed through as raw HTML, links and
 * emphasis into a pull-request comment or an assessor's file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateEnvironment } from '../../config/validate';
import { synthInMemory } from '../../stacks/in-memory';
import { buildDeployment } from '../../policies/deployment';
import { runChecks } from '../../policies/engine';
import { literal, renderMarkdown } from '../../policies/report/markdown';
import { RULES } from '../../policies/registry';
import { caseEnv } from '../helpers/env';

const TODAY = '2026-11-23';

function edit(dir: string, file: string, from: string, to: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
}

describe('literal', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)&gt;'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['[点此](http://evil.example)', '\\[点此\\]\\(http://evil.example\\)'],
    ['![x](http://evil.example/t.png)', '\\!\\[x\\]\\(http://evil.example/t.png\\)'],
    ['**粗体** _斜体_ ~~删除~~ `代码`', '\\*\\*粗体\\*\\* \\_斜体\\_ \\~\\~删除\\~\\~ \\`代码\\`'],
    ['# 标题', '\\# 标题'],
    ['- 列表', '\\- 列表'],
    ['1. 列表', '1\\. 列表'],
    ['a | b', 'a \\| b'],
    ['&lt; already an entity', '&amp;lt; already an entity'],
    ['两行\n文字', '两行 文字'],
    ['衡山县民政局 XM-2026-0142', '衡山县民政局 XM-2026-0142'],
  ])('%j → %j', (text, shown) => {
    expect(literal(text)).toBe(shown);
  });
});

describe('the Markdown report', () => {
  const dir = caseEnv(undefined);
  edit(dir, 'tenants/north/relief.yaml', 'displayName: 测试系统 relief', 'displayName: "# <img src=x onerror=alert(1)> [点此](http://evil.example)"');
  fs.appendFileSync(
    path.join(dir, 'tenants/north/relief.yaml'),
    '  waivers:\n    - { rule: MLPS-DATA-003, reason: "<script>alert(1)</script> **补偿措施**", approvedBy: "<i>李工</i>", expires: 2026-12-31 }\n',
  );
  const result = validateEnvironment(dir, { rules: RULES, today: TODAY });
  if (!result.model) throw new Error(`fixture invalid: ${JSON.stringify(result.issues)}`);
  const model = result.model;
  const report = runChecks(model, buildDeployment(model, synthInMemory(model)), { today: TODAY });

  it.each(['en', 'zh'] as const)('holds no HTML, link, emphasis or heading from the request (%s)', (lang) => {
    const md = renderMarkdown(report, lang);
    for (const raw of ['<img', '<script', '<i>', '](http', '**补偿措施**']) expect(md).not.toContain(raw);
    expect(md).toContain('\n\\# &lt;img src=x onerror=alert\\(1\\)&gt; \\[点此\\]\\(http://evil.example\\) — ');
    expect(md).toContain('| &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*\\*补偿措施\\*\\* | &lt;i&gt;李工&lt;/i&gt; | 2026-12-31 |');
  });
});
