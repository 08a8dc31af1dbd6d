/**
 * The command line's parsing (cli/options.ts, cli/program.ts), in this process: each command takes
 * its own options only, help is generated per command and in the chosen language, a value outside
 * its choices is refused naming them, and commander neither prints nor exits on its own.
 */
import { Parsed } from '../../cli/args';
import { run } from '../../cli/main';
import { CommandName, COMMANDS } from '../../cli/options';
import { Handler, parseAndRun } from '../../cli/program';

interface Output {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function cli(argv: readonly string[], env: NodeJS.ProcessEnv = { LANG: 'C' }): Promise<Output> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  Object.assign(process.env, { LC_ALL: '', LC_MESSAGES: '' }, env);
  try {
    const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** What each handler would have been given, without running anything. */
async function parsed(argv: readonly string[]): Promise<{ command?: CommandName; flags: Record<string, string[]>; code: number }> {
  let command: CommandName | undefined;
  let flags: Record<string, string[]> = {};
  const record =
    (name: CommandName): Handler =>
    (p: Parsed) => {
      command = name;
      flags = Object.fromEntries(p.flags);
      return 0;
    };
  const handlers = Object.fromEntries(COMMANDS.map((c) => [c.name, record(c.name)])) as Record<CommandName, Handler>;
  const code = await parseAndRun(argv, 'en', { out: () => undefined, err: () => undefined }, handlers);
  return { command, flags, code };
}

const HINT_EN = 'Run govcloud --help for usage.';
const HINT_ZH = '运行 govcloud --help 查看用法。';

describe('each command takes its own options', () => {
  it('refuses an option of another command, naming the commands it belongs to, exit 2', async () => {
    const en = await cli(['validate', '--base', 'x']);
    expect(en).toEqual({ code: 2, out: [], err: [`--base belongs to pr, not validate (known for validate: --env, --today, --lang, --help)\n${HINT_EN}`] });
    const zh = await cli(['validate', '--base', 'x', '--lang', 'zh']);
    expect(zh.err).toEqual([`--base 属于 pr，不属于 validate（validate 可用：--env、--today、--lang、--help）\n${HINT_ZH}`]);
    expect((await cli(['apply', '--destroy'])).err[0]).toMatch(/^--destroy belongs to plan, not apply \(known for apply: --stack, --affected-by, --planned, /);
    expect((await cli(['schema', '--env', 'x'])).err[0]).toMatch(
      /^--env belongs to validate, synth, stacks, check, evidence, probe, drill, pr, plan, apply, codeowners, pools, new tenant, not schema /,
    );
  });

  it('refuses an option written before its command, and says where it goes', async () => {
    const r = await cli(['--env', 'x', 'validate']);
    expect([r.code, r.err]).toEqual([
      2,
      [
        `--env goes after a command that takes it: validate, synth, stacks, check, evidence, probe, drill, pr, plan, apply, codeowners, pools, new tenant\n${HINT_EN}`,
      ],
    ]);
  });

  it('suggests the option meant by a typo', async () => {
    const r = await cli(['check', '--tenants', 'x']);
    expect([r.code, r.err]).toEqual([
      2,
      [
        `unknown option --tenants; did you mean --tenant? (known for check: --tenant, --level, --format, --out, --from, --summary, --env, --today, --lang, --help)\n${HINT_EN}`,
      ],
    ]);
  });

  it('hands each command the values it was given: lists, --flag=value, switches', async () => {
    expect(await parsed(['synth', '--stack', 'a', 'b', 'c', '--out=o', '--quiet'])).toEqual({
      command: 'synth',
      code: 0,
      flags: { stack: ['a', 'b', 'c'], out: ['o'], quiet: ['true'] },
    });
    expect(await parsed(['check', '--tenant', 'a', '--tenant=b', '--format', 'sarif', '--lang', 'zh'])).toEqual({
      command: 'check',
      code: 0,
      flags: { tenant: ['a', 'b'], format: ['sarif'] },
    });
    expect(await parsed(['plan', '--affected-by', 'origin/main', '--network', 'intranet', '--destroy'])).toEqual({
      command: 'plan',
      code: 0,
      flags: { 'affected-by': ['origin/main'], network: ['intranet'], destroy: ['true'] },
    });
    expect(await parsed(['new', 'tenant', '--county', 'north', '--name', 'x'])).toEqual({
      command: 'new tenant',
      code: 0,
      flags: { county: ['north'], name: ['x'] },
    });
  });

  it('refuses a value missing, an option given twice, a value for a switch and a stray argument', async () => {
    const first = async (argv: string[]) => {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      return r.err[0].split('\n')[0];
    };
    expect(await first(['synth', '--out'])).toBe('option --out needs a value');
    expect(await first(['synth', '--out', '--quiet'])).toBe('option --out needs a value');
    expect(await first(['check', '--format', 'md', '--format=json'])).toBe('option --format given twice');
    expect(await first(['check', '--summary', '--summary'])).toBe('option --summary given twice');
    expect(await first(['synth', '--quiet=yes'])).toBe('option --quiet takes no value, got "yes"');
    expect(await first(['validate', 'extra'])).toBe('unexpected argument "extra"');
    expect(await first(['new', 'project'])).toBe('unknown command "project" (known: tenant)');
  });
});

describe('choices', () => {
  it('refuses a value outside them, naming the allowed ones, in both languages', async () => {
    const r = await cli(['plan', '--network', 'dmz']);
    expect([r.code, r.out, r.err]).toEqual([2, [], [`--network must be extranet or intranet, got "dmz"\n${HINT_EN}`]]);
    expect((await cli(['pr', '--base', 'main', '--format', 'pdf'])).err).toEqual([`--format must be md or json, got "pdf"\n${HINT_EN}`]);
    expect((await cli(['codeowners', '--flavor', 'gitea', '--lang', 'zh'])).err).toEqual([`--flavor 只能是 github 或 gitlab，收到 "gitea"\n${HINT_ZH}`]);
    expect((await cli(['check', '--level', '5'], { LANG: 'zh_CN.UTF-8' })).err).toEqual([`--level 只能是 1、2、3 或 4，收到 "5"\n${HINT_ZH}`]);
  });

  it('lists them in help', async () => {
    const r = await cli(['check', '--help']);
    // as wrapped for the terminal's width
    expect(r.out.join('\n').replace(/\s+/g, ' ')).toContain(
      '--format <format> report format; junit is JUnit XML for CI test reports; html is for assessors: with --out DIR a folder (an index with the topology, a page per department and per tenant), with --out FILE.html or printed one self-contained page (default: text) (choices: text, md, json, sarif, junit, html)',
    );
  });
});

describe('help', () => {
  const optionsIn = (text: string) => [...text.matchAll(/^ {2}(-h, )?(--[a-z-]+)/gm)].map((m) => m[2]);

  it('lists every command, exit 0, nothing on stderr', async () => {
    const r = await cli(['--help']);
    expect([r.code, r.err]).toEqual([0, []]);
    const text = r.out.join('\n');
    expect(text).toMatch(/^Usage: govcloud \[options\] \[command\]$/m);
    for (const c of ['validate', 'synth', 'stacks', 'schema', 'check', 'evidence', 'pr', 'plan', 'apply', 'codeowners', 'new'])
      expect(text).toMatch(new RegExp(`^ {2}${c} `, 'm'));
    expect(optionsIn(text)).toEqual(['--lang', '--help']);
  });

  it("lists only the command's own options, then the global --lang", async () => {
    const check = await cli(['check', '--help']);
    expect(check.code).toBe(0);
    expect(optionsIn(check.out.join('\n'))).toEqual([
      '--tenant',
      '--level',
      '--format',
      '--out',
      '--from',
      '--summary',
      '--env',
      '--today',
      '--help',
      '--lang',
    ]);
    const validate = await cli(['help', 'validate']);
    expect(optionsIn(validate.out.join('\n'))).toEqual(['--env', '--today', '--help', '--lang']);
    const tenant = await cli(['new', 'tenant', '--help']);
    expect(optionsIn(tenant.out.join('\n'))).toEqual(['--county', '--name', '--department', '--env', '--help', '--lang']);
    for (const spec of COMMANDS) {
      const r = await cli([...spec.name.split(' '), '--help']);
      expect(optionsIn(r.out.join('\n'))).toEqual([...spec.options.map((o) => `--${o.name}`), '--help', '--lang']);
    }
  });

  it('speaks Chinese with --lang zh', async () => {
    const r = await cli(['--lang', 'zh', 'synth', '--help']);
    const text = r.out.join('\n');
    expect(text).toMatch(/^用法： govcloud synth \[options\]$/m);
    expect(text).toMatch(/^选项：$/m);
    expect(text).toMatch(/^ {2}--out <目录> +输出目录（默认 cdktf\.out）$/m);
    expect(text).toMatch(/^全局选项：$/m);
  });

  it('shows the commands on stderr, exit 2, when none is given', async () => {
    const r = await cli([]);
    expect([r.code, r.out]).toEqual([2, []]);
    expect(r.err.join('\n')).toMatch(/^Usage: govcloud \[options\] \[command\]$/m);
    const group = await cli(['new']);
    expect([group.code, group.out]).toEqual([2, []]);
    expect(group.err.join('\n')).toMatch(/^ {2}tenant \[options\] +scaffold a tenant request file$/m);
  });
});

describe('commander inside run()', () => {
  it('neither exits the process nor writes to it: everything goes through io', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('process.exit called');
    });
    const stdout = jest.spyOn(process.stdout, 'write');
    const stderr = jest.spyOn(process.stderr, 'write');
    try {
      for (const argv of [['--help'], ['check', '--help'], [], ['validate', '--base', 'x'], ['deploy'], ['new'], ['check', '--format', 'pdf']]) {
        const r = await cli(argv);
        expect([0, 2]).toContain(r.code);
        expect(r.out.length + r.err.length).toBeGreaterThan(0);
      }
      expect(exit).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe('GOVCLOUD_CDKTF_SHORTCUTS', () => {
  it('refuses a value that is not a setting as a usage error, not an internal one', async () => {
    const saved = process.env.GOVCLOUD_CDKTF_SHORTCUTS;
    process.env.GOVCLOUD_CDKTF_SHORTCUTS = 'maybe';
    try {
      const err: string[] = [];
      const code = await run(['validate', '--lang', 'en'], { out: () => undefined, err: (l) => err.push(l) });
      expect(code).toBe(2);
      expect(err[0]).toContain('GOVCLOUD_CDKTF_SHORTCUTS="maybe" is not a setting (allowed: on, off)');
    } finally {
      if (saved === undefined) delete process.env.GOVCLOUD_CDKTF_SHORTCUTS;
      else process.env.GOVCLOUD_CDKTF_SHORTCUTS = saved;
    }
  });
});
