/**
 * A copy of an environment with a payload appended to every string value of every YAML file that
 * still validates with it: each string is changed, the city validated, and every value on a line
 * an error points at put back, until the city is valid. What stays changed is every free-text field.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isPair, isScalar, isSeq, LineCounter, parseDocument, visit, Scalar, Document } from 'yaml';
import { validateEnvironment } from '../../config/validate';
import { CityModel } from '../../config/model';
import { RULES } from '../../policies/registry';

export interface Planted {
  readonly dir: string;
  readonly model: CityModel;
  /** `file:field-line` of every value that kept the payload. */
  readonly fields: readonly string[];
}

interface Site {
  readonly node: Scalar;
  readonly line: number;
  /** The field path as issues write it: `spec.flows[0].to`, `clusters[1].name`. */
  readonly field: string;
  readonly original: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(full));
    else if (e.isFile() && e.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}

/** The dotted path of a scalar from the nodes above it (visit's trail). */
function fieldOf(trail: readonly unknown[], node: Scalar): string {
  let out = '';
  const chain = [...trail, node];
  for (let k = 1; k < chain.length; k++) {
    const parent = chain[k - 1];
    const child = chain[k];
    if (isSeq(parent)) out += `[${parent.items.indexOf(child as never)}]`;
    else if (isPair(child) && isScalar(child.key)) out += `${out === '' ? '' : '.'}${String(child.key.value)}`;
  }
  return out;
}

export function plantInEveryString(source: string, tmp: string, payload: string): Planted {
  const dir = path.join(tmp, 'planted');
  fs.cpSync(source, dir, { recursive: true });
  const docs = new Map<string, { doc: Document; sites: Site[] }>();
  for (const file of yamlFiles(dir)) {
    const lc = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc });
    const sites: Site[] = [];
    visit(doc, {
      Scalar(key, node, trail) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        sites.push({ node, line: lc.linePos(node.range[0]).line, field: fieldOf(trail, node), original: node.value });
        node.value = node.value + payload;
      },
    });
    docs.set(file, { doc, sites });
  }
  for (let round = 0; round < 20; round++) {
    for (const [file, { doc }] of docs) fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    const r = validateEnvironment(dir, { rules: RULES });
    const errors = r.issues.filter((i) => i.severity === 'error');
    if (errors.length === 0 && r.model) {
      const fields = [...docs].flatMap(([file, { sites }]) =>
        sites.filter((s) => isScalar(s.node) && s.node.value !== s.original).map((s) => `${path.relative(dir, file)}:${s.line}`),
      );
      return { dir, model: r.model, fields };
    }
    let reverted = 0;
    for (const i of errors) {
      const entry = [...docs].find(([file]) => path.resolve(file) === path.resolve(i.file));
      for (const s of entry?.[1].sites ?? []) {
        if ((s.field === i.field || i.field.startsWith(`${s.field}.`) || i.field.startsWith(`${s.field}[`)) && s.node.value !== s.original) {
          s.node.value = s.original;
          reverted++;
        }
      }
    }
    if (reverted === 0) throw new Error(`cannot plant: ${errors.map((i) => `${i.file}:${i.line} ${i.field} ${i.code}`).join('; ')}`);
  }
  throw new Error('cannot plant: no valid city after 20 rounds');
}
