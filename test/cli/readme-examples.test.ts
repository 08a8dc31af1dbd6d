/**
 * The README's govcloud command lines are accepted as written: every line of a fenced block that runs
 * `node dist/cli/main.js` or `npx govcloud`, and every inline `npx govcloud …` without a placeholder,
 * goes through the CLI's own parser to the command it names (its options known to that command, their
 * values allowed), without running it. .ci/run runs the README's test commands; the examples that only
 * read the example city are run here too.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Parsed } from '../../cli/args';
import { CommandName, COMMANDS } from '../../cli/options';
import { Handler, parseAndRun } from '../../cli/program';
import { REPO } from '../helpers/env';

const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const CLI = /^(?:[A-Z_]+=\S+\s+)*(?:node dist\/cli\/main\.js|npx govcloud)\s+(.*)$/;

/** Command lines of the fenced blocks (not YAML), continuation lines joined, comments dropped. */
function fencedLines(): string[] {
  const out: string[] = [];
  for (const block of README.split(/^```/m).filter((_, i) => i % 2 === 1)) {
    if (/^(yaml|json)\b/.test(block)) continue;
    const joined = block.replace(/\\\n\s*/g, ' ');
    for (const line of joined.split('\n').slice(1)) {
      const cmd = line.replace(/\s+#.*$/, '').trim();
      if (CLI.test(cmd)) out.push(cmd);
    }
  }
  return out;
}

/** Inline `npx govcloud …` spans that are whole command lines: no placeholder (<…>, NAME, REF, …, |). */
function inlineLines(): string[] {
  const spans = [...README.replace(/^```[\s\S]*?^```/gm, '').matchAll(/`(npx govcloud [^`]+)`/g)].map((m) => m[1]);
  return spans.filter((s) => !/[<>…|]|\b[A-Z]{3,}\b/.test(s));
}

async function parse(line: string): Promise<{ command?: CommandName; code: number }> {
  let command: CommandName | undefined;
  const record =
    (name: CommandName): Handler =>
    (_p: Parsed) => {
      command = name;
      return 0;
    };
  const handlers = Object.fromEntries(COMMANDS.map((c) => [c.name, record(c.name)])) as Record<CommandName, Handler>;
  const argv = CLI.exec(line)![1].split(/\s+/);
  const code = await parseAndRun(argv, 'en', { out: () => undefined, err: () => undefined }, handlers);
  return { command, code };
}

describe('the README command lines', () => {
  const lines = [...fencedLines(), ...inlineLines()];

  it('are found, fenced and inline, the pull-request one among them', () => {
    expect(fencedLines().length).toBeGreaterThanOrEqual(10);
    expect(inlineLines()).toEqual(expect.arrayContaining(['npx govcloud pr --base origin/main', 'npx govcloud validate']));
  });

  it.each(lines.map((l) => [l]))('%s is accepted as written', async (line) => {
    const r = await parse(line);
    expect(r.code).toBe(0);
    expect(CLI.exec(line)![1].startsWith(r.command ?? '(none)')).toBe(true);
  });

  it('runs the example that lists the stacks of the example city', () => {
    const line = fencedLines().find((l) => /main\.js stacks$/.test(l))!;
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli', 'main.js'), ...CLI.exec(line)![1].split(/\s+/)], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^platform-ext-primary\b/m);
  });
});
