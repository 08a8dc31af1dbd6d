/** The files of a folder at a revision, read from git, for a folder below the repository root and for the root itself. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { filesAt } from '../../workflow/git';
import { tmpDir } from '../helpers/env';

function repo(): string {
  const root = tmpDir('git-files');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  fs.mkdirSync(path.join(root, 'tenants', 'north'), { recursive: true });
  fs.writeFileSync(path.join(root, 'platform.yaml'), 'a: 1\n');
  fs.writeFileSync(path.join(root, 'tenants', 'north', 'portal.yaml'), 'b: 2\n');
  git('add', '-A');
  git('-c', 'user.email=t@example.gov.cn', '-c', 'user.name=t', 'commit', '-qm', 'base');
  fs.writeFileSync(path.join(root, 'platform.yaml'), 'a: 3\n');
  return fs.realpathSync(root);
}

describe('filesAt', () => {
  const root = repo();

  it('reads a folder below the root as it was at the revision', () => {
    const files = filesAt('HEAD', path.join(root, 'tenants'), root);
    expect([...files.keys()]).toEqual([path.join(root, 'tenants', 'north', 'portal.yaml')]);
  });

  it('reads the whole repository when the environment is its root', () => {
    const files = filesAt('HEAD', root, root);
    expect([...files.keys()].sort()).toEqual([path.join(root, 'platform.yaml'), path.join(root, 'tenants', 'north', 'portal.yaml')]);
    expect(files.get(path.join(root, 'platform.yaml'))?.toString()).toBe('a: 1\n');
  });
});
