/**
 * A synth output read back (`check --from cdktf.out`): every stack folder of both networks with the
 * Terraform JSON files Terraform would load there, merged. A missing or empty folder, or a file that
 * is not valid Terraform JSON, is an input error with its position, never an exception.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CityModel } from '../config/model';
import { Issue, issue, sortIssues } from '../config/issues';
import { displayPath } from '../config/load';
import { StackJson } from '../terraform/json';
import { readStackFolder, terraformFiles } from '../terraform/stack-folder';
import { readJsonFile } from '../config/json-file';
import { buildDeployment, Deployment } from './deployment';
import { ClusterFile, readClusterFiles } from '../config/cluster-config';

export interface SynthOutput {
  /** Empty when there is an issue: a check of part of the output would mislead. */
  readonly stacks: StackJson[];
  readonly issues: readonly Issue[];
  /** The cluster bootstrap files written with the stacks (`<network>/clusters/`). */
  readonly clusters: ClusterFile[];
}

const isDir = (p: string): boolean => fs.existsSync(p) && fs.statSync(p).isDirectory();

/**
 * The hand-written Terraform files of a synth output (every `*.tf.json` of a stack folder besides
 * cdk.tf.json), by stack folder name; a file that cannot be read is left to readSynthOutput to report.
 */
export function handWrittenFiles(outDir: string): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = path.join(outDir, network, 'stacks');
    if (!isDir(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const folder = path.join(dir, name);
      if (!isDir(folder)) continue;
      for (const f of terraformFiles(folder).filter((x) => x !== 'cdk.tf.json')) {
        const read = readJsonFile(path.join(folder, f));
        if (read.data) out.set(name, [...(out.get(name) ?? []), read.data]);
        else out.set(name, out.get(name) ?? []);
      }
    }
  }
  return out;
}

/** `only`: the stack folders to read (default all). */
export function readSynthOutput(outDir: string, only?: ReadonlySet<string>): SynthOutput {
  const shown = displayPath(outDir);
  const at = { file: shown, line: 1, col: 1 };
  if (!isDir(outDir)) return { stacks: [], clusters: [], issues: [issue('error', at, '', 'output.notFound', { value: shown })] };
  const stacks: StackJson[] = [];
  const issues: Issue[] = [];
  for (const network of ['extranet', 'intranet'] as const) {
    const dir = path.join(outDir, network, 'stacks');
    if (!isDir(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!isDir(path.join(dir, name))) continue;
      if (only && !only.has(name)) continue;
      // Terraform loads every *.tf.json of the folder: hand-added files are judged with the synthesized one
      const read = readStackFolder(path.join(dir, name));
      issues.push(...read.issues);
      if (read.json === undefined) continue;
      stacks.push({ name, network, json: read.json });
    }
  }
  if (issues.length > 0) return { stacks: [], clusters: [], issues: sortIssues(issues) };
  if (stacks.length === 0) return { stacks, clusters: [], issues: [issue('error', at, '', 'output.empty', { value: shown })] };
  return { stacks, issues, clusters: readClusterFiles(outDir) };
}

/** The deployment a synth output describes, or the issues that keep it from being read. */
export function readDeployment(model: CityModel, outDir: string): { readonly deployment?: Deployment; readonly issues: readonly Issue[] } {
  const read = readSynthOutput(outDir);
  return read.issues.length > 0 ? { issues: read.issues } : { deployment: buildDeployment(model, read.stacks, read.clusters), issues: [] };
}
