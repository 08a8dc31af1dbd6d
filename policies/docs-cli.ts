/**
 * Writes docs/rules.md from the rule registry (`npm run docs`, from the repository root).
 * `--check` writes nothing and exits 1 when the file is out of date. An optional path argument
 * names another output file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs, RULE_DOCS_PATH } from './docs';

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const target = path.resolve(args.find((a) => !a.startsWith('--')) ?? RULE_DOCS_PATH);
  const content = renderRuleDocs();
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (check) {
    if (current === content) return 0;
    process.stderr.write(`${target} is out of date: run \`npm run docs\`\n`);
    return 1;
  }
  if (current !== content) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  process.stdout.write(`${path.relative(process.cwd(), target) || target}: ${current === content ? 'up to date' : 'written'}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
