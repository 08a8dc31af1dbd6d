/**
 * Loads an environment folder: platform.yaml and tenants/<county>/<name>.yaml. Each file is read
 * with positions and checked against its strict schema; every issue is collected, none thrown.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Issue, issue } from './issues';
import { readYaml, SourceFile } from './source';
import { checkSchema } from './schema-issues';
import { platformSchema, PlatformFile } from './schema/platform';
import { tenantRequestSchema, TenantRequestFile } from './schema/tenant';

export interface LoadedFile<T> {
  readonly source: SourceFile;
  readonly data: T;
}

export interface LoadedTenant extends LoadedFile<TenantRequestFile> {
  /** Folder under tenants/ (the county code). */
  readonly folder: string;
  /** File name without extension (the tenant name). */
  readonly basename: string;
}

export interface LoadedEnvironment {
  readonly dir: string;
  readonly platform?: LoadedFile<PlatformFile>;
  readonly tenants: readonly LoadedTenant[];
  /** `tenant/<folder>/<file name>` of every request file, usable or not, so a broken file's errors are not echoed by flows pointing at it. */
  readonly fileRefs: ReadonlySet<string>;
  /** How many files were read (platform and request files, usable or not). */
  readonly filesRead: number;
  readonly issues: readonly Issue[];
}

/** A path as people should see it: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (isYaml(e.name)) out.push(full);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

export function loadEnvironment(dir: string): LoadedEnvironment {
  const issues: Issue[] = [];
  const shown = displayPath(dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { dir, tenants: [], fileRefs: new Set(), filesRead: 0, issues: [issue('error', { file: shown, line: 1, col: 1 }, '', 'env.notFound', { value: shown })] };
  }
  let platform: LoadedFile<PlatformFile> | undefined;
  const platformPath = path.join(dir, 'platform.yaml');
  if (!fs.existsSync(platformPath)) {
    const file = displayPath(platformPath);
    issues.push(issue('error', { file, line: 1, col: 1 }, '', 'file.notFound', { expected: file }));
  } else {
    const read = readYaml(displayPath(platformPath), 'Platform');
    issues.push(...read.issues);
    if (read.source) {
      const checked = checkSchema(read.source, platformSchema);
      issues.push(...checked.issues);
      if (checked.data) platform = { source: read.source, data: checked.data };
    }
  }
  const tenants: LoadedTenant[] = [];
  const fileRefs = new Set<string>();
  const tenantsDir = path.join(dir, 'tenants');
  const tenantFiles = listFiles(tenantsDir);
  for (const full of tenantFiles) {
    const file = displayPath(full);
    const rel = path.relative(tenantsDir, full).split(path.sep);
    if (rel.length !== 2) {
      issues.push(issue('error', { file, line: 1, col: 1 }, '', 'file.misplaced', { value: `tenants/${rel.join('/')}` }));
      continue;
    }
    fileRefs.add(`tenant/${rel[0]}/${rel[1].replace(/\.ya?ml$/, '')}`);
    const read = readYaml(file, 'TenantRequest');
    issues.push(...read.issues);
    if (!read.source) continue;
    const checked = checkSchema(read.source, tenantRequestSchema);
    issues.push(...checked.issues);
    if (checked.data) {
      tenants.push({ source: read.source, data: checked.data, folder: rel[0], basename: rel[1].replace(/\.ya?ml$/, '') });
    }
  }
  return { dir, platform, tenants, fileRefs, filesRead: tenantFiles.length + (fs.existsSync(platformPath) ? 1 : 0), issues };
}
