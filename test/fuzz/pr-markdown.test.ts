/**
 * Property-based fuzzing of the pull-request comment (issue 21), on the pure renderer (fast: no
 * git, no process): whatever text the request files, their names, approvers.yaml and overrides put
 * into a summary, the Markdown posted to the forge holds no HTML element but its own, no link, no
 * table cell more than its own, and its issues stay inside their code block.
 */
import * as fc from 'fast-check';
import { issue } from '../../config/issues';
import { RULES } from '../../policies/registry';
import type { CheckReport, TenantReport } from '../../policies/engine';
import type { PrResult } from '../../workflow/pr';
import { renderPrMarkdown } from '../../workflow/pr-report';
import { params, runs, Tally } from './support/params';

const tally = new Tally();
afterAll(() => console.log(tally.summary('pr-markdown')));

/** Text biased towards what Markdown and HTML make something of. */
const text = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('<', '>', '/', '[', ']', '(', ')', '|', '`', '\\', '*', '_', '!', '&', '#', '-', '\n', ' ', '=') },
    { weight: 2, arbitrary: fc.constantFrom('<img src=x onerror=alert(1)>', '[a](http://evil)', '| col |', '```', '</details>', '<br>', 'a', 'z', '1', '衡') },
  ),
  maxLength: 40,
});

/** Our own tags: the only HTML the comment may hold. */
const OWN_TAGS = /<br>|<\/?details>|<\/?summary>|<\/?sub>/g;

function summary(s: readonly string[], lang: 'en' | 'zh'): string {
  const [name, county, group, reason, blocker, detail, evidence, attribute, issueText] = s;
  const tenant = { name } as unknown as TenantReport['tenant'];
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
        findings: [{ rule: RULES[0], at: { file: 'f.yaml', line: 1, col: 1 }, status: 'fail', clauses: [], evidence: [{ detail: evidence }] }],
      },
    ],
  };
  const r: PrResult = {
    base: '0123456789abcdef',
    baseValid: true,
    platformChanged: false,
    headIssues: [issue('error', { file: `env/tenants/${county}/${name}.yaml`, line: 1, col: 1 }, '', 'yaml.syntax', { detail: issueText })],
    tenants: [{ name, county, kind: 'added', file: 'f.yaml' }],
    stacks: [`dept-${county}`],
    resources: [{ stack: 's', address: name, kind: 'changed', attributes: [attribute] }],
    capacity: [],
    risks: [{ tenant: name, file: 'f.yaml', what: 'tenant removed', detail, namespaces: [name], approved: false }],
    policy,
    approvers: [{ role: 'county', group, reasons: [{ en: reason, zh: reason }] }],
    blockers: [blocker],
  };
  return renderPrMarkdown(r, lang);
}

/** The comment without its code block of issues (where nothing is rendered), and that block's lines. */
function split(md: string): { outside: string; block: string[] } {
  const lines = md.split('\n');
  const open = lines.findIndex((l) => /^`{3,}$/.test(l));
  const close = lines.findIndex((l, i) => i > open && l === lines[open]);
  return { outside: [...lines.slice(0, open), ...lines.slice(close + 1)].join('\n'), block: lines.slice(open + 1, close) };
}

/** Whether the character at `i` is escaped: an odd run of backslashes before it. */
function escaped(s: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && s[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

describe('fuzz: the pr comment', () => {
  it('holds request text literally: no foreign HTML, no link, no extra cell, issues inside their block', () => {
    tally.start('hostile text in every field');
    fc.assert(
      fc.property(fc.array(text, { minLength: 9, maxLength: 9 }), fc.constantFrom('en' as const, 'zh' as const), (s, lang) => {
        tally.count();
        const { outside, block } = split(summary(s, lang));
        // one issue, one line, in a block that nothing in it closes
        expect(block).toHaveLength(1);
        expect(outside.replace(OWN_TAGS, '')).not.toContain('<');
        for (let i = 0; i < outside.length; i++)
          if (outside[i] === '[' || outside[i] === ']') expect([outside, i, escaped(outside, i)]).toEqual([outside, i, true]);
        for (const row of outside.split('\n').filter((l) => l.startsWith('|'))) {
          const cells = [...row].filter((c, i) => c === '|' && !escaped(row, i)).length;
          expect([row, cells]).toEqual([row, 3]);
        }
      }),
      params(runs(300, 1)),
    );
    tally.stop();
  });
});
