import * as fs from 'fs';
import * as path from 'path';
import { memorySource } from '../../config/files';
import { validateEnvironment } from '../../config/validate';
import { formatIssue } from '../../config/issues';
import { caseEnv, readTree } from '../helpers/env';

describe('reading an environment from memory (a git revision)', () => {
  it('gives the same model and the same issues as reading it from disk', () => {
    const dir = caseEnv('flow-cross-zone');
    const files = new Map([...readTree(dir)].map(([rel, buf]) => [path.join(dir, rel), buf]));
    const disk = validateEnvironment(dir);
    const memory = validateEnvironment(dir, { source: memorySource(files) });
    expect(memory.issues.map((i) => formatIssue(i, 'en'))).toEqual(disk.issues.map((i) => formatIssue(i, 'en')));
    expect(memory.draft).toEqual(disk.draft);
    expect(disk.issues.length).toBe(1);
  });

  it('reports a folder that is not there', () => {
    const dir = caseEnv(undefined);
    const r = validateEnvironment(path.join(dir, 'nowhere'), {
      source: memorySource(new Map([[path.join(dir, 'platform.yaml'), fs.readFileSync(path.join(dir, 'platform.yaml'))]])),
    });
    expect(r.issues.map((i) => i.code)).toEqual(['env.notFound']);
  });
});
