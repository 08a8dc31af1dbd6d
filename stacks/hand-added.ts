/**
 * The hand-written Terraform files of an environment, `<env>/overrides/<stack>/*.tf.json`, read and
 * checked before any stack is built: a file that is not valid JSON, nests too deeply or is not one
 * object is an input error with its position, so synth and check refuse it instead of crashing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Issue, sortIssues } from '../config/issues';
import { JsonObject, readJsonFile } from '../config/json-file';
import { displayPath } from '../config/load';

export interface HandAddedFile {
  /** File name, e.g. `extra.tf.json` or `limits_override.tf.json`. */
  readonly name: string;
  /** The file as written (synth copies it as it is). */
  readonly text: string;
  readonly json: JsonObject;
}

export interface HandAdded {
  /** Readable files per stack name, sorted by name. */
  readonly files: ReadonlyMap<string, readonly HandAddedFile[]>;
  readonly issues: readonly Issue[];
}

/** Terraform files of a folder that are not synthesized (cdk.tf.json is), sorted by name. */
export function handAddedNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.tf.json') && x !== 'cdk.tf.json')
    .sort();
}

/** Reads the hand-written files of the named stacks (whose folder exists) under `dir`; no folder, no files. */
export function readHandAdded(dir: string | undefined, stacks: Iterable<string>): HandAdded {
  const files = new Map<string, HandAddedFile[]>();
  const issues: Issue[] = [];
  if (dir === undefined) return { files, issues };
  for (const stack of stacks) {
    const folder = path.join(dir, stack);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) continue;
    const read: HandAddedFile[] = [];
    for (const name of handAddedNames(folder)) {
      const full = path.join(folder, name);
      const r = readJsonFile(full, displayPath(full));
      issues.push(...r.issues);
      if (r.data && r.text !== undefined) read.push({ name, text: r.text, json: r.data });
    }
    files.set(stack, read);
  }
  return { files, issues: sortIssues(issues) };
}
