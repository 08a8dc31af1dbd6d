/**
 * The hand-written Terraform files of an environment, `<env>/overrides/<stack>/*.tf.json`, read and
 * checked before any stack is built: a file that is not valid JSON, nests too deeply or is not one
 * object is an input error with its position, so synth and check refuse it instead of crashing. A
 * credential in one (a shape of config/credentials.ts in any key or value, a literal under a
 * credential's name) is an input error at its line too: it would be merged into the stacks, their
 * state and the evidence package.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Issue, issue, sortIssues } from '../config/issues';
import { suggest } from '../config/suggest';
import { JsonObject, readJsonFile } from '../config/json-file';
import { displayPath } from '../config/load';
import { credentialsInJson, offsetOf } from '../config/credential-json';
import { credentialWord } from '../config/messages/credentials';
import { fieldPath, positionOf } from '../config/source';

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
      if (r.data && r.text !== undefined) {
        issues.push(...credentialIssues(displayPath(full), r.text, r.data));
        read.push({ name, text: r.text, json: r.data });
      }
    }
    files.set(stack, read);
  }
  return { files, issues: sortIssues(issues) };
}

/** The credentials of a hand-written file, each at its line (the value is never printed). */
export function credentialIssues(shown: string, text: string, json: unknown): Issue[] {
  return credentialsInJson(json).map((h) =>
    issue('error', positionOf(shown, text, offsetOf(text, h)), fieldPath(h.path), 'override.credential', { what: credentialWord(h.what) }),
  );
}

/**
 * What under `<env>/overrides/` would be silently ignored: a folder that names no stack (a misspelling
 * leaves the override unapplied), a file where only stack folders belong, HCL (`*.tf`: only JSON
 * syntax is read) and any other file in a stack folder. Each is an error at the path: an override
 * someone believes applied but is not is worse than none.
 */
export function strayOverrides(dir: string | undefined, stacks: readonly string[]): Issue[] {
  if (dir === undefined || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  const issues: Issue[] = [];
  const at = (full: string) => ({ file: displayPath(full), line: 1, col: 1 });
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) {
      issues.push(issue('error', at(full), '', 'override.notAFolder', { name: entry.name }));
      continue;
    }
    if (!stacks.includes(entry.name)) {
      issues.push(
        issue('error', at(full), '', 'override.unknownStack', { name: JSON.stringify(entry.name), suggestion: `suggest:${suggest(entry.name, stacks) ?? ''}` }),
      );
      continue;
    }
    for (const f of fs.readdirSync(full).sort()) {
      if (f.endsWith('.tf.json')) continue;
      issues.push(issue('error', at(path.join(full, f)), '', f.endsWith('.tf') ? 'override.hcl' : 'override.ignored', { name: f }));
    }
  }
  return issues;
}
