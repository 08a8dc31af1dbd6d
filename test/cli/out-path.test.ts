/** A file-system failure while writing is one line naming the path and what is wrong (issue 10). */
import * as fs from 'fs';
import * as path from 'path';
import { writeReport } from '../../cli/check';
import { FileError, fileErrorLine } from '../../cli/out-path';
import { tmpDir } from '../helpers/env';

describe('writing a report', () => {
  it('turns a failed write into a FileError naming the report, and leaves no temporary file', () => {
    const dir = tmpDir('out');
    fs.writeFileSync(path.join(dir, 'taken'), 'x');
    fs.mkdirSync(path.join(dir, 'r.md'));
    let thrown: unknown;
    try {
      writeReport('text\n', path.join(dir, 'r.md'), () => undefined);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FileError);
    expect(fileErrorLine(thrown, 'en')).toBe(`cannot use ${path.join(dir, 'r.md')}: it is a folder, not a file (EISDIR)`);
    expect(fileErrorLine(thrown, 'zh')).toBe(`无法使用 ${path.join(dir, 'r.md')}：这是目录而不是文件 (EISDIR)`);
    expect(fs.readdirSync(dir).sort()).toEqual(['r.md', 'taken']);
  });

  it('leaves other errors alone', () => {
    expect(fileErrorLine(new Error('a bug'), 'en')).toBeUndefined();
  });
});
