/**
 * Nothing govcloud reads can hang it (issue 21, "Hangs and crashes"): a pipe (FIFO), a device or a
 * link among the hand-written overrides or in a synth output read back by `check --from` is refused
 * at once, naming the path, never opened for reading.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { formatIssue } from '../../config/issues';
import { readRegularFile } from '../../config/regular-file';
import { readHandAdded } from '../../terraform/hand-added';
import { readSynthOutput } from '../../policies/synth-output';
import { tmpDir } from '../helpers/env';

const fifo = (p: string) => execFileSync('mkfifo', [p]);
const NOT_REGULAR = 'cannot read file (it is not a regular file (a folder, device, pipe or socket); request and platform files must be regular files)';

describe('special files', () => {
  it('a FIFO among the overrides is refused at once, naming it', () => {
    const dir = tmpDir('special-overrides');
    fs.mkdirSync(path.join(dir, 'dept-a'), { recursive: true });
    fifo(path.join(dir, 'dept-a', 'extra.tf.json'));
    const read = readHandAdded(dir, ['dept-a']);
    expect(read.issues.map((i) => formatIssue(i, 'en'))).toEqual([`${path.join(dir, 'dept-a', 'extra.tf.json')}:1:1 ${NOT_REGULAR}`]);
    expect(read.issues.map((i) => formatIssue(i, 'zh'))[0]).toContain('不是普通文件');
  });

  it('an override linked to /dev/zero is refused as a link, not read', () => {
    const dir = tmpDir('special-link');
    fs.mkdirSync(path.join(dir, 'dept-a'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(dir, 'dept-a', 'zero.tf.json'));
    const read = readHandAdded(dir, ['dept-a']);
    expect(read.issues.map((i) => formatIssue(i, 'en'))[0]).toMatch(/zero\.tf\.json:1:1 cannot read file \(it is a symbolic link, and links are refused/);
  });

  it('a FIFO in a synth output read back (check --from) is refused at once', () => {
    const out = tmpDir('special-from');
    const stack = path.join(out, 'extranet', 'stacks', 'dept-a');
    fs.mkdirSync(stack, { recursive: true });
    fs.writeFileSync(path.join(stack, 'cdk.tf.json'), '{}');
    fifo(path.join(stack, 'hand.tf.json'));
    const read = readSynthOutput(out);
    expect(read.issues.map((i) => formatIssue(i, 'en'))).toEqual([`${path.join(stack, 'hand.tf.json')}:1:1 ${NOT_REGULAR}`]);
  });

  it('reads a regular file, and no more than a bound', () => {
    const dir = tmpDir('special-bound');
    fs.writeFileSync(path.join(dir, 'a'), 'abc');
    expect(readRegularFile(path.join(dir, 'a'))).toEqual(Buffer.from('abc'));
    expect(readRegularFile(path.join(dir, 'a'), 2)).toEqual({ error: 'EFBIG' });
    expect(readRegularFile('/dev/zero')).toEqual({ error: 'ENOTREG' });
  });
});
