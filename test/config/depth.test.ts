/**
 * Nesting is bounded before any parser recurses (issue 10, class 1): flow and block nesting, and
 * nesting that only aliases create, are refused at the position where level 65 opens.
 */
import { parseYamlText, MAX_YAML_DEPTH } from '../../config/source';
import { formatIssue } from '../../config/issues';
import { depthExceededAt } from '../../config/yaml-depth';

const lines = (text: string, lang: 'en' | 'zh' = 'en') => parseYamlText('x.yaml', text, 'TenantRequest').issues.map((i) => formatIssue(i, lang));
const TOO_DEEP = 'YAML is nested more than 64 levels deep; a request needs a handful: flatten it';

describe('YAML nesting depth', () => {
  it('documents a limit of 64 levels', () => {
    expect(MAX_YAML_DEPTH).toBe(64);
  });

  it('accepts 64 levels and refuses 65, in both languages', () => {
    // the top-level mapping is level 1
    expect(lines(`a: ${'['.repeat(63)}1${']'.repeat(63)}\n`)).toEqual([]);
    expect(lines(`a: ${'['.repeat(64)}1${']'.repeat(64)}\n`)).toEqual([`x.yaml:1:67 ${TOO_DEEP}`]);
    expect(lines(`a: ${'['.repeat(64)}1${']'.repeat(64)}\n`, 'zh')).toEqual(['x.yaml:1:67 YAML 嵌套超过 64 层；申请文件只需几层：请减少嵌套']);
  });

  it('refuses deep block lists, flow mappings and indented mappings without overflowing the stack', () => {
    const n = 200000;
    expect(lines(`a:\n${'- '.repeat(n)}x\n`)).toEqual([`x.yaml:2:127 ${TOO_DEEP}`]);
    expect(lines(`a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`)).toEqual([`x.yaml:1:256 ${TOO_DEEP}`]);
    expect(lines(`a: ${'['.repeat(n)}\n`)).toEqual([`x.yaml:1:67 ${TOO_DEEP}`]);
    const indented = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(lines(`${indented}\n${' '.repeat(100)}v\n`)).toEqual([`x.yaml:65:65 ${TOO_DEEP}`]);
  });

  it('refuses, positioned, one-line nestings that overflow the YAML lexer itself', () => {
    const n = 100000;
    // the lexer of eemeli/yaml recurses per `- ` after a key: it overflowed before any depth was found
    expect(lines(`a: ${'- '.repeat(n)}x\n`)).toEqual([`x.yaml:1:126 ${TOO_DEEP}`]);
    expect(lines(`a: ${'- '.repeat(n)}`, 'zh')).toEqual(['x.yaml:1:126 YAML 嵌套超过 64 层；申请文件只需几层：请减少嵌套']);
    expect(lines('['.repeat(n))).toEqual([`x.yaml:1:65 ${TOO_DEEP}`]);
    expect(lines('{a: '.repeat(n))).toEqual([`x.yaml:1:257 ${TOO_DEEP}`]);
  });

  it('does not count brackets inside quoted text', () => {
    expect(depthExceededAt(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n`)).toBeUndefined();
  });

  it('refuses aliases that expand past the limit, at the alias', () => {
    const text = `a: &a ${'['.repeat(40)}1${']'.repeat(40)}\nb: ${'['.repeat(40)}*a${']'.repeat(40)}\n`;
    expect(lines(text)).toEqual([`x.yaml:2:44 ${TOO_DEEP}`]);
  });

  it('refuses an alias inside the value it names (endless nesting), in both languages', () => {
    expect(lines('a: &a\n  b: *a\n')).toEqual(['x.yaml:2:6 this alias refers to a value that contains it, which nests without end; write the value out']);
    expect(lines('a: &a [*a]\n', 'zh')).toEqual(['x.yaml:1:8 此处的别名引用了包含它自身的取值，会无限嵌套；请直接写出取值']);
  });
});
