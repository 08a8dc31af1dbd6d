/**
 * Loads an environment folder: platform.yaml and tenants/<county>/<name>.yaml. Each file is read
 * with positions and checked against its strict schema; every issue is collected, none thrown.
 */
import * as path from 'path';
import { Issue, issue } from './issues';
import { readYaml, SourceFile, ReadOptions } from './source';
import { diskSource, FileSource } from './files';
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

export function loadEnvironment(dir: string, source: FileSource = diskSource, opts: ReadOptions = {}): LoadedEnvironment {
  const issues: Issue[] = [];
  const shown = displayPath(dir);
  if (!source.isDirectory(dir)) {
    return {
      dir,
      tenants: [],
      fileRefs: new Set(),
      filesRead: 0,
      issues: [issue('error', { file: shown, line: 1, col: 1 }, '', 'env.notFound', { value: shown })],
    };
  }
  let platform: LoadedFile<PlatformFile> | undefined;
  const platformPath = path.join(dir, 'platform.yaml');
  if (!source.exists(platformPath)) {
    const file = displayPath(platformPath);
    issues.push(issue('error', { file, line: 1, col: 1 }, '', 'file.notFound', { expected: file }));
  } else {
    const read = readYaml(displayPath(platformPath), 'Platform', source);
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
  const tenantFiles = source.listYaml(tenantsDir);
  for (const full of tenantFiles) {
    const file = displayPath(full);
    const rel = path.relative(tenantsDir, full).split(path.sep);
    if (/\.ya?ml$/i.test(full) && !/\.ya?ml$/.test(full)) {
      // relief.YAML would otherwise be passed over, and its tenant silently missing from the city
      const name = path.basename(full);
      if (rel.length === 2) fileRefs.add(`tenant/${rel[0]}/${rel[1].replace(/\.ya?ml$/i, '')}`);
      issues.push(issue('error', { file, line: 1, col: 1 }, '', 'file.extensionCase', { name, expected: name.replace(/\.ya?ml$/i, '.yaml') }));
      continue;
    }
    if (rel.length !== 2) {
      issues.push(issue('error', { file, line: 1, col: 1 }, '', 'file.misplaced', { value: `tenants/${rel.join('/')}` }));
      continue;
    }
    fileRefs.add(`tenant/${rel[0]}/${rel[1].replace(/\.ya?ml$/, '')}`);
    const read = readYaml(file, 'TenantRequest', source, opts);
    issues.push(...read.issues);
    if (!read.source) continue;
    const checked = checkSchema(read.source, tenantRequestSchema);
    issues.push(...checked.issues);
    if (checked.data) {
      tenants.push({ source: read.source, data: checked.data, folder: rel[0], basename: rel[1].replace(/\.ya?ml$/, '') });
    }
  }
  return { dir, platform, tenants, fileRefs, filesRead: tenantFiles.length + (source.exists(platformPath) ? 1 : 0), issues };
}
