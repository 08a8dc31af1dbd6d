/**
 * The pull-request summary is posted to the forge as a comment, where Markdown and HTML are
 * rendered: text that comes from a request, its file name, approvers.yaml or a hand-written override
 * (names, reasons, details, evidence, issues) must come out literal, never as an image, a link, a
 * table cell or the end of a code block.
 */
import { issue } from '../../config/issues';
import { RULES } from '../../policies/registry';
import type { CheckReport, TenantReport } from '../../policies/engine';
import type { PrResult } from '../../workflow/pr';
import { renderPrMarkdown } from '../../workflow/pr-report';
import { fitComment } from '../../workflow/pr-limit';

const IMG = '<img src=x onerror=alert(1)>';
const LINK = '[click](http://evil)';
const CELL = '| col |';
const FENCE = 'a\n```\n<script>alert(2)</script>';
const HOSTILE = `${IMG} ${LINK} ${CELL}`;

/**
 * What a hostile string may never look like in the Markdown: each is an element, a link or a cell
 * when rendered (the issues' `<script>` is inside their code block: see the fence test).
 */
function expectNoRaw(md: string): void {
  expect(md).not.toContain('<img');
  expect(md).not.toContain('[click]');
  expect(md).not.toContain('](http://evil)');
  expect(md).not.toContain('| col |');
}

function result(): PrResult {
  const rule = RULES[0];
  const tenant = { name: HOSTILE } as unknown as TenantReport['tenant'];
  const policy: CheckReport = {
    city: 'c',
    today: '2026-11-23',
    platform: [],
    tenants: [
      {
        tenant,
        level: 3,
        clauses: [],
        staleWaivers: [],
        runtime: { verified: new Map(), problems: [] },
        findings: [{ rule, at: { file: 'f.yaml', line: 1, col: 1 }, status: 'fail', clauses: [], evidence: [{ detail: `label is "${HOSTILE}"` }] }],
      },
    ],
  };
  return {
    base: '0123456789abcdef',
    baseValid: true,
    platformChanged: false,
    headIssues: [issue('error', { file: `env/tenants/north/${FENCE}.yaml`, line: 1, col: 1 }, '', 'yaml.syntax', { detail: FENCE })],
    tenants: [{ name: HOSTILE, county: LINK, kind: 'added', file: `env/tenants/${LINK}/${HOSTILE}.yaml` }],
    stacks: [`dept-${CELL}`],
    resources: [{ stack: 's', address: HOSTILE, kind: 'changed', attributes: [LINK, IMG] }],
    capacity: [],
    risks: [{ tenant: HOSTILE, file: 'f.yaml', what: 'tenant removed', detail: HOSTILE, namespaces: [IMG], approved: false }],
    policy,
    approvers: [{ role: 'county', group: `@${IMG}`, reasons: [{ en: `tenant ${HOSTILE}`, zh: `租户 ${HOSTILE}` }] }],
    blockers: [`namespaces moved for ${HOSTILE}`],
  };
}

describe('renderPrMarkdown with hostile text', () => {
  it.each(['en', 'zh'] as const)('shows every request-written string literally (%s)', (lang) => {
    const md = renderPrMarkdown(result(), lang);
    expectNoRaw(md);
    // literal, not dropped: the escaped forms are there
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(md).toContain('\\[click\\]\\(http://evil\\)');
    expect(md).toContain('\\| col \\|');
  });

  it('keeps the table to its two columns: no row gains a cell from a pipe in the text', () => {
    const rows = renderPrMarkdown(result(), 'en')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(4);
  });

  it('fences the issues with more backticks than any line holds, one issue a line', () => {
    const lines = renderPrMarkdown(result(), 'en').split('\n');
    const open = lines.findIndex((l) => /^`{3,}$/.test(l));
    expect(lines[open]).toBe('````');
    expect(lines[open + 1]).toContain('a ``` <script>alert(2)</script>');
    expect(lines[open + 2]).toBe('````');
  });

  it('closes a longer fence with its own backticks when the summary is cut inside it', () => {
    const summary = ['head', '<details><summary>x</summary>', '', '````', ...Array<string>(200).fill('line with ``` in it'), '````', '</details>', 'tail'].join(
      '\n',
    );
    const cut = fitComment(summary, 1000, 'full.md');
    expect(cut.truncated).toBe(true);
    const lines = cut.text.split('\n');
    const close = lines.lastIndexOf('````');
    expect(close).toBeGreaterThan(lines.indexOf('````'));
    expect(lines[close + 1]).toBe('</details>');
    expect(lines).not.toContain('```');
  });

  it('leaves a CODEOWNERS group as written, so that the forge still notifies it', () => {
    const r = { ...result(), approvers: [{ role: 'county' as const, group: '@hengshan_gov/county.admins', reasons: [{ en: 'folder', zh: '目录' }] }] };
    expect(renderPrMarkdown(r, 'en')).toContain('| @hengshan_gov/county.admins (folder) |');
  });

  it('keeps names of plain characters as inline code', () => {
    const r = { ...result(), tenants: [{ name: 'records', county: 'north', kind: 'added' as const, file: 'env/tenants/north/records.yaml' }] };
    expect(renderPrMarkdown(r, 'en')).toContain('+ `records` (north)');
  });
});
