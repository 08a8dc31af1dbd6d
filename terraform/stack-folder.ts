/** A stack folder of a synth output read back as Terraform loads it: every `*.tf.json`, merged. */
import * as fs from 'fs';
import * as path from 'path';
import { Issue } from '../config/issues';
import { readJsonFile } from '../config/json-file';
import { displayPath } from '../config/load';
import { Json } from './json';
import { mergeFiles } from './merge';

/** The Terraform JSON files of a folder, by name. */
export function terraformFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tf.json'))
    .sort();
}

/**
 * The module Terraform would load from `dir` (hand-added files judged with the synthesized one), or
 * the issues of the files that cannot be read. Undefined json: no `cdk.tf.json`, not a stack folder.
 */
export function readStackFolder(dir: string): { readonly json?: Json; readonly issues: readonly Issue[] } {
  const names = terraformFiles(dir);
  if (!names.includes('cdk.tf.json')) return { issues: [] };
  const issues: Issue[] = [];
  const files: { name: string; json: Json }[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const read = readJsonFile(full, displayPath(full));
    issues.push(...read.issues);
    if (read.data) files.push({ name, json: read.data });
  }
  return { json: mergeFiles({}, files), issues };
}
