/** A small strict argument parser: known flags only, every problem reported in plain words. */

export interface FlagSpec {
  /** Flag takes a value (`--out DIR`); repeatable flags collect every value. */
  readonly value: boolean;
  readonly repeat?: boolean;
}

export interface Parsed {
  readonly positionals: string[];
  readonly flags: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name} (known: ${Object.keys(spec).map((k) => `--${k}`).join(', ')})`);
    let value = 'true';
    if (s.value) {
      if (eq >= 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else throw new UsageError(`option --${name} needs a value`);
      // --stack a b c: later bare words belong to a repeatable flag
      if (s.repeat) {
        const list = flags.get(name) ?? [];
        list.push(value);
        while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) list.push(argv[++i]);
        flags.set(name, list);
        continue;
      }
    }
    if (flags.has(name) && !s.repeat) throw new UsageError(`option --${name} given twice`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positionals, flags };
}

export function flag(p: Parsed, name: string): string | undefined {
  return p.flags.get(name)?.[0];
}
