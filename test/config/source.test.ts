import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { firstInvalidUtf8, parseYamlText, readYaml, MAX_FILE_BYTES, locate } from '../../config/source';
import { formatIssue } from '../../config/issues';
import { EXAMPLE_CITY, FIXTURES, readTree, tmpDir } from '../helpers/env';

describe('reading YAML', () => {
  const files = [
    ...[...readTree(EXAMPLE_CITY).keys()].map((f) => path.join(EXAMPLE_CITY, f)),
    ...[...readTree(path.join(FIXTURES, 'base')).keys()].map((f) => path.join(FIXTURES, 'base', f)),
  ].filter((f) => f.endsWith('.yaml'));

  it.each(files.map((f) => [path.relative(EXAMPLE_CITY, f), f]))('reads %s to the same data as the careful parser', (_n, f) => {
    const text = fs.readFileSync(f, 'utf8');
    const fast = parseYamlText(f, text, 'TenantRequest');
    const careful = parseAllDocuments(text, { uniqueKeys: true, strict: true });
    if (!Array.isArray(careful)) throw new Error('no document');
    expect(fast.source?.data).toEqual(careful[0].toJS());
  });

  it('keeps dates as text (YAML 1.2 core schema), so approvedOn stays "2026-10-01"', () => {
    const r = parseYamlText('x.yaml', 'approval: { approvedOn: 2026-10-01 }\nflag: yes\n', 'TenantRequest');
    expect(r.source?.data).toEqual({ approval: { approvedOn: '2026-10-01' }, flag: 'yes' });
  });

  it('points into the file only when asked, with line and column', () => {
    const r = parseYamlText('x.yaml', 'a: 1\nspec:\n  zone: dmz2\n', 'TenantRequest');
    expect(r.source && locate(r.source, ['spec', 'zone'])).toEqual({ file: 'x.yaml', line: 3, col: 9 });
    expect(r.source && locate(r.source, ['spec', 'zone'], { key: true })).toEqual({ file: 'x.yaml', line: 3, col: 3 });
    expect(r.source && locate(r.source, ['spec', 'missing', 'deeper'])).toEqual({ file: 'x.yaml', line: 3, col: 3 });
  });

  it('expands a few aliases but refuses an alias bomb with a positioned error', () => {
    const ok = parseYamlText('x.yaml', 'a: &q { cpu: "1" }\nb: *q\n', 'TenantRequest');
    expect(ok.source?.data).toEqual({ a: { cpu: '1' }, b: { cpu: '1' } });
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${new Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const r = parseYamlText('bomb.yaml', `${bomb.join('\n')}\n`, 'TenantRequest');
    expect(r.source).toBeUndefined();
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual(['bomb.yaml:1:1 YAML aliases expand too much (more than 50 expansions); write the values out']);
  });

  it('refuses a file over the size limit before reading it', () => {
    const f = path.join(tmpDir('huge'), 'huge.yaml');
    fs.writeFileSync(f, `a: "${'x'.repeat(MAX_FILE_BYTES)}"\n`);
    const r = readYaml(f, 'TenantRequest');
    expect(r.issues.map((i) => formatIssue(i, 'en'))).toEqual([`${f}:1:1 file is ${MAX_FILE_BYTES + 6} bytes, more than the limit of ${MAX_FILE_BYTES} bytes`]);
    expect(r.issues.map((i) => formatIssue(i, 'zh'))).toEqual([`${f}:1:1 文件大小 ${MAX_FILE_BYTES + 6} 字节，超过上限 ${MAX_FILE_BYTES} 字节`]);
  });
});

describe('a file not saved as UTF-8 (issue 10)', () => {
  const read = (bytes: Buffer) => {
    const f = path.join(tmpDir('enc'), 'relief.yaml');
    fs.writeFileSync(f, bytes);
    return readYaml(f, 'TenantRequest').issues.map((i) => formatIssue(i, 'en').slice(f.length));
  };

  it('is refused at the line and column of the first byte that is not UTF-8 (Latin-1)', () => {
    const latin1 = Buffer.from('apiVersion: govcloud/v1\nmetadata:\n  displayName: Café — wait\n', 'latin1');
    expect(read(latin1)).toEqual([':3:19 the file is not UTF-8: byte 0xE9 here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8']);
  });

  it('counts columns in characters after UTF-8 text on the same line, and after a byte-order mark', () => {
    const mixed = Buffer.concat([Buffer.from('\uFEFFa: 民政\nb: 民', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(read(mixed)).toEqual([':2:5 the file is not UTF-8: byte 0xC3 here is not valid UTF-8 (saved as GBK or Latin-1?); save the file as UTF-8']);
  });

  it('accepts any well-formed UTF-8, a literal U+FFFD included, and refuses overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(Buffer.from('a: "民政 \uFFFD 😀"\n', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate U+D800
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe6, 0xb0]))).toBe(1); // cut short at the end
  });

  it('still calls a file with NUL bytes binary', () => {
    expect(read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual([':1:1 file is not UTF-8 text (binary content near byte 8)']);
  });
});
