/**
 * Terraform JSON read as input (issue 10, class 1): every kind of bad file is one positioned error
 * in English and Chinese, never an exception.
 */
import { formatIssue } from '../../config/issues';
import { MAX_JSON_DEPTH, parseJsonText } from '../../config/json-file';

const read = (text: string, lang: 'en' | 'zh' = 'en') => parseJsonText('o.tf.json', text).issues.map((i) => formatIssue(i, lang));

describe('Terraform JSON files', () => {
  it('reads a valid file', () => {
    expect(parseJsonText('o.tf.json', '{ "resource": {} }\n')).toEqual({ data: { resource: {} }, issues: [] });
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}\n', 'o.tf.json:3:1 JSON syntax error: expected a property name in double quotes, found "}"'],
    ['a missing value', '{ "a": }', 'o.tf.json:1:8 JSON syntax error: expected a value, found "}"'],
    ['a misspelt literal', '{ "a": tru }', 'o.tf.json:1:8 JSON syntax error: expected a value, found "tru"'],
    ['a missing colon', '{ "a" 1 }', 'o.tf.json:1:7 JSON syntax error: expected ":", found "1"'],
    ['an unclosed list', '{\n  "a": [1, 2\n}', 'o.tf.json:3:1 JSON syntax error: expected "," or "]", found "}"'],
    ['a cut-off file', '{ "a": {', 'o.tf.json:1:9 JSON syntax error: expected a property name in double quotes, found the end of the file'],
    ['a line break in a string', '{ "a": "x\ny" }', 'o.tf.json:1:10 JSON syntax error: expected the closing quote of the string, found a line break'],
    ['a bad escape', '{ "a": "\\q" }', 'o.tf.json:1:9 JSON syntax error: expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found "\\\\q"'],
    ['text after the object', '{}\n{}', 'o.tf.json:2:1 JSON syntax error: expected the end of the file, found "{"'],
    ['an empty file', '', 'o.tf.json:1:1 JSON syntax error: expected a value, found the end of the file'],
  ])('reports %s with its position', (_what, text, line) => {
    expect(read(text)).toEqual([line]);
  });

  it('speaks Chinese', () => {
    expect(read('{ "a": }', 'zh')).toEqual(['o.tf.json:1:8 JSON 语法错误：应为 一个值，实际为 "}"']);
  });

  it('refuses a top level other than an object', () => {
    expect(read('  [1]')).toEqual(['o.tf.json:1:3 a Terraform JSON file holds one object (resource, data, variable, …), got a list']);
    expect(read('null', 'zh')).toEqual(['o.tf.json:1:1 Terraform JSON 文件应为一个对象（resource、data、variable 等），实际为 空值 (null)']);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels where it is passed, valid JSON or not`, () => {
    const n = 100000;
    const deep = `{"a": ${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(read(deep)).toEqual(['o.tf.json:1:70 JSON is nested more than 64 levels deep; Terraform needs far fewer: flatten it']);
    expect(read(`{"a": ${'['.repeat(n)}`, 'zh')).toEqual(['o.tf.json:1:70 JSON 嵌套超过 64 层；Terraform 配置远不需要这么深：请减少嵌套']);
    expect(read(`{"a": ${'['.repeat(63)}${']'.repeat(63)}}`)).toEqual([]);
  });
});
