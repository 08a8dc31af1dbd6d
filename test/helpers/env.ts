/** Test helpers: temporary environment folders made from the fixtures. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'config');
export const EXAMPLE_CITY = path.join(REPO, 'environments', 'example-city');

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `govcloud-${prefix}-`));
}

/** Copies the base fixture city into `<tmp>/case`, then lays the named case's files over it. */
export function caseEnv(name: string | undefined, tmp: string = tmpDir('case')): string {
  const dir = path.join(tmp, 'case');
  fs.cpSync(path.join(FIXTURES, 'base'), dir, { recursive: true });
  if (name !== undefined) fs.cpSync(path.join(FIXTURES, 'cases', name), dir, { recursive: true });
  return dir;
}

/** Lists every file under a folder with its bytes, keyed by relative path. */
export function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}
